/**
 * Conservative structural ReDoS check for admin-supplied custom patterns. No DOM, no dependencies.
 *
 * It parses the pattern into a small tree and rejects the shapes that backtrack exponentially or polynomially:
 * - a variable quantifier inside an unbounded quantifier: (a+)+, (.*)*, (a*b)*, (ab?)+
 * - an unbounded quantifier over alternatives that can start with the same character, or that can be empty:
 *   (a|a)*, (a|ab)+, (\w|\d)*, (a|)*
 * - two unbounded quantifiers over overlapping characters with nothing in between that separates them:
 *   \d+\d+, .*.*, \w*[a-z]+, \w+a\w+, .*foo.*
 * It is deliberately stricter than necessary (false positives are a clear error to the admin; false negatives would
 * freeze the page). It does not prove linearity: e.g. `\w+@x` is quadratic on a long run of word characters without
 * `@`; the engine bounds input size and chunks long prompts (design brief, invariant 8).
 */

/** Characters 0..127 as a bit set, plus a flag for "anything beyond ASCII". */
interface CharSet {
  ascii: boolean[];
  other: boolean;
}

type Node =
  | { kind: 'char'; set: CharSet; canBeEmpty: false }
  | { kind: 'assert'; canBeEmpty: true }
  | { kind: 'group'; alternatives: Node[][] }
  | { kind: 'repeat'; body: Node; min: number; max: number };

const UNBOUNDED = Number.POSITIVE_INFINITY;
/** Bounded repeats above this count as unbounded for the nesting rule ((a{1,1000}){1,1000} is just as slow). */
const LARGE_BOUND = 20;

function emptySet(): CharSet {
  return { ascii: new Array<boolean>(128).fill(false), other: false };
}
function fullSet(): CharSet {
  return { ascii: new Array<boolean>(128).fill(true), other: true };
}
function setOf(codes: number[]): CharSet {
  const set = emptySet();
  for (const code of codes) addCode(set, code);
  return set;
}
function addCode(set: CharSet, code: number): void {
  if (code < 128) set.ascii[code] = true;
  else set.other = true;
}
function addRange(set: CharSet, from: number, to: number): void {
  for (let code = from; code <= Math.min(to, 127); code++) set.ascii[code] = true;
  if (to >= 128) set.other = true;
}
function union(a: CharSet, b: CharSet): CharSet {
  return { ascii: a.ascii.map((bit, i) => bit || (b.ascii[i] ?? false)), other: a.other || b.other };
}
function negate(set: CharSet): CharSet {
  // The complement of any class still contains non-ASCII characters.
  return { ascii: set.ascii.map((bit) => !bit), other: true };
}
function overlaps(a: CharSet, b: CharSet): boolean {
  if (a.other && b.other) return true;
  return a.ascii.some((bit, i) => bit && (b.ascii[i] ?? false));
}
function caseFold(set: CharSet): CharSet {
  const folded = { ascii: [...set.ascii], other: set.other };
  for (let code = 65; code <= 90; code++) {
    if (set.ascii[code] || set.ascii[code + 32]) folded.ascii[code] = folded.ascii[code + 32] = true;
  }
  return folded;
}

const DIGITS = (): CharSet => {
  const set = emptySet();
  addRange(set, 48, 57);
  return set;
};
const WORD = (): CharSet => {
  const set = DIGITS();
  addRange(set, 65, 90);
  addRange(set, 97, 122);
  addCode(set, 95);
  return set;
};
const SPACE = (): CharSet => {
  const set = setOf([9, 10, 11, 12, 13, 32]);
  set.other = true;
  return set;
};

class ParseError extends Error {}

class Parser {
  private index = 0;
  constructor(
    private readonly source: string,
    private readonly ignoreCase: boolean,
  ) {}

  parse(): Node {
    const node = this.parseAlternatives();
    if (this.index < this.source.length) throw new ParseError(`unexpected ')' at ${this.index}`);
    return node;
  }

  private peek(): string | undefined {
    return this.source[this.index];
  }

  private parseAlternatives(): Node {
    const alternatives: Node[][] = [this.parseSequence()];
    while (this.peek() === '|') {
      this.index++;
      alternatives.push(this.parseSequence());
    }
    return { kind: 'group', alternatives };
  }

  private parseSequence(): Node[] {
    const sequence: Node[] = [];
    while (this.index < this.source.length && this.peek() !== '|' && this.peek() !== ')') {
      const atom = this.parseAtom();
      sequence.push(this.parseQuantifier(atom));
    }
    return sequence;
  }

