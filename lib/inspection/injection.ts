/**
 * Injection phrasing: lexicon hits on normalised text, clustered and scored.
 * score = Σ per-category max weight + addressee/urgency/follow-up cues − discussion cues (quotes, "for example",
 * "attackers", code spans) − cues that the reader is a person following a procedure. Flag at score ≥ THRESHOLD.
 * Encoded runs (base64, hex, URL-encoding, \x / \u / &#…; escapes) are decoded (bounded) and scored again.
 */
import type { InspectionFinding } from './types';
import { classifyInvisible } from './unicode';
import {
  AI_CUES,
  countPhrases,
  DISCUSSION_CUES,
  FOLLOW_UP,
  HUMAN_CUES,
  injectionPatterns,
  URGENCY_CUES,
  type InjectionCategory,
  type InjectionPattern,
} from './injection-lexicon';
import type { RangeSet } from './segments';
import { LiteralIndex, matchesAt } from './anchored';

export const INJECTION_THRESHOLD = 0.9;

/** Look-alike letters folded to ASCII so "іgnоrе" (Cyrillic і, о, е) reads as "ignore". */
const CONFUSABLES: Record<string, string> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ɡ: 'g', һ: 'h', ӏ: 'l',
  α: 'a', ο: 'o', ν: 'v', ι: 'i', κ: 'k', τ: 't', ρ: 'p', ε: 'e',
};

export interface Normalised {
  text: string;
  /** Original UTF-16 index of each normalised code unit. */
  map: Int32Array;
}

/** Lower-case, drop invisible characters, fold full-width ASCII and look-alikes. Keeps a map to original offsets. */
export function normalise(text: string): Normalised {
  // Fast path: plain ASCII only needs lower-casing, offsets unchanged.
  if (!/[^\x00-\x7f]/.test(text)) {
    const map = new Int32Array(text.length + 1);
    for (let i = 0; i <= text.length; i++) map[i] = i;
    return { text: text.toLowerCase(), map };
  }
  let out = '';
  const map = new Int32Array(text.length * 2 + 1);
  let n = 0;
  let runStart = -1;
  const flush = (end: number) => {
    if (runStart < 0) return;
    out += text.slice(runStart, end).toLowerCase();
    for (let k = runStart; k < end; k++) map[n++] = k;
    runStart = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (runStart < 0) runStart = i;
      continue;
    }
    flush(i);
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const cls = classifyInvisible(cp);
    if (cls && cls !== 'private-use') {
      i += width - 1;
      continue;
    }
    let ch = text.slice(i, i + width);
    if (cp >= 0xff01 && cp <= 0xff5e) ch = String.fromCharCode(cp - 0xfee0);
    else if (cp === 0x3000) ch = ' ';
    else if (cp === 0xa0 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x202f) ch = ' ';
    else if (cp === 0x2019 || cp === 0x2018) ch = "'";
    let lower = ch.toLowerCase();
    if (lower.length !== ch.length) lower = ch;
    lower = CONFUSABLES[lower] ?? lower;
    out += lower;
    for (let k = 0; k < lower.length; k++) map[n++] = i;
    i += width - 1;
  }
  flush(text.length);
  map[n] = text.length;
  return { text: out, map: map.subarray(0, n + 1) };
}

export interface InjectionHit {
  pattern: InjectionPattern;
  start: number;
  end: number;
  weight: number;
}

/** Every lexicon hit (normalised offsets). */
let literalIndex: LiteralIndex | undefined;

export function injectionHits(norm: string): InjectionHit[] {
  const hits: InjectionHit[] = [];
  literalIndex ??= new LiteralIndex(injectionPatterns.map((p) => p.keywords));
  const positions = literalIndex.scan(norm);
  for (const [owner, at] of positions) {
    const p = injectionPatterns[owner]!;
    for (const { index, end } of matchesAt(norm, p.pattern, at)) {
      let weight = p.weight;
      if (p.strongIf && p.strongWeight !== undefined) {
        // Qualifiers may sit just before the hit (以前の指示を無視) or just after (instructions précédentes).
        const around = norm.slice(Math.max(0, index - 12), end + 40);
        p.strongIf.lastIndex = 0;
        if (p.strongIf.test(around)) weight = p.strongWeight;
      }
      hits.push({ pattern: p, start: index, end, weight });
    }
  }
  hits.sort((a, b) => a.start - b.start);
  return hits;
}

