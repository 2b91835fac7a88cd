import { describe, expect, it } from 'vitest';
import { checkSync } from 'recheck';
import { inspect, inspectCodeBlock } from '../../../lib/inspection/index';
import { inspectionCatalogue } from '../../../lib/inspection/catalogue';
import { injectionHits, normalise } from '../../../lib/inspection/injection';
import { CODE_LINE, PROSE_LINE } from '../../../lib/inspection/unsafe-code';

const ids = inspectionCatalogue.map((r) => r.id);

describe('regexes outside the rules', () => {
  it('the code-or-prose line classifiers of unfenced text are linear-time (recheck)', () => {
    // Each runs once on every line of a reply: a quadratic one turns a long line into seconds of work.
    for (const pattern of [CODE_LINE, PROSE_LINE]) {
      const result = checkSync(pattern.source, pattern.flags.replace(/[gdym]/g, ''), { timeout: 20_000 });
      expect(result.status, `/${pattern.source.slice(0, 80)}…/`).not.toBe('vulnerable');
    }
  });
});

describe('inspection catalogue', () => {
  it('has unique kebab-case ids, descriptions and examples', () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of inspectionCatalogue) {
      expect(rule.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(rule.description.length).toBeGreaterThan(10);
      expect(rule.examples.positive.length).toBeGreaterThan(0);
      expect(rule.examples.negative.length).toBeGreaterThan(0);
    }
  });

  for (const rule of inspectionCatalogue) {
    describe(rule.id, () => {
      it('fires on every positive example', () => {
        for (const example of rule.examples.positive) {
          const findings = inspect(example);
          const kinds = findings.filter((f) => f.kind === rule.kind);
          expect(kinds.length, `${rule.id} positive: ${JSON.stringify(example)}`).toBeGreaterThan(0);
          if (rule.kind === 'injection' && !rule.id.startsWith('inj-encoded')) {
            // The finding is the cluster's strongest rule; this rule must be among the cluster's hits.
            const hitIds = injectionHits(normalise(example).text).map((h) => h.pattern.id);
            expect(hitIds, `${rule.id} hits for ${JSON.stringify(example)}`).toContain(rule.id);
          } else if (rule.kind === 'unsafe-code' || rule.kind === 'exfil-link') {
            const byRule = [...findings, ...inspectCodeBlock(example)].filter((f) => f.rule === rule.id);
            expect(byRule.length, `${rule.id} by id: ${JSON.stringify(example)}`).toBeGreaterThan(0);
          } else {
            expect(kinds.some((f) => f.rule === rule.id), `${rule.id} by id: ${JSON.stringify(example)} → ${JSON.stringify(kinds.map((k) => k.rule))}`).toBe(true);
          }
        }
      });
      it('stays silent on every negative example', () => {
        for (const example of rule.examples.negative) {
          const findings = inspect(example).filter((f) => f.kind === rule.kind && (rule.kind === 'injection' || f.rule === rule.id));
          expect(findings, `${rule.id} negative: ${JSON.stringify(example)}`).toEqual([]);
        }
      });
      it('uses only linear-time regexes (recheck)', () => {
        const sources = [
          ...rule.patterns.map((re) => ({ source: re.source, flags: re.flags })),
          // Anchored patterns only ever run from one start position (sticky), so that is how they are checked.
          ...(rule.anchored ?? []).map((re) => ({ source: `^(?:${re.source})`, flags: re.flags })),
        ];
        for (const { source, flags } of sources) {
          const result = checkSync(source, flags.replace(/[gdym]/g, ''), { timeout: 10_000 });
          expect(result.status, `${rule.id}: /${source.slice(0, 120)}…/ is ${result.status}`).not.toBe('vulnerable');
        }
      });
    });
  }
});
