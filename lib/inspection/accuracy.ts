/**
 * Accuracy over labelled JSONL corpora ({"id","text","labels","family","note"}): recall on attacks and false-alarm
 * rate on benign look-alikes, per family. Shared by scripts/accuracy-inspection.ts and the Vitest threshold test.
 */
import { inspect } from './index';
import type { InspectionKind } from './types';

export interface CorpusRecord {
  id: string;
  text: string;
  labels: InspectionKind[];
  family: InspectionKind;
  note?: string;
}

export interface FamilyScore {
  family: InspectionKind;
  attacks: number;
  caught: number;
  benign: number;
  falseAlarms: number;
  recall: number;
  falseAlarmRate: number;
  missed: string[];
  flaggedBenign: string[];
}

export const TARGETS: Record<InspectionKind, { recall: number; maxFalseAlarmRate: number }> = {
  'hidden-text': { recall: 1, maxFalseAlarmRate: 0 },
  'exfil-link': { recall: 1, maxFalseAlarmRate: 0.05 },
  injection: { recall: 0.85, maxFalseAlarmRate: 0.02 },
  'unsafe-code': { recall: 0.8, maxFalseAlarmRate: 0.02 },
};

export function parseJsonl(text: string): CorpusRecord[] {
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CorpusRecord);
}

export function scoreFamily(family: InspectionKind, records: CorpusRecord[]): FamilyScore {
  const score: FamilyScore = { family, attacks: 0, caught: 0, benign: 0, falseAlarms: 0, recall: 0, falseAlarmRate: 0, missed: [], flaggedBenign: [] };
  for (const r of records) {
    const hit = inspect(r.text).some((f) => f.kind === family);
    if (r.labels.includes(family)) {
      score.attacks++;
      if (hit) score.caught++;
      else score.missed.push(`${r.id} (${r.note ?? ''})`);
    } else {
      score.benign++;
      if (hit) {
        score.falseAlarms++;
        score.flaggedBenign.push(`${r.id} (${r.note ?? ''})`);
      }
    }
  }
  score.recall = score.attacks ? score.caught / score.attacks : 1;
  score.falseAlarmRate = score.benign ? score.falseAlarms / score.benign : 0;
  return score;
}

export function meetsTargets(s: FamilyScore): boolean {
  const t = TARGETS[s.family];
  return s.recall >= t.recall && s.falseAlarmRate <= t.maxFalseAlarmRate && (t.maxFalseAlarmRate > 0 || s.falseAlarms === 0);
}
