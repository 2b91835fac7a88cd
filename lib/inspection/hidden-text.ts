/**
 * Hidden text: invisible Unicode that carries data or reorders code, and HTML/markdown that renders nothing.
 * One linear pass over code points groups invisible characters into runs, then each run is judged against the
 * legitimate uses (emoji ZWJ sequences, subdivision flags, VS16/keycaps, RTL marks in RTL text, ZWNJ in Persian/Indic).
 */
import type { InspectionFinding } from './types';
import {
  classifyInvisible,
  INVISIBLE_SCREEN,
  invisibleName,
  isCjkIdeograph,
  isEmojiLike,
  isHangul,
  isJoinerScript,
  isNoSpaceScript,
  RTL_SCREEN,
  type InvisibleClass,
} from './unicode';
import type { RangeSet } from './segments';

interface Cp {
  cp: number;
  index: number;
  cls: InvisibleClass | null;
}

export interface InvisibleRun {
  start: number;
  end: number;
  legit: boolean;
  /** Set when the run is reported. */
  type?: string;
  confidence?: number;
  message?: string;
  revealed?: string;
}

const TAG_BLACK_FLAG = 0x1f3f4;

function codePointsAround(text: string, index: number, backwards: boolean): number {
  if (backwards) {
    if (index <= 0) return -1;
    const low = text.charCodeAt(index - 1);
    if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
      const high = text.charCodeAt(index - 2);
      if (high >= 0xd800 && high <= 0xdbff) return ((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
    }
    return low;
  }
  if (index >= text.length) return -1;
  return text.codePointAt(index) ?? -1;
}

/** Decodes Unicode tag characters (U+E0020–E007E map to ASCII); other invisibles in the run are skipped. */
export function decodeTagRun(cps: number[]): string {
  let out = '';
  for (const cp of cps) {
    if (cp >= 0xe0020 && cp <= 0xe007e) out += String.fromCharCode(cp - 0xe0000);
  }
  return out;
}

/** Variation-selector smuggling: FE00–FE0F are bytes 0–15, E0100–E01EF bytes 16–255, read as UTF-8. */
export function decodeVariationRun(cps: number[]): string {
  const bytes: number[] = [];
  for (const cp of cps) {
    if (cp >= 0xfe00 && cp <= 0xfe0f) bytes.push(cp - 0xfe00);
    else if (cp >= 0xe0100 && cp <= 0xe01ef) bytes.push(cp - 0xe0100 + 16);
  }
  try {
    return new TextDecoder('utf-8', { fatal: false }).decode(new Uint8Array(bytes));
  } catch {
    return '';
  }
}

function printableRatio(s: string): number {
  if (!s) return 0;
  let ok = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 32 && c < 127) || c === 10 || c === 9 || c >= 0xa0) ok++;
  }
  return ok / s.length;
}

function bitsToText(bits: string): string {
  let out = '';
  for (let i = 0; i + 8 <= bits.length; i += 8) out += String.fromCharCode(parseInt(bits.slice(i, i + 8), 2));
  return out;
}

/**
 * Zero-width binary: two distinct characters are bits (either mapping), or three where one separates
 * per-character groups. Returns '' when nothing readable comes out.
 */
export function decodeZeroWidthRun(cps: number[]): string {
  const distinct = [...new Set(cps)];
  const candidates: string[] = [];
  if (distinct.length === 2) {
    const [a, b] = distinct as [number, number];
    for (const [zero, one] of [
      [a, b],
      [b, a],
    ] as const) {
      const bits = cps.map((cp) => (cp === zero ? '0' : cp === one ? '1' : '')).join('');
      candidates.push(bitsToText(bits));
    }
  } else if (distinct.length === 3) {
    for (const separator of distinct) {
      const rest = distinct.filter((cp) => cp !== separator) as [number, number];
      for (const [zero] of [[rest[0]], [rest[1]]] as const) {
        let out = '';
        let group = '';
        for (const cp of [...cps, separator]) {
          if (cp === separator) {
            if (group.length >= 5 && group.length <= 21) out += String.fromCodePoint(parseInt(group, 2));
            group = '';
          } else group += cp === zero ? '0' : '1';
        }
        candidates.push(out);
      }
    }
  }
  let best = '';
  for (const c of candidates) {
    if (c.length >= 1 && printableRatio(c) >= 0.85 && /[A-Za-z]/.test(c) && c.length > best.length) best = c;
  }
  return best;
}