  private parseQuantifier(atom: Node): Node {
    const char = this.peek();
    let min: number;
    let max: number;
    if (char === '*') [min, max] = [0, UNBOUNDED];
    else if (char === '+') [min, max] = [1, UNBOUNDED];
    else if (char === '?') [min, max] = [0, 1];
    else if (char === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.index));
      if (!match) return atom;
      min = Number(match[1]);
      max = match[2] === undefined ? min : match[3] === '' ? UNBOUNDED : Number(match[3]);
      this.index += match[0].length - 1;
    } else return atom;
    this.index++;
    if (this.peek() === '?') this.index++; // lazy quantifiers backtrack just the same
    const repeated: Node = { kind: 'repeat', body: atom, min, max };
    return this.parseQuantifier(repeated);
  }

  private parseAtom(): Node {
    const char = this.source[this.index++]!;
    switch (char) {
      case '(': {
        if (this.source.startsWith('?:', this.index)) this.index += 2;
        else if (this.source.startsWith('?=', this.index) || this.source.startsWith('?!', this.index)) this.index += 2;
        else if (this.source.startsWith('?<=', this.index) || this.source.startsWith('?<!', this.index)) this.index += 3;
        else if (this.source.startsWith('?<', this.index)) {
          const close = this.source.indexOf('>', this.index);
          if (close < 0) throw new ParseError('unterminated group name');
          this.index = close + 1;
        }
        const group = this.parseAlternatives();
        if (this.peek() !== ')') throw new ParseError('missing )');
        this.index++;
        return group;
      }
      case '[':
        return { kind: 'char', set: this.fold(this.parseClass()), canBeEmpty: false };
      case '.':
        return { kind: 'char', set: fullSet(), canBeEmpty: false };
      case '^':
      case '$':
        return { kind: 'assert', canBeEmpty: true };
      case '\\':
        return this.parseEscape();
      default:
        return { kind: 'char', set: this.fold(setOf([char.codePointAt(0)!])), canBeEmpty: false };
    }
  }

  private fold(set: CharSet): CharSet {
    return this.ignoreCase ? caseFold(set) : set;
  }

  private parseEscape(): Node {
    const char = this.source[this.index++];
    if (char === undefined) throw new ParseError('trailing backslash');
    if (char === 'b' || char === 'B') return { kind: 'assert', canBeEmpty: true };
    if (/[1-9]/.test(char) || char === 'k') {
      // Back-references can match anything the group matched: treat as "any character, repeated".
      if (char === 'k') this.index = Math.max(this.index, this.source.indexOf('>', this.index) + 1);
      return { kind: 'repeat', body: { kind: 'char', set: fullSet(), canBeEmpty: false }, min: 0, max: UNBOUNDED };
    }
    return { kind: 'char', set: this.fold(this.escapeSet(char)), canBeEmpty: false };
  }

  /** The character set of an escape (after the backslash), inside or outside a class. */
  private escapeSet(char: string): CharSet {
    switch (char) {
      case 'd':
        return DIGITS();
      case 'D':
        return negate(DIGITS());
      case 'w':
        return WORD();
      case 'W':
        return negate(WORD());
      case 's':
        return SPACE();
      case 'S':
        return negate(SPACE());
      case 'p':
      case 'P':
        // \p{...}: unicode property; treat as "anything" (conservative).
        if (this.peek() === '{') this.index = Math.max(this.index, this.source.indexOf('}', this.index) + 1);
        return fullSet();
      case 'n':
        return setOf([10]);
      case 'r':
        return setOf([13]);
      case 't':
        return setOf([9]);
      case 'x':
      case 'u':
      case 'c':
        // Hex / unicode / control escapes: skip their digits; the exact code matters little, say "non-ASCII".
        while (/[0-9a-fA-F{}]/.test(this.peek() ?? '') && char !== 'c') this.index++;
        if (char === 'c') this.index++;
        return { ascii: emptySet().ascii, other: true };
      default:
        return setOf([char.codePointAt(0)!]);
    }
  }

  private parseClass(): CharSet {
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.index++;
    }
    let set = emptySet();
    let first = true;
    while (this.index < this.source.length && (this.peek() !== ']' || first)) {
      first = false;
      let low: CharSet;
      let lowCode: number | undefined;
      const char = this.source[this.index++]!;
      if (char === '\\') {
        const escaped = this.source[this.index++];
        if (escaped === undefined) throw new ParseError('trailing backslash');
        low = this.escapeSet(escaped);
        if (escaped.length === 1 && !/[dDwWsSpPxuc]/.test(escaped)) lowCode = low.ascii.indexOf(true);
      } else {
        lowCode = char.codePointAt(0)!;
        low = setOf([lowCode]);
      }
      if (this.peek() === '-' && this.source[this.index + 1] !== ']' && lowCode !== undefined && lowCode >= 0) {
        this.index++;
        const high = this.source[this.index++]!;
        const highCode = high === '\\' ? (this.source[this.index++] ?? '').codePointAt(0) ?? 0 : high.codePointAt(0)!;
        const range = emptySet();
        addRange(range, lowCode, highCode);
        set = union(set, range);
      } else set = union(set, low);
    }
    if (this.peek() !== ']') throw new ParseError('missing ]');
    this.index++;
    return negated ? negate(set) : set;
  }
}

