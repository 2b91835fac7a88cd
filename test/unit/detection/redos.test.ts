/**
 * ReDoS: the runtime analyzer (lib/detection/regex-safety.ts) must never accept a pattern that recheck calls
 * vulnerable; every built-in regex must be linear by recheck; and what the analyzer refuses gets a clear message.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { checkRegexSafety } from '../../../lib/detection/regex-safety';
import { compileCustomRules } from '../../../lib/detection/custom';
import { builtinRules } from '../../../lib/detection/rules';
import { recheckPattern, saveRecheckCache } from './recheck-cache';

afterAll(() => saveRecheckCache());

/** Patterns an admin might write: ids, codenames, emails, paths, and the classic traps. */
const CUSTOM_PATTERN_SET = [
  'PROJ-\\d+', 'PROJ-\\d{3,6}', 'INV-\\d{4}-\\d{6}', '\\bCASE-\\d{6}\\b', 'emp\\d{5,7}', '[A-Z]{3}-\\d+', '\\b[A-Z]{3}-\\d+',
  'codename (?:falcon|eagle|hawk)', '\\bproject\\s+(?:falcon|eagle)\\b', 'customer[_ ]id[:=]\\s*\\d+', 'x\\s*=\\s*\\d+',
  'key=[A-Za-z0-9+/]{20,}={0,2}', '#\\d+-[a-z]+\\.[a-z]+', '"[^"]*"', '^\\d+$', '\\b\\w+x', '-[a-z]+', '\\bACME-\\w+',
  '(?<![\\w.])[\\w.]+@corp\\.com', '(?<![\\w.%+-])[\\w.%+-]+@[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,}', 'ACME-[A-Z]{2}\\d{4}',
  '(?<![A-Za-z0-9])AKIA[A-Z0-9]{16}(?![A-Za-z0-9])', '\\bdb\\d{2}\\.prod\\.internal\\b', 'https://wiki\\.corp/[A-Za-z0-9/_-]{1,80}',
  '\\b(?:red|green|blue)-team\\b', 'SEC-[0-9a-f]{8}', '\\$\\{[A-Z_]{1,40}\\}', 'token_[a-z0-9]{32}', '\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}',
  // traps (quadratic or exponential)
  '(a+)+$', '(a|ab)*c', '(a|a)*$', '(\\w+\\s?)+$', '(.*a){12}', 'x(.*a){12}', 'a.*b.*c', '\\w+x', '\\d+\\d+', '[\\w-]+-\\w+',
  'x[\\w-]+-\\w+y', '(?:[a-z]+\\.)+[a-z]+', 'x(?:[a-z]+\\.)+[a-z]+', 'x\\d+\\.?\\d+y', '(?=.*\\d)x', 'x[a-z]*[0-9]*[a-z]*y',
  'x[a-z]+[0-9]+[a-z]+y', 'x[a-z]+y[a-z]+z', '\\b[\\w.]+@corp\\.com', '\\$\\{[^}]+\\}', '\\bdb-[a-z0-9-]+\\.internal\\b',
  '([a-zA-Z]+)*$', '(x+x+)+y', '^(a?){25}a{25}$', '(\\d|\\d\\d)+z', '(?:\\s*,\\s*)+$', '(\\(|\\[)*x',
];

describe('runtime ReDoS analyzer vs recheck', () => {
  it.each(CUSTOM_PATTERN_SET)('%s: accepted only if recheck finds it safe', (source) => {
    const verdict = checkRegexSafety(source, '');
    if (!verdict.safe) {
      expect(verdict.reason).toMatch(/catastrophic backtracking|cannot verify|invalid/);
      return;
    }
    const reference = recheckPattern(source, 'g');
    expect(reference.status, `accepted but recheck says ${reference.status}: ${reference.attack ?? ''}`).not.toBe('vulnerable');
  }, 60_000);

  it('accepts the ordinary patterns of the set (it is not refusing everything)', () => {
    const accepted = CUSTOM_PATTERN_SET.filter((source) => checkRegexSafety(source).safe);
    expect(accepted.length).toBeGreaterThanOrEqual(25);
    for (const ordinary of ['PROJ-\\d+', 'INV-\\d{4}-\\d{6}', 'codename (?:falcon|eagle|hawk)', '\\bACME-\\w+']) {
      expect(accepted).toContain(ordinary);
    }
  });

  it('refuses the classic traps', () => {
    for (const trap of ['(a+)+$', '(a|ab)*c', '(\\w+\\s?)+$', 'a.*b.*c', '\\w+x', '(?=.*\\d)x', '([a-zA-Z]+)*$', '(x+x+)+y']) {
      expect(checkRegexSafety(trap).safe, trap).toBe(false);
    }
  });

  it('refuses (a+)+$ as a custom pattern with a clear message naming it', () => {
    const { rules, errors } = compileCustomRules({ customPatterns: [{ label: 'Runaway', pattern: '(a+)+$' }] });
    expect(rules).toEqual([]);
    expect(errors).toEqual([
      {
        label: 'Runaway',
        field: 'customPatterns',
        message: expect.stringMatching(/^custom pattern "Runaway" \(\/\(a\+\)\+\$\/\) was refused: possible catastrophic backtracking: a nested repetition/),
      },
    ]);
  });

  it('refuses backreferences and unknown syntax instead of guessing', () => {
    expect(checkRegexSafety('(a)\\1').reason).toMatch(/backreferences/);
    expect(checkRegexSafety('(?<n>a)\\k<n>').reason).toMatch(/backreferences/);
    expect(checkRegexSafety('[').reason).toMatch(/invalid regular expression/);
  });
});

describe('every built-in regex is linear-time (recheck)', () => {
  const patterns = builtinRules.flatMap((rule) =>
    [...(rule.pattern ? [rule.pattern] : []), ...(rule.innerPatterns ?? [])].map((regex) => [rule.id, regex] as const),
  );
  it.each(patterns)('%s %s', (_id, regex) => {
    const verdict = recheckPattern(regex.source, regex.flags);
    expect(verdict.status, verdict.attack).not.toBe('vulnerable');
  }, 60_000);

  it('accepted custom patterns run fast on adversarial input', () => {
    const accepted = CUSTOM_PATTERN_SET.filter((source) => checkRegexSafety(source).safe);
    const attacks = ['a'.repeat(20_000), `${'a'.repeat(20_000)}!`, 'x'.repeat(20_000), '1'.repeat(20_000), `${'a.'.repeat(10_000)}`, `${'ab'.repeat(10_000)}`, ' '.repeat(20_000), `${'a-'.repeat(10_000)}`];
    for (const source of accepted) {
      const regex = new RegExp(source, 'g');
      const started = performance.now();
      for (const attack of attacks) for (const _ of attack.matchAll(regex));
      expect(performance.now() - started, source).toBeLessThan(500);
    }
  });
});
