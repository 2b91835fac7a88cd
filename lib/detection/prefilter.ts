/**
 * Keyword prefilter: one pass over the lower-cased text tells which rules have at least one of their keywords present,
 * so most rules never run their regex. An Aho-Corasick automaton compiled to a DFA over the keywords' own alphabet
 * (characters outside it send the automaton to the root), so the scan is one table lookup per code unit.
 *
 * Measured (Node 20, 753 keywords of the catalogue, 1 MB of source code, best run): this automaton 4 ms; one combined
 * alternation regex with matchAll 54 ms; one indexOf per keyword 770 ms. States are numbered in BFS order so the hot
 * shallow states share cache lines (before that change the same scan took ~20 ms).
 *
 * `collect` reports every hit with its (rule, keyword) entry and end offset, so the engine can gate rules per window
 * and run anchored rules only at their hits; anchor-only literals (regex prefixes that are not keywords) ride along in
 * the same automaton without gating their rule.
 */

export interface Prefilter {
  /**
   * Every keyword occurrence in `lowerText[from, to)`, in order of end position: `entry[i]` indexes `entries` (which
   * rule, which keyword), `end[i]` is the exclusive end offset. One pass, no early exit.
   */
  collect(lowerText: string, from?: number, to?: number): KeywordHits;
  /** (rule, keyword) pairs the automaton reports, indexed by `KeywordHits.entry`. */
  readonly entries: ReadonlyArray<{ rule: number; keyword: string; anchorOnly: boolean }>;
}

export interface KeywordHits {
  count: number;
  entry: Int32Array;
  end: Int32Array;
}

/**
 * Builds the automaton. `keywordsPerRule[i]` are rule i's lower-case keywords; an empty or absent list means the rule
 * always runs (the caller handles that — such rules get no entry here).
 */
