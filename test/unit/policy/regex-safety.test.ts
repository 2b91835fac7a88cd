import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findReDoSRisk } from '../../../lib/policy/regex-safety';

describe('custom pattern ReDoS check', () => {
  it.each([
    ['(a+)+$', /nested quantifiers/],
    ['(.*)*x', /nested quantifiers/],
    ['^(\\w+\\s?)*$', /nested quantifiers/],
    ['(a*b*)*c', /nested quantifiers/],
    ['(x+x+)+y', /nested quantifiers/],
    ['(?:[a-z]{1,50})+@', /nested quantifiers/],
    ['(a|a)*b', /same character/],
    ['(a|ab)+c', /same character/],
    ['(\\w|\\d)+!', /same character/],
    ['(A|a)+b', /same character/, 'i'],
    ['(a|)*b', /empty string/],
    ['(a?)+b', /nested quantifiers|empty string/],
    ['\\d+\\d+x', /in a row/],
    ['.*.*=', /in a row/],
    ['\\w*-?[a-z]+!', /in a row/],
    ['(a)\\1*', /nested quantifiers|in a row/],
  ])('rejects %s', (pattern, why, flags = '') => {
    expect(findReDoSRisk(pattern, flags)).toMatch(why);
  });

  it.each([
    'EMP-\\d{6}',
    '\\b(?:INC|CHG)\\d{7}\\b',
    '(foo|bar)+',
    'project\\s+(?:falcon|heron)',
    '[A-Z]{2}\\d{2}[A-Z0-9]{4,30}',
    '[a-z]+[0-9]+',
    '\\w+@corp\\.example\\.com',
    '(?<id>ACME)-\\d{5}',
    '[\\]\\-]+x',
    '\\bsk_live_[A-Za-z0-9]{24}\\b',
    '(?:\\d{3}-){2}\\d{4}',
    '^codename:\\s?\\S+$',
  ])('accepts %s', (pattern) => {
    expect(findReDoSRisk(pattern)).toBeNull();
  });

  it('patterns it accepts run fast on adversarial input', async () => {
    // Property: whatever the check accepts from a family of small quantified patterns finishes quickly on a hostile
    // string. Runs in a worker so a catastrophic pattern fails the test instead of hanging it.
    const atom = fc.constantFrom('a', 'b', '\\w', '\\d', '.', '[ab]', '(?:a|b)', '(?:ab|c)');
    const quantifier = fc.constantFrom('', '*', '+', '?', '{1,3}');
    const piece = fc.tuple(atom, quantifier).map(([a, q]) => a + q);
    const group = fc
      .tuple(fc.array(piece, { minLength: 1, maxLength: 3 }), fc.constantFrom('', '*', '+', '{2,}'))
      .map(([pieces, q]) => `(?:${pieces.join('')})${q}`);
    const pattern = fc.array(fc.oneof(piece, group), { minLength: 1, maxLength: 4 }).map((parts) => `${parts.join('')}!`);
    const generated = fc.sample(pattern, { numRuns: 2000, seed: 42 });
    const accepted = generated.filter((source) => findReDoSRisk(source) === null);
    const rejected = generated.length - accepted.length;
    expect(accepted.length).toBeGreaterThan(200);
    expect(rejected).toBeGreaterThan(200);

    const hostile = `${'a'.repeat(400)}${'ab'.repeat(200)}${'1'.repeat(400)}`;
    const worker = new Worker(new URL('./regex-timing-worker.mjs', import.meta.url), {
      workerData: { patterns: accepted, hostile },
    });
    const slow: string[] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        let current = -1;
        let timer = setTimeout(() => reject(new Error('no progress')), 5000);
        worker.on('message', (message: { started?: number; index?: number; ms?: number; done?: boolean }) => {
          clearTimeout(timer);
          if (message.done) return resolve();
          if (message.started !== undefined) current = message.started;
          if (message.ms !== undefined && message.ms > 1000) slow.push(accepted[message.index!]!);
          timer = setTimeout(() => reject(new Error(`catastrophic backtracking: ${accepted[current]}`)), 5000);
        });
        worker.on('error', reject);
      });
    } finally {
      await worker.terminate();
    }
    expect(slow).toEqual([]);
  });

  it('knows the bad shapes this property would catch', () => {
    // Sanity check of the harness premise: these are slow and the check rejects them.
    for (const source of ['(?:(?:a|b)[ab]?){2,}!', '(?:[ab]*)(?:(?:a|b)*[ab]{1,3})(?:ab|c)+!', '(?:\\w*)\\w+(?:ab|c)!']) {
      expect(findReDoSRisk(source)).not.toBeNull();
    }
  });
});
