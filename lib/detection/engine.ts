/**
 * The detection loop. Rules are data; this file owns the order of operations:
 *   lower-case once → keyword prefilter (one Aho-Corasick pass) → regex / recognize → capture group → allowlist →
 *   entropy floor → context window (requireContext drops early) → validate → confidence → overlap resolution.
 * Pure TypeScript: no DOM, no network, no eval.
 */
import type { Action, DetectionKind, Finding, Rule, ScanPolicy } from './types';
import { buildPrefilter, type Prefilter } from './prefilter';
import { shannonEntropy } from './entropy';
import { compileCustomRules, customActionFor, type CustomRuleError } from './custom';
import { abortError, windows, yieldToEventLoop } from './chunked';

const KIND_PRIORITY: Record<DetectionKind, number> = { secret: 3, custom: 2, pii: 1 };
const DEFAULT_CONFIDENCE = 0.8;
const VALIDATED_CONFIDENCE = 0.9;
const CONTEXT_BOOST = 0.1;
const DEFAULT_CONTEXT_WINDOW = 60;

/** Texts longer than this are scanned in windows so the prefilter gates rules per window, not per megabyte. */
export const SEGMENT_THRESHOLD = 128 * 1024;
export const DEFAULT_SEGMENT_SIZE = 64 * 1024;
/** Windows overlap by this much, which bounds the longest span found across a window border (PEM keys fit). */
export const SEGMENT_OVERLAP = 8 * 1024;

interface CompiledRule {
  rule: Rule;
  pattern: RegExp | null;
  group: number;
  kindPriority: number;
  contextWords: string[];
  contextTest: ContextTest;
  contextBefore: number;
  contextAfter: number;
  allowStrings: Set<string> | null;
  allowPatterns: RegExp[] | null;
}

export interface ChunkOptions {
  /** Characters per window (default 64 KiB); windows overlap by SEGMENT_OVERLAP. */
  chunkSize?: number;
  /** How far neighbouring windows overlap (default SEGMENT_OVERLAP); the longest span found across a border. */
  overlap?: number;
  signal?: AbortSignal;
}

export interface Scanner {
  /** The rules this scanner runs: built-ins kept by the policy (packs, allowed types) plus compiled custom rules. */
  readonly rules: readonly Rule[];
  /** Custom terms/patterns the policy asked for that were refused. */
  readonly errors: readonly CustomRuleError[];
  scan(text: string): Finding[];
  scanChunked(text: string, options?: ChunkOptions): Promise<Finding[]>;
}

/** The action the policy assigns to a type of a kind: per-type override, then the custom entry's own, then per-kind. */
export function actionFor(kind: DetectionKind, type: string, policy: ScanPolicy | undefined): Action {
  const typed = policy?.types?.[type];
  if (typed !== undefined) return typeof typed === 'string' ? typed : typed.action;
  if (kind === 'custom') {
    const own = customActionFor(type, policy);
    if (own) return own;
  }
  return policy?.actions?.[kind] ?? 'redact';
}

/**
 * `toLowerCase` can change length (U+0130 `İ` becomes `i` + combining dot), which would shift offsets between the text
 * and its lower-case copy. U+0130 is the only unconditional case; it is lowered to a plain `i`. Anything else that
 * changes length keeps its original character.
 */
export function lowerCasePreservingOffsets(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  const dotless = text.replace(/\u0130/g, 'i').toLowerCase();
  if (dotless.length === text.length) return dotless;
  const parts: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const lowered = text[i]!.toLowerCase();
    parts.push(lowered.length === 1 ? lowered : text[i]!);
  }
  return parts.join('');
}

function isWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
}