function describe(cps: number[], max = 12): string {
  const names = cps.slice(0, max).map(invisibleName).join('');
  return cps.length > max ? `${names}… (${cps.length} characters)` : names;
}

function escapeForDisplay(s: string): string {
  // Revealed text is shown to the user: drop controls so it cannot itself hide or reorder anything.
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 32 && cp !== 10 && cp !== 9) continue;
    if (classifyInvisible(cp) && cp !== 0xad) out += invisibleName(cp);
    else out += ch;
  }
  return out.length > 500 ? out.slice(0, 500) + '…' : out;
}

/**
 * Every invisible run with a legitimacy verdict; flagged runs carry type/message/revealed.
 * Bidi embedding/override/isolate controls are judged per line (Trojan Source) and reported as their own runs.
 */
export function analyseInvisible(text: string, code?: RangeSet): InvisibleRun[] {
  if (!INVISIBLE_SCREEN.test(text)) return [];
  const hasRtl = RTL_SCREEN.test(text);
  const runs: InvisibleRun[] = [];
  const scattered: Array<{ start: number; end: number; cp: number }> = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    // Fast skip of ordinary BMP characters outside the classes' ranges.
    if (c < 0xad || (c > 0xad && c < 0x034f)) {
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const cls = classifyInvisible(cp);
    const width = cp > 0xffff ? 2 : 1;
    if (!cls || cls === 'bidi-control') {
      i += width;
      continue;
    }
    // Collect a run of consecutive invisible characters (bidi controls are judged separately and end a run).
    const start = i;
    const cps: Cp[] = [];
    while (i < n) {
      const cpi = text.codePointAt(i)!;
      const clsi = classifyInvisible(cpi);
      if (!clsi || clsi === 'bidi-control') break;
      cps.push({ cp: cpi, index: i, cls: clsi });
      i += cpi > 0xffff ? 2 : 1;
    }
    const end = i;
    const prev = codePointsAround(text, start, true);
    const next = codePointsAround(text, end, false);
    const run = judgeRun(cps, start, end, prev, next, hasRtl, code);
    if (run === 'scattered') {
      scattered.push({ start, end, cp: cps[0]!.cp });
      runs.push({ start, end, legit: false });
    } else runs.push(run);
  }

  // Isolated single characters that are not legitimate: a few are noise, several are a pattern (keyword splitting,
  // steganography spread across words). In code even one is reported.
  const scatteredInProse = scattered.filter((s) => !code?.has(s.start));
  if (scatteredInProse.length >= 3) {
    const first = scatteredInProse[0]!;
    const last = scatteredInProse[scatteredInProse.length - 1]!;
    const reveal = decodeZeroWidthRun(scatteredInProse.map((s) => s.cp));
    runs.push({
      start: first.start,
      end: last.end,
      legit: false,
      type: 'ZERO_WIDTH_SCATTERED',
      confidence: 0.75,
      message: `${scatteredInProse.length} invisible characters are scattered through this text; they can hide data or split words to dodge filters. Copy without them.`,
      revealed: reveal || escapeForDisplay(text.slice(first.start, Math.min(last.end, first.start + 400))),
    });
  }
  for (const s of scattered) {
    if (!code?.has(s.start)) continue;
    runs.push({
      start: s.start,
      end: s.end,
      legit: false,
      type: 'INVISIBLE_IN_CODE',
      confidence: 0.8,
      message: `An invisible character ${invisibleName(s.cp)} sits inside code: identifiers or strings that look identical can differ. Retype the line.`,
    });
  }
  analyseBidi(text, hasRtl, code, runs);
  runs.sort((a, b) => a.start - b.start);
  return runs;
}

