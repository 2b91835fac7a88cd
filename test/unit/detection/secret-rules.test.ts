import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngineScanner } from '../../../lib/detection/engine';
import { shannonEntropy } from '../../../lib/detection/entropy';
import { scan } from '../../../lib/detection/index';
import { secretRules } from '../../../lib/detection/rules/secrets';
import type { Rule } from '../../../lib/detection/types';

/**
 * A minimal runner with the engine's documented semantics (keyword prefilter → regex/group → allowlist → entropy →
 * validate → required context), so the rules are tested on their own, independent of the engine's overlap resolution.
 */
export function runRule(rule: Rule, text: string): Array<{ start: number; end: number; value: string }> {
  const lower = text.toLowerCase();
  if (rule.keywords && rule.keywords.length > 0 && !rule.keywords.some((keyword) => lower.includes(keyword))) return [];
  if (!rule.pattern) return [];
  const flags = rule.pattern.flags.includes('g') ? rule.pattern.flags : rule.pattern.flags + 'g';
  const pattern = new RegExp(rule.pattern.source, flags.includes('d') ? flags : flags + 'd');
  const out: Array<{ start: number; end: number; value: string }> = [];
  for (const match of text.matchAll(pattern)) {
    const group = rule.group ?? 0;
    const span = match.indices?.[group];
    if (!span) continue;
    const [start, end] = span;
    const value = text.slice(start, end);
    const allowed = (rule.allowlist ?? []).some((entry) =>
      typeof entry === 'string' ? entry === value : new RegExp(entry.source, entry.flags.replace('g', '')).test(value),
    );
    if (allowed) continue;
    if (rule.entropy !== undefined && shannonEntropy(value) < rule.entropy) continue;
    if (rule.validate && !rule.validate(value, text, start)) continue;
    if (rule.requireContext && rule.context) {
      const contextWindow = rule.contextWindow ?? 60;
      const window = lower.slice(Math.max(0, start - contextWindow), end + Math.max(20, Math.ceil(contextWindow / 2)));
      if (!rule.context.some((word) => window.includes(word))) continue;
    }
    out.push({ start, end, value });
  }
  return out;
}

const exampleText = (example: string | { text: string; match: string }) =>
  typeof example === 'string' ? example : example.text;

describe('secret rule catalogue', () => {
  it('has at least 150 rules with unique kebab-case ids', () => {
    const ids = secretRules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(150);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it.each(secretRules.map((rule) => [rule.id, rule] as const))('%s is well-formed', (_id, rule) => {
    expect(rule.kind).toBe('secret');
    expect(rule.type).toMatch(/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/);
    expect(rule.description.length).toBeGreaterThan(20);
    expect(rule.description).not.toMatch(/\n/);
    expect(rule.keywords?.length ?? 0).toBeGreaterThan(0);
    for (const keyword of rule.keywords ?? []) expect(keyword).toBe(keyword.toLowerCase());
    expect(rule.pattern?.flags).toContain('g');
    if (rule.group) expect(rule.pattern?.flags).toContain('d');
    expect(rule.examples.positive.length).toBeGreaterThan(0);
    expect(rule.examples.negative.length).toBeGreaterThan(0);
  });
});

describe('secret rule examples (local runner)', () => {
  it.each(secretRules.map((rule) => [rule.id, rule] as const))('%s finds its positives', (_id, rule) => {
    for (const example of rule.examples.positive) {
      const found = runRule(rule, exampleText(example));
      expect(found.length, `no finding in: ${exampleText(example).slice(0, 120)}`).toBeGreaterThan(0);
      if (typeof example !== 'string') expect(found.map((f) => f.value)).toContain(example.match);
    }
  });

  it.each(secretRules.map((rule) => [rule.id, rule] as const))('%s stays silent on its negatives', (_id, rule) => {
    for (const example of rule.examples.negative) {
      expect(runRule(rule, example), `false alarm in: ${example.slice(0, 120)}`).toEqual([]);
    }
  });
});

describe('secret rule examples (engine)', () => {
  it.each(secretRules.map((rule) => [rule.id, rule] as const))('%s: the engine alone with this rule agrees', (_id, rule) => {
    const scanner = createEngineScanner(undefined, { rules: [rule] });
    for (const example of rule.examples.positive) {
      const text = exampleText(example);
      const values = scanner.scan(text).map((finding) => text.slice(finding.start, finding.end));
      if (typeof example === 'string') expect(values.length, text.slice(0, 120)).toBeGreaterThan(0);
      else expect(values, text.slice(0, 120)).toContain(example.match);
    }
    for (const text of rule.examples.negative) expect(scanner.scan(text), text.slice(0, 120)).toEqual([]);
  });

  it.each(secretRules.map((rule) => [rule.id, rule] as const))('%s: full scan reports each positive with this rule', (_id, rule) => {
    for (const example of rule.examples.positive) {
      const text = exampleText(example);
      const findings = scan(text).filter((finding) => finding.rule === rule.id);
      const values = findings.map((finding) => text.slice(finding.start, finding.end));
      if (typeof example === 'string') expect(values.length, text.slice(0, 120)).toBeGreaterThan(0);
      else expect(values, text.slice(0, 120)).toContain(example.match);
      for (const finding of findings) expect(finding.kind).toBe('secret');
    }
  });
});

describe('secret corpus (test/corpus/detection/secrets.jsonl)', () => {
  const corpusPath = join(process.cwd(), 'test', 'corpus', 'detection', 'secrets.jsonl');
  const cases = readFileSync(corpusPath, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { id: string; text: string; spans: Array<{ start: number; end: number; type: string }> });

  it('has >= 300 cases, at least a third of them negatives', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    expect(cases.filter((c) => c.spans.length === 0).length * 3).toBeGreaterThanOrEqual(cases.length);
  });

  it('finds every labelled secret with its exact span and type', () => {
    const missed: string[] = [];
    for (const testCase of cases) {
      const findings = scan(testCase.text).filter((finding) => finding.kind === 'secret');
      for (const span of testCase.spans) {
        const hit = findings.some((f) => f.start === span.start && f.end === span.end && f.type === span.type);
        if (!hit) missed.push(`${testCase.id}: ${span.type} "${testCase.text.slice(span.start, span.end).slice(0, 40)}"`);
      }
    }
    expect(missed).toEqual([]);
  });

  it('raises at most 1 false alarm per 100 look-alike negatives, and no extra secrets in positives', () => {
    const falseAlarms: string[] = [];
    let negatives = 0;
    let negativeAlarms = 0;
    for (const testCase of cases) {
      const isNegative = testCase.spans.length === 0;
      if (isNegative) negatives++;
      for (const finding of scan(testCase.text).filter((f) => f.kind === 'secret')) {
        if (testCase.spans.some((span) => span.start === finding.start && span.end === finding.end)) continue;
        falseAlarms.push(`${testCase.id}: ${finding.rule} "${testCase.text.slice(finding.start, finding.end).slice(0, 40)}"`);
        if (isNegative) negativeAlarms++;
      }
    }
    expect(negativeAlarms * 100).toBeLessThanOrEqual(negatives);
    expect(falseAlarms.length, falseAlarms.join('\n')).toBeLessThanOrEqual(Math.floor(cases.length / 100));
  });
});
