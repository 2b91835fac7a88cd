/**
 * The policy validator (valibot). One schema for every source: managed (storage.managed), org (imported JSON) and
 * user settings. public/managed_schema.json mirrors it for Chrome; test/unit/policy/schema-agreement.test.ts keeps
 * the two and lib/policy/types.ts in agreement.
 *
 * Decisions (see docs/admin.md):
 * - Unknown keys are ignored with a warning (a newer policy on an older extension still applies what it knows).
 * - `__proto__`, `constructor` and `prototype` keys anywhere are errors; output objects are rebuilt from known keys
 *   only, so prototype pollution cannot happen.
 * - Any error rejects the whole input: no partial application, the last good policy stays in force.
 */
import * as v from 'valibot';
import { POLICY_LIMITS as L } from './limits';
import { checkCustomPatternSyntax, labelHasTypeName } from './pattern-check';
import { checkSelector } from './selector-check';
import {
  ACTIONS,
  ADAPTER_ROLES,
  INSPECTION_FAMILIES,
  NATIONAL_ID_PACKS,
  SITE_IDS,
  type PolicyFieldError,
  type PolicyInput,
} from './types';

const ACTION_LIST = ACTIONS.join(', ');

const actionSchema = v.picklist(ACTIONS, `must be one of ${ACTION_LIST}`);
const booleanSchema = v.boolean('must be true or false');

function integerSchema(min: number, max: number) {
  return v.pipe(
    v.number('must be a number'),
    v.integer('must be a whole number'),
    v.minValue(min, `must be at least ${min}`),
    v.maxValue(max, `must be at most ${max}`),
  );
}

const labelSchema = v.pipe(
  v.string('must be a string'),
  v.minLength(1, 'must not be empty'),
  v.maxLength(L.maxLabelLength, `must be at most ${L.maxLabelLength} characters`),
  v.check(
    labelHasTypeName,
    'must contain a Latin letter or digit (the label names the placeholder type, e.g. [PROJECT_1])',
  ),
);

const termSchema = v.pipe(
  v.string('must be a string'),
  v.check(
    (term) => term.trim().length >= L.minTermLength,
    `must have at least ${L.minTermLength} non-blank characters (shorter terms would match almost everywhere)`,
  ),
  v.maxLength(L.maxTermLength, `must be at most ${L.maxTermLength} characters`),
);

const customTermSchema = v.object(
  {
    label: labelSchema,
    terms: v.pipe(
      v.array(termSchema, 'must be a list of strings'),
      v.minLength(1, 'must contain at least one term'),
      v.maxLength(L.maxCustomTermsTotal, `must contain at most ${L.maxCustomTermsTotal} terms`),
    ),
    action: actionSchema,
    caseSensitive: v.optional(booleanSchema),
  },
  'must be an object {label, terms, action}',
);

const flagsSchema = v.pipe(
  v.string('must be a string'),
  v.regex(/^[imsu]*$/, 'may contain only the flags i, m, s and u'),
  v.check((flags) => new Set(flags).size === flags.length, 'must not repeat a flag'),
);

const customPatternSchema = v.pipe(
  v.object(
    {
      label: labelSchema,
      pattern: v.pipe(
        v.string('must be a string'),
        v.minLength(1, 'must not be empty'),
        v.maxLength(L.maxPatternLength, `must be at most ${L.maxPatternLength} characters`),
      ),
      flags: v.optional(flagsSchema),
      action: actionSchema,
    },
    'must be an object {label, pattern, flags, action}',
  ),
  // Syntax and safety need pattern and flags together; report on `pattern`.
  v.forward(
    v.check(
      // Bad flags are reported on `flags`; do not repeat them as a pattern error.
      (rule) => !/^[imsu]*$/.test(rule.flags ?? '') || checkCustomPatternSyntax(rule.pattern, rule.flags ?? '') === null,
      (issue) => {
        const rule = issue.input as { pattern: string; flags?: string };
        return checkCustomPatternSyntax(rule.pattern, rule.flags ?? '') ?? 'invalid pattern';
      },
    ),
    ['pattern'],
  ),
);

const selectorListSchema = v.pipe(
  v.array(
    v.pipe(
      v.string('must be a string'),
      v.check(
        (selector) => checkSelector(selector) === null,
        (issue) => checkSelector(issue.input as string) ?? 'invalid selector',
      ),
    ),
    'must be a list of CSS selector strings',
  ),
  v.maxLength(L.maxSelectorsPerRole, `must contain at most ${L.maxSelectorsPerRole} selectors`),
);

function objectOf<const K extends string, S extends v.GenericSchema>(keys: readonly K[], value: S) {
  const entries = Object.fromEntries(keys.map((key) => [key, v.optional(value)])) as {
    [P in K]: v.OptionalSchema<S, undefined>;
  };
  return v.object(entries, 'must be an object');
}

