/**
 * A small, conservative ReDoS analyzer for regexes that arrive at runtime (custom patterns from policy). recheck is
 * the reference (tests confirm every pattern this accepts in the test set is safe by recheck), but it is far too heavy
 * for a content script. This one parses the pattern and refuses the shapes that make backtracking blow up:
 *
 * - nested repetition whose iterations are not separated by a mandatory delimiter: `(a+)+`, `(\w*\s?)*`;
 * - repeated alternation with overlapping branches: `(a|ab)*`, `(\w|\d)+`;
 * - two unbounded repetitions that can share characters with nothing forcing the split between them: `\d+\d+`,
 *   `[\w-]+-\w+` (quadratic per start position);
 * - an unanchored pattern that starts with an unbounded repetition: `\w+@` re-scans the same run from every start
 *   (anchor it with `\b`, `^` or a lookbehind, or start with a literal);
 * - unbounded repetition inside lookarounds, backreferences, and syntax it does not know.
 *
 * It errs on the side of refusing: a refused pattern can always be rewritten (bounded `{1,64}`, a literal prefix).
 */

export interface RegexSafetyVerdict {
  safe: boolean;
  /** Why it was refused, phrased for the admin who wrote the pattern. */
  reason?: string;
}

/** Character sets: 128 ASCII bits plus two coarse flags for non-ASCII (whitespace, everything else). */
interface CharSet {
  ascii: Uint32Array;
  nonAsciiSpace: boolean;
  nonAsciiOther: boolean;
}

function emptySet(): CharSet {
  return { ascii: new Uint32Array(4), nonAsciiSpace: false, nonAsciiOther: false };
}

function addRange(set: CharSet, from: number, to: number): void {
  for (let code = from; code <= Math.min(to, 127); code++) set.ascii[code >> 5]! |= 1 << (code & 31);
  if (to > 127) {
    set.nonAsciiOther = true;
    // Non-ASCII whitespace lives in U+0085..U+FEFF; a wide range is assumed to include some.
    if (to >= 0x85) set.nonAsciiSpace = true;
  }
}

function union(a: CharSet, b: CharSet): CharSet {
  const result = emptySet();
  for (let i = 0; i < 4; i++) result.ascii[i] = a.ascii[i]! | b.ascii[i]!;
  result.nonAsciiSpace = a.nonAsciiSpace || b.nonAsciiSpace;
  result.nonAsciiOther = a.nonAsciiOther || b.nonAsciiOther;
  return result;
}

function intersects(a: CharSet, b: CharSet): boolean {
  for (let i = 0; i < 4; i++) if ((a.ascii[i]! & b.ascii[i]!) !== 0) return true;
  return (a.nonAsciiSpace && b.nonAsciiSpace) || (a.nonAsciiOther && b.nonAsciiOther);
}

function isSubset(a: CharSet, b: CharSet): boolean {
  for (let i = 0; i < 4; i++) if ((a.ascii[i]! & ~b.ascii[i]!) !== 0) return false;
  return (!a.nonAsciiSpace || b.nonAsciiSpace) && (!a.nonAsciiOther || b.nonAsciiOther);
}

function complement(set: CharSet): CharSet {
  const result = emptySet();
  for (let i = 0; i < 4; i++) result.ascii[i] = ~set.ascii[i]! >>> 0;
  // A negated class almost always admits some non-ASCII character of both kinds.
  result.nonAsciiSpace = true;
  result.nonAsciiOther = true;
  return result;
}

function sharedChars(a: CharSet, b: CharSet): CharSet {
  const result = emptySet();
  for (let i = 0; i < 4; i++) result.ascii[i] = a.ascii[i]! & b.ascii[i]!;
  result.nonAsciiSpace = a.nonAsciiSpace && b.nonAsciiSpace;
  result.nonAsciiOther = a.nonAsciiOther && b.nonAsciiOther;
  return result;
}

function isEmpty(set: CharSet): boolean {
  return set.ascii.every((word) => word === 0) && !set.nonAsciiSpace && !set.nonAsciiOther;
}