function judgeRun(
  cps: Cp[],
  start: number,
  end: number,
  prev: number,
  next: number,
  hasRtl: boolean,
  code: RangeSet | undefined,
): InvisibleRun | 'scattered' {
  const values = cps.map((c) => c.cp);
  const classes = new Set(cps.map((c) => c.cls));
  const ok: InvisibleRun = { start, end, legit: true };

  if (classes.has('tag')) {
    // Subdivision flag: 🏴 + 2–6 tag letters/digits + CANCEL TAG.
    const body = values.slice(0, -1);
    const isFlag =
      prev === TAG_BLACK_FLAG &&
      values[values.length - 1] === 0xe007f &&
      body.length >= 2 &&
      body.length <= 6 &&
      body.every((cp) => (cp >= 0xe0061 && cp <= 0xe007a) || (cp >= 0xe0030 && cp <= 0xe0039));
    if (isFlag) return ok;
    const revealed = decodeTagRun(values);
    return {
      start,
      end,
      legit: false,
      type: 'TAG_CHARACTERS',
      confidence: revealed.length >= 2 ? 0.97 : 0.85,
      message: `Invisible Unicode tag characters hide text${revealed ? ` ("${escapeForDisplay(revealed).slice(0, 80)}")` : ''}; a model reads it, you do not. Treat it as untrusted instructions.`,
      revealed: escapeForDisplay(revealed),
    };
  }

  if (classes.has('variation')) {
    const selectors = values.filter((cp) => (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef));
    if (selectors.length === 1) {
      // One selector after a visible base (emoji VS16/VS15, keycap, CJK ideographic variant), optionally followed by
      // the ZWJ of an emoji sequence.
      const rest = values.filter((cp) => cp !== selectors[0]);
      const restOk = rest.length === 0 || (rest.length === 1 && rest[0] === 0x200d && isEmojiLike(next));
      const sel = selectors[0]!;
      const baseOk = sel >= 0xe0100 ? isCjkIdeograph(prev) : prev > 0x20 && classifyInvisible(prev) === null;
      if (restOk && baseOk) return ok;
    }
    const revealed = decodeVariationRun(values);
    return {
      start,
      end,
      legit: false,
      type: 'VARIATION_SELECTOR_SMUGGLING',
      confidence: selectors.length >= 4 ? 0.95 : 0.7,
      message: `${selectors.length} variation selectors in a row carry hidden bytes${revealed && printableRatio(revealed) > 0.8 ? ` ("${escapeForDisplay(revealed).slice(0, 80)}")` : ''}; no real emoji needs more than one.`,
      revealed: printableRatio(revealed) > 0.8 ? escapeForDisplay(revealed) : undefined,
    };
  }

  if (classes.has('private-use-supplementary')) {
    return {
      start,
      end,
      legit: false,
      type: 'PRIVATE_USE',
      confidence: 0.8,
      message: 'Supplementary private-use characters carry no visible meaning here and can smuggle data. Copy without them.',
    };
  }
  if (classes.size === 1 && classes.has('private-use')) {
    // Icon fonts and the Apple logo use the BMP private-use area; only runs look like data.
    if (values.length < 4) return ok;
    return {
      start,
      end,
      legit: false,
      type: 'PRIVATE_USE',
      confidence: 0.6,
      message: `${values.length} private-use characters in a row: they render as boxes or nothing and can carry data.`,
    };
  }

  if (classes.size === 1 && classes.has('soft-hyphen')) {
    if (values.length === 1) return ok; // hyphenation hint
    return {
      start,
      end,
      legit: false,
      type: 'SOFT_HYPHEN_CLUSTER',
      confidence: 0.8,
      message: `${values.length} soft hyphens in a row: invisible, and no hyphenation needs more than one.`,
    };
  }

  if (classes.size === 1 && classes.has('bidi-mark')) {
    if (hasRtl) return ok; // LRM/RLM/ALM are how RTL text places numbers and punctuation
    if (values.length === 1) return 'scattered';
  }

  if (values.length === 1) {
    const cp = values[0]!;
    if (cp === 0xfeff && start === 0) return ok; // byte order mark
    if (cp === 0x200d && (isEmojiLike(prev) || prev === 0xfe0f) && isEmojiLike(next)) return ok;
    if ((cp === 0x200c || cp === 0x200d) && (isJoinerScript(prev) || isJoinerScript(next))) return ok;
    if (cp === 0x200b && (isNoSpaceScript(prev) || isNoSpaceScript(next) || prev === 0x2f || prev === 0x2e)) return ok;
    if (cp === 0x2060 && (prev === 0x2f || prev === 0x2d || prev === 0x2014)) return ok; // word joiner as typesetting
    if ((cp === 0x3164 || cp === 0x1160 || cp === 0x115f || cp === 0xffa0) && (isHangul(prev) || isHangul(next))) {
      return ok;
    }
    if (cp === 0x2800 && ((prev >= 0x2800 && prev <= 0x28ff) || (next >= 0x2800 && next <= 0x28ff))) return ok;
    if (cp === 0xfeff) {
      return {
        start,
        end,
        legit: false,
        type: 'BOM_MID_TEXT',
        confidence: 0.6,
        message: 'A byte-order mark (U+FEFF) in the middle of the text is invisible and can split words to dodge filters.',
      };
    }
    return 'scattered';
  }

  // Two or more zero-width/format characters in a row: there is no legitimate run of these in prose or code.
  const revealed = decodeZeroWidthRun(values.filter((cp) => cp !== 0xad));
  const inCode = code?.has(start) ?? false;
  return {
    start,
    end,
    legit: false,
    type: revealed ? 'ZERO_WIDTH_PAYLOAD' : 'ZERO_WIDTH_RUN',
    confidence: revealed ? 0.97 : values.length >= 4 ? 0.9 : 0.7,
    message: revealed
      ? `${values.length} zero-width characters encode hidden text ("${escapeForDisplay(revealed).slice(0, 80)}").`
      : `${values.length} invisible characters in a row (${describe(values, 6)})${inCode ? ' inside code' : ''}: they can carry hidden data. Copy without them.`,
    revealed: revealed ? escapeForDisplay(revealed) : undefined,
  };
}