/** Whether a context word occurs in lower[from, to) as a whole word (edges only checked where the word has word chars). */
export function hasContextWord(lower: string, from: number, to: number, words: readonly string[]): boolean {
  // Search a copy of the window only: indexOf on the whole text would run past `to` and make scans quadratic.
  const windowStart = Math.max(0, from - 1);
  const window = lower.slice(windowStart, Math.min(lower.length, to + 4));
  const limit = to - windowStart;
  for (const word of words) {
    let index = window.indexOf(word, from - windowStart);
    const checkStart = isWordCode(word.charCodeAt(0));
    const checkEnd = isWordCode(word.charCodeAt(word.length - 1));
    while (index !== -1 && index + word.length <= limit) {
      const beforeOk = !checkStart || index + windowStart === 0 || !isWordCode(window.charCodeAt(index - 1));
      const after = index + word.length;
      // Plurals and simple suffixes ("emails", "phoned") still count as the context word.
      const afterOk =
        !checkEnd || after >= window.length || !isWordCode(window.charCodeAt(after)) || /^(?:s|es|ed|ing)(?![a-z0-9_])/.test(window.slice(after, after + 4));
      if (beforeOk && afterOk) return true;
      index = window.indexOf(word, index + 1);
    }
  }
  return false;
}

/** A context test compiled once: one regex pass over the window instead of one indexOf per word. */
export type ContextTest = (lower: string, from: number, to: number) => boolean;

const contextCache = new Map<string, ContextTest>();
const contextByList = new WeakMap<readonly string[], ContextTest>();

