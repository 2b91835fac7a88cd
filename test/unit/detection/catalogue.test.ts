/**
 * The rule catalogue as data: every rule is well-formed, finds its own positive examples, stays silent on its own
 * negatives, and every regex it runs (pattern and innerPatterns) is linear-time according to recheck.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { builtinRules } from '../../../lib/detection/rules';
import { createEngineScanner } from '../../../lib/detection/engine';
import type { Rule } from '../../../lib/detection/types';
import { recheckPattern, saveRecheckCache } from './recheck-cache';

const rules: readonly Rule[] = builtinRules;

function regexesOf(rule: Rule): RegExp[] {
  return [...(rule.pattern ? [rule.pattern] : []), ...(rule.innerPatterns ?? [])];
}

describe('rule catalogue: shape', () => {
  it('has the structured PII rules and unique kebab-case ids', () => {
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id, id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    const types = new Set(rules.map((rule) => rule.type));
    for (const type of ['EMAIL', 'PHONE', 'CREDIT_CARD', 'SSN', 'IBAN', 'IP_ADDRESS']) expect(types.has(type), type).toBe(true);
  });

  it.each(rules.map((rule) => [rule.id, rule] as const))('%s is well-formed', (_id, rule) => {
    expect(rule.description.trim().length, 'description').toBeGreaterThan(10);
    expect(rule.description.includes('\n'), 'one-line description').toBe(false);
    expect(['secret', 'pii', 'custom']).toContain(rule.kind);
    expect(rule.type).toMatch(/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/);
    expect(Boolean(rule.pattern) || Boolean(rule.recognize), 'pattern or recognize').toBe(true);
    expect(rule.examples.positive.length, 'positive examples').toBeGreaterThanOrEqual(1);
    expect(rule.examples.negative.length, 'negative examples').toBeGreaterThanOrEqual(1);
    for (const keyword of rule.keywords ?? []) expect(keyword, 'keywords are lower-case').toBe(keyword.toLowerCase());
    if (rule.group) expect(rule.pattern, 'group needs a pattern').toBeDefined();
    if (rule.confidence !== undefined) expect(rule.confidence).toBeGreaterThan(0);
  });
});

describe('rule catalogue: examples', () => {
  it.each(rules.map((rule) => [rule.id, rule] as const))('%s finds its positives and not its negatives', (_id, rule) => {
    const scanner = createEngineScanner(undefined, { rules: [rule] });
    for (const example of rule.examples.positive) {
      const text = typeof example === 'string' ? example : example.text;
      const found = scanner.scan(text).filter((finding) => finding.rule === rule.id);
      const values = found.map((finding) => text.slice(finding.start, finding.end));
      if (typeof example === 'string') expect(found.length, `positive: ${text}`).toBeGreaterThan(0);
      else expect(values, `positive: ${text}`).toContain(example.match);
    }
    for (const text of rule.examples.negative) {
      const found = scanner.scan(text).filter((finding) => finding.rule === rule.id);
      expect(found.map((finding) => text.slice(finding.start, finding.end)), `negative: ${text}`).toEqual([]);
    }
  });
});

describe('rule catalogue: every regex is linear-time (recheck)', () => {
  afterAll(() => saveRecheckCache());
  it.each(rules.filter((rule) => regexesOf(rule).length > 0).map((rule) => [rule.id, rule] as const))(
    '%s',
    (_id, rule) => {
      for (const regex of regexesOf(rule)) {
        const verdict = recheckPattern(regex.source, regex.flags);
        expect(verdict.status === 'vulnerable' ? `/${regex.source}/${regex.flags} attack: ${verdict.attack}` : 'not vulnerable').toBe(
          'not vulnerable',
        );
      }
    },
    60_000,
  );
});
