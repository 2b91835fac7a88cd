/** Size caps for policy input. Oversized input is rejected, not truncated, so an admin sees the problem. */
export const POLICY_LIMITS = {
  /** Whole policy, serialized as JSON (UTF-8 bytes). */
  maxPolicyBytes: 256 * 1024,
  /** Deepest nesting the validator walks (the schema itself is 4 levels deep). */
  maxDepth: 12,
  maxCustomTermLists: 200,
  /** Terms across all lists of one source. */
  maxCustomTermsTotal: 5000,
  maxTermLength: 200,
  minTermLength: 2,
  maxCustomPatterns: 100,
  maxPatternLength: 500,
  maxLabelLength: 64,
  maxTypeOverrides: 500,
  maxTypeNameLength: 64,
  maxSelectorsPerRole: 10,
  maxSelectorLength: 300,
  maxAllowedImageHosts: 200,
  maxHostLength: 253,
  maxPromptTokens: 2_000_000,
  minVaultRetentionHours: 1,
  maxVaultRetentionHours: 24 * 365,
  minAuditRetentionDays: 1,
  maxAuditRetentionDays: 3650,
} as const;
