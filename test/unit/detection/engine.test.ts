import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { actionFor, createScanner, scan, scanChunked } from '../../../lib/detection';
import { createEngineScanner, lowerCasePreservingOffsets, hasContextWord, literalPrefixes } from '../../../lib/detection/engine';
import { builtinRules } from '../../../lib/detection/rules';
import { buildPrefilter } from '../../../lib/detection/prefilter';
import { shannonEntropy } from '../../../lib/detection/entropy';
import type { Rule } from '../../../lib/detection/types';

function rule(overrides: Partial<Rule> & Pick<Rule, 'id'>): Rule {
  return {
    kind: 'pii',
    type: 'TEST',
    description: 'test rule',
    examples: { positive: [], negative: [] },
    ...overrides,
  };
}

const EMAIL_TEXT = 'Write to jane.doe@acme-corp.com or call (415) 555-0199 today.';

describe('scan', () => {
  it('returns sorted, non-overlapping findings with UTF-16 offsets', () => {
    const text = `😀 café ${EMAIL_TEXT}`;
    const findings = scan(text);
    const values = findings.map((finding) => text.slice(finding.start, finding.end));
    expect(values).toContain('jane.doe@acme-corp.com');
    expect(values).toContain('(415) 555-0199');
    for (let i = 1; i < findings.length; i++) expect(findings[i]!.start).toBeGreaterThanOrEqual(findings[i - 1]!.end);
    const email = findings.find((finding) => finding.type === 'EMAIL')!;
    expect(email).toMatchObject({ kind: 'pii', rule: 'email-address' });
    expect(email.confidence).toBeGreaterThanOrEqual(0.9);
    expect(email.message).not.toContain('jane');
  });

  it('handles empty and finding-free input', () => {
    expect(scan('')).toEqual([]);
    expect(scan('Just a normal sentence about lunch plans.')).toEqual([]);
  });

  it('does not report types or kinds the policy allows', () => {
    expect(scan(EMAIL_TEXT, { types: { EMAIL: 'allow' } }).map((finding) => finding.type)).toEqual(['PHONE']);
    expect(scan(EMAIL_TEXT, { types: { EMAIL: { action: 'allow' } } }).map((finding) => finding.type)).toEqual(['PHONE']);
    expect(scan(EMAIL_TEXT, { actions: { pii: 'allow' } })).toEqual([]);
    // A per-type override beats the kind's action.
    expect(scan(EMAIL_TEXT, { actions: { pii: 'allow' }, types: { EMAIL: 'redact' } }).map((finding) => finding.type)).toEqual(['EMAIL']);
  });

  it('resolves the action per type, then per custom entry, then per kind', () => {
    const policy = { actions: { pii: 'warn' as const, custom: 'review' as const }, types: { EMAIL: 'block' as const }, customTerms: [{ label: 'Codename', terms: ['falcon'], action: 'block' as const }] };
    expect(actionFor('pii', 'EMAIL', policy)).toBe('block');
    expect(actionFor('pii', 'PHONE', policy)).toBe('warn');
    expect(actionFor('custom', 'CODENAME', policy)).toBe('block');
    expect(actionFor('custom', 'OTHER', policy)).toBe('review');
    expect(actionFor('secret', 'AWS_ACCESS_KEY', undefined)).toBe('redact');
  });

  it('runs national-ID pack rules only for selected packs', () => {
    const packRule = rule({ id: 'pack-rule', type: 'PACK_ID', pattern: /\bPK-\d{4}\b/g, pack: 'xx' });
    const withPack = createEngineScanner({ nationalIdPacks: ['xx'] }, { rules: [packRule] });
    const withoutPack = createEngineScanner({ nationalIdPacks: ['yy'] }, { rules: [packRule] });
    const allPacks = createEngineScanner(undefined, { rules: [packRule] });
    expect(withPack.scan('id PK-1234')).toHaveLength(1);
    expect(withoutPack.scan('id PK-1234')).toHaveLength(0);
    expect(allPacks.scan('id PK-1234')).toHaveLength(1);
  });

  it('createScanner precompiles once and scans repeatedly with the same result', () => {
    const scanner = createScanner({ customTerms: [{ label: 'Project', terms: ['Bluebird'] }] });
    const first = scanner.scan('Bluebird ships to jane.doe@acme-corp.com');
    const second = scanner.scan('Bluebird ships to jane.doe@acme-corp.com');
    expect(second).toEqual(first);
    expect(first.map((finding) => finding.type)).toEqual(['PROJECT', 'EMAIL']);
  });
});

