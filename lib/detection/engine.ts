/**
 * The detection loop. Rules are data; this file owns the order of operations:
 *   lower-case once → keyword prefilter (one Aho-Corasick pass over the whole text, recording every keyword hit) →
 *   regex / recognize → capture group → allowlist → entropy floor → context window (requireContext drops early) →
 *   validate → confidence → overlap resolution.
 * A rule runs in a window only if one of its keywords occurs there. When every match of a rule's regex provably starts
 * with a literal prefix (read from the regex source by `literalPrefixes`), the regex is not run across the window: a
 * sticky copy is tried only where the automaton saw that prefix (or a keyword inside it), which finds exactly the
 * matches of a full global pass at a fraction of the cost.
 * Pure TypeScript: no DOM, no network, no eval.
 */
import type { Action, DetectionKind, Finding, Rule, ScanPolicy } from './types';
import { buildPrefilter, type Prefilter } from './prefilter';
import { shannonEntropy } from './entropy';
import { compileCustomRules, customActionFor, type CustomRuleError } from './custom';
import { abortError, windows, yieldToEventLoop } from './chunked';
import { escapeRegex } from './escape-regex';

const KIND_PRIORITY: Record<DetectionKind, number> = { secret: 3, custom: 2, pii: 1 };
const DEFAULT_CONFIDENCE = 0.8;
const VALIDATED_CONFIDENCE = 0.9;
const CONTEXT_BOOST = 0.1;
const DEFAULT_CONTEXT_WINDOW = 60;

/** Texts longer than this are scanned in windows so the prefilter gates rules per window, not per megabyte. */
export const SEGMENT_THRESHOLD = 128 * 1024;
export const DEFAULT_SEGMENT_SIZE = 64 * 1024;
/**
 * Windows of the synchronous scan, which only uses them so rare keywords gate rules per window: larger than the
 * chunked scan's (which yields between windows), so the overlap re-read at each border costs ~6 % instead of ~25 %
 * (1 MB of mixed text: 73 ms instead of 86 ms, same findings).
 */
export const SYNC_SEGMENT_SIZE = 256 * 1024;
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
  /**
   * Sticky copy of `pattern` when every match provably starts with a literal that contains one of the rule's keywords
   * at a known offset: the regex is then tried only at keyword hits instead of across the whole window.
   */
  anchored: RegExp | null;
  /** For an anchored rule: keyword → offsets of that keyword inside the literal prefixes (match start = hit − offset). */
  anchorShifts: Map<string, number[]> | null;
  /** Literal prefixes of an anchored rule that contain none of its keywords: reported by the automaton, never gating. */
  anchorOnly: string[];
  /** Whether spans must pass an allowlist, entropy floor or validator (decided late, in resolveOverlaps). */
  hasFilters: boolean;
  /** A recognizer run only at the starts of its keyword hits (`Rule.recognizeAt`). */
  recognizesAtKeywords: boolean;
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
      return `${before}${escapeRegex(word)}${after}`;
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

const MAX_PREFIXES = 64;

/**
 * The literal prefixes every match of `source` starts with (lower-cased), or null when they cannot be listed: zero-width
 * assertions are skipped, literal characters and groups of literal alternatives are collected, and the walk stops at
 * the first class, wildcard, quantified atom or backreference. Only ASCII literals are collected, so lower-casing the
 * text and case-insensitive matching agree character by character. Conservative: whatever it cannot read ends a prefix.
 */