function setOf(...ranges: Array<[number, number]>): CharSet {
  const set = emptySet();
  for (const [from, to] of ranges) addRange(set, from, to);
  return set;
}

const DIGITS = setOf([48, 57]);
const WORD = setOf([48, 57], [65, 90], [95, 95], [97, 122]);
const SPACE = (() => {
  const set = setOf([9, 13], [32, 32]);
  set.nonAsciiSpace = true;
  return set;
})();
const NOT_SPACE = (() => {
  const set = complement(SPACE);
  set.nonAsciiSpace = false;
  return set;
})();
const ANY = complement(emptySet());

function foldCase(set: CharSet): CharSet {
  const result = union(set, emptySet());
  for (let code = 65; code <= 90; code++) {
    const upper = (set.ascii[code >> 5]! >>> (code & 31)) & 1;
    const lower = (set.ascii[(code + 32) >> 5]! >>> ((code + 32) & 31)) & 1;
    if (upper || lower) addRange(result, code, code), addRange(result, code + 32, code + 32);
  }
  return result;
}

type Node =
  | { type: 'char'; set: CharSet }
  | { type: 'seq'; items: Node[] }
  | { type: 'alt'; branches: Node[] }
  | { type: 'group'; body: Node }
  | { type: 'look'; body: Node; behind: boolean; negative: boolean }
  | { type: 'quant'; body: Node; min: number; max: number }
  | { type: 'assert'; kind: 'start' | 'end' | 'word' | 'nonword' };

class Unsupported extends Error {}

/** Recursive-descent parser for the JavaScript regex syntax that custom patterns reasonably use. */
class Parser {
  private position = 0;
  constructor(
    private readonly source: string,
    private readonly ignoreCase: boolean,
  ) {}

  parse(): Node {
    const node = this.alternation();
    if (this.position < this.source.length) throw new Unsupported(`unexpected "${this.source[this.position]}"`);
    return node;
  }

  private peek(): string | undefined {
    return this.source[this.position];
  }

  private alternation(): Node {
    const branches = [this.sequence()];
    while (this.peek() === '|') {
      this.position++;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? branches[0]! : { type: 'alt', branches };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.position < this.source.length && this.peek() !== '|' && this.peek() !== ')') {
      items.push(this.quantified());
    }
    return { type: 'seq', items };
  }

  private quantified(): Node {
    const atom = this.atom();
    const quantifier = this.quantifier();
    if (!quantifier) return atom;
    if (atom.type === 'assert' || atom.type === 'look') throw new Unsupported('a quantifier on an assertion');
    if (this.peek() === '?') this.position++; // lazy: same backtracking shape
    if (this.peek() === '*' || this.peek() === '+' || this.peek() === '{') {
      // `a{2}{3}` and possessive-like stacking are not valid JS anyway.
      throw new Unsupported('stacked quantifiers');
    }
    return { type: 'quant', body: atom, min: quantifier.min, max: quantifier.max };
  }