describe('engine loop', () => {
  it('runs a keyword-gated rule only when a keyword is present', () => {
    let calls = 0;
    const gated = rule({
      id: 'gated',
      keywords: ['needle'],
      recognize: () => {
        calls++;
        return [];
      },
    });
    const scanner = createEngineScanner(undefined, { rules: [gated] });
    scanner.scan('a haystack without it');
    expect(calls).toBe(0);
    scanner.scan('a haystack with a NEEDLE in it');
    expect(calls).toBe(1);
  });

  it('applies capture groups, allowlists and entropy floors', () => {
    const keyRule = rule({
      id: 'key-rule',
      kind: 'secret',
      type: 'KEY',
      pattern: /key=([A-Za-z0-9]{8,})/g,
      group: 1,
      entropy: 3,
      allowlist: ['EXAMPLEKEY123', /^test/i],
    });
    const scanner = createEngineScanner(undefined, { rules: [keyRule] });
    const text = 'key=Zx81QpLm27Vb key=EXAMPLEKEY123 key=TestKey98765 key=aaaaaaaaaaaa';
    const findings = scanner.scan(text);
    expect(findings.map((finding) => text.slice(finding.start, finding.end))).toEqual(['Zx81QpLm27Vb']);
  });

  it('uses validate to drop matches and raise confidence', () => {
    const even = rule({ id: 'even', pattern: /\b\d+\b/g, validate: (value) => Number(value) % 2 === 0 });
    const findings = createEngineScanner(undefined, { rules: [even] }).scan('1 2 3 4');
    expect(findings.map((finding) => finding.start)).toEqual([2, 6]);
    expect(findings[0]!.confidence).toBe(0.9);
  });

  it('keeps a confidence the rule states, even when it has a validator', () => {
    const stated = rule({ id: 'even-stated', pattern: /\b\d+\b/g, confidence: 0.55, validate: (value) => Number(value) % 2 === 0 });
    const findings = createEngineScanner(undefined, { rules: [stated] }).scan('1 2 3 4');
    expect(findings.map((finding) => finding.start)).toEqual([2, 6]);
    expect(findings[0]!.confidence).toBe(0.55);
  });

  it('raises confidence with context words and drops requireContext matches without them', () => {
    const withContext = rule({ id: 'ctx', pattern: /\b\d{6}\b/g, confidence: 0.6, context: ['badge'], requireContext: true });
    const scanner = createEngineScanner(undefined, { rules: [withContext] });
    expect(scanner.scan('number 123456 here')).toEqual([]);
    const [finding] = scanner.scan('my badge is 123456');
    expect(finding!.confidence).toBeCloseTo(0.7);
    // Context after the match also counts; so do plurals.
    expect(scanner.scan('123456 is on the badges list')).toHaveLength(1);
    // Context far away does not.
    expect(scanner.scan(`badge ${'x'.repeat(100)} 123456`)).toEqual([]);
  });

  it('resolves overlaps by confidence, then length, then kind priority', () => {
    const text = 'token ABCDEF123456';
    const shortSecret = rule({ id: 'short-secret', kind: 'secret', type: 'S', pattern: /ABCDEF/g, confidence: 0.7 });
    const longPii = rule({ id: 'long-pii', kind: 'pii', type: 'P', pattern: /ABCDEF123456/g, confidence: 0.7 });
    const confidentPii = rule({ id: 'confident-pii', kind: 'pii', type: 'P', pattern: /DEF123/g, confidence: 0.95 });
    const samePii = rule({ id: 'same-pii', kind: 'pii', type: 'P2', pattern: /ABCDEF123456/g, confidence: 0.7 });
    const sameSecret = rule({ id: 'same-secret', kind: 'secret', type: 'S2', pattern: /ABCDEF123456/g, confidence: 0.7 });
    const sameCustom = rule({ id: 'same-custom', kind: 'custom', type: 'C2', pattern: /ABCDEF123456/g, confidence: 0.7 });
    const pick = (rules: Rule[]) => createEngineScanner(undefined, { rules }).scan(text).map((finding) => finding.rule);
    expect(pick([shortSecret, longPii])).toEqual(['long-pii']); // same confidence: longer wins
    expect(pick([longPii, confidentPii])).toEqual(['confident-pii']); // confidence first
    expect(pick([samePii, sameCustom, sameSecret])).toEqual(['same-secret']);
    expect(pick([samePii, sameCustom])).toEqual(['same-custom']);
  });

  it('keeps offsets on code-point boundaries around astral characters', () => {
    const astral = rule({ id: 'astral', pattern: /[\uDC00-\uDFFF]x/g });
    const text = 'a😀x b';
    const [finding] = createEngineScanner(undefined, { rules: [astral] }).scan(text);
    expect(text.slice(finding!.start, finding!.end)).toBe('😀x');
  });

  it('survives zero-length matches and throwing-free recognizers returning odd spans', () => {
    const empty = rule({ id: 'empty', pattern: /x*/g });
    const odd = rule({ id: 'odd', recognize: () => [{ start: 5, end: 2 }, { start: -1, end: 3 }, { start: 0, end: 999 }] });
    expect(createEngineScanner(undefined, { rules: [empty] }).scan('abxxc').map((finding) => finding.start)).toEqual([2]);
    expect(createEngineScanner(undefined, { rules: [odd] }).scan('abcdef')).toEqual([]);
  });
});

