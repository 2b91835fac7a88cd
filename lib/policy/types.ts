/**
 * The one policy shape. lib/policy/schema.ts validates it (valibot) and public/managed_schema.json mirrors it;
 * test/unit/policy/schema-agreement.test.ts keeps the three in agreement. Every field is optional in a source
 * (managed, org, user); the merged, effective policy is complete (see defaults.ts).
 */
import type { Action, DetectionKind } from '../detection/types';

export type { Action, DetectionKind };
export type SiteId = 'chatgpt' | 'claude' | 'gemini';
export type InspectionFamily = 'hiddenText' | 'injection' | 'exfiltration' | 'unsafeCode';
export type AdapterRole = 'composer' | 'send' | 'stop' | 'userTurn' | 'assistantTurn' | 'fileInput' | 'streaming';
export type NationalIdPack = 'uk' | 'ca' | 'in' | 'fr' | 'de' | 'es' | 'it' | 'br' | 'au' | 'us';

export const ACTIONS = ['block', 'review', 'redact', 'warn', 'allow'] as const satisfies readonly Action[];
export const DETECTION_KINDS = ['secret', 'pii', 'custom'] as const satisfies readonly DetectionKind[];
export const SITE_IDS = ['chatgpt', 'claude', 'gemini'] as const satisfies readonly SiteId[];
export const INSPECTION_FAMILIES = [
  'hiddenText',
  'injection',
  'exfiltration',
  'unsafeCode',
] as const satisfies readonly InspectionFamily[];
export const ADAPTER_ROLES = [
  'composer',
  'send',
  'stop',
  'userTurn',
  'assistantTurn',
  'fileInput',
  'streaming',
] as const satisfies readonly AdapterRole[];
export const NATIONAL_ID_PACKS = [
  'uk',
  'ca',
  'in',
  'fr',
  'de',
  'es',
  'it',
  'br',
  'au',
  'us',
] as const satisfies readonly NationalIdPack[];

/** Strictest first. Used to compare actions ("may the user loosen this?"). */
export const ACTIONS_BY_STRICTNESS: readonly Action[] = ['block', 'review', 'redact', 'warn', 'allow'];

export interface CustomTerm {
  label: string;
  terms: string[];
  action: Action;
  /** Default false: terms match case-insensitively. */
  caseSensitive?: boolean;
}

export interface CustomPattern {
  label: string;
  pattern: string;
  /** Only i, m, s, u (the engine adds g/d itself). */
  flags?: string;
  action: Action;
}

export interface Policy {
  enabled: boolean;
  actions: Record<DetectionKind, Action>;
  /** Per-type overrides keyed by placeholder type (EMAIL, AWS_ACCESS_KEY, ...). */
  types: Record<string, Action>;
  customTerms: CustomTerm[];
  customPatterns: CustomPattern[];
  /** National-ID packs to run. */
  nationalIdPacks: NationalIdPack[];
  inspection: Record<InspectionFamily, boolean>;
  /** Token budget per prompt (0 = no limit) and what exceeding it does. */
  maxPromptTokens: number;
  tokenLimitAction: 'warn' | 'block';
  /** Whether the user may override a block/review decision in the page (audited). */
  userMayOverride: boolean;
  /** Whether an override needs a typed justification (audited). */
  requireJustification: boolean;
  /** What happens when the guard cannot do its job (composer not found, engine error): hold the send or let it go. */
  failMode: 'closed' | 'open';
  vaultRetentionHours: number;
  auditRetentionDays: number;
  sites: Record<SiteId, boolean>;
  /** Extra selectors tried before the built-in candidates, per site and role (data, not code). */
  selectorOverrides: Partial<Record<SiteId, Partial<Record<AdapterRole, string[]>>>>;
  /** Image hosts replies may load from (besides the sites' own), for the exfiltration blocker. */
  allowedImageHosts: string[];
  /** Text-like file uploads: 'redact' replaces the file by a redacted copy, 'block' refuses, 'allow' passes. */
  uploads: 'redact' | 'block' | 'allow';
  /** Files that cannot be read as text. */
  unreadableUploads: 'block' | 'allow';
  /** Whether the user may pause protection for a tab. */
  userMayPause: boolean;
}

export type PolicyField = keyof Policy;
export type PolicySource = 'managed' | 'org' | 'user' | 'default';

/** Fields whose value is an object merged key by key across sources (each key locks on its own). */
export const KEYED_FIELDS = ['actions', 'types', 'inspection', 'sites', 'selectorOverrides'] as const;
/** Keyed fields whose values are scalars (selectorOverrides goes one level deeper: site, then role). */
export const FLAT_KEYED_FIELDS = ['actions', 'types', 'inspection', 'sites'] as const;
/** List fields combined across sources (a lower source can add entries, never drop a higher source's). */
export const COMBINED_LIST_FIELDS = ['customTerms', 'customPatterns'] as const;

/** A partial policy as it comes from one source: any field may be absent, keyed fields may be partial. */
export type PolicyInput = {
  [K in PolicyField]?: K extends 'actions' | 'inspection' | 'sites' ? Partial<Policy[K]> : Policy[K];
};

/** A problem with one field of a policy. `field` is a path such as `customPatterns[2].pattern` or `types.EMAIL`. */
export interface PolicyFieldError {
  field: string;
  message: string;
}

export interface PolicyIssue extends PolicyFieldError {
  source: Exclude<PolicySource, 'default'>;
  /** Epoch ms. */
  at: number;
  /** Errors reject the source's policy (last good stays); warnings are informative (e.g. an ignored unknown key). */
  severity: 'error' | 'warning';
}
