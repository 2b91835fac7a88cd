/**
 * Public API of the detection engine. Synchronous `scan` for prompts (up to 64 KB in a few ms), `scanChunked` for
 * megabytes (yields between windows), `createScanner` to precompile a policy once for repeated scans.
 */
import type { Finding, ScanPolicy } from './types';
import { builtinRules } from './rules';
import { createEngineScanner, type ChunkOptions, type Scanner } from './engine';

export type { Action, DetectionKind, Finding, Rule, RuleExamples, ScanPolicy } from './types';
export type { ChunkOptions, Scanner } from './engine';
export type { CustomRuleError } from './custom';
export { actionFor, SEGMENT_OVERLAP } from './engine';
export { compileCustomRules, labelToType } from './custom';
export { checkRegexSafety } from './regex-safety';
export { builtinRules } from './rules';

/** Precompiles the policy's rules (packs, allowed types, custom terms/patterns) and the keyword prefilter. */
export function createScanner(policy?: ScanPolicy): Scanner {
  return createEngineScanner(policy, { rules: builtinRules });
}

// Policies are usually the same object between scans; some callers rebuild equal objects, so also key by content.
const scannersByPolicy = new WeakMap<ScanPolicy, Scanner>();
const scannersByContent = new Map<string, Scanner>();
const MAX_CACHED_POLICIES = 8;
let defaultScanner: Scanner | null = null;

function scannerFor(policy: ScanPolicy | undefined): Scanner {
  if (!policy) return (defaultScanner ??= createScanner());
  const byIdentity = scannersByPolicy.get(policy);
  if (byIdentity) return byIdentity;
  const key = JSON.stringify(policy);
  let scanner = scannersByContent.get(key);
  if (!scanner) {
    scanner = createScanner(policy);
    if (scannersByContent.size >= MAX_CACHED_POLICIES) scannersByContent.delete(scannersByContent.keys().next().value!);
    scannersByContent.set(key, scanner);
  }
  scannersByPolicy.set(policy, scanner);
  return scanner;
}

/** Findings sorted by start, non-overlapping, UTF-16 offsets; types the policy allows are not reported. */
export function scan(text: string, policy?: ScanPolicy): Finding[] {
  return scannerFor(policy).scan(text);
}

/** Like `scan`, for large texts: windows with overlapping borders, yielding to the event loop between them. */
export function scanChunked(text: string, policy?: ScanPolicy, options?: ChunkOptions): Promise<Finding[]> {
  return scannerFor(policy).scanChunked(text, options);
}