function escapeForRegex(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whole-word matching of lower-case context words (word edges only checked where the word has word characters),
 * allowing simple suffixes ("emails", "phoned", "calling"). Same semantics as hasContextWord.
 */
export function compileContext(words: readonly string[]): ContextTest {
  const byList = contextByList.get(words);
  if (byList) return byList;
  const key = words.join('\u0000');
  const cached = contextCache.get(key);
  if (cached) return cached;
  const alternatives = [...new Set(words.filter((word) => word.length > 0))]
    .sort((a, b) => b.length - a.length)
    .map((word) => {
      const before = isWordCode(word.charCodeAt(0)) ? '(?<![a-z0-9_])' : '';
      const after = isWordCode(word.charCodeAt(word.length - 1)) ? '(?:s|es|ed|ing)?(?![a-z0-9_])' : '';
      return `${before}${escapeForRegex(word)}${after}`;
    });
  let test: ContextTest;
  if (alternatives.length === 0) {
    test = () => false;
  } else {
    const global = new RegExp(alternatives.join('|'), 'g');
    // The window is sliced with one character of margin on each side so the edge assertions see real neighbours;
    // a match must still lie inside [from, to).
    test = (lower, from, to) => {
      const start = Math.max(0, from);
      const end = Math.min(lower.length, to);
      if (end <= start) return false;
      const marginBefore = start > 0 ? 1 : 0;
      const window = lower.slice(start - marginBefore, Math.min(lower.length, end + 4));
      const limit = end - start + marginBefore;
      global.lastIndex = marginBefore;
      for (let match = global.exec(window); match; match = global.exec(window)) {
        if (match.index >= limit) return false;
        if (match.index >= marginBefore && match.index + match[0].length <= limit + 4) return true;
        global.lastIndex = match.index + 1;
      }
      return false;
    };
  }
  if (contextCache.size > 256) contextCache.clear();
  contextCache.set(key, test);
  contextByList.set(words, test);
  return test;
}

function compileRule(rule: Rule): CompiledRule {
  let pattern: RegExp | null = null;
  const group = rule.group ?? 0;
  if (rule.pattern) {
    let flags = rule.pattern.flags;
    if (!flags.includes('g')) flags += 'g';
    if (group > 0 && !flags.includes('d')) flags += 'd';
    pattern = flags === rule.pattern.flags ? new RegExp(rule.pattern.source, flags) : new RegExp(rule.pattern.source, flags);
  }
  const window = rule.contextWindow ?? DEFAULT_CONTEXT_WINDOW;
  const contextWords = (rule.context ?? []).map((word) => word.toLowerCase()).filter((word) => word.length > 0);
  const allowStrings = rule.allowlist?.filter((entry): entry is string => typeof entry === 'string') ?? [];
  const allowPatterns = rule.allowlist?.filter((entry): entry is RegExp => entry instanceof RegExp) ?? [];
  return {
    rule,
    pattern,
    group,
    kindPriority: KIND_PRIORITY[rule.kind] ?? 0,
    contextWords,
    contextTest: compileContext(contextWords),
    contextBefore: window,
    contextAfter: Math.max(20, Math.ceil(window / 2)),
    allowStrings: allowStrings.length > 0 ? new Set(allowStrings.map((entry) => entry.toLowerCase())) : null,
    // Allowlist regexes are tested with test(); strip g/y so lastIndex never carries state between values.
    allowPatterns: allowPatterns.length > 0 ? allowPatterns.map((entry) => new RegExp(entry.source, entry.flags.replace(/[gy]/g, ''))) : null,
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

interface Candidate extends Finding {
  priority: number;
  order: number;
}

/** Runs one rule over text[from, to) and appends its candidates (absolute offsets). */
function runRule(
  compiled: CompiledRule,
  order: number,
  text: string,
  lower: string,
  from: number,
  to: number,
  out: Candidate[],
): void {
  const { rule } = compiled;
  const sliceText = from === 0 && to === text.length ? text : text.slice(from, to);
  const spans: Array<{ start: number; end: number; confidence?: number }> = [];
  if (compiled.pattern) {
    const pattern = compiled.pattern;
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(sliceText)) !== null) {
      if (match[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      if (compiled.group > 0) {
        const indices = match.indices?.[compiled.group];
        if (!indices) continue;
        spans.push({ start: from + indices[0], end: from + indices[1] });
      } else {
        spans.push({ start: from + match.index, end: from + match.index + match[0].length });
      }
    }
  } else if (rule.recognize) {
    const sliceLower = from === 0 && to === lower.length ? lower : lower.slice(from, to);
    for (const span of rule.recognize(sliceText, sliceLower)) {
      spans.push({ start: from + span.start, end: from + span.end, confidence: span.confidence });
    }
  }

  for (const span of spans) {
    let { start, end } = span;
    // Keep offsets on code-point boundaries: never split a surrogate pair.
    if (start > 0 && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))) start--;
    if (end < text.length && isLowSurrogate(text.charCodeAt(end)) && isHighSurrogate(text.charCodeAt(end - 1))) end++;
    if (end <= start || start < 0 || end > text.length) continue;
    const value = text.slice(start, end);
    if (compiled.allowStrings?.has(value.toLowerCase())) continue;
    if (compiled.allowPatterns?.some((allowed) => allowed.test(value))) continue;
    if (rule.entropy !== undefined && shannonEntropy(value) < rule.entropy) continue;
    let contextFound = false;
    if (compiled.contextWords.length > 0) {
      contextFound = compiled.contextTest(lower, start - compiled.contextBefore, end + compiled.contextAfter);
      if (!contextFound && rule.requireContext) continue;
    }
    let confidence = span.confidence ?? rule.confidence ?? DEFAULT_CONFIDENCE;
    if (rule.validate) {
      if (!rule.validate(value, text, start)) continue;
      confidence = Math.max(confidence, VALIDATED_CONFIDENCE);
    }
    if (contextFound) confidence += CONTEXT_BOOST;
    confidence = Math.round(Math.min(1, confidence) * 1000) / 1000;
    out.push({
      kind: rule.kind,
      type: rule.type,
      start,
      end,
      rule: rule.id,
      confidence,
      message: rule.description,
      priority: compiled.kindPriority,
      order,
    });
  }
}

/** Non-overlapping selection: highest confidence, then longest, then secret > custom > pii, then earliest. */
export function resolveOverlaps(candidates: Candidate[]): Finding[] {
  const ranked = [...candidates].sort(
    (a, b) =>
      b.confidence - a.confidence ||
      b.end - b.start - (a.end - a.start) ||
      b.priority - a.priority ||
      a.start - b.start ||
      a.order - b.order,
  );
  // Accepted spans sorted by start; binary search for the neighbours of each candidate.
  const accepted: Candidate[] = [];
  for (const candidate of ranked) {
    let low = 0;
    let high = accepted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (accepted[mid]!.start < candidate.start) low = mid + 1;
      else high = mid;
    }
    const previous = accepted[low - 1];
    const next = accepted[low];
    if (previous && previous.end > candidate.start) continue;
    if (next && next.start < candidate.end) continue;
    accepted.splice(low, 0, candidate);
  }
  return accepted.map(({ priority: _priority, order: _order, ...finding }) => finding);
}