function canBeEmpty(node: Node): boolean {
  switch (node.kind) {
    case 'char':
      return false;
    case 'assert':
      return true;
    case 'repeat':
      return node.min === 0 || canBeEmpty(node.body);
    case 'group':
      return node.alternatives.some((sequence) => sequence.every(canBeEmpty));
  }
}

/** Characters the node can start with (union over alternatives, skipping nodes that can be empty). */
function firstChars(node: Node): CharSet {
  switch (node.kind) {
    case 'char':
      return node.set;
    case 'assert':
      return emptySet();
    case 'repeat':
      return firstChars(node.body);
    case 'group':
      return node.alternatives.map(sequenceFirstChars).reduce(union, emptySet());
  }
}

function sequenceFirstChars(sequence: Node[]): CharSet {
  let set = emptySet();
  for (const node of sequence) {
    set = union(set, firstChars(node));
    if (!canBeEmpty(node)) break;
  }
  return set;
}

/** All characters the node can match anywhere. */
function allChars(node: Node): CharSet {
  switch (node.kind) {
    case 'char':
      return node.set;
    case 'assert':
      return emptySet();
    case 'repeat':
      return allChars(node.body);
    case 'group':
      return node.alternatives.flat().map(allChars).reduce(union, emptySet());
  }
}

/** Whether the node holds a quantifier with a variable count (*, +, ?, {1,3}); fixed counts like {3} are fine. */
function containsRepeat(node: Node): boolean {
  switch (node.kind) {
    case 'repeat':
      return node.max !== node.min || containsRepeat(node.body);
    case 'group':
      return node.alternatives.some((sequence) => sequence.some(containsRepeat));
    default:
      return false;
  }
}

/** Inlines groups with a single alternative ((?:ab)c is abc), so repeats in neighbouring groups are compared. */
function flatten(sequence: Node[]): Node[] {
  return sequence.flatMap((node) =>
    node.kind === 'group' && node.alternatives.length === 1 ? flatten(node.alternatives[0]!) : [node],
  );
}

function isUnboundedRepeat(node: Node): node is Extract<Node, { kind: 'repeat' }> {
  return node.kind === 'repeat' && node.max > LARGE_BOUND;
}

function findProblem(node: Node): string | null {
  if (node.kind === 'repeat') {
    if (node.max > LARGE_BOUND) {
      if (containsRepeat(node.body)) {
        return 'nested quantifiers (like (a+)+ or (ab?)+) can take exponential time';
      }
      if (canBeEmpty(node.body)) return 'a repeated group that can match the empty string can take exponential time';
      if (node.body.kind === 'group' && node.body.alternatives.length > 1) {
        const starts = node.body.alternatives.map(sequenceFirstChars);
        for (let i = 0; i < starts.length; i++) {
          for (let j = i + 1; j < starts.length; j++) {
            if (overlaps(starts[i]!, starts[j]!)) {
              return (
                'a repeated group whose alternatives can start with the same character (like (a|ab)*) ' +
                'can take exponential time'
              );
            }
          }
        }
      }
    }
    return findProblem(node.body);
  }
  if (node.kind === 'group') {
    for (const alternative of node.alternatives) {
      const sequence = flatten(alternative);
      for (let i = 0; i < sequence.length; i++) {
        const current = sequence[i]!;
        const problem = findProblem(current);
        if (problem) return problem;
        if (!isUnboundedRepeat(current)) continue;
        // Look ahead for another unbounded repeat that can trade characters with this one: everything in between
        // must be able to match nothing or characters this repeat also matches (\w+a\w+ trades through the `a`).
        const chars = allChars(current);
        for (let j = i + 1; j < sequence.length; j++) {
          const next = sequence[j]!;
          const nextChars = allChars(next);
          if (isUnboundedRepeat(next) && overlaps(chars, nextChars)) {
            return (
              'repeats over overlapping characters in a row (like \\d+\\d+, .*.* or \\w+a\\w+) ' +
              'can take polynomial time'
            );
          }
          if (!canBeEmpty(next) && !overlaps(chars, nextChars)) break;
        }
      }
    }
  }
  return null;
}

/**
 * Returns null when the pattern looks linear-time, else a message saying why it was rejected.
 * Call only with a pattern that `new RegExp(pattern, flags)` accepts.
 */
export function findReDoSRisk(pattern: string, flags = ''): string | null {
  let tree: Node;
  try {
    tree = new Parser(pattern, flags.includes('i')).parse();
  } catch (error) {
    // The browser accepted it but our parser did not: refuse rather than guess.
    return `pattern too complex to check for catastrophic backtracking (${(error as Error).message})`;
  }
  return findProblem(tree);
}
