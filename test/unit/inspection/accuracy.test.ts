import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { meetsTargets, parseJsonl, scoreFamily, TARGETS, type CorpusRecord } from '../../../lib/inspection/accuracy';
import type { InspectionKind } from '../../../lib/inspection/types';

const dir = join(import.meta.dirname, '../../corpus/inspection');
const records: CorpusRecord[] = readdirSync(dir)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => parseJsonl(readFileSync(join(dir, f), 'utf8')));

const MIN_SIZES: Record<InspectionKind, [number, number]> = {
  'hidden-text': [40, 40],
  injection: [80, 150],
  'exfil-link': [30, 40],
  'unsafe-code': [100, 100],
};

describe('inspection accuracy on the labelled corpus', () => {
  for (const family of Object.keys(TARGETS) as InspectionKind[]) {
    it(`${family}: recall ≥ ${TARGETS[family].recall}, false alarms ≤ ${TARGETS[family].maxFalseAlarmRate * 100}%`, () => {
      const subset = records.filter((r) => r.family === family);
      const s = scoreFamily(family, subset);
      const [minAttacks, minBenign] = MIN_SIZES[family];
      expect(s.attacks).toBeGreaterThanOrEqual(minAttacks);
      expect(s.benign).toBeGreaterThanOrEqual(minBenign);
      expect(meetsTargets(s), `recall ${s.recall.toFixed(3)} missed ${s.missed.join(', ')}; false alarms ${s.falseAlarms}/${s.benign}: ${s.flaggedBenign.join(', ')}`).toBe(true);
    });
  }

  it('injection corpus spans the 8 languages and encodings', () => {
    const notes = records.filter((r) => r.family === 'injection' && r.labels.length).map((r) => r.note ?? '');
    for (const prefix of ['en ', 'fr ', 'es ', 'pt ', 'it ', 'de ', 'zh ', 'ja ', 'base64', 'hex', 'percent']) {
      expect(notes.some((n) => n.startsWith(prefix)), prefix).toBe(true);
    }
  });
});
