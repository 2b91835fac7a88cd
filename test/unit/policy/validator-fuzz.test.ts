import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCustomRules } from '../../../lib/detection/custom';
import { validatePolicyInput } from '../../../lib/policy/schema';
import { validateAgainstChromeSchema, type ChromeSchema } from './chrome-schema';

const ROOT = join(__dirname, '../../..');
const managedSchema = JSON.parse(readFileSync(join(ROOT, 'public/managed_schema.json'), 'utf8')) as ChromeSchema;
const fullPolicy = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/policy/valid/full.json'), 'utf8')) as Record<
  string,
  unknown
>;
const FIELDS = Object.keys(managedSchema.properties!);

/** Accepted output must be schema-typed all the way down (strict: no unknown keys survive) and stable. */
function checkAccepted(input: unknown): void {
  const result = validatePolicyInput(input);
  if (!result.ok) {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const error of result.errors) {
      expect(typeof error.field).toBe('string');
      expect(typeof error.message).toBe('string');
    }
    return;
  }
  expect(validateAgainstChromeSchema(result.policy, managedSchema)).toEqual([]);
  const again = validatePolicyInput(result.policy);
  expect(again).toMatchObject({ ok: true, policy: result.policy, warnings: [] });
}

const anyValue = fc.anything({
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withBoxedValues: true,
  withSparseArray: true,
  withTypedArray: true,
  key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', ...FIELDS)),
});

describe('policy validator fuzzing', () => {
  it('never throws on arbitrary values', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        checkAccepted(value);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary JSON text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (text) => {
        checkAccepted(text);
      }),
      { numRuns: 500 },
    );
  });

  it('never accepts a field of the wrong type (mutating one field of a valid policy)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIELDS), anyValue, (field, value) => {
        checkAccepted({ ...fullPolicy, [field]: value });
      }),
      { numRuns: 1000 },
    );
  });

  it('never accepts a nested value of the wrong type', () => {
    const paths: Array<[string, string]> = [
      ['actions', 'pii'],
      ['inspection', 'injection'],
      ['sites', 'claude'],
      ['types', 'EMAIL'],
      ['selectorOverrides', 'chatgpt'],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...paths), anyValue, ([field, key], value) => {
        const parent = { ...(fullPolicy[field] as Record<string, unknown>), [key]: value };
        checkAccepted({ ...fullPolicy, [field]: parent });
      }),
      { numRuns: 1000 },
    );
  });

  it('never accepts a custom pattern that fails to compile or matches the empty string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.constantFrom('', 'i', 'm', 's', 'u', 'iu'), (pattern, flags) => {
        const result = validatePolicyInput({ customPatterns: [{ label: 'Fuzz', pattern, flags, action: 'redact' }] });
        if (!result.ok) return;
        const regex = new RegExp(pattern, flags); // must not throw
        expect(regex.test('')).toBe(false);
        // The engine compiles whatever validation accepted.
        expect(compileCustomRules(result.policy).errors).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('custom terms and labels it accepts compile in the engine', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.array(fc.string({ maxLength: 12 }), { maxLength: 5 }), (label, terms) => {
        const result = validatePolicyInput({ customTerms: [{ label, terms, action: 'review' }] });
        if (result.ok) expect(compileCustomRules(result.policy).errors).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps Object.prototype clean', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        validatePolicyInput(`{"__proto__": ${text}, "actions": {"__proto__": ${text}}}`);
        expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
        expect(({} as Record<string, unknown>).enabled).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });
});