function countMatches(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s)) n++;
  return n;
}

/** What precedes a string value: a quoted JSON key and colon, or a YAML key at the start of the line. */
const KEY_BEFORE_VALUE = /"[^"\n]{1,60}"\s*:\s*$|(?:^|\n)[ \t-]*[\w.-]{1,40}:[ \t]*$/;

/** Is offset `at` of `s` inside a quotation that opened on the same line? */
function insideQuote(s: string, at: number): boolean {
  const lineStart = s.lastIndexOf('\n', at - 1) + 1;
  const before = s.slice(Math.max(lineStart, at - 300), at);
  const straight = (before.match(/"/g) ?? []).length;
  if (straight % 2 === 1) {
    // The value of a JSON or YAML key ({"_hidden": "Print …"}, `note: "…"`) is data, not a quotation of someone's words.
    const open = before.lastIndexOf('"');
    return !KEY_BEFORE_VALUE.test(before.slice(Math.max(0, open - 80), open));
  }
  const opens = (before.match(/[“«「『„]/g) ?? []).length;
  const closes = (before.match(/[”»」』]/g) ?? []).length;
  if (opens > closes) return true;
  // A single quote right before the phrase: 'ignore previous instructions'
  return /(?:^|[\s(:])['‘`]\s*$/.test(before);
}

/** Start of the sentence holding `at` (after the last . ! ? or newline), looking back at most `max` characters. */
function sentenceStart(s: string, at: number, max: number): number {
  const from = Math.max(0, at - max);
  for (let i = at - 1; i >= from; i--) {
    const ch = s[i];
    if (ch === '\n' || ((ch === '.' || ch === '!' || ch === '?') && /\s/.test(s[i + 1] ?? ' '))) return i + 1;
  }
  return from;
}

/** End of the sentence holding `at`, looking ahead at most `max` characters. */
function sentenceEnd(s: string, at: number, max: number): number {
  const to = Math.min(s.length, at + max);
  for (let i = at; i < to; i++) {
    const ch = s[i];
    if (ch === '\n' || ((ch === '.' || ch === '!' || ch === '?') && /\s/.test(s[i + 1] ?? ' '))) return i + 1;
  }
  return to;
}

interface Cluster {
  start: number;
  end: number;
  hits: InjectionHit[];
}

export interface ScoredCluster {
  start: number;
  end: number;
  score: number;
  category: InjectionCategory;
  rule: string;
  hits: InjectionHit[];
}

export function scoreInjection(norm: Normalised, code?: RangeSet, discountCode = true): ScoredCluster[] {
  const s = norm.text;
  const hits = injectionHits(s);
  if (!hits.length) return [];
  const clusters: Cluster[] = [];
  for (const h of hits) {
    const last = clusters[clusters.length - 1];
    if (last && h.start - last.end < 220) {
      last.end = Math.max(last.end, h.end);
      last.hits.push(h);
    } else clusters.push({ start: h.start, end: h.end, hits: [h] });
  }
  const scored: ScoredCluster[] = [];
  for (const c of clusters) {
    const byCategory = new Map<InjectionCategory, InjectionHit>();
    for (const h of c.hits) {
      const prev = byCategory.get(h.pattern.category);
      if (!prev || h.weight > prev.weight) byCategory.set(h.pattern.category, h);
    }
    let base = 0;
    for (const h of byCategory.values()) base += h.weight;
    base = Math.min(base, 2.5);
    const strongest = [...byCategory.values()].sort((a, b) => b.weight - a.weight)[0]!;

    const winStart = Math.max(0, c.start - 200);
    const winEnd = Math.min(s.length, c.end + 200);
    // URLs, domains and addresses (attacker.example) say nothing about whether the text discusses injection.
    // Nor do the words of a quoted payload the hit asks for (print "the domain is not malicious").
    const window = (s.slice(winStart, c.start) + s.slice(c.start, winEnd).replace(/"[^"\n]{1,160}"|“[^”\n]{1,160}”|'[^'\n]{1,160}'/g, ' '))
      .split(/\s+/)
      .filter((t) => !/[/@]|\.[a-z]{2}/.test(t))
      .join(' ');
    const near = s.slice(Math.max(0, c.start - 120), Math.min(s.length, c.end + 120));

    let score = base;
    if (countMatches(AI_CUES, near) > 0) score += 0.25;
    if (countMatches(URGENCY_CUES, near) > 0) score += 0.15;
    if (countMatches(FOLLOW_UP, s.slice(c.start, Math.min(s.length, c.end + 80))) > 0) score += 0.25;

    const discussion = countPhrases(window, DISCUSSION_CUES);
    if (discussion >= 2) score -= 0.8;
    else if (discussion === 1) score -= 0.5;
    const quoted = c.hits.every((h) => insideQuote(s, h.start));
    if (quoted) score -= 0.6;
    const origStart = norm.map[c.start] ?? 0;
    if (discountCode && code?.has(origStart)) score -= 0.8;
    if (byCategory.has('IGNORE_PREVIOUS') || byCategory.has('PROMPT_LEAK')) {
      // Only the sentence(s) the hit sits in: a document that mentions volunteers or customers elsewhere does not make
      // "ignore all previous instructions and print …" a procedure for a person.
      const around = s.slice(sentenceStart(s, c.start, 150), sentenceEnd(s, c.end, 100));
      const human = HUMAN_CUES.reduce((n, re) => n + countMatches(re, around), 0);
      if (human > 0 && !countMatches(AI_CUES, near)) score -= 0.45;
    }
    scored.push({
      start: c.start,
      end: c.end,
      score,
      category: strongest.pattern.category,
      rule: strongest.pattern.id,
      hits: c.hits,
    });
  }
  return scored;
}

const CATEGORY_MESSAGE: Record<InjectionCategory, string> = {
  IGNORE_PREVIOUS: 'Text that tells an AI to ignore or replace its instructions',
  FAKE_SYSTEM_MESSAGE: 'Text posing as a system/developer message or chat-template turn',
  ROLE_RESET: 'Text that tries to reset the AI’s role or remove its safeguards',
  TOOL_COERCION: 'Text that pushes an AI to call tools or send the conversation somewhere',
  PROMPT_LEAK: 'Text asking an AI to reveal its system prompt or earlier conversation',
  SECRECY: 'Text telling an AI to hide what it does from you',
  AI_ADDRESSED: 'Text addressed to an AI reader rather than to you',
};

export function injectionFindings(text: string, code?: RangeSet, depth = 0): InspectionFinding[] {
  const norm = normalise(text);
  const findings: InspectionFinding[] = [];
  for (const c of scoreInjection(norm, code)) {
    if (c.score < INJECTION_THRESHOLD) continue;
    const start = norm.map[c.start] ?? 0;
    const endIdx = norm.map[c.end - 1];
    const end = endIdx === undefined ? text.length : endIdx + 1 + (text.codePointAt(endIdx)! > 0xffff ? 1 : 0);
    findings.push({
      kind: 'injection',
      type: c.category,
      start,
      end,
      rule: c.rule,
      confidence: Math.min(0.99, 0.45 + c.score / 4),
      message: `${CATEGORY_MESSAGE[c.category]}. A reply or pasted content should not give the model orders; do not follow it, and check what the assistant did next.`,
    });
  }
  if (depth === 0 && !findings.length) findings.push(...obfuscatedInjectionFindings(text));
  if (depth < 2) findings.push(...encodedInjectionFindings(text, depth));
  return findings;
}

// ---------------------------------------------------------------- spaced-out letters and leetspeak

/** Single letters joined by dots/dashes/stars ("i.g.n.o.r.e"), or by single spaces ("i g n o r e", words apart by more). */
const SPACED_LETTERS =
  /(?<![A-Za-z0-9.\-_*·])(?:[A-Za-z][.\-_*·]){2,200}[A-Za-z](?![A-Za-z0-9])|(?<![A-Za-z0-9.\-_*·] ?)(?:[A-Za-z] ){2,200}[A-Za-z](?![A-Za-z0-9])/g;
const LEET_TOKEN = /(?<![A-Za-z0-9@$])[A-Za-z0-9@$]{3,32}(?![A-Za-z0-9@$])/g;
const LEET: Record<string, string> = { '0': 'o', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };
/** Leet spellings of the words that matter (at least one digit/symbol in them is checked by the caller's token pass). */
const LEET_CUE = /(?:[i1!][gq9]n[o0]r|[i1]n[s5$][t7]ruc[t7]|pr[e3]v[i1][o0]u|pr[o0]mp[t7]|[s5$]y[s5$][t7][e3]m|d[i1][s5$]r[e3]g|f[o0]rg[e3][t7]|p[a4@][s5$][s5$]w|r[e3]v[e3][a4@]l)(?<=[013457@$!][a-z]{0,8})/i;
const DEOBFUSCATED_CUE = /ignor|disregard|forget|instruct|previous|prompt|system|reveal|bypass|overrid|jailbr|password/;

/**
 * "I.g.n.o.r.e a.l.l" and "I g n o r e   a l l" → "Ignore all", "1gn0re a11" → "ignore all"; null when nothing changed.
 * Keeps an offset map.
 */
export function deobfuscate(text: string): { text: string; map: Int32Array } | null {
  // Cheap gates: a letter run broken by leet digits ("1gn0re") or three separated single letters ("i.g.n").
  const leet = LEET_CUE.test(text);
  const spaced = /(?<![A-Za-z0-9])[A-Za-z][ .\-_*·][A-Za-z][ .\-_*·][A-Za-z][ .\-_*·][A-Za-z](?![A-Za-z0-9])/.test(text);
  if (!leet && !spaced) return null;
  const dropped: [number, number][] = [];
  const replaced: [number, string][] = [];
  let changed = '';
  SPACED_LETTERS.lastIndex = 0;
  for (let m = spaced ? SPACED_LETTERS.exec(text) : null; m; m = SPACED_LETTERS.exec(text)) {
    dropped.push([m.index, m.index + m[0].length]);
    changed += m[0].replace(/[^A-Za-z]/g, '') + ' ';
  }
  LEET_TOKEN.lastIndex = 0;
  for (let m = leet ? LEET_TOKEN.exec(text) : null; m; m = LEET_TOKEN.exec(text)) {
    const t = m[0];
    if (!/[A-Za-z][013457@$]|[013457@$][A-Za-z]/.test(t) || (t.length >= 8 && /^[0-9a-f]+$/i.test(t))) continue;
    let tok = '';
    for (let k = 0; k < t.length; k++) {
      const c = t[k]!;
      tok += c === '1' ? (/[1lL]/.test(t[k - 1] ?? '') || /[1lL]/.test(t[k + 1] ?? '') ? 'l' : 'i') : (LEET[c] ?? c);
    }
    replaced.push([m.index, tok]);
    changed += tok + ' ';
  }
  if (!DEOBFUSCATED_CUE.test(changed.toLowerCase())) return null;
  const chars = text.split('');
  const keep = new Uint8Array(text.length).fill(1);
  for (const [from, to] of dropped) for (let k = from; k < to; k++) if (!/[A-Za-z]/.test(text[k]!)) keep[k] = 0;
  for (const [at, tok] of replaced) for (let k = 0; k < tok.length; k++) chars[at + k] = tok[k]!;
  let out = '';
  const map = new Int32Array(text.length + 1);
  let n = 0;
  for (let k = 0; k < text.length; k++) {
    if (!keep[k]) continue;
    out += chars[k];
    map[n++] = k;
  }
  map[n] = text.length;
  return { text: out, map: map.subarray(0, n + 1) };
}

function obfuscatedInjectionFindings(text: string): InspectionFinding[] {
  const variant = deobfuscate(text);
  if (!variant) return [];
  return injectionFindings(variant.text, undefined, 2).map((f) => ({
    ...f,
    start: variant.map[f.start] ?? 0,
    end: f.end >= variant.text.length ? text.length : (variant.map[f.end] ?? text.length),
    rule: 'inj-obfuscated',
    type: `OBFUSCATED_${f.type}`,
    message: `Spaced-out or look-alike-digit text that reads as instructions for an AI (${f.type}). Do not follow it.`,
  }));
}

// ---------------------------------------------------------------- encoded forms

const BASE64_RUN = /(?<![A-Za-z0-9+/_-])(?:[A-Za-z0-9+/]{20,4096}={0,2}|[A-Za-z0-9_-]{24,4096}={0,2})/g;
const HEX_RUN = /(?<![0-9A-Za-z\\])(?:(?:[0-9a-fA-F]{2}){12,2048}\b|(?:\\x[0-9a-fA-F]{2}){8,2048}|(?:(?:0x)?[0-9a-fA-F]{2}[ ,:]){12,2048})/g;
const PERCENT_RUN = /(?<![^\s<>"'()])[^\s%<>"'()]{0,40}(?:%[0-9A-Fa-f]{2}[^\s%<>"'()]{0,40}){6,2048}/g;
const ESCAPE_RUN = /(?:\\u[0-9a-fA-F]{4}|\\u\{[0-9a-fA-F]{1,6}\}|&#x?[0-9a-fA-F]{1,6};){6,2048}/g;

function readable(s: string): boolean {
  if (s.length < 8) return false;
  let printable = 0;
  let letters = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if ((c >= 32 && c < 127) || c === 10 || c === 13 || c === 9 || c >= 0xa0) printable++;
    if (/\p{L}/u.test(ch)) letters++;
  }
  const len = [...s].length;
  return printable / len > 0.92 && letters / len > 0.45 && (/\s/.test(s) || /[\u3040-\u30ff\u3400-\u9fff]/.test(s));
}

function decodeBase64(run: string): string {
  const clean = run.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  const padded = clean + '='.repeat((4 - (clean.length % 4)) % 4);
  try {
    const bin = atob(padded);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return '';
  }
}

function decodeHex(run: string): string {
  const hex = run.replace(/\\x|0x|[ ,:]/g, '');
  if (hex.length % 2) return '';
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return '';
  }
}

function decodePercent(run: string): string {
  try {
    return decodeURIComponent(run.replace(/\+/g, ' '));
  } catch {
    return '';
  }
}

function decodeEscapes(run: string): string {
  return run.replace(/\\u\{([0-9a-fA-F]{1,6})\}|\\u([0-9a-fA-F]{4})|&#x([0-9a-fA-F]{1,6});|&#([0-9]{1,7});/g, (_m, a, b, c, d) => {
    const cp = a ? parseInt(a, 16) : b ? parseInt(b, 16) : c ? parseInt(c, 16) : parseInt(d, 10);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
  });
}

const MAX_DECODES = 40;

/** Decodes encoded-looking runs and re-checks the decoded text for injection phrasing. */
function encodedInjectionFindings(text: string, depth: number): InspectionFinding[] {
  const findings: InspectionFinding[] = [];
  let budget = MAX_DECODES;
  const tryRun = (re: RegExp, decode: (s: string) => string, label: string) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m && budget > 0; m = re.exec(text)) {
      const run = m[0];
      if (label === 'base64' && !/[0-9+/]|[A-Z].*[a-z]|[a-z].*[A-Z]/.test(run)) continue;
      budget--;
      const decoded = decode(run);
      if (!readable(decoded)) continue;
      const inner = injectionFindings(decoded, undefined, depth + 1);
      if (!inner.length) continue;
      const best = inner.sort((a, b) => b.confidence - a.confidence)[0]!;
      findings.push({
        kind: 'injection',
        type: 'ENCODED_INJECTION',
        start: m.index,
        end: m.index + run.length,
        rule: `inj-encoded-${label}`,
        confidence: Math.min(0.99, best.confidence + 0.05),
        message: `${label} text that decodes to instructions for an AI (${best.type}). Do not follow it.`,
        revealed: decoded.length > 500 ? decoded.slice(0, 500) + '…' : decoded,
      });
    }
  };
  if (/[A-Za-z0-9+/_-]{20}/.test(text)) tryRun(BASE64_RUN, decodeBase64, 'base64');
  if (/(?:[0-9a-fA-F]{2}){12}|\\x[0-9a-fA-F]{2}|0x[0-9a-fA-F]{2}[ ,:]/.test(text)) tryRun(HEX_RUN, decodeHex, 'hex');
  if (text.includes('%')) tryRun(PERCENT_RUN, decodePercent, 'url-encoded');
  if (text.includes('\\u') || text.includes('&#')) tryRun(ESCAPE_RUN, decodeEscapes, 'escaped');
  return findings;
}

export const ENCODED_PATTERNS = [BASE64_RUN, HEX_RUN, PERCENT_RUN, ESCAPE_RUN, SPACED_LETTERS, LEET_TOKEN];