export function literalPrefixes(source: string, flags: string): string[] | null {
  if (/[uv]/.test(flags)) return null;
  let pos = 0;
  const quantifierAt = (at: number): boolean => {
    const c = source[at];
    if (c === '*' || c === '+' || c === '?') return true;
    return c === '{' && /^\{\d+(?:,\d*)?\}/.test(source.slice(at, at + 12));
  };
  /** Skips a group body (balanced parentheses, classes and escapes honoured); pos is just past its '('. */
  const skipGroup = (): boolean => {
    let depth = 1;
    while (pos < source.length) {
      const c = source[pos]!;
      if (c === '\\') pos += 2;
      else if (c === '[') {
        pos++;
        while (pos < source.length && source[pos] !== ']') pos += source[pos] === '\\' ? 2 : 1;
        pos++;
      } else {
        if (c === '(') depth++;
        else if (c === ')' && --depth === 0) {
          pos++;
          return true;
        }
        pos++;
      }
    }
    return false;
  };
  /** Parses alternatives until ')' or end; returns each alternative's prefixes and whether it was read to its end. */
  const alternation = (): { strings: string[]; complete: boolean } | null => {
    const strings: string[] = [];
    let complete = true;
    for (;;) {
      const seq = sequence();
      if (!seq) return null;
      strings.push(...seq.strings);
      if (!seq.complete) complete = false;
      if (strings.length > MAX_PREFIXES) return null;
      if (source[pos] === '|') {
        pos++;
        continue;
      }
      return { strings, complete };
    }
  };
  const sequence = (): { strings: string[]; complete: boolean } | null => {
    let strings = [''];
    let stopped = false;
    while (pos < source.length && source[pos] !== '|' && source[pos] !== ')') {
      if (stopped) {
        // Past the readable prefix: only skip to the end of this alternative.
        const c = source[pos]!;
        if (c === '\\') pos += 2;
        else if (c === '(') {
          pos++;
          if (!skipGroup()) return null;
        } else if (c === '[') {
          pos++;
          while (pos < source.length && source[pos] !== ']') pos += source[pos] === '\\' ? 2 : 1;
          pos++;
        } else pos++;
        continue;
      }
      const c = source[pos]!;
      if (c === '^' || c === '$') {
        pos++;
        continue;
      }
      if (c === '(') {
        const lookaround = /^\(\?<?[=!]/.exec(source.slice(pos, pos + 4));
        if (lookaround) {
          pos += lookaround[0].length;
          if (!skipGroup()) return null;
          if (quantifierAt(pos)) return null;
          continue;
        }
        const open = /^\((?:\?:|\?<[A-Za-z_$][\w$]*>)?/.exec(source.slice(pos, pos + 40))!;
        pos += open[0].length;
        const inner = alternation();
        if (!inner || source[pos] !== ')') return null;
        pos++;
        if (quantifierAt(pos)) {
          stopped = true;
          continue;
        }
        const product: string[] = [];
        for (const head of strings) for (const tail of inner.strings) product.push(head + tail);
        if (product.length > MAX_PREFIXES) {
          stopped = true;
          continue;
        }
        strings = product;
        if (!inner.complete) stopped = true;
        continue;
      }
      let literal: string | null = null;
      let width = 1;
      if (c === '\\') {
        const next = source[pos + 1] ?? '';
        width = 2;
        if (next === 'b' || next === 'B') {
          pos += 2;
          continue;
        }
        if (/^[\^$.*+?()[\]{}|\/-]$/.test(next)) literal = next;
        else literal = null;
      } else if (c === '[' || c === '.') literal = null;
      else if (c === '{' || c === '}' || c === '*' || c === '+' || c === '?') return null;
      else literal = c;
      if (literal === null || literal.charCodeAt(0) > 127 || quantifierAt(pos + width)) {
        stopped = true;
        continue;
      }
      pos += width;
      const lowered = literal.toLowerCase();
      strings = strings.map((head) => head + lowered);
    }
    return { strings, complete: !stopped };
  };
  const result = alternation();
  if (!result || pos !== source.length) return null;
  return result.strings;
}

/** Shortest literal prefix worth its own automaton entry (shorter ones occur everywhere and would cost more). */
const MIN_ANCHOR_LITERAL = 3;

/**
 * How the rule's matches are found from keyword hits: for each keyword, its offsets inside the literal prefixes (match
 * start = hit − offset). A prefix with no keyword in it becomes an anchor-only literal (offset 0) that the automaton
 * also reports, without it gating the rule. Null when some prefix is unreadable or too short to anchor on.
 */
function anchorShiftsFor(rule: Rule, keywords: readonly string[]): { shifts: Map<string, number[]>; anchorOnly: string[] } | null {
  // A sticky pattern already behaves differently in a global pass (it stops at the first gap): leave it alone.
  if (!rule.pattern || keywords.length === 0 || rule.pattern.flags.includes('y')) return null;
  const prefixes = literalPrefixes(rule.pattern.source, rule.pattern.flags);
  if (!prefixes || prefixes.length === 0) return null;
  const shifts = new Map<string, number[]>();
  const anchorOnly: string[] = [];
  const add = (literal: string, shift: number) => {
    const list = shifts.get(literal) ?? [];
    if (!list.includes(shift)) list.push(shift);
    shifts.set(literal, list);
  };
  for (const prefix of prefixes) {
    let chosen: [string, number] | null = null;
    for (const keyword of keywords) {
      const at = prefix.indexOf(keyword);
      if (at !== -1 && (!chosen || at < chosen[1])) chosen = [keyword, at];
    }
    if (chosen) add(chosen[0], chosen[1]);
    else if (prefix.length >= MIN_ANCHOR_LITERAL) {
      if (!anchorOnly.includes(prefix)) anchorOnly.push(prefix);
      add(prefix, 0);
    } else return null;
  }
  return { shifts, anchorOnly };
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
  const anchoring = pattern ? anchorShiftsFor(rule, ruleKeywords(rule)) : null;
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
    anchored: pattern && anchoring ? new RegExp(pattern.source, pattern.flags + 'y') : null,
    anchorShifts: anchoring?.shifts ?? null,
    anchorOnly: anchoring?.anchorOnly ?? [],
    hasFilters: allowStrings.length > 0 || allowPatterns.length > 0 || rule.entropy !== undefined || rule.validate !== undefined,
    recognizesAtKeywords: rule.recognizeAt !== undefined && ruleKeywords(rule).length > 0,
  };
}

function ruleKeywords(rule: Rule): string[] {
  return (rule.keywords ?? []).map((keyword) => keyword.toLowerCase()).filter((keyword) => keyword.length > 0);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

export interface Candidate extends Finding {
  priority: number;
  order: number;
  /**
   * The rule whose filters (allowlist, entropy floor, validator) this span has not passed yet, or null once it has.
   * They are decided in resolveOverlaps, and only for spans that would be accepted: a span that overlaps a better one
   * is rejected whatever its filters say, so the costly validators of catch-all rules rarely run where a vendor rule
   * already matched. Same findings as filtering first (see resolveOverlaps).
   */
  pending: CompiledRule | null;
}

const scratchStart: number[] = [];
const scratchEnd: number[] = [];
const scratchConfidence: Array<number | undefined> = [];

/** Runs one rule over text[from, to) and appends its candidates (absolute offsets). */
function runRule(
  compiled: CompiledRule,
  order: number,
  text: string,
  lower: string,
  from: number,
  to: number,
  out: Candidate[],
  sliceText: string,
  sliceLowerRef: { value: string | null },
  anchors: Int32Array | null,
  anchorCount: number,
): void {
  const { rule } = compiled;
  // Spans go to module-level scratch arrays (runRule is not re-entered), so a rule that finds nothing allocates nothing.
  const spanStart = scratchStart;
  const spanEnd = scratchEnd;
  const spanConfidence = scratchConfidence;
  let spanCount = 0;
  if (anchors && compiled.anchored) {
    // Every match starts at one of these (sorted, window-relative) offsets: try the sticky regex there only. Same
    // matches as a full pass: after a match, the next search starts at its end, as exec with the g flag would.
    const sticky = compiled.anchored;
    let next = 0;
    for (let k = 0; k < anchorCount; k++) {
      const at = anchors[k]!;
      if (at < next) continue;
      sticky.lastIndex = at;
      const match = sticky.exec(sliceText);
      if (match === null || match[0].length === 0) continue;
      next = at + match[0].length;
      if (compiled.group > 0) {
        const indices = match.indices?.[compiled.group];
        if (!indices) continue;
        spanStart[spanCount] = from + indices[0];
        spanEnd[spanCount] = from + indices[1];
        spanConfidence[spanCount++] = undefined;
      } else {
        spanStart[spanCount] = from + at;
        spanEnd[spanCount] = from + next;
        spanConfidence[spanCount++] = undefined;
      }
    }
  } else if (compiled.pattern) {
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
        spanStart[spanCount] = from + indices[0];
        spanEnd[spanCount] = from + indices[1];
        spanConfidence[spanCount++] = undefined;
      } else {
        spanStart[spanCount] = from + match.index;
        spanEnd[spanCount] = from + match.index + match[0].length;
        spanConfidence[spanCount++] = undefined;
      }
    }
  } else if (rule.recognize) {
    const sliceLower = (sliceLowerRef.value ??= from === 0 && to === lower.length ? lower : lower.slice(from, to));
    const spans =
      anchors && compiled.recognizesAtKeywords
        ? rule.recognizeAt!(sliceText, sliceLower, anchors, anchorCount)
        : rule.recognize(sliceText, sliceLower);
    for (const span of spans) {
      spanStart[spanCount] = from + span.start;
      spanEnd[spanCount] = from + span.end;
      spanConfidence[spanCount++] = span.confidence;
    }
  }

  for (let index = 0; index < spanCount; index++) {
    let start = spanStart[index]!;
    let end = spanEnd[index]!;
    // Keep offsets on code-point boundaries: never split a surrogate pair.
    if (start > 0 && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))) start--;
    if (end < text.length && isLowSurrogate(text.charCodeAt(end)) && isHighSurrogate(text.charCodeAt(end - 1))) end++;
    if (end <= start || start < 0 || end > text.length) continue;
    let contextFound = false;
    if (compiled.contextWords.length > 0) {
      contextFound = compiled.contextTest(lower, start - compiled.contextBefore, end + compiled.contextAfter);
      if (!contextFound && rule.requireContext) continue;
    }
    // The confidence the span has if it passes its filters: a rule that states its confidence keeps it (generic rules
    // mean their 0.55-0.6); otherwise passing the validator (checksum, range) is what earns VALIDATED_CONFIDENCE.
    let confidence = spanConfidence[index] ?? rule.confidence ?? DEFAULT_CONFIDENCE;
    if (rule.validate && spanConfidence[index] === undefined && rule.confidence === undefined) {
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
      pending: compiled.hasFilters ? compiled : null,
    });
  }
}

