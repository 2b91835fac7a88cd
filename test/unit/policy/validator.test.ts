import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePolicyInput } from '../../../lib/policy/schema';
import { checkSelector } from '../../../lib/policy/selector-check';

const FIXTURES = join(__dirname, '../../fixtures/policy');

/** Each invalid fixture, named after its error, and the field the first error must name. */
const EXPECTED_FIELD: Record<string, string> = {
  'action-not-an-enum.json': 'actions.pii',
  'custom-pattern-redos.json': 'customPatterns[0].pattern',
  'custom-pattern-overlapping-alternation.json': 'customPatterns[1].pattern',
  'custom-pattern-syntax-error.json': 'customPatterns[0].pattern',
  'custom-pattern-flag-not-allowed.json': 'customPatterns[0].flags',
  'custom-pattern-matches-empty.json': 'customPatterns[0].pattern',
  'custom-pattern-too-long.json': 'customPatterns[0].pattern',
  'too-many-custom-patterns.json': 'customPatterns',
  'too-many-term-lists.json': 'customTerms',
  'too-many-terms.json': 'customTerms[0].terms',
  'custom-term-too-short.json': 'customTerms[0].terms[1]',
  'custom-term-missing-action.json': 'customTerms[0].action',
  'policy-too-large.json': 'policy',
  'max-tokens-negative.json': 'maxPromptTokens',
  'max-tokens-string.json': 'maxPromptTokens',
  'vault-retention-fractional.json': 'vaultRetentionHours',
  'audit-retention-zero.json': 'auditRetentionDays',
  'proto-pollution.json': '__proto__',
  'nested-proto-pollution.json': 'actions.__proto__',
  'constructor-key.json': 'types.constructor',
  'array-instead-of-object.json': 'actions',
  'object-instead-of-array.json': 'customTerms',
  'root-is-array.json': 'policy',
  'not-json.json': 'policy',
  'boolean-as-string.json': 'enabled',
  'selector-with-braces.json': 'selectorOverrides.chatgpt.composer[0]',
  'selector-unbalanced.json': 'selectorOverrides.claude.send[0]',
  'type-name-lowercase.json': 'types.email',
  'inspection-not-boolean.json': 'inspection.injection',
  'site-not-boolean.json': 'sites.gemini',
  'fail-mode-not-an-enum.json': 'failMode',
  'national-id-pack-unknown.json': 'nationalIdPacks[1]',
  'image-host-with-scheme.json': 'allowedImageHosts[0]',
  'nesting-too-deep.json': 'extra',
};

const readText = (dir: string, name: string) => readFileSync(join(FIXTURES, dir, name), 'utf8');

