/**
 * Splits a reply into code regions (fenced, indented, inline spans, `$ ` shell lines). Linear: one pass over lines,
 * one pass over backticks. Offsets are UTF-16 into the original text.
 */

export type CodeRegionKind = 'fence' | 'indent' | 'inline' | 'prompt-line';

export interface CodeRegion {
  kind: CodeRegionKind;
  /** Whole region including fences/backticks. */
  start: number;
  end: number;
  /** The code itself. */
  codeStart: number;
  codeEnd: number;
  /** Fence info string's first word, lower-cased ('' when none). */
  lang: string;
}

interface Line {
  start: number;
  /** End without the newline. */
  end: number;
  text: string;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    lines.push({ start, end: lineEnd, text: text.slice(start, lineEnd) });
    if (nl < 0) break;
    start = nl + 1;
  }
  return lines;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})[ \t]*([^\s`]*)/;
const PROMPT_LINE = /^ {0,3}(?:\$|PS [A-Za-z]:\\[^>\n]{0,80}>|[A-Za-z]:\\[^>\n]{0,80}>)\s+\S/;

export function findCodeRegions(text: string): CodeRegion[] {
  const regions: CodeRegion[] = [];
  const lines = splitLines(text);
  let i = 0;
  let previousBlank = true;
  // Ranges of lines already inside fences/indented blocks: inline spans are looked for only outside them.
  const proseRanges: Array<[number, number]> = [];
  let proseStart = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const fence = FENCE_OPEN.exec(line.text);
    if (fence) {
      const marker = fence[1]!;
      const lang = (fence[2] ?? '').toLowerCase().replace(/^\{?\.?/, '').replace(/[}:,].*$/, '');
      let j = i + 1;
      while (j < lines.length) {
        const close = lines[j]!.text.trimStart();
        if (close.startsWith(marker[0]!.repeat(marker.length)) && close.replace(/[`~]/g, '').trim() === '') break;
        j++;
      }
      const codeStart = i + 1 < lines.length ? lines[i + 1]!.start : line.end;
      const codeEnd = j < lines.length ? Math.max(codeStart, lines[j]!.start - 1) : text.length;
      const end = j < lines.length ? lines[j]!.end : text.length;
      if (line.start > proseStart) proseRanges.push([proseStart, line.start]);
      regions.push({ kind: 'fence', start: line.start, end, codeStart, codeEnd: Math.max(codeStart, codeEnd), lang });
      proseStart = end;
      i = j + 1;
      previousBlank = true;
      continue;
    }
    const indented = /^(?: {4}|\t)/.test(line.text) && line.text.trim() !== '';
    if (indented && previousBlank && !/^\s*(?:[-*+]|\d+[.)])\s/.test(line.text)) {
      let j = i;
      while (j < lines.length && (/^(?: {4}|\t)/.test(lines[j]!.text) || lines[j]!.text.trim() === '')) j++;
      while (j > i && lines[j - 1]!.text.trim() === '') j--;
      const end = lines[j - 1]!.end;
      if (line.start > proseStart) proseRanges.push([proseStart, line.start]);
      regions.push({ kind: 'indent', start: line.start, end, codeStart: line.start, codeEnd: end, lang: '' });
      proseStart = end;
      i = j;
      previousBlank = false;
      continue;
    }
    if (PROMPT_LINE.test(line.text)) {
      regions.push({ kind: 'prompt-line', start: line.start, end: line.end, codeStart: line.start, codeEnd: line.end, lang: 'shell' });
    }
    previousBlank = line.text.trim() === '';
    i++;
  }
  if (proseStart < text.length) proseRanges.push([proseStart, text.length]);
  for (const [from, to] of proseRanges) findInlineSpans(text, from, to, regions);
  regions.sort((a, b) => a.start - b.start || b.end - a.end);
  return regions;
}

/** Inline `code` spans (CommonMark: a run of n backticks closed by a run of exactly n, not across blank lines). */
function findInlineSpans(text: string, from: number, to: number, out: CodeRegion[]): void {
  let i = text.indexOf('`', from);
  while (i >= 0 && i < to) {
    let n = 1;
    while (text.charCodeAt(i + n) === 96) n++;
    const ticks = '`'.repeat(n);
    let search = i + n;
    let close = -1;
    const limit = Math.min(to, i + n + 2000);
    while (search < limit) {
      const k = text.indexOf(ticks, search);
      if (k < 0 || k >= limit) break;
      let m = n;
      while (text.charCodeAt(k + m) === 96) m++;
      if (m === n) {
        close = k;
        break;
      }
      search = k + m;
    }
    if (close > 0 && !text.slice(i + n, close).includes('\n\n')) {
      out.push({ kind: 'inline', start: i, end: close + n, codeStart: i + n, codeEnd: close, lang: '' });
      i = text.indexOf('`', close + n);
    } else {
      i = text.indexOf('`', i + n);
    }
  }
}

/** Sorted, non-overlapping [start, end) ranges for fast membership tests. */
export class RangeSet {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  constructor(ranges: Array<{ start: number; end: number }>) {
    const sorted = [...ranges].sort((a, b) => a.start - b.start);
    for (const r of sorted) {
      const last = this.ends.length - 1;
      if (last >= 0 && r.start <= this.ends[last]!) this.ends[last] = Math.max(this.ends[last]!, r.end);
      else {
        this.starts.push(r.start);
        this.ends.push(r.end);
      }
    }
  }
  has(pos: number): boolean {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (pos < this.starts[mid]!) hi = mid - 1;
      else if (pos >= this.ends[mid]!) lo = mid + 1;
      else return true;
    }
    return false;
  }
}