/** Allowlist, entropy floor and validator of the span's rule, if it has not passed them yet: false drops the span. */
function passesFilters(candidate: Candidate, text: string): boolean {
  const compiled = candidate.pending;
  if (!compiled) return true;
  const { rule } = compiled;
  const { start, end } = candidate;
  const value = text.slice(start, end);
  if (compiled.allowStrings?.has(value.toLowerCase())) return false;
  if (compiled.allowPatterns?.some((allowed) => allowed.test(value))) return false;
  if (rule.entropy !== undefined && shannonEntropy(value) < rule.entropy) return false;
  return !rule.validate || rule.validate(value, text, start);
}

/**
 * Non-overlapping selection: highest confidence, then longest, then secret > custom > pii, then earliest. A span's
 * filters run when it would be accepted: rejecting a span that overlaps an accepted one does not depend on them, and a
 * span that fails them is dropped, as if it had never been a candidate, so the result equals filtering every span first.
 */
export function resolveOverlaps(candidates: Candidate[], passes: (candidate: Candidate) => boolean = () => true): Finding[] {
  // Sorted in place: the candidate arrays are the engine's own scratch lists.
  const ranked = candidates.sort(
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
    if (!passes(candidate)) continue;
    accepted.splice(low, 0, candidate);
  }
  return accepted.map((c) => ({ kind: c.kind, type: c.type, start: c.start, end: c.end, rule: c.rule, confidence: c.confidence, message: c.message }));
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
  const keywordsPerRule = rules.map((rule) => {
    const keywords = (rule.keywords ?? []).map((keyword) => keyword.toLowerCase()).filter((keyword) => keyword.length > 0);
    if (keywords.length === 0) return undefined;
    return keywords;
  });
  const prefilter: Prefilter = buildPrefilter(
    keywordsPerRule,
    compiled.map((rule) => (rule.anchorOnly.length > 0 ? rule.anchorOnly : undefined)),
  );
  const entryGates = Uint8Array.from(prefilter.entries, (entry) => (entry.anchorOnly ? 0 : 1));
  const entryRule = Int32Array.from(prefilter.entries, (entry) => entry.rule);
  const entryLength = Int32Array.from(prefilter.entries, (entry) => entry.keyword.length);
  /** For entries of anchored rules: offsets from the keyword hit back to the match start (empty: not a start keyword). */
  const entryShifts: Array<readonly number[] | null> = prefilter.entries.map(
    (entry) =>
      compiled[entry.rule]!.anchorShifts?.get(entry.keyword) ??
      (compiled[entry.rule]!.recognizesAtKeywords ? [0] : compiled[entry.rule]!.anchored ? [] : null),
  );
  const maxKeywordLength = entryLength.reduce((max, length) => Math.max(max, length), 0);

  /**
   * Keyword hits of the whole text, grouped by rule: `active` lists the rules with at least one hit (ascending, the
   * first `activeCount`), and the hits of such a rule r are [first[r], last[r]) in end order. Entries of other rules
   * are stale: readers only look at active rules.
   */
  interface RuleHits {
    active: Int32Array;
    activeCount: number;
    first: Int32Array;
    last: Int32Array;
    start: Int32Array;
    end: Int32Array;
    entry: Int32Array;
  }

  /** Rules without keywords, which run on every window (ascending). */
  const alwaysRun = Int32Array.from(keywordsPerRule.flatMap((keywords, index) => (keywords === undefined ? [index] : [])));

  // Buffers for the synchronous scan, reused between scans (scanChunked interleaves with other calls: it allocates).
  // `reusableCounts` is all zeros between scans.
  const reusableCounts = new Int32Array(rules.length);
  const reusableActive = new Int32Array(rules.length);
  const reusableFirst = new Int32Array(rules.length);
  const reusableLast = new Int32Array(rules.length);
  let reusableStart = new Int32Array(1024);
  let reusableEnd = new Int32Array(1024);
  let reusableEntry = new Int32Array(1024);

  function collectHits(lower: string, reuse: boolean): RuleHits {
    const hits = prefilter.collect(lower, 0, lower.length);
    // Work only on the rules that have hits (a few per prompt), not on the whole catalogue: the cost per scan stays small.
    const counts = reuse ? reusableCounts : new Int32Array(rules.length);
    const active = reuse ? reusableActive : new Int32Array(rules.length);
    let activeCount = 0;
    for (let i = 0; i < hits.count; i++) {
      const rule = entryRule[hits.entry[i]!]!;
      if (counts[rule]!++ === 0) active[activeCount++] = rule;
    }
    active.subarray(0, activeCount).sort();
    const first = reuse ? reusableFirst : new Int32Array(rules.length);
    const last = reuse ? reusableLast : new Int32Array(rules.length);
    let running = 0;
    for (let k = 0; k < activeCount; k++) {
      const rule = active[k]!;
      first[rule] = running;
      last[rule] = running; // the fill cursor while placing, the end once placed
      running += counts[rule]!;
      counts[rule] = 0;
    }
    if (reuse && reusableStart.length < hits.count) {
      const size = Math.max(hits.count, reusableStart.length * 2);
      reusableStart = new Int32Array(size);
      reusableEnd = new Int32Array(size);
      reusableEntry = new Int32Array(size);
    }
    // Reused arrays may be longer than the hit count; readers only index below last[r] of active rules.
    const start = reuse ? reusableStart : new Int32Array(hits.count);
    const end = reuse ? reusableEnd : new Int32Array(hits.count);
    const entry = reuse ? reusableEntry : new Int32Array(hits.count);
    for (let i = 0; i < hits.count; i++) {
      const id = hits.entry[i]!;
      const slot = last[entryRule[id]!]!++;
      end[slot] = hits.end[i]!;
      start[slot] = hits.end[i]! - entryLength[id]!;
      entry[slot] = id;
    }
    return { active, activeCount, first, last, start, end, entry };
  }

  let anchorBuffer = new Int32Array(256);

  /**
   * Candidates of every active rule over one window [from, to), kept only when they start in the window's core
   * [coreFrom, coreTo): cores tile the text, so each span is decided by exactly one window, the one that also sees the
   * overlap on both sides of it as context (what precedes and follows it), like a whole-text scan does.
   */
  function scanWindow(
    text: string,
    lower: string,
    from: number,
    to: number,
    out: Candidate[],
    hits: RuleHits,
    coreFrom = from,
    coreTo = to,
  ): void {
    const sliceText = from === 0 && to === text.length ? text : text.slice(from, to);
    const sliceLowerRef: { value: string | null } = { value: null };
    const windowOut: Candidate[] = [];
    // Rules in catalogue order (candidates keep it for ties): the always-run rules merged with the rules that have hits.
    let nextAlways = 0;
    let nextActive = 0;
    while (nextAlways < alwaysRun.length || nextActive < hits.activeCount) {
      const always = nextAlways < alwaysRun.length ? alwaysRun[nextAlways]! : compiled.length;
      const withHits = nextActive < hits.activeCount ? hits.active[nextActive]! : compiled.length;
      if (always < withHits) {
        nextAlways++;
        runRule(compiled[always]!, always, text, lower, from, to, windowOut, sliceText, sliceLowerRef, null, 0);
        continue;
      }
      nextActive++;
      const index = withHits;
      const rule = compiled[index]!;
      const first = hits.first[index]!;
      const last = hits.last[index]!;
      // Hits are in end order; the first one inside the window decides. Starts lag ends by at most maxKeywordLength.
      let low = first;
      let high = last;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (hits.end[mid]! < from) low = mid + 1;
        else high = mid;
      }
      let inside = -1;
      for (let k = low; k < last && hits.end[k]! <= to; k++) {
        if (hits.start[k]! >= from && entryGates[hits.entry[k]!] === 1) {
          inside = k;
          break;
        }
      }
      if (inside === -1) continue;
      if (!rule.anchored && !rule.recognizesAtKeywords) {
        runRule(rule, index, text, lower, from, to, windowOut, sliceText, sliceLowerRef, null, 0);
        continue;
      }
      let count = 0;
      let sorted = true;
      for (let k = low; k < last && hits.end[k]! <= to; k++) {
        const hitStart = hits.start[k]!;
        if (hitStart < from) continue;
        const shifts = entryShifts[hits.entry[k]!]!;
        for (let s = 0; s < shifts.length; s++) {
          const at = hitStart - shifts[s]! - from;
          if (at < 0) continue;
          if (count === anchorBuffer.length) {
            const grown = new Int32Array(count * 2);
            grown.set(anchorBuffer);
            anchorBuffer = grown;
          }
          if (count > 0 && anchorBuffer[count - 1]! > at) sorted = false;
          anchorBuffer[count++] = at;
        }
      }
      if (count === 0) continue;
      const anchors = sorted ? anchorBuffer : anchorBuffer.slice(0, count).sort();
      runRule(rule, index, text, lower, from, to, windowOut, sliceText, sliceLowerRef, anchors, count);
    }
    for (const candidate of windowOut) {
      if (candidate.start < coreFrom || candidate.start >= coreTo) continue;
      // A span ending at an inner window edge may be cut short (spans longer than the overlap are out of reach).
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
      const hits = collectHits(lower, true);
      if (text.length <= SEGMENT_THRESHOLD) {
        scanWindow(text, lower, 0, text.length, candidates, hits);
        return resolveOverlaps(candidates, (candidate) => passesFilters(candidate, text));
      }
      for (const [from, to, coreFrom, coreTo] of windows(text.length, SYNC_SEGMENT_SIZE, SEGMENT_OVERLAP, text)) {
        scanWindow(text, lower, from, to, candidates, hits, coreFrom, coreTo);
      }
      return resolveOverlaps(dedupe(candidates), (candidate) => passesFilters(candidate, text));
    },
    async scanChunked(text, chunkOptions = {}) {
      const { signal } = chunkOptions;
      if (signal?.aborted) throw abortError(signal);
      if (typeof text !== 'string' || text.length === 0) return [];
      const lower = lowerCasePreservingOffsets(text);
      const candidates: Candidate[] = [];
      const hits = collectHits(lower, false);
      const size = chunkOptions.chunkSize ?? DEFAULT_SEGMENT_SIZE;
      let first = true;
      for (const [from, to, coreFrom, coreTo] of windows(text.length, size, Math.max(0, chunkOptions.overlap ?? SEGMENT_OVERLAP), text)) {
        if (!first) await yieldToEventLoop();
        first = false;
        if (signal?.aborted) throw abortError(signal);
        scanWindow(text, lower, from, to, candidates, hits, coreFrom, coreTo);
      }
      return resolveOverlaps(dedupe(candidates), (candidate) => passesFilters(candidate, text));
    },
  };
}
