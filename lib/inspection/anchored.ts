/**
 * Anchored matching: a rule's regex runs only at positions where one of its start literals occurs, with the sticky
 * flag, so each attempt has one start. This keeps every regex linear-time (the catalogue test checks each one with
 * recheck as `^(?:source)`) and doubles as the keyword prefilter.
 */

export interface AnchoredMatch {
  index: number;
  end: number;
  match: RegExpExecArray;
}

const stickyCache = new WeakMap<RegExp, RegExp>();

export function sticky(re: RegExp): RegExp {
  let s = stickyCache.get(re);
  if (!s) {
    s = new RegExp(re.source, re.flags.replace(/[gy]/g, '') + 'y');
    stickyCache.set(re, s);
  }
  return s;
}

/**
 * Runs `pattern` anchored at every occurrence of a start literal in `lower` (the lower-cased text, same offsets as
 * `text`). The start '\n' means "at every line start". Overlapping matches keep the first.
 */
export function anchoredMatches(text: string, lower: string, pattern: RegExp, starts: readonly string[]): AnchoredMatch[] {
  const positions: number[] = [];
  for (const literal of starts) {
    if (literal === '\n') {
      positions.push(0);
      for (let i = lower.indexOf('\n'); i >= 0; i = lower.indexOf('\n', i + 1)) positions.push(i + 1);
      continue;
    }
    for (let i = lower.indexOf(literal); i >= 0; i = lower.indexOf(literal, i + 1)) positions.push(i);
  }
  if (!positions.length) return [];
  positions.sort((a, b) => a - b);
  const re = sticky(pattern);
  const out: AnchoredMatch[] = [];
  let last = -1;
  let coveredUntil = -1;
  for (const pos of positions) {
    if (pos === last || pos < coveredUntil) continue;
    last = pos;
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m || m[0].length === 0) continue;
    out.push({ index: pos, end: pos + m[0].length, match: m });
    coveredUntil = pos + m[0].length;
  }
  return out;
}

/**
 * Finds every occurrence of many literals in one pass (indexed by their first two code units), instead of one
 * indexOf scan per literal. Build once per rule set; scan() returns positions per owner (rule index).
 */
export class LiteralIndex {
  /** Literals starting with an ASCII letter/digit: only tried at word starts (most rules begin with \b). */
  private readonly wordPairs = new Map<number, Array<{ literal: string; owners: number[] }>>();
  /** Everything else (punctuation, non-Latin scripts): tried at every position. */
  private readonly anyPairs = new Map<number, Array<{ literal: string; owners: number[] }>>();
  private readonly bySingle = new Map<number, number[]>();
  private readonly lineStartOwners: number[] = [];

  constructor(startsPerOwner: ReadonlyArray<readonly string[]>) {
    startsPerOwner.forEach((starts, owner) => {
      for (const literal of starts) {
        if (literal === '\n') {
          this.lineStartOwners.push(owner);
          continue;
        }
        if (literal.length === 1) {
          const key = literal.charCodeAt(0);
          const list = this.bySingle.get(key) ?? [];
          if (!list.includes(owner)) list.push(owner);
          this.bySingle.set(key, list);
          continue;
        }
        const map = /^[a-z0-9]/.test(literal) ? this.wordPairs : this.anyPairs;
        const key = literal.charCodeAt(0) * 65536 + literal.charCodeAt(1);
        const list = map.get(key) ?? [];
        const entry = list.find((e) => e.literal === literal);
        if (entry) {
          if (!entry.owners.includes(owner)) entry.owners.push(owner);
        } else list.push({ literal, owners: [owner] });
        map.set(key, list);
      }
    });
  }

  /** Positions (ascending, deduplicated per owner) where each owner's literals start in `lower`. */
  scan(lower: string): Map<number, number[]> {
    const out = new Map<number, number[]>();
    const add = (owner: number, pos: number) => {
      const list = out.get(owner);
      if (!list) out.set(owner, [pos]);
      else if (list[list.length - 1] !== pos) list.push(pos);
    };
    const n = lower.length;
    const lineStarts = this.lineStartOwners.length > 0;
    let prev = 10;
    for (let i = 0; i < n; i++) {
      const c = lower.charCodeAt(i);
      const prevIsWord = (prev >= 97 && prev <= 122) || (prev >= 48 && prev <= 57);
      if (lineStarts && prev === 10) for (const owner of this.lineStartOwners) add(owner, i);
      prev = c;
      const singles = this.bySingle.get(c);
      if (singles) for (const owner of singles) add(owner, i);
      if (i + 1 >= n) continue;
      const key = c * 65536 + lower.charCodeAt(i + 1);
      const isWordChar = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
      const entries = isWordChar ? (prevIsWord ? undefined : this.wordPairs.get(key)) : this.anyPairs.get(key);
      if (!entries) continue;
      for (const e of entries) {
        if (e.literal.length === 2 || lower.startsWith(e.literal, i)) for (const owner of e.owners) add(owner, i);
      }
    }
    return out;
  }
}

/** Like anchoredMatches, from positions already found by a LiteralIndex. */
export function matchesAt(text: string, pattern: RegExp, positions: readonly number[]): AnchoredMatch[] {
  const re = sticky(pattern);
  const out: AnchoredMatch[] = [];
  let coveredUntil = -1;
  for (const pos of positions) {
    if (pos < coveredUntil) continue;
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m || m[0].length === 0) continue;
    out.push({ index: pos, end: pos + m[0].length, match: m });
    coveredUntil = pos + m[0].length;
  }
  return out;
}
