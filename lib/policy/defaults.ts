/**
 * Product defaults: what applies where no source (managed, org, user) sets a field. Chosen to be safe without being
 * noisy: secrets are reviewed in an in-page dialog (the user confirms), private keys are blocked outright, PII and
 * custom terms are pseudonymized, and the guard fails closed.
 */
import type { ScanPolicy } from '../detection/types';
import { NATIONAL_ID_PACKS, type Policy } from './types';

export const DEFAULT_POLICY: Readonly<Policy> = deepFreeze({
  enabled: true,
  actions: { secret: 'review', pii: 'redact', custom: 'redact' },
  // A private key has no business in a chat prompt; pseudonymizing it would still tempt a paste-and-confirm.
  types: { PRIVATE_KEY: 'block' },
  customTerms: [],
  customPatterns: [],
  nationalIdPacks: [...NATIONAL_ID_PACKS],
  inspection: { hiddenText: true, injection: true, exfiltration: true, unsafeCode: true },
  maxPromptTokens: 0,
  tokenLimitAction: 'warn',
  userMayOverride: true,
  requireJustification: false,
  failMode: 'closed',
  vaultRetentionHours: 24,
  auditRetentionDays: 30,
  sites: { chatgpt: true, claude: true, gemini: true },
  selectorOverrides: {},
  allowedImageHosts: [],
  uploads: 'redact',
  unreadableUploads: 'block',
  userMayPause: true,
} satisfies Policy);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** A fresh, mutable copy of the defaults. */
export function defaultPolicy(): Policy {
  return structuredClone(DEFAULT_POLICY) as Policy;
}

/** The part of the effective policy the detection engine reads (lib/detection ScanPolicy). */
export function toScanPolicy(policy: Policy): ScanPolicy {
  return {
    actions: { ...policy.actions },
    types: { ...policy.types },
    customTerms: policy.customTerms.map((term) => ({
      label: term.label,
      terms: [...term.terms],
      action: term.action,
      ...(term.caseSensitive !== undefined ? { caseSensitive: term.caseSensitive } : {}),
    })),
    customPatterns: policy.customPatterns.map((pattern) => ({
      label: pattern.label,
      pattern: pattern.pattern,
      ...(pattern.flags !== undefined ? { flags: pattern.flags } : {}),
      action: pattern.action,
    })),
    nationalIdPacks: [...policy.nationalIdPacks],
  };
}
