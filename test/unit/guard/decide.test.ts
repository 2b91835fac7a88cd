import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../lib/detection/types';
import { decide, maskValue, mayExceedTokenBudget, planFindings, utf8Length } from '../../../lib/guard/decide';
import { defaultPolicy, toScanPolicy } from '../../../lib/policy/defaults';

function finding(kind: Finding['kind'], type: string, start: number, end: number): Finding {
  return { kind, type, start, end, rule: `${type.toLowerCase()}-rule`, confidence: 0.9, message: `${type} found` };
}

describe('planFindings and decide', () => {
  const text = 'key sk-proj-abcdefghijklmnop mail bob@example.com';
  const secret = finding('secret', 'OPENAI_API_KEY', 4, 28);
  const email = finding('pii', 'EMAIL', 34, 49);

  it('should take the action per type, then per custom entry, then per kind', () => {
    const policy = defaultPolicy();
    policy.actions = { secret: 'review', pii: 'redact', custom: 'allow' };
    policy.types = { EMAIL: 'warn' };
    policy.customTerms = [{ label: 'Project name', terms: ['falcon'], action: 'block' }];
    const custom = finding('custom', 'PROJECT_NAME', 0, 3);
    const plan = planFindings(text, [secret, email, custom], toScanPolicy(policy));
    expect(plan.review.map((p) => p.finding)).toEqual([secret]);
    expect(plan.warn.map((p) => p.finding)).toEqual([email]);
    expect(plan.block.map((p) => p.finding)).toEqual([custom]);
    expect(decide(plan)).toBe('block');
  });

  it('should drop allowed findings and keep the raw value beside a masked preview', () => {
    const policy = defaultPolicy();
    policy.types = { EMAIL: 'allow' };
    const plan = planFindings(text, [secret, email], toScanPolicy(policy));
    expect(plan.findings).toHaveLength(1);
    expect(plan.findings[0]!.value).toBe('sk-proj-abcdefghijklmnop');
    expect(plan.findings[0]!.masked).not.toContain('abcdefghijkl');
  });

  it('should order decisions block > review > redact > warn > pass', () => {
    const policy = toScanPolicy(defaultPolicy());
    expect(decide(planFindings(text, [], policy))).toBe('pass');
    expect(decide(planFindings(text, [email], policy))).toBe('redact');
    expect(decide(planFindings(text, [email, secret], policy))).toBe('review');
    const warnOnly = defaultPolicy();
    warnOnly.actions.pii = 'warn';
    expect(decide(planFindings(text, [email], toScanPolicy(warnOnly)))).toBe('warn');
  });
});

describe('maskValue', () => {
  it('should show at most about a third of the value', () => {
    const value = 'sk-proj-AbCdEfGhIjKlMnOpQrStUv3xQ';
    const masked = maskValue(value);
    expect(masked).toMatch(/^sk-p…3xQ$/);
    expect(maskValue('bob@example.com').replace('…', '').length).toBeLessThanOrEqual(5);
    expect(maskValue('1234')).toBe('••••');
  });
});

describe('token budget precheck', () => {
  it('should use the UTF-8 length as an upper bound', () => {
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
    const policy = defaultPolicy();
    expect(mayExceedTokenBudget('x'.repeat(10_000), policy)).toBe(false); // no limit
    policy.maxPromptTokens = 100;
    expect(mayExceedTokenBudget('x'.repeat(100), policy)).toBe(false);
    expect(mayExceedTokenBudget('x'.repeat(101), policy)).toBe(true);
  });
});