  private quantifier(): { min: number; max: number } | null {
    const char = this.peek();
    if (char === '*') return this.position++, { min: 0, max: Infinity };
    if (char === '+') return this.position++, { min: 1, max: Infinity };
    if (char === '?') return this.position++, { min: 0, max: 1 };
    if (char === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.position));
      if (!match) return null;
      this.position += match[0].length;
      const min = Number(match[1]);
      const max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3]);
      return { min, max };
    }
    return null;
  }

  private atom(): Node {
    const char = this.source[this.position++]!;
    switch (char) {
      case '.':
        return { type: 'char', set: ANY };
      case '^':
        return { type: 'assert', kind: 'start' };
      case '$':
        return { type: 'assert', kind: 'end' };
      case '[':
        return { type: 'char', set: this.maybeFold(this.characterClass()) };
      case '(':
        return this.group();
      case '\\':
        return this.escape();
      case ')':
      case '*':
      case '+':
      case '?':
        throw new Unsupported(`unexpected "${char}"`);
      default:
        return { type: 'char', set: this.maybeFold(this.literal(char)) };
    }
  }

  private literal(char: string): CharSet {
    const code = char.charCodeAt(0);
    return code < 128 ? setOf([code, code]) : nonAscii(char);
  }

  private maybeFold(set: CharSet): CharSet {
    return this.ignoreCase ? foldCase(set) : set;
  }

  private group(): Node {
    let look: { behind: boolean; negative: boolean } | null = null;
    if (this.peek() === '?') {
      const rest = this.source.slice(this.position, this.position + 3);
      if (rest.startsWith('?:')) this.position += 2;
      else if (rest.startsWith('?=')) (this.position += 2), (look = { behind: false, negative: false });
      else if (rest.startsWith('?!')) (this.position += 2), (look = { behind: false, negative: true });
      else if (rest === '?<=') (this.position += 3), (look = { behind: true, negative: false });
      else if (rest === '?<!') (this.position += 3), (look = { behind: true, negative: true });
      else if (rest.startsWith('?<')) {
        const close = this.source.indexOf('>', this.position);
        if (close < 0) throw new Unsupported('unterminated group name');
        this.position = close + 1;
      } else throw new Unsupported('inline modifiers');
    }
    const body = this.alternation();
    if (this.source[this.position++] !== ')') throw new Unsupported('unbalanced parenthesis');
    return look ? { type: 'look', body, ...look } : { type: 'group', body };
  }

  private escape(): Node {
    const char = this.source[this.position++];
    if (char === undefined) throw new Unsupported('trailing backslash');
    if (char === 'b') return { type: 'assert', kind: 'word' };
    if (char === 'B') return { type: 'assert', kind: 'nonword' };
    if (/[1-9]/.test(char) || (char === 'k' && this.peek() === '<')) {
      throw new Unsupported('backreferences cannot be checked for catastrophic backtracking');
    }
    return { type: 'char', set: this.maybeFold(this.escapeSet(char)) };
  }

  /** The set denoted by an escape (after the backslash), inside or outside a class. */
  private escapeSet(char: string): CharSet {
    switch (char) {
      case 'd':
        return DIGITS;
      case 'D':
        return complement(DIGITS);
      case 'w':
        return WORD;
      case 'W':
        return complement(WORD);
      case 's':
        return SPACE;
      case 'S':
        return NOT_SPACE;
      case 'n':
        return setOf([10, 10]);
      case 'r':
        return setOf([13, 13]);
      case 't':
        return setOf([9, 9]);
      case 'v':
        return setOf([11, 11]);
      case 'f':
        return setOf([12, 12]);
      case '0':
        return setOf([0, 0]);
      case 'x': {
        const hex = /^[0-9a-fA-F]{2}/.exec(this.source.slice(this.position));
        if (!hex) throw new Unsupported('bad \\x escape');
        this.position += 2;
        const code = parseInt(hex[0], 16);
        return code < 128 ? setOf([code, code]) : setOf([code, code]);
      }
      case 'u': {
        const braced = /^\{([0-9a-fA-F]{1,6})\}/.exec(this.source.slice(this.position));
        const plain = /^[0-9a-fA-F]{4}/.exec(this.source.slice(this.position));
        const match = braced ?? plain;
        if (!match) throw new Unsupported('bad \\u escape');
        this.position += match[0].length;
        const code = parseInt(braced ? braced[1]! : match[0], 16);
        return code < 128 ? setOf([code, code]) : nonAscii(String.fromCodePoint(code));
      }
      case 'p':
      case 'P': {
        const close = this.source.indexOf('}', this.position);
        if (this.peek() !== '{' || close < 0) throw new Unsupported('bad \\p escape');
        this.position = close + 1;
        return ANY; // Unicode properties: assume they may contain anything.
      }
      case 'c': {
        this.position++;
        return setOf([0, 31]);
      }
      default:
        if (/[A-Za-z]/.test(char)) throw new Unsupported(`unknown escape \\${char}`);
        return this.literal(char);
    }
  }

  private characterClass(): CharSet {
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.position++;
    }
    let set = emptySet();
    let first = true;
    while (true) {
      const char = this.source[this.position++];
      if (char === undefined) throw new Unsupported('unterminated character class');
      if (char === ']' && !first) break;
      if (char === ']' && first) {
        // `[]` matches nothing, `[^]` matches anything.
        return negated ? ANY : emptySet();
      }
      first = false;
      let low: CharSet;
      let lowCode: number | null;
      if (char === '\\') {
        const escaped = this.source[this.position++];
        if (escaped === undefined) throw new Unsupported('trailing backslash');
        if (escaped === 'b') {
          low = setOf([8, 8]);
          lowCode = 8;
        } else {
          const before = this.position;
          low = this.escapeSet(escaped);
          lowCode = /[dDwWsSpP]/.test(escaped) ? null : singleCode(this.source.slice(before - 2, this.position));
        }
      } else {
        low = this.literal(char);
        lowCode = char.charCodeAt(0);
      }
      if (this.peek() === '-' && this.source[this.position + 1] !== ']' && this.source[this.position + 1] !== undefined) {
        this.position++;
        let highChar = this.source[this.position++]!;
        let highCode: number | null = highChar.charCodeAt(0);
        if (highChar === '\\') {
          const escaped = this.source[this.position++]!;
          const before = this.position;
          this.escapeSet(escaped);
          highCode = /[dDwWsSpP]/.test(escaped) ? null : singleCode(this.source.slice(before - 2, this.position));
          highChar = escaped;
        }
        if (lowCode === null || highCode === null) throw new Unsupported('a range with a class escape');
        if (highCode < lowCode) throw new Unsupported('a reversed range');
        set = union(set, setOf([lowCode, highCode]));
        continue;
      }
      set = union(set, low);
    }
    return negated ? complement(set) : set;
  }
}

