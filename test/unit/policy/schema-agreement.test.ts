/**
 * Invariant 9: one policy schema. The TypeScript type (lib/policy/types.ts), the valibot validator
 * (lib/policy/schema.ts) and public/managed_schema.json must describe the same fields with the same types.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../lib/policy/defaults';
import { policyInputSchema, validatePolicyInput, type ValidatedPolicyInput } from '../../../lib/policy/schema';
import type { Policy, PolicyInput } from '../../../lib/policy/types';
import {
  shapeOfChromeSchema,
  shapeOfValibot,
  validateAgainstChromeSchema,
  type ChromeSchema,
} from './chrome-schema';

const ROOT = join(__dirname, '../../..');
const managedSchema = JSON.parse(readFileSync(join(ROOT, 'public/managed_schema.json'), 'utf8')) as ChromeSchema;

describe('policy schema agreement', () => {
  it('the TypeScript type and the validator output agree', () => {
    expectTypeOf<ValidatedPolicyInput>().toExtend<PolicyInput>();
    expectTypeOf<PolicyInput>().toExtend<ValidatedPolicyInput>();
    expectTypeOf<Policy>().toExtend<PolicyInput>();
  });

  it('the validator, the managed schema and the defaults have the same fields', () => {
    const validatorFields = Object.keys(policyInputSchema.entries).sort();
    const schemaFields = Object.keys(managedSchema.properties ?? {}).sort();
    const defaultFields = Object.keys(DEFAULT_POLICY).sort();
    expect(schemaFields).toEqual(validatorFields);
    expect(defaultFields).toEqual(validatorFields);
  });

  it('the validator and the managed schema have the same shape, field by field', () => {
    const fromValibot = shapeOfValibot(policyInputSchema);
    const fromChrome = shapeOfChromeSchema(managedSchema);
    for (const field of Object.keys(fromValibot.properties!)) {
      expect({ field, shape: fromChrome.properties![field] }).toEqual({ field, shape: fromValibot.properties![field] });
    }
    expect(fromChrome).toEqual(fromValibot);
  });

  it('every managed schema property has a title and a description', () => {
    const missing: string[] = [];
    const walk = (schema: ChromeSchema, path: string) => {
      for (const [key, child] of Object.entries(schema.properties ?? {})) {
        if (!child.title || !child.description) missing.push(`${path}${key}`);
        walk(child, `${path}${key}.`);
      }
      if (schema.items) walk(schema.items, `${path}[].`);
    };
    walk(managedSchema, '');
    expect(missing).toEqual([]);
  });

  it('the defaults are a valid policy under both schemas', () => {
    expect(validatePolicyInput(structuredClone(DEFAULT_POLICY))).toMatchObject({ ok: true, warnings: [] });
    expect(validateAgainstChromeSchema(structuredClone(DEFAULT_POLICY), managedSchema)).toEqual([]);
  });

  it('valid fixtures without unknown keys pass both; the managed schema catches type errors too', () => {
    const dir = join(ROOT, 'test/fixtures/policy/valid');
    for (const name of readdirSync(dir).filter((file) => !file.startsWith('unknown-key'))) {
      const policy = JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown;
      expect({ name, errors: validateAgainstChromeSchema(policy, managedSchema) }).toEqual({ name, errors: [] });
      expect(validatePolicyInput(policy).ok).toBe(true);
    }
    for (const bad of [{ enabled: 'yes' }, { actions: { pii: 'nuke' } }, { maxPromptTokens: 1.5 }, { sites: { gemini: 1 } }]) {
      expect(validateAgainstChromeSchema(bad, managedSchema)).not.toEqual([]);
      expect(validatePolicyInput(bad).ok).toBe(false);
    }
  });

  it('docs/admin.md documents every managed key', () => {
    const doc = readFileSync(join(ROOT, 'docs/admin.md'), 'utf8');
    const missing: string[] = [];
    for (const [field, schema] of Object.entries(managedSchema.properties ?? {})) {
      const keyed = ['actions', 'inspection'].includes(field);
      const names = keyed ? Object.keys(schema.properties ?? {}).map((key) => `${field}.${key}`) : [field];
      for (const name of names) if (!doc.includes(`\`${name}`)) missing.push(name);
    }
    expect(missing).toEqual([]);
  });
});