const BIDI_OPEN = new Set([0x202a, 0x202b, 0x202d, 0x202e]);
const ISOLATE_OPEN = new Set([0x2066, 0x2067, 0x2068]);

/** Trojan Source: explicit embeddings, overrides and isolates. Judged per line because bidi state resets at a newline. */
function analyseBidi(text: string, hasRtl: boolean, code: RangeSet | undefined, out: InvisibleRun[]): void {
  if (!/[\u202A-\u202E\u2066-\u2069]/.test(text)) return;
  const re = /[\u202A-\u202E\u2066-\u2069]/g;
  let lineStart = -1;
  let lineEnd = -1;
  let controls: number[] = [];
  const flush = () => {
    if (!controls.length) return;
    let embed = 0;
    let isolate = 0;
    let unbalanced = false;
    let override = false;
    for (const idx of controls) {
      const cp = text.charCodeAt(idx);
      if (cp === 0x202d || cp === 0x202e) override = true;
      if (BIDI_OPEN.has(cp)) embed++;
      else if (cp === 0x202c) {
        if (embed === 0) unbalanced = true;
        else embed--;
      } else if (ISOLATE_OPEN.has(cp)) isolate++;
      else if (cp === 0x2069) {
        if (isolate === 0) unbalanced = true;
        else isolate--;
      }
    }
    if (embed || isolate) unbalanced = true;
    const first = controls[0]!;
    const last = controls[controls.length - 1]!;
    const inCode = controls.some((idx) => code?.has(idx));
    const legit = hasRtl && !unbalanced && !inCode;
    const names = controls.slice(0, 8).map((idx) => invisibleName(text.charCodeAt(idx))).join(' ');
    let type = 'BIDI_CONTROL';
    let confidence = 0.75;
    let why = 'bidirectional controls in text with no right-to-left script';
    if (inCode) {
      type = 'BIDI_IN_CODE';
      confidence = 0.97;
      why = 'bidirectional controls inside code make it display in a different order than it runs (Trojan Source)';
    } else if (unbalanced) {
      type = 'BIDI_UNBALANCED';
      confidence = 0.9;
      why = 'unterminated bidirectional controls reorder the text that follows';
    } else if (override) {
      type = 'BIDI_OVERRIDE';
      confidence = 0.85;
      why = 'a bidirectional override displays characters in reverse order';
    }
    if (legit && !override) {
      out.push({ start: first, end: last + 1, legit: true });
    } else {
      const lineText = text.slice(lineStart, lineEnd);
      out.push({
        start: first,
        end: last + 1,
        legit: false,
        type,
        confidence,
        message: `${names}: ${why}. Read the line in logical order before running or trusting it.`,
        revealed: escapeForDisplay(lineText.length > 300 ? lineText.slice(0, 300) : lineText),
      });
    }
    controls = [];
  };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index >= lineEnd) {
      flush();
      const nl = text.lastIndexOf('\n', m.index);
      lineStart = nl + 1;
      const next = text.indexOf('\n', m.index);
      lineEnd = next < 0 ? text.length : next;
    }
    controls.push(m.index);
  }
  flush();
}