const hostSchema = v.pipe(
  v.string('must be a string'),
  v.maxLength(L.maxHostLength, `must be at most ${L.maxHostLength} characters`),
  v.regex(
    /^(\*\.)?([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    'must be a lower-case host name such as images.example.com or *.example.com',
  ),
);

const typeNameSchema = v.pipe(
  v.string(),
  v.regex(
    new RegExp(`^[A-Z][A-Z0-9_]{0,${L.maxTypeNameLength - 1}}$`),
    'type names are UPPER_SNAKE_CASE like EMAIL or AWS_ACCESS_KEY',
  ),
);

export const policyInputSchema = v.object(
  {
    enabled: v.optional(booleanSchema),
    actions: v.optional(objectOf(['secret', 'pii', 'custom'] as const, actionSchema)),
    types: v.optional(
      v.pipe(
        v.record(typeNameSchema, actionSchema, 'must be an object mapping TYPE to an action'),
        v.check(
          (types) => Object.keys(types).length <= L.maxTypeOverrides,
          `must contain at most ${L.maxTypeOverrides} types`,
        ),
      ),
    ),
    customTerms: v.optional(
      v.pipe(
        v.array(customTermSchema, 'must be a list of {label, terms, action}'),
        v.maxLength(L.maxCustomTermLists, `must contain at most ${L.maxCustomTermLists} lists`),
        v.check(
          (lists) => lists.reduce((total, list) => total + list.terms.length, 0) <= L.maxCustomTermsTotal,
          `must contain at most ${L.maxCustomTermsTotal} terms in total`,
        ),
      ),
    ),
    customPatterns: v.optional(
      v.pipe(
        v.array(customPatternSchema, 'must be a list of {label, pattern, flags, action}'),
        v.maxLength(L.maxCustomPatterns, `must contain at most ${L.maxCustomPatterns} patterns`),
      ),
    ),
    nationalIdPacks: v.optional(
      v.pipe(
        v.array(v.picklist(NATIONAL_ID_PACKS, `must be one of ${NATIONAL_ID_PACKS.join(', ')}`), 'must be a list'),
        v.check((packs) => new Set(packs).size === packs.length, 'must not repeat a pack'),
      ),
    ),
    inspection: v.optional(objectOf(INSPECTION_FAMILIES, booleanSchema)),
    maxPromptTokens: v.optional(integerSchema(0, L.maxPromptTokens)),
    tokenLimitAction: v.optional(v.picklist(['warn', 'block'], 'must be warn or block')),
    userMayOverride: v.optional(booleanSchema),
    requireJustification: v.optional(booleanSchema),
    failMode: v.optional(v.picklist(['closed', 'open'], 'must be closed or open')),
    vaultRetentionHours: v.optional(integerSchema(L.minVaultRetentionHours, L.maxVaultRetentionHours)),
    auditRetentionDays: v.optional(integerSchema(L.minAuditRetentionDays, L.maxAuditRetentionDays)),
    sites: v.optional(objectOf(SITE_IDS, booleanSchema)),
    selectorOverrides: v.optional(objectOf(SITE_IDS, objectOf(ADAPTER_ROLES, selectorListSchema))),
    allowedImageHosts: v.optional(
      v.pipe(
        v.array(hostSchema, 'must be a list of host names'),
        v.maxLength(L.maxAllowedImageHosts, `must contain at most ${L.maxAllowedImageHosts} hosts`),
      ),
    ),
    uploads: v.optional(v.picklist(['redact', 'block', 'allow'], 'must be redact, block or allow')),
    unreadableUploads: v.optional(v.picklist(['block', 'allow'], 'must be block or allow')),
    userMayPause: v.optional(booleanSchema),
  },
  'policy must be a JSON object',
);

export type ValidatedPolicyInput = v.InferOutput<typeof policyInputSchema>;

export type PolicyValidation =
  | { ok: true; policy: PolicyInput; warnings: PolicyFieldError[] }
  | { ok: false; errors: PolicyFieldError[]; warnings: PolicyFieldError[] };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_REPORTED = 50;

/** `customPatterns[2].pattern`, `types.EMAIL`, `selectorOverrides.chatgpt.composer[0]`. */
export function formatPath(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out || 'policy';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Unwraps optional and pipe wrappers to the schema that describes the value's shape. */
function unwrap(schema: v.GenericSchema): v.GenericSchema {
  let current = schema as v.GenericSchema & { wrapped?: v.GenericSchema };
  while (current.type === 'optional' && current.wrapped) current = current.wrapped as typeof current;
  return current;
}

/**
 * Walks the raw input next to the schema: forbidden keys, excessive depth and lists where objects belong are errors,
 * keys the schema does not know are warnings. Other type errors are left to valibot.
 */
function walkKeys(
  schema: v.GenericSchema | undefined,
  value: unknown,
  path: Array<string | number>,
  errors: PolicyFieldError[],
  warnings: PolicyFieldError[],
): void {
  if (typeof value !== 'object' || value === null) return;
  if (path.length > L.maxDepth) {
    errors.push({ field: formatPath(path), message: `nested deeper than ${L.maxDepth} levels` });
    return;
  }
  const shape = schema ? (unwrap(schema) as v.GenericSchema & Record<string, unknown>) : undefined;
  if (Array.isArray(value)) {
    // valibot's object() and record() accept arrays (they are objects); the policy never means a list there.
    if (shape?.type === 'object' || shape?.type === 'record') {
      errors.push({ field: formatPath(path), message: 'must be an object, not a list' });
      return;
    }
    const item = shape?.type === 'array' ? (shape.item as v.GenericSchema) : undefined;
    value.forEach((element, index) => walkKeys(item, element, [...path, index], errors, warnings));
    return;
  }
  for (const key of Object.keys(value)) {
    const childPath = [...path, key];
    if (FORBIDDEN_KEYS.has(key)) {
      errors.push({ field: formatPath(childPath), message: `the key "${key}" is not allowed` });
      continue;
    }
    const child = (value as Record<string, unknown>)[key];
    if (shape?.type === 'object') {
      const entries = shape.entries as Record<string, v.GenericSchema>;
      if (!Object.prototype.hasOwnProperty.call(entries, key)) {
        warnings.push({ field: formatPath(childPath), message: 'unknown key, ignored' });
        walkKeys(undefined, child, childPath, errors, warnings);
      } else walkKeys(entries[key], child, childPath, errors, warnings);
    } else if (shape?.type === 'record') {
      walkKeys(shape.value as v.GenericSchema, child, childPath, errors, warnings);
    } else walkKeys(undefined, child, childPath, errors, warnings);
  }
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

function dedupe(list: PolicyFieldError[]): PolicyFieldError[] {
  const seen = new Set<string>();
  const out: PolicyFieldError[] = [];
  for (const item of list) {
    const key = `${item.field}\u0000${item.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(item);
    if (out.length >= MAX_REPORTED) break;
  }
  return out;
}

/**
 * Validates one source's policy. Accepts a JSON string or an already-parsed value (storage.managed gives objects).
 * Never throws. On success the policy is a fresh object holding only schema keys.
 */
export function validatePolicyInput(input: unknown): PolicyValidation {
  const warnings: PolicyFieldError[] = [];
  let value = input;
  if (typeof input === 'string') {
    if (utf8Length(input) > L.maxPolicyBytes) {
      return { ok: false, errors: [{ field: 'policy', message: `larger than ${L.maxPolicyBytes / 1024} KB` }], warnings };
    }
    try {
      value = JSON.parse(input) as unknown;
    } catch (error) {
      return { ok: false, errors: [{ field: 'policy', message: `not valid JSON: ${(error as Error).message}` }], warnings };
    }
  }
  if (!isPlainObject(value)) {
    return { ok: false, errors: [{ field: 'policy', message: 'policy must be a JSON object' }], warnings };
  }
  let serialized: string | undefined;
  try {
    serialized = JSON.stringify(value);
  } catch {
    serialized = undefined;
  }
  if (serialized === undefined) {
    return { ok: false, errors: [{ field: 'policy', message: 'policy is not plain JSON data' }], warnings };
  }
  if (utf8Length(serialized) > L.maxPolicyBytes) {
    return { ok: false, errors: [{ field: 'policy', message: `larger than ${L.maxPolicyBytes / 1024} KB` }], warnings };
  }
  // Work on a JSON round-trip: drops functions/undefined/getters, and JSON.parse makes "__proto__" an own key
  // (never a prototype), which walkKeys then rejects.
  const data = JSON.parse(serialized) as Record<string, unknown>;
  const errors: PolicyFieldError[] = [];
  walkKeys(policyInputSchema, data, [], errors, warnings);

  const result = v.safeParse(policyInputSchema, data, { abortEarly: false });
  if (!result.success) {
    for (const issue of result.issues) {
      const path = (issue.path ?? []).map((item) => item.key as string | number);
      errors.push({ field: formatPath(path), message: issue.message });
    }
  }
  if (errors.length > 0 || !result.success) {
    return { ok: false, errors: dedupe(errors), warnings: dedupe(warnings) };
  }
  return { ok: true, policy: stripUndefined(result.output) as PolicyInput, warnings: dedupe(warnings) };
}

/** Drops keys whose value is undefined so "absent" and "set" stay distinguishable when merging. */
function stripUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(stripUndefined) as T;
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    // Forbidden keys never reach here (walkKeys rejects them); skipping them keeps this helper safe on its own.
    if (child !== undefined && !FORBIDDEN_KEYS.has(key)) out[key] = stripUndefined(child);
  }
  return out as T;
}
