/**
 * Public types of the detection engine. Pure data: no DOM, no browser APIs, so the CLI and bench run it in Node.
 */

export type DetectionKind = 'secret' | 'pii' | 'custom';

/** A detected span. Offsets are UTF-16 code units into the scanned text; end is exclusive. */
export interface Finding {
  kind: DetectionKind;
  /** Placeholder name: EMAIL, PHONE, AWS_ACCESS_KEY, ... (for custom rules, the policy label upper-snake-cased). */
  type: string;
  start: number;
  end: number;
  /** Stable rule id, e.g. `aws-access-key-id`. */
  rule: string;
  /** 0..1. Validators (Luhn, mod-97, checksums) push this to >= 0.9; context words raise it. */
  confidence: number;
  /** One line for the user: what was found and why it matters. Never contains the value. */
  message: string;
}

export interface RuleExamples {
  /** Each string must produce at least one finding of this rule (the whole `match` if given as an object). */
  positive: Array<string | { text: string; match: string }>;
  /** Each string must produce no finding of this rule. Say why in a trailing comment where it is not obvious. */
  negative: string[];
}

/**
 * A detection rule. Rules are data: the engine owns the loop (prefilter → regex → validate → context → dedupe).
 * Every regex must be linear-time (no nested or overlapping unbounded quantifiers); the catalogue test checks it.
 */
export interface Rule {
  /** Stable kebab-case id; never renamed once shipped (the audit log stores it). */
  id: string;
  kind: DetectionKind;
  /** Placeholder type name, UPPER_SNAKE. */
  type: string;
  /** One line: the risk if this leaks. */
  description: string;
  /** Must carry the `g` flag (engine adds it if missing). Use `d` only if `group` is used. Omit only with `recognize`. */
  pattern?: RegExp;
  /**
   * For types a single regex cannot express (person names by lexicon and context, addresses): returns candidate spans.
   * Still pure and linear-time; `validate`, `context` and `allowlist` apply to its spans as to regex matches.
   */
  recognize?: (text: string, lowerText: string) => Array<{ start: number; end: number; confidence?: number }>;
  /**
   * The same recognizer for rules whose every span starts exactly where one of the rule's keywords starts: the engine
   * passes those keyword starts (window-relative, ascending, possibly repeated) and the recognizer looks only there,
   * instead of scanning the window. Must find what `recognize` finds (a property test compares them).
   */
  recognizeAt?: (
    text: string,
    lowerText: string,
    starts: ArrayLike<number>,
    count: number,
  ) => Array<{ start: number; end: number; confidence?: number }>;
  /** Regexes `recognize` runs internally, listed so the catalogue's linear-time (ReDoS) check covers them too. */
  innerPatterns?: RegExp[];
  /** Capture group holding the sensitive value (default 0: the whole match). */
  group?: number;
  /**
   * Lower-case literals; the rule runs only when one occurs in the lower-cased text. Empty/absent means always run
   * (reserve for structural PII like emails, where the prefilter is the `@`: give `['@']`).
   */
  keywords?: string[];
  /** Minimum Shannon entropy (bits per char) of the value. */
  entropy?: number;
  /** Extra check on the value (Luhn, mod-97, checksum, phone validity). Return false to drop the match. */
  validate?: (value: string, text: string, start: number) => boolean;
  /** Words that, near the match, confirm it (raise confidence) — and, if `requireContext`, are required. */
  context?: string[];
  requireContext?: boolean;
  /** How many characters before the match the context window spans (default 60). */
  contextWindow?: number;
  /** Values (or regexes over the value) known to be look-alikes: docs placeholders, test keys, hashes. */
  allowlist?: Array<string | RegExp>;
  /** Base confidence before validation/context (default 0.8). */
  confidence?: number;
  /** Selectable pack for national IDs (e.g. `uk`, `in`, `fr`); rules with a pack run only when the policy enables it. */
  pack?: string;
  examples: RuleExamples;
}

/** The part of the org policy the engine reads. Structurally a subset of lib/policy's Policy. */
export interface ScanPolicy {
  actions?: Partial<Record<DetectionKind, Action>>;
  types?: Record<string, Action | { action: Action }>;
  customTerms?: Array<{ label: string; terms: string[]; action?: Action; caseSensitive?: boolean }>;
  customPatterns?: Array<{ label: string; pattern: string; flags?: string; action?: Action }>;
  /** National-ID packs to run, e.g. ['uk','ca','in','fr','de','es','it','br','au']. Absent: all packs. */
  nationalIdPacks?: string[];
}

export type Action = 'block' | 'review' | 'redact' | 'warn' | 'allow';