describe('policy validator: invalid fixtures', () => {
  const files = readdirSync(join(FIXTURES, 'invalid')).filter((name) => name.endsWith('.json'));

  it('has an expectation for every fixture (and a fixture for every expectation)', () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED_FIELD).sort());
  });

  for (const name of files) {
    it(`rejects ${name}, naming the field (text and parsed input)`, () => {
      const text = readText('invalid', name);
      const inputs: unknown[] = [text];
      try {
        inputs.push(JSON.parse(text));
      } catch {
        // not-json.json: only the text form exists
      }
      for (const input of inputs) {
        const result = validatePolicyInput(input);
        expect(result.ok).toBe(false);
        if (result.ok) continue;
        const fields = result.errors.map((error) => error.field);
        const expected = EXPECTED_FIELD[name]!;
        expect(fields.some((field) => field === expected || field.startsWith(`${expected}.`) || field.startsWith(`${expected}[`))).toBe(true);
        for (const error of result.errors) expect(error.message.length).toBeGreaterThan(5);
      }
    });
  }

  it('explains a ReDoS rejection', () => {
    const result = validatePolicyInput(readText('invalid', 'custom-pattern-redos.json'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toMatch(/^unsafe regular expression: .*nested repetition/);
  });

  it('refuses what the detection engine would refuse to compile (its ReDoS check runs at validation)', () => {
    // Leading unbounded repetition re-scans from every start position: the engine refuses it, so must we.
    const result = validatePolicyInput({ customPatterns: [{ label: 'Mail', pattern: '\\w+@corp\\.example', action: 'redact' }] });
    expect(result).toMatchObject({ ok: false, errors: [{ field: 'customPatterns[0].pattern', message: expect.stringMatching(/unsafe/) }] });
    const anchored = validatePolicyInput({ customPatterns: [{ label: 'Mail', pattern: '\\b[a-z]{1,64}@corp\\.example', action: 'redact' }] });
    expect(anchored.ok).toBe(true);
  });

  it('requires labels that name a placeholder type', () => {
    const result = validatePolicyInput({ customTerms: [{ label: '!!!', terms: ['Falcon'], action: 'redact' }] });
    expect(result).toMatchObject({ ok: false, errors: [{ field: 'customTerms[0].label' }] });
  });

  it('reports every error, not only the first', () => {
    const result = validatePolicyInput({ enabled: 'no', failMode: 'maybe', actions: { pii: 'x' }, maxPromptTokens: -5 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((error) => error.field).sort()).toEqual(['actions.pii', 'enabled', 'failMode', 'maxPromptTokens']);
    }
  });

  it('does not pollute prototypes', () => {
    validatePolicyInput('{"__proto__": {"polluted": true}, "actions": {"__proto__": {"polluted": true}}}');
    validatePolicyInput(JSON.parse('{"types": {"__proto__": "allow"}}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('rejects non-plain objects and non-JSON values', () => {
    expect(validatePolicyInput(null).ok).toBe(false);
    expect(validatePolicyInput(42).ok).toBe(false);
    expect(validatePolicyInput(new Date()).ok).toBe(false);
    expect(validatePolicyInput({ maxPromptTokens: 10n }).ok).toBe(false);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(validatePolicyInput(cyclic).ok).toBe(false);
    expect(validatePolicyInput({ maxPromptTokens: Number.NaN }).ok).toBe(false);
    expect(validatePolicyInput({ maxPromptTokens: Number.POSITIVE_INFINITY }).ok).toBe(false);
  });

  it('caps total terms across lists', () => {
    const lists = Array.from({ length: 6 }, (_, list) => ({
      label: `L${list}`,
      terms: Array.from({ length: 900 }, (_, term) => `term-${list}-${term}`),
      action: 'redact',
    }));
    const result = validatePolicyInput({ customTerms: lists });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ field: 'customTerms', message: expect.stringMatching(/5000 terms in total/) });
  });
});

describe('policy validator: valid fixtures', () => {
  for (const name of readdirSync(join(FIXTURES, 'valid'))) {
    it(`accepts ${name}`, () => {
      const result = validatePolicyInput(readText('valid', name));
      expect(result).toMatchObject({ ok: true });
    });
  }

  it('ignores unknown keys with a warning and drops them from the output', () => {
    const result = validatePolicyInput(readText('valid', 'unknown-key-ignored.json'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings.map((warning) => warning.field).sort()).toEqual(['actions.biometric', 'futureSetting']);
    expect(result.policy).toEqual({ enabled: true, actions: { pii: 'redact' } });
  });

  it('returns a fresh object equal to the input for a full policy', () => {
    const input = JSON.parse(readText('valid', 'full.json')) as Record<string, unknown>;
    const result = validatePolicyInput(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.policy).toEqual(input);
    expect(result.policy).not.toBe(input);
  });
});

describe('selector plausibility', () => {
  it.each([
    '#prompt-textarea',
    'div[contenteditable="true"]',
    'button[aria-label="Send, now"]',
    'main > div.turn:not(.user) .markdown',
    'rich-textarea .ql-editor, textarea',
    'input[type=file]',
  ])('accepts %s', (selector) => expect(checkSelector(selector)).toBeNull());

  it.each([
    ['', /empty/],
    ['div { color: red }', /characters/],
    ['div;', /characters/],
    ['<script>', /characters/],
    ['a[href="x"', /missing/],
    ['a)', /unbalanced/],
    ['a["x]', /unterminated/],
    ['div,,p', /empty selector/],
    ['> div', /combinator/],
    ['div\\31', /characters/],
    ['x'.repeat(301), /longer/],
  ])('rejects %j', (selector, why) => expect(checkSelector(selector)).toMatch(why));
});