export function buildPrefilter(
  keywordsPerRule: ReadonlyArray<readonly string[] | undefined>,
  /** Extra literals per rule that `collect` reports (as anchorOnly entries), flagged anchorOnly: they never gate their rule. */
  anchorLiteralsPerRule: ReadonlyArray<readonly string[] | undefined> = [],
): Prefilter {
  const ruleCount = keywordsPerRule.length;

  // Compact alphabet: only code units used by some keyword get a column; everything else is column 0.
  const alphabetIndex = new Uint16Array(65536);
  let alphabetSize = 1;
  for (const keywords of [...keywordsPerRule, ...anchorLiteralsPerRule]) {
    for (const keyword of keywords ?? []) {
      for (let i = 0; i < keyword.length; i++) {
        const code = keyword.charCodeAt(i);
        if (alphabetIndex[code] === 0) alphabetIndex[code] = alphabetSize++;
      }
    }
  }

  // Trie with per-node outputs.
  const children: Array<Map<number, number>> = [new Map()];
  /** Per node, the (rule, keyword) entries ending there (merged along failure links below). */
  const entryOutputs: number[][] = [[]];
  const entries: Array<{ rule: number; keyword: string; anchorOnly: boolean }> = [];
  const entryIds = new Map<string, number>();
  const sources: Array<[number, string, boolean]> = [];
  for (let ruleIndex = 0; ruleIndex < ruleCount; ruleIndex++) {
    for (const keyword of keywordsPerRule[ruleIndex] ?? []) sources.push([ruleIndex, keyword, false]);
    for (const literal of anchorLiteralsPerRule[ruleIndex] ?? []) sources.push([ruleIndex, literal, true]);
  }
  for (const [ruleIndex, keyword, anchorOnly] of sources) {
    {
      if (keyword.length === 0) continue;
      let node = 0;
      for (let i = 0; i < keyword.length; i++) {
        const symbol = alphabetIndex[keyword.charCodeAt(i)]!;
        let next = children[node]!.get(symbol);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          entryOutputs.push([]);
          children[node]!.set(symbol, next);
        }
        node = next;
      }
      const entryKey = `${ruleIndex}\u0000${keyword}\u0000${anchorOnly}`;
      if (!entryIds.has(entryKey)) {
        entryIds.set(entryKey, entries.length);
        entryOutputs[node]!.push(entries.length);
        entries.push({ rule: ruleIndex, keyword, anchorOnly });
      }
    }
  }

  // States numbered in BFS order: the automaton spends most of its time in shallow states, which then share a few
  // cache lines at the start of the table.
  const nodeCount = children.length;
  const order: number[] = [0];
  for (let head = 0; head < order.length; head++) {
    for (const child of children[order[head]!]!.values()) order.push(child);
  }
  const renumber = new Int32Array(nodeCount);
  order.forEach((oldId, newId) => (renumber[oldId] = newId));

  // The table `collect` walks, state by state in BFS order. Each cell holds the next state's row offset (state ×
  // width), bit-inverted (negative) when that state reports hits, so the hot loop is one load, one add and one sign
  // test per code unit. A state's row starts as a block copy of its failure state's row (complete: that state is
  // shallower) and its own trie children overwrite their cells, so building it costs one copy per state rather than
  // work per cell; it runs in every chat tab (the catalogue's table has ~600 000 cells).
  const offsets = new Int32Array(nodeCount * alphabetSize);
  const fail = new Int32Array(nodeCount);
  // Whether a state reports hits: its own keywords or its failure state's. Set when its parent is processed, which
  // is after its failure state's parent (shallower), so the failure state's flag is already known.
  const hasOutput = new Uint8Array(nodeCount);
  const nodeEntries: Array<Int32Array | null> = new Array(nodeCount).fill(null);
  const outputsOf: number[][] = new Array(nodeCount);
  const stateAt = (cell: number) => {
    const offset = offsets[cell]!;
    return (offset < 0 ? ~offset : offset) / alphabetSize;
  };
  for (let state = 0; state < nodeCount; state++) {
    const oldId = order[state]!;
    const failState = fail[state]!;
    const row = state * alphabetSize;
    if (state > 0) offsets.copyWithin(row, failState * alphabetSize, failState * alphabetSize + alphabetSize);
    for (const [symbol, child] of children[oldId]!) {
      const childState = renumber[child]!;
      // A root child fails to the root; any other child fails to where its parent's failure state goes on the symbol.
      const childFail = state === 0 ? 0 : stateAt(failState * alphabetSize + symbol);
      fail[childState] = childFail;
      hasOutput[childState] = entryOutputs[child]!.length > 0 || hasOutput[childFail] === 1 ? 1 : 0;
      offsets[row + symbol] = hasOutput[childState] === 1 ? ~(childState * alphabetSize) : childState * alphabetSize;
    }
    // Outputs merged along the failure link (the failure state is shallower, so already merged).
    const own = entryOutputs[oldId]!;
    const inherited = state === 0 ? [] : outputsOf[failState]!;
    const merged = inherited.length > 0 ? [...own, ...inherited] : own;
    outputsOf[state] = merged;
    if (merged.length > 0) nodeEntries[state] = Int32Array.from(merged);
  }

  const maxKeyword = entries.reduce((longest, entry) => Math.max(longest, entry.keyword.length), 1);

  /** A walker's hit list; reused between scans (the caller consumes the hits before the next scan). */
  interface HitBuffer {
    entry: Int32Array;
    end: Int32Array;
  }
  const firstHalf: HitBuffer = { entry: new Int32Array(1024), end: new Int32Array(1024) };
  const secondHalf: HitBuffer = { entry: new Int32Array(1024), end: new Int32Array(1024) };
  const reusable: HitBuffer = { entry: new Int32Array(2048), end: new Int32Array(2048) };

  /** Appends the entries of one automaton state ending at `end`; returns the new count. */
  function record(buffer: HitBuffer, count: number, hits: Int32Array, end: number): number {
    if (count + hits.length > buffer.entry.length) {
      const grownEntry = new Int32Array(Math.max(buffer.entry.length * 2, count + hits.length));
      grownEntry.set(buffer.entry);
      const grownEnd = new Int32Array(grownEntry.length);
      grownEnd.set(buffer.end);
      buffer.entry = grownEntry;
      buffer.end = grownEnd;
    }
    for (let k = 0; k < hits.length; k++) {
      buffer.entry[count] = hits[k]!;
      buffer.end[count++] = end;
    }
    return count;
  }

  /** A buffer grown by one huge text goes back to a small one, so it is not held for the scanner's lifetime. */
  function shrink(buffer: HitBuffer): void {
    if (buffer.entry.length > 1 << 16) {
      buffer.entry = new Int32Array(1024);
      buffer.end = new Int32Array(1024);
    }
  }

  return {
    entries,
    collect(lowerText, from = 0, to = lowerText.length) {
      // Two walkers, over the first and the second half, advance in the same loop: each step of one walker waits for
      // its previous table load, so two independent chains keep the core busy while a single one mostly waits. The
      // second walker starts maxKeyword − 1 code units early without reporting: an Aho-Corasick state depends only on
      // that many preceding units, so it is in the one-walker state when its half begins. Hits are the one-walker
      // hits in the same order (the first half's, then the second's).
      const cells = offsets;
      const columns = alphabetIndex;
      const width = alphabetSize;
      const length = to - from;
      const half = length >> 1;
      const middle = from + half;
      let rowA = 0;
      let rowB = 0;
      for (let i = Math.max(from, middle - maxKeyword + 1); i < middle; i++) {
        rowB = cells[rowB + columns[lowerText.charCodeAt(i)]!]!;
        if (rowB < 0) rowB = ~rowB;
      }
      let countA = 0;
      let countB = 0;
      for (let k = 0; k < half; k++) {
        rowA = cells[rowA + columns[lowerText.charCodeAt(from + k)]!]!;
        rowB = cells[rowB + columns[lowerText.charCodeAt(middle + k)]!]!;
        if ((rowA | rowB) < 0) {
          if (rowA < 0) {
            rowA = ~rowA;
            countA = record(firstHalf, countA, nodeEntries[rowA / width]!, from + k + 1);
          }
          if (rowB < 0) {
            rowB = ~rowB;
            countB = record(secondHalf, countB, nodeEntries[rowB / width]!, middle + k + 1);
          }
        }
      }
      // An odd length leaves the second half one unit longer.
      for (let i = middle + half; i < to; i++) {
        rowB = cells[rowB + columns[lowerText.charCodeAt(i)]!]!;
        if (rowB < 0) {
          rowB = ~rowB;
          countB = record(secondHalf, countB, nodeEntries[rowB / width]!, i + 1);
        }
      }
      const count = countA + countB;
      const result = count <= 1 << 16 ? reusable : { entry: new Int32Array(count), end: new Int32Array(count) };
      if (result.entry.length < count) {
        result.entry = new Int32Array(Math.max(count, result.entry.length * 2));
        result.end = new Int32Array(result.entry.length);
      }
      result.entry.set(firstHalf.entry.subarray(0, countA));
      result.end.set(firstHalf.end.subarray(0, countA));
      result.entry.set(secondHalf.entry.subarray(0, countB), countA);
      result.end.set(secondHalf.end.subarray(0, countB), countA);
      shrink(firstHalf);
      shrink(secondHalf);
      return { count, entry: result.entry, end: result.end };
    },
  };
}
