/**
 * The one policy shape. lib/policy/schema.ts validates it (valibot) and public/managed_schema.json mirrors it;
 * a test keeps the three in agreement. Every field is optional in a source (managed, org, user); the merged,
 * effective policy is complete (see defaults.ts).
 */
import type { Action } from '../detection/types';

export type { Action };
export type SiteId = 'chatgpt' | 'claude' | 'gemini';
export type InspectionFamily = 'hiddenText' | 'injection' | 'exfiltration' | 'unsafeCode';
export type AdapterRole = 'composer' | 'send' | 'stop' | 'userTurn' | 'assistantTurn' | 'fileInput' | 'streaming';

export interface CustomTerm {
  label: string;
  terms: string[];
  action: Action;
}

export interface CustomPattern {
  label: string;
  pattern: string;
  flags?: string;
  action: Action;
}

export interface Policy {
  enabled: boolean;
  actions: { secret: Action; pii: Action; custom: Action };
  /** Per-type overrides keyed by placeholder type (EMAIL, AWS_ACCESS_KEY, ...). */
  types: Record<string, Action>;
  customTerms: CustomTerm[];
  customPatterns: CustomPattern[];
  /** National-ID packs: uk, ca, in, fr, de, es, it, br, au, us. */
  nationalIdPacks: string[];
  inspection: Record<InspectionFamily, boolean>;
  /** Token budget per prompt (0 = no limit) and what exceeding it does. */
  maxPromptTokens: number;
  tokenLimitAction: 'warn' | 'block';
  userMayOverride: boolean;
  requireJustification: boolean;
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

export type PolicySource = 'managed' | 'org' | 'user' | 'default';

/** A partial policy as it comes from one source. */
export type PolicyInput = Partial<Policy>;
