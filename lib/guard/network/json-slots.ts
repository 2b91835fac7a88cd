/**
 * Surgical JSON rewriting: find the string literals at given paths with their exact byte ranges, then splice new
 * literals into those ranges only. Everything else in the document (key order, whitespace, escapes, number spelling)
 * stays byte-identical; re-serialising with JSON.stringify would not guarantee that, and the sites reject bodies that
 * changed shape (Beat-YT/ChatGPT-Moderation-Blocker#14).
 */
import type { JsonPath } from './endpoints';

export interface JsonStringSlot {
  path: Array<string | number>;
  /** Offsets of the literal in the document, quotes included; end exclusive. */
  start: number;
  end: number;
  value: string;
}

/** Deeper documents are refused (null) rather than risking the stack; the sites' bodies nest a dozen levels at most. */
const MAX_DEPTH = 256;

// Each alternative consumes distinct characters, so these run in linear time.
const STRING_TOKEN = /"(?:[^"\\\u0000-\u001f]+|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/y;
const NUMBER_TOKEN = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;

class JsonScanError extends Error {}

function pathMatches(path: ReadonlyArray<string | number>, pattern: JsonPath): boolean {
  if (path.length !== pattern.length) return false;
  return pattern.every((step, index) => step === '*' || step === path[index]);
}

function isPrefixOfSome(path: ReadonlyArray<string | number>, patterns: readonly JsonPath[]): boolean {
  return patterns.some(
    (pattern) =>
      pattern.length >= path.length && path.every((step, index) => pattern[index] === '*' || pattern[index] === step),
  );
}

/**
 * The string literals at `fields` in `text`, in document order; null when `text` is not valid JSON.
 * Only string leaves are returned: a path that lands on a number, object or array is ignored.
 */
export function locateJsonStrings(text: string, fields: readonly JsonPath[]): JsonStringSlot[] | null {
  const slots: JsonStringSlot[] = [];
  let index = 0;

  const skipWhitespace = () => {
    WHITESPACE.lastIndex = index;
    WHITESPACE.exec(text);
    index = WHITESPACE.lastIndex;
  };

  const readStringToken = (): { start: number; end: number } => {
    STRING_TOKEN.lastIndex = index;
    if (!STRING_TOKEN.exec(text)) throw new JsonScanError('bad string');
    const start = index;
    index = STRING_TOKEN.lastIndex;
    return { start, end: index };
  };

  const decodeString = (start: number, end: number): string => {
    const token = text.slice(start, end);
    return token.includes('\\') ? (JSON.parse(token) as string) : token.slice(1, -1);
  };

  const readValue = (path: Array<string | number>, depth: number, wanted: boolean): void => {
    if (depth > MAX_DEPTH) throw new JsonScanError('too deep');
    skipWhitespace();
    const char = text[index];
    if (char === '"') {
      const { start, end } = readStringToken();
      if (wanted && fields.some((field) => pathMatches(path, field))) {
        slots.push({ path: [...path], start, end, value: decodeString(start, end) });
      }
    } else if (char === '{') {
      index++;
      skipWhitespace();
      if (text[index] === '}') {
        index++;
        return;
      }
      for (;;) {
        skipWhitespace();
        if (text[index] !== '"') throw new JsonScanError('expected key');
        const key = readStringToken();
        const name = decodeString(key.start, key.end);
        skipWhitespace();
        if (text[index] !== ':') throw new JsonScanError('expected colon');
        index++;
        path.push(name);
        readValue(path, depth + 1, wanted && isPrefixOfSome(path, fields));
        path.pop();
        skipWhitespace();
        if (text[index] === ',') {
          index++;
          continue;
        }
        if (text[index] === '}') {
          index++;
          return;
        }
        throw new JsonScanError('expected , or }');
      }
    } else if (char === '[') {
      index++;
      skipWhitespace();
      if (text[index] === ']') {
        index++;
        return;
      }
      for (let position = 0; ; position++) {
        path.push(position);
        readValue(path, depth + 1, wanted && isPrefixOfSome(path, fields));
        path.pop();
        skipWhitespace();
        if (text[index] === ',') {
          index++;
          continue;
        }
        if (text[index] === ']') {
          index++;
          return;
        }
        throw new JsonScanError('expected , or ]');
      }
    } else if (text.startsWith('true', index)) {
      index += 4;
    } else if (text.startsWith('false', index)) {
      index += 5;
    } else if (text.startsWith('null', index)) {
      index += 4;
    } else {
      NUMBER_TOKEN.lastIndex = index;
      if (!NUMBER_TOKEN.exec(text) || NUMBER_TOKEN.lastIndex === index) throw new JsonScanError('bad value');
      index = NUMBER_TOKEN.lastIndex;
    }
  };

  try {
    readValue([], 0, true);
    skipWhitespace();
    if (index !== text.length) return null;
  } catch (error) {
    if (error instanceof JsonScanError || error instanceof SyntaxError) return null;
    throw error;
  }
  return slots;
}

/**
 * A JSON literal for `value` in the style of the literal it replaces: when the original escaped every non-ASCII
 * character as \uXXXX (as some serialisers do), so does the replacement.
 */
export function encodeJsonString(value: string, originalToken = ''): string {
  const literal = JSON.stringify(value);
  const originalEscapesNonAscii = /\\u[0-9a-fA-F]{4}/.test(originalToken) && !/[^\u0000-\u007f]/.test(originalToken);
  if (!originalEscapesNonAscii) return literal;
  return literal.replace(/[^\u0000-\u007f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `text` with each slot whose value changed replaced by a new literal; unchanged slots keep their original bytes. */
export function replaceJsonStrings(text: string, slots: readonly JsonStringSlot[], values: readonly string[]): string {
  let output = '';
  let cursor = 0;
  slots.forEach((slot, position) => {
    const value = values[position];
    if (value === undefined || value === slot.value) return;
    output += text.slice(cursor, slot.start) + encodeJsonString(value, text.slice(slot.start, slot.end));
    cursor = slot.end;
  });
  return cursor === 0 ? text : output + text.slice(cursor);
}