describe('scanChunked', () => {
  it('finds the same as scan on a large text, including values across chunk borders, each once', async () => {
    const filler = 'lorem ipsum dolor sit amet, ';
    let text = '';
    const emails: string[] = [];
    for (let i = 0; text.length < 300_000; i++) {
      text += filler.repeat(37);
      const email = `user${i}.name@example${i % 7}.org`;
      emails.push(email);
      text += `${email} `;
    }
    const whole = scan(text);
    const chunked = await scanChunked(text, undefined, { chunkSize: 4096, overlap: 128 });
    expect(chunked).toEqual(whole);
    expect(chunked.filter((finding) => finding.type === 'EMAIL')).toHaveLength(emails.length);
    for (const finding of chunked) expect(emails).toContain(text.slice(finding.start, finding.end));
  });

  it('yields to the event loop between chunks', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const text = 'word '.repeat(400_000);
    await scanChunked(text, undefined, { chunkSize: 16_384 });
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(scanChunked('a@b.example.com', undefined, { signal: controller.signal })).rejects.toThrow('stop');
    const late = new AbortController();
    const pending = scanChunked('text '.repeat(200_000), undefined, { chunkSize: 4096, signal: late.signal });
    late.abort();
    await expect(pending).rejects.toBeDefined();
  });

  it('scan() windows very large texts and still finds values at window borders', () => {
    const email = 'border.case@example-mail.com';
    // Put the email across the first internal window border (64 KiB) and near the end.
    const text = `${'a '.repeat(32_760)}${email} ${'b '.repeat(100_000)}${email}`;
    const findings = scan(text).filter((finding) => finding.type === 'EMAIL');
    expect(findings.map((finding) => text.slice(finding.start, finding.end))).toEqual([email, email]);
  });
});

describe('helpers', () => {
  it('lower-cases without shifting offsets', () => {
    const text = 'İSTANBUL straße ΣΑΣ';
    const lower = lowerCasePreservingOffsets(text);
    expect(lower).toHaveLength(text.length);
    expect(lower.startsWith('istanbul')).toBe(true);
  });

  it('matches context words as whole words only', () => {
    expect(hasContextWord('my phone is', 0, 11, ['phone'])).toBe(true);
    expect(hasContextWord('microphone is', 0, 13, ['phone'])).toBe(false);
    expect(hasContextWord('phones are', 0, 10, ['phone'])).toBe(true);
    expect(hasContextWord('a phone', 0, 3, ['phone'])).toBe(false); // outside the window
  });

  it('prefilter reports keyword hits of exactly the rules whose keywords occur', () => {
    const prefilter = buildPrefilter([['akia', 'asia'], ['ghp_'], undefined, ['sk-', 'ia']]);
    const rulesHit = (text: string, from?: number) => {
      const hits = prefilter.collect(text, from);
      const hit = [0, 0, 0, 0];
      for (let i = 0; i < hits.count; i++) hit[prefilter.entries[hits.entry[i]!]!.rule] = 1;
      return hit;
    };
    expect(rulesHit('export key=akiaxxxx')).toEqual([1, 0, 0, 1]);
    expect(rulesHit('nothing here')).toEqual([0, 0, 0, 0]);
    expect(rulesHit('ghp_ then akia', 5)).toEqual([1, 0, 0, 1]);
  });

  it('computes Shannon entropy in bits per character', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abab')).toBeCloseTo(1);
    expect(shannonEntropy('abcdefgh')).toBeCloseTo(3);
  });

  it('computes the same entropy as the textbook −Σ p·log2 p, also for counts beyond its lookup table', () => {
    const reference = (value: string) => {
      const counts = new Map<string, number>();
      for (const unit of value) counts.set(unit, (counts.get(unit) ?? 0) + 1);
      let sum = 0;
      for (const count of counts.values()) sum -= (count / value.length) * Math.log2(count / value.length);
      return sum;
    };
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'Z', '9', '+', '/', '-'), maxLength: 3000 }), (value) => {
        expect(Math.abs(shannonEntropy(value) - reference(value))).toBeLessThan(1e-9);
      }),
      { numRuns: 300 },
    );
    const lopsided = 'a'.repeat(5000) + 'b'.repeat(1200) + 'cdefgh';
    expect(shannonEntropy(lopsided)).toBeCloseTo(reference(lopsided), 12);
    expect(shannonEntropy('q'.repeat(3000))).toBe(0);
    expect(shannonEntropy('abc')).toBeCloseTo(Math.log2(3), 12);
  });
});

