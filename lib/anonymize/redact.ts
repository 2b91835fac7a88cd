/**
 * Text-level pseudonymization: findings → placeholders (redact), placeholders → originals (findPlaceholders, restore).
 * The DOM restore (display-only, closed shadow roots) lives elsewhere and calls findPlaceholders.
 */
import type { Finding, ScanPolicy } from '../detection/types';
import { actionFor, scan } from '../detection';
import { escapeRegex } from '../detection/escape-regex';
import { PseudonymVault } from './vault';

export interface Replacement {
  /** Offsets of the placeholder in the redacted text (UTF-16, end exclusive). */
  start: number;
  end: number;
  placeholder: string;
  /** The finding it replaced; its offsets point into the original text. */
  finding: Finding;
}

export interface RedactResult {
  text: string;
  replacements: Replacement[];
}

/**
 * Replaces findings with the vault's placeholders. Given findings, replaces those (overlaps: the earlier one wins);
 * given a policy (or nothing), scans first and replaces every finding except those whose action is 'warn' (allowed
 * types are never reported). Either way, other occurrences of a replaced value, and of values already in the vault,
 * are replaced too (values of 4+ characters).
 */
export function redact(text: string, vault: PseudonymVault, findingsOrPolicy?: Finding[] | ScanPolicy): RedactResult {
  let findings: Finding[];
  if (Array.isArray(findingsOrPolicy)) {
    findings = findingsOrPolicy;
  } else {
    const policy = findingsOrPolicy;
    findings = scan(text, policy).filter((finding) => actionFor(finding.kind, finding.type, policy) !== 'warn');
  }
  const valid = findings.filter((finding) => finding.start >= 0 && finding.end <= text.length && finding.end > finding.start);
  const ordered = [...valid, ...repeatedOccurrences(text, valid, vault)].sort((a, b) => a.start - b.start || b.end - a.end);
  let output = '';
  let cursor = 0;
  const replacements: Replacement[] = [];
  for (const finding of ordered) {
    if (finding.start < cursor) continue;
    const placeholder = vault.placeholderFor(text.slice(finding.start, finding.end), finding.type);
    output += text.slice(cursor, finding.start);
    replacements.push({ start: output.length, end: output.length + placeholder.length, placeholder, finding });
    output += placeholder;
    cursor = finding.end;
  }
  output += text.slice(cursor);
  return { text: output, replacements };
}

/** Values shorter than this are only replaced where detected: short strings recur innocently. */
const MIN_REPEAT_LENGTH = 4;
const MAX_REPEAT_WORK = 50_000_000;

/**
 * Once a value is known to be sensitive (found in this text, or already in the conversation's vault), every other
 * occurrence of it is replaced too — a number found next to "phone" is still that phone number three lines later,
 * where no context word sits next to it.
 */
function repeatedOccurrences(text: string, findings: Finding[], vault: PseudonymVault): Finding[] {
  const known = new Map<string, Finding | { type: string }>();
  for (const entry of vault.entries()) if (entry.value.length >= MIN_REPEAT_LENGTH) known.set(entry.value, { type: entry.type });
  for (const finding of findings) {
    if (finding.end - finding.start >= MIN_REPEAT_LENGTH) known.set(text.slice(finding.start, finding.end), finding);
  }
  // One indexOf pass per distinct value: bounded so a huge file with thousands of values stays linear-ish.
  if (known.size === 0 || known.size * text.length > MAX_REPEAT_WORK) return [];
  const covered = findings.map((finding) => [finding.start, finding.end] as [number, number]).sort((a, b) => a[0] - b[0]);
  const overlapsCovered = (start: number, end: number) => {
    let low = 0;
    let high = covered.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (covered[mid]![0] < end) low = mid + 1;
      else high = mid;
    }
    // Spans starting before `end`: the nearest few may reach into [start, end).
    for (let k = low - 1; k >= 0 && k >= low - 64; k--) if (covered[k]![1] > start) return true;
    return false;
  };
  const extra: Finding[] = [];
  for (const [value, source] of known) {
    for (let index = text.indexOf(value); index !== -1; index = text.indexOf(value, index + value.length)) {
      const end = index + value.length;
      if (overlapsCovered(index, end) || extra.some((other) => other.start < end && index < other.end)) continue;
      const base = 'kind' in source ? source : null;
      extra.push({
        kind: base?.kind ?? 'pii',
        type: source.type,
        start: index,
        end,
        rule: base?.rule ?? 'known-value',
        confidence: base?.confidence ?? 0.9,
        message: base?.message ?? 'A value already redacted in this conversation.',
      });
    }
  }
  return extra;
}

export interface PlaceholderMatch {
  /** Span of the placeholder as it appears in the text, including brackets/escapes if present. */
  start: number;
  end: number;
  /** Canonical placeholder, e.g. `[EMAIL_1]`. */
  placeholder: string;
  type: string;
  value: string;
}


const matcherCache = new WeakMap<PseudonymVault, { key: string; regex: RegExp }>();

/**
 * Matches the vault's placeholders as models rewrite them: `[EMAIL_1]`, `[email_1]`, `EMAIL_1` (no brackets, as a
 * whole word), `\[EMAIL\_1\]` (escaped markdown), `[AWS\_ACCESS\_KEY\_1]`. Only placeholders this vault issued count.
 */
function matcherFor(vault: PseudonymVault): RegExp | null {
  const types = vault.types();
  if (types.length === 0) return null;
  const key = types.join('|');
  const cached = matcherCache.get(vault);
  if (cached && cached.key === key) return cached.regex;
  const typeAlternatives = [...types]
    .sort((a, b) => b.length - a.length)
    .map((type) => type.split('_').map(escapeRegex).join('\\\\?_'))
    .join('|');
  const name = `(${typeAlternatives})\\\\?_(\\d{1,6})`;
  // `\[EMAIL\_1\]` (both brackets escaped: the backslashes belong to it), `[EMAIL_1]`, or a bare `EMAIL_1` word. A lone
  // backslash before `[EMAIL_1]` stays text, so "\\" + value round-trips.
  const regex = new RegExp(
    `\\\\\\[${name}\\\\\\]|\\[${name}\\\\?\\]|(?<![A-Za-z0-9_\\\\])${name}(?![A-Za-z0-9_])`,
    'gi',
  );
  matcherCache.set(vault, { key, regex });
  return regex;
}

export function findPlaceholders(text: string, vault: PseudonymVault): PlaceholderMatch[] {
  const regex = matcherFor(vault);
  if (!regex) return [];
  const matches: PlaceholderMatch[] = [];
  regex.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = regex.exec(text)) !== null) {
    const type = (match[1] ?? match[3] ?? match[5])!.replace(/\\/g, '').toUpperCase();
    const number = Number(match[2] ?? match[4] ?? match[6]);
    const entry = vault.entry(`${type}_${number}`);
    if (!entry) continue;
    matches.push({
      start: match.index,
      end: match.index + match[0].length,
      placeholder: `[${entry.name}]`,
      type: entry.type,
      value: entry.value,
    });
  }
  return matches;
}

/** Text-level restore: every known placeholder (in any of the tolerated spellings) becomes its original value. */
export function restore(text: string, vault: PseudonymVault): string {
  const matches = findPlaceholders(text, vault);
  if (matches.length === 0) return text;
  let output = '';
  let cursor = 0;
  for (const match of matches) {
    output += text.slice(cursor, match.start) + match.value;
    cursor = match.end;
  }
  return output + text.slice(cursor);
}