/** Whether the policy turns this rule off: its type/kind is allowed, or its national-ID pack is not selected. */
function ruleDisabled(rule: Rule, policy: ScanPolicy | undefined): boolean {
  if (rule.pack && policy?.nationalIdPacks && !policy.nationalIdPacks.includes(rule.pack)) return true;
  return actionFor(rule.kind, rule.type, policy) === 'allow';
}

export interface ScannerOptions {
  /** Built-in rules to use (default: the whole catalogue, given by the caller to keep this module catalogue-free). */
  rules: readonly Rule[];
}

export function createEngineScanner(policy: ScanPolicy | undefined, options: ScannerOptions): Scanner {
  const custom = compileCustomRules(policy);
  const rules = [...options.rules.filter((rule) => !ruleDisabled(rule, policy)), ...custom.rules];
  const compiled = rules.map(compileRule);
  const alwaysRun: number[] = [];
  const keywordsPerRule = rules.map((rule, index) => {
    const keywords = (rule.keywords ?? []).map((keyword) => keyword.toLowerCase()).filter((keyword) => keyword.length > 0);
    if (keywords.length === 0) {
      alwaysRun.push(index);
      return undefined;
    }
    return keywords;
  });
  const prefilter: Prefilter = buildPrefilter(keywordsPerRule);

  /** Candidates of every active rule over one window [from, to). */
  function scanWindow(text: string, lower: string, from: number, to: number, out: Candidate[]): void {
    const active = new Uint8Array(rules.length);
    for (const index of alwaysRun) active[index] = 1;
    prefilter.mark(lower, active, from, to);
    const windowOut: Candidate[] = [];
    for (let index = 0; index < compiled.length; index++) {
      if (active[index]) runRule(compiled[index]!, index, text, lower, from, to, windowOut);
    }
    // Spans touching an inner window edge may be cut short; the neighbouring window sees them whole.
    for (const candidate of windowOut) {
      if (from > 0 && candidate.start === from) continue;
      if (to < text.length && candidate.end === to) continue;
      out.push(candidate);
    }
  }

  function dedupe(candidates: Candidate[]): Candidate[] {
    const seen = new Set<string>();
    return candidates.filter((candidate) => {
      const key = `${candidate.order}:${candidate.start}:${candidate.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  return {
    rules,
    errors: custom.errors,
    scan(text) {
      if (typeof text !== 'string' || text.length === 0) return [];
      const lower = lowerCasePreservingOffsets(text);
      const candidates: Candidate[] = [];
      if (text.length <= SEGMENT_THRESHOLD) {
        scanWindow(text, lower, 0, text.length, candidates);
        return resolveOverlaps(candidates);
      }
      for (const [from, to] of windows(text.length, DEFAULT_SEGMENT_SIZE, SEGMENT_OVERLAP)) scanWindow(text, lower, from, to, candidates);
      return resolveOverlaps(dedupe(candidates));
    },
    async scanChunked(text, chunkOptions = {}) {
      const { signal } = chunkOptions;
      if (signal?.aborted) throw abortError(signal);
      if (typeof text !== 'string' || text.length === 0) return [];
      const lower = lowerCasePreservingOffsets(text);
      const candidates: Candidate[] = [];
      const size = chunkOptions.chunkSize ?? DEFAULT_SEGMENT_SIZE;
      let first = true;
      for (const [from, to] of windows(text.length, size, Math.max(0, chunkOptions.overlap ?? SEGMENT_OVERLAP))) {
        if (!first) await yieldToEventLoop();
        first = false;
        if (signal?.aborted) throw abortError(signal);
        scanWindow(text, lower, from, to, candidates);
      }
      return resolveOverlaps(dedupe(candidates));
    },
  };
}