describe('keyword-anchored rules', () => {
  it('lists the literal prefixes every match starts with, or null', () => {
    expect(literalPrefixes('\\b(?:AKIA|ASIA)[A-Z2-7]{16}', 'g')).toEqual(['akia', 'asia']);
    expect(literalPrefixes('(?<![A-Za-z])(?:key|token|credentials?)(?![A-Za-z0-9])=', 'gi')).toEqual(['key', 'token', 'credential']);
    expect(literalPrefixes('-----BEGIN (?:RSA )?PRIVATE KEY-----', 'g')).toEqual(['-----begin ']);
    expect(literalPrefixes('ghp_[A-Za-z0-9]{36}|github_pat_\\w+', 'g')).toEqual(['ghp_', 'github_pat_']);
    expect(literalPrefixes('x?abc', 'g')).toEqual(['']);
    expect(literalPrefixes('[a-z]+key', 'g')).toEqual(['']);
    expect(literalPrefixes('key', 'giu')).toBeNull(); // Unicode case folding: not a character-by-character match
    expect(literalPrefixes('(?:ab', 'g')).toBeNull();
  });

  it('anchored rules find exactly what a full pass of their pattern finds', () => {
    const prefixRule = rule({ id: 'pfx', kind: 'secret', type: 'T', pattern: /(?<![a-z])(?:tok|key)_[a-z0-9]{4,8}(?![a-z0-9])/gi, keywords: ['tok', 'key'] });
    const shiftedRule = rule({ id: 'shift', kind: 'secret', type: 'U', pattern: /--BEGIN X--[a-z]{2,}/g, keywords: ['begin x'] });
    const texts = ['tok_abcd key_12345 xkey_abcd KEY_zz99 tok_tok_abcd', '--BEGIN X--abc --begin x--abc ----BEGIN X--zz', 'key_', ''];
    let seed = 11;
    const next = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) / 2 ** 24;
    // Prefixes without a keyword in them are anchor-only literals: the keyword still gates, the prefix anchors.
    const anchorOnlyRule = rule({ id: 'anchor-only', kind: 'secret', type: 'V', pattern: /(?:abc|xyz)-[0-9]{2,4}/g, keywords: ['gate'] });
    // Patterns whose start also looks back (`\b`, a negative lookbehind), as most vendor-token rules do.
    const boundaryRule = rule({ id: 'boundary', kind: 'secret', type: 'W', pattern: /\b(?:tok|key)_[a-z0-9]{4,8}\b/g, keywords: ['tok', 'key'] });
    const lookbehindRule = rule({ id: 'lookbehind', kind: 'secret', type: 'X', pattern: /(?<![A-Za-z0-9_.-])(?:abc|xyz)-[0-9]{2,4}/g, keywords: ['abc', 'xyz'] });
    const alphabet = ['tok_', 'key_', 'TOK_', 'x', 'a', '9', ' ', '_', '--BEGIN X--', 'begin x', '-', 'abc-', 'xyz', 'gate', '12', '.', 'é'];
    for (let i = 0; i < 400; i++) {
      let text = '';
      for (let k = 0; k < 12; k++) text += alphabet[Math.floor(next() * alphabet.length)];
      texts.push(text);
    }
    for (const testRule of [prefixRule, shiftedRule, anchorOnlyRule, boundaryRule, lookbehindRule]) {
      const scanner = createEngineScanner(undefined, { rules: [testRule] });
      for (const text of texts) {
        const gated = testRule.keywords!.some((keyword) => text.toLowerCase().includes(keyword));
        const matches = gated ? [...text.matchAll(new RegExp(testRule.pattern!.source, testRule.pattern!.flags))] : [];
        const expected = matches.map((m) => [m.index, m.index + m[0].length]);
        const actual = scanner.scan(text).map((finding) => [finding.start, finding.end]);
        expect(actual, `${testRule.id}: ${text}`).toEqual(expected);
      }
    }
  });

  it('every match of a catalogue rule whose prefixes are readable starts with one of them', () => {
    const texts = builtinRules.flatMap((r) => [...r.examples.positive.map((e) => (typeof e === 'string' ? e : e.text)), ...r.examples.negative]);
    const joined = texts.join('\n');
    for (const r of builtinRules) {
      if (!r.pattern || !r.keywords?.length) continue;
      const prefixes = literalPrefixes(r.pattern.source, r.pattern.flags);
      if (!prefixes || prefixes.some((prefix) => prefix.length === 0)) continue;
      for (const match of joined.matchAll(new RegExp(r.pattern.source, r.pattern.flags.includes('g') ? r.pattern.flags : `${r.pattern.flags}g`))) {
        const lower = joined.slice(match.index, match.index + 200).toLowerCase();
        expect(prefixes.some((prefix) => lower.startsWith(prefix)), `${r.id}: ${match[0]}`).toBe(true);
      }
    }
  });
});