function nonAscii(char: string): CharSet {
  const set = emptySet();
  if (/\s/u.test(char)) set.nonAsciiSpace = true;
  else set.nonAsciiOther = true;
  return set;
}

/** The code of a single-character escape like `\x41`, `\u0041`, `\n`, `\-`. */
function singleCode(escape: string): number | null {
  if (escape.length === 2) {
    const map: Record<string, number> = { n: 10, r: 13, t: 9, v: 11, f: 12, '0': 0 };
    const char = escape[1]!;
    return map[char] ?? char.charCodeAt(0);
  }
  const hex = /\\(?:x|u\{?)([0-9a-fA-F]+)/.exec(escape);
  return hex ? parseInt(hex[1]!, 16) : null;
}

interface Facts {
  /** Characters the node can start with. */
  first: CharSet;
  /** Characters the node can consume anywhere. */
  all: CharSet;
  nullable: boolean;
  /** Can match arbitrarily long strings. */
  unbounded: boolean;
  /** Contains a repetition with min != max (variable length). */
  variable: boolean;
}

const ZERO_WIDTH: Facts = { first: emptySet(), all: emptySet(), nullable: true, unbounded: false, variable: false };

class Analyzer {
  private readonly cache = new Map<Node, Facts>();

  facts(node: Node): Facts {
    const cached = this.cache.get(node);
    if (cached) return cached;
    const computed = this.compute(node);
    this.cache.set(node, computed);
    return computed;
  }

  private compute(node: Node): Facts {
    switch (node.type) {
      case 'char':
        return { first: node.set, all: node.set, nullable: false, unbounded: false, variable: false };
      case 'assert':
      case 'look':
        return ZERO_WIDTH;
      case 'group':
        return this.facts(node.body);
      case 'quant': {
        const body = this.facts(node.body);
        return {
          first: body.first,
          all: body.all,
          nullable: node.min === 0 || body.nullable,
          unbounded: body.unbounded || (node.max === Infinity && !isEmpty(body.all)),
          variable: body.variable || node.min !== node.max,
        };
      }
      case 'alt': {
        const branches = node.branches.map((branch) => this.facts(branch));
        return {
          first: branches.reduce((set, facts) => union(set, facts.first), emptySet()),
          all: branches.reduce((set, facts) => union(set, facts.all), emptySet()),
          nullable: branches.some((facts) => facts.nullable),
          unbounded: branches.some((facts) => facts.unbounded),
          // Branches of different shapes are variable-length.
          variable: branches.length > 1 || branches.some((facts) => facts.variable),
        };
      }
      case 'seq': {
        let first = emptySet();
        let all = emptySet();
        let nullable = true;
        let unbounded = false;
        let variable = false;
        for (const item of node.items) {
          const facts = this.facts(item);
          if (nullable) first = union(first, facts.first);
          all = union(all, facts.all);
          nullable = nullable && facts.nullable;
          unbounded = unbounded || facts.unbounded;
          variable = variable || facts.variable;
        }
        return { first, all, nullable, unbounded, variable };
      }
    }
  }
}

/** Sequence items with plain (non-quantified, non-alternating) groups inlined, so `(a+)(a+)` is seen as a sequence. */
function flatten(node: Node): Node[] {
  if (node.type === 'seq') return node.items.flatMap(flatten);
  if (node.type === 'group' && node.body.type !== 'alt') return flatten(node.body);
  return [node];
}

function check(node: Node, analyzer: Analyzer, insideLook: boolean): string | null {
  switch (node.type) {
    case 'char':
    case 'assert':
      return null;
    case 'group':
      return check(node.body, analyzer, insideLook);
    case 'look': {
      if (analyzer.facts(node.body).unbounded) {
        return 'an unbounded repetition inside a lookaround re-scans the text at every position; bound it, e.g. {0,64}';
      }
      return check(node.body, analyzer, true);
    }
    case 'alt': {
      for (const branch of node.branches) {
        const problem = check(branch, analyzer, insideLook);
        if (problem) return problem;
      }
      return null;
    }
    case 'quant': {
      const problem = check(node.body, analyzer, insideLook);
      if (problem) return problem;
      if (node.max <= 1) return null;
      const body = node.body.type === 'group' ? node.body.body : node.body;
      if (body.type === 'alt') {
        const branches = body.branches.map((branch) => analyzer.facts(branch));
        for (let i = 0; i < branches.length; i++) {
          for (let j = i + 1; j < branches.length; j++) {
            if (intersects(branches[i]!.first, branches[j]!.first) || branches[i]!.nullable || branches[j]!.nullable) {
              return 'a repeated alternation whose branches can match the same text, like (a|ab)*';
            }
          }
        }
      }
      const bodyFacts = analyzer.facts(body);
      if (bodyFacts.nullable && node.max === Infinity) return 'a repetition of something that can match nothing, like (a*)*';
      if (bodyFacts.variable && !hasSeparator(body, analyzer)) {
        return 'a nested repetition, like (a+)+, without a delimiter that must appear in each repeat';
      }
      return null;
    }
    case 'seq': {
      for (const item of node.items) {
        const problem = check(item, analyzer, insideLook);
        if (problem) return problem;
      }
      return checkSequence(flatten(node), analyzer);
    }
  }
}

/**
 * Whether each iteration of a repeated body must consume a character that none of its variable-length parts can
 * consume, e.g. the dot in `(?:\.[a-z]+)*`. Then iterations cannot be split in more than one way.
 */
function hasSeparator(body: Node, analyzer: Analyzer): boolean {
  const items = flatten(body);
  let variableChars = emptySet();
  for (const item of items) {
    const facts = analyzer.facts(item);
    if (facts.variable || facts.nullable) variableChars = union(variableChars, facts.all);
  }
  return items.some((item) => {
    const facts = analyzer.facts(item);
    return !facts.nullable && !facts.variable && !isEmpty(facts.all) && !intersects(facts.all, variableChars);
  });
}

/** Two unbounded repetitions that can share characters, with nothing that forces where one ends: polynomial. */
function checkSequence(items: Node[], analyzer: Analyzer): string | null {
  for (let i = 0; i < items.length; i++) {
    const current = analyzer.facts(items[i]!);
    if (!current.unbounded) continue;
    // The characters that may follow item i before the next mandatory item (inclusive).
    let follow = emptySet();
    for (let k = i + 1; k < items.length; k++) {
      const facts = analyzer.facts(items[k]!);
      follow = union(follow, facts.first);
      if (!facts.nullable) break;
    }
    if (!intersects(follow, current.all)) continue;
    for (let j = i + 1; j < items.length; j++) {
      const later = analyzer.facts(items[j]!);
      if (later.unbounded && intersects(later.all, current.all)) {
        // A mandatory character that neither can consume bounds how far the later one runs after each split.
        const shared = sharedChars(current.all, later.all);
        const separated = items.slice(i + 1, j).some((between) => {
          const facts = analyzer.facts(between);
          return !facts.nullable && !intersects(facts.all, shared);
        });
        if (!separated) return 'two unbounded repetitions that can match the same characters back to back, like \\d+\\d+';
      }
    }
  }
  return null;
}

/**
 * An unanchored search retries at every position. If an unbounded repetition can be reached from many start positions
 * inside one run of the characters it repeats (`\w+@`, `x[a-z]+y` on "xxxx…"), each retry re-scans that run:
 * quadratic. It is safe when something before it pins the start: `^`, a mandatory character it cannot repeat, or a
 * `\b` / negative lookbehind whose characters cover everything from the guard up to the repetition.
 */
function checkLeading(root: Node, analyzer: Analyzer, sticky: boolean): string | null {
  if (sticky) return null;
  const branches = root.type === 'alt' ? root.branches : [root];
  for (const branch of branches) {
    const items = flatten(branch);
    for (let index = 0; index < items.length; index++) {
      const repeated = analyzer.facts(items[index]!);
      if (!repeated.unbounded) continue;
      let pinned = false;
      // Characters consumed between a candidate guard and the repetition, which the guard must also cover.
      let between = repeated.all;
      for (let k = index - 1; k >= 0 && !pinned; k--) {
        const item = items[k]!;
        if (item.type === 'assert') {
          if (item.kind === 'start') pinned = true;
          else if (item.kind === 'word') pinned = isSubset(between, WORD);
          continue;
        }
        if (item.type === 'look') {
          if (item.behind && item.negative) pinned = isSubset(between, analyzer.facts(item.body).all);
          continue;
        }
        const facts = analyzer.facts(item);
        if (!facts.nullable && !intersects(facts.all, repeated.all)) pinned = true;
        between = union(between, facts.all);
      }
      if (!pinned) {
        return 'an unbounded repetition can start anywhere in a run of the characters it repeats; anchor it with \\b, ^ or a lookbehind, or put a literal it cannot repeat before it';
      }
    }
  }
  return null;
}

/** Checks one pattern. Invalid syntax is reported as unsafe with the engine's own error message. */
export function checkRegexSafety(source: string, flags = ''): RegexSafetyVerdict {
  try {
    new RegExp(source, flags);
  } catch (error) {
    return { safe: false, reason: `invalid regular expression: ${(error as Error).message}` };
  }
  if (flags.includes('v')) return { safe: false, reason: 'the v flag is not supported by the safety check' };
  let root: Node;
  try {
    root = new Parser(source, flags.includes('i')).parse();
  } catch (error) {
    const detail = error instanceof Unsupported ? error.message : String(error);
    return { safe: false, reason: `cannot verify it is linear-time (${detail})` };
  }
  const analyzer = new Analyzer();
  const problem = check(root, analyzer, false) ?? checkLeading(root, analyzer, flags.includes('y'));
  return problem ? { safe: false, reason: `possible catastrophic backtracking: ${problem}` } : { safe: true };
}