/** hidden-text findings for the invisible-character part. */
export function invisibleFindings(text: string, code?: RangeSet): InspectionFinding[] {
  const findings: InspectionFinding[] = [];
  for (const run of analyseInvisible(text, code)) {
    if (run.legit || !run.type) continue;
    findings.push({
      kind: 'hidden-text',
      type: run.type,
      start: run.start,
      end: run.end,
      rule: 'hidden-' + run.type.toLowerCase().replace(/_/g, '-'),
      confidence: run.confidence ?? 0.7,
      message: run.message ?? 'Invisible characters.',
      ...(run.revealed ? { revealed: run.revealed } : {}),
    });
  }
  return findings;
}

/** The text hidden in tag characters, zero-width binary and variation-selector runs, joined by newlines. */
export function decodeHidden(text: string): string {
  const parts: string[] = [];
  for (const run of analyseInvisible(text)) {
    if (run.legit) continue;
    if (
      run.revealed &&
      (run.type === 'TAG_CHARACTERS' ||
        run.type === 'ZERO_WIDTH_PAYLOAD' ||
        run.type === 'VARIATION_SELECTOR_SMUGGLING' ||
        (run.type === 'ZERO_WIDTH_SCATTERED' && !run.revealed.includes('<')))
    ) {
      parts.push(run.revealed);
    }
  }
  return parts.join('\n');
}

/**
 * For copy: removes invisible characters except the legitimate ones (emoji ZWJ, subdivision-flag tags, single
 * variation selectors, ZWNJ/ZWJ in Persian/Indic, RTL marks and balanced isolates in RTL text, single soft hyphens,
 * a leading BOM, BMP private-use icons).
 */
export function stripInvisible(text: string): string {
  const runs = analyseInvisible(text).filter((r) => !r.legit);
  if (!runs.length) return text;
  // Merge overlapping ranges (a scattered summary spans visible text; only its members are removed).
  const remove: Array<[number, number]> = [];
  for (const r of runs) {
    if (r.type === 'ZERO_WIDTH_SCATTERED') continue;
    if (r.type && r.type.startsWith('BIDI')) {
      // Remove only the controls themselves.
      for (let k = r.start; k < r.end; k++) {
        if (/[\u202A-\u202E\u2066-\u2069]/.test(text[k]!)) remove.push([k, k + 1]);
      }
      continue;
    }
    remove.push([r.start, r.end]);
  }
  remove.sort((a, b) => a[0] - b[0]);
  let out = '';
  let pos = 0;
  for (const [s, e] of remove) {
    if (s < pos) {
      pos = Math.max(pos, e);
      continue;
    }
    out += text.slice(pos, s);
    pos = e;
  }
  return out + text.slice(pos);
}
