/** Helpers shared by the structured-PII recognizers: candidate trimming and context checks. */
import { compileContext, hasContextWord } from '../../engine';

export { hasContextWord };

/**
 * A loose candidate regex may swallow a neighbouring word or number ("4111 1111 1111 1111 12/27", "DE89… CODE").
 * Yields the candidate, then the candidate cut back at each separator from the right (never below `minLength`).
 */
export function* rightTrims(candidate: string, minLength: number, separators = /[ .-]/): Generator<string> {
  yield candidate;
  for (let cut = candidate.length - 1; cut >= minLength; cut--) {
    if (separators.test(candidate[cut]!)) {
      const trimmed = candidate.slice(0, cut).replace(/[ .(-]+$/, '');
      if (trimmed.length >= minLength) yield trimmed;
    }
  }
}

/** Whether any of `words` occurs within `before` characters before or `after` characters after [start, end). */
export function contextAround(lower: string, start: number, end: number, words: readonly string[], before = 60, after = 30): boolean {
  return compileContext(words)(lower, start - before, end + after);
}

/** Words that make a number an identifier of something else (an order, a build, a part), not personal data. */
export const NON_PERSONAL_NUMBER_CONTEXT = [
  'order', 'invoice', 'ticket', 'tracking', 'sku', 'serial', 'isbn', 'build', 'version', 'release', 'ref', 'reference',
  'po', 'part', 'model', 'batch', 'lot', 'transaction', 'txn', 'confirmation', 'case', 'issue', 'pr', 'commit', 'job',
  'run', 'pid', 'port', 'timestamp', 'epoch', 'checksum', 'hash', 'crc', 'amount', 'total', 'price', 'balance',
  // Byte dumps ("<Buffer 01 02 03 04 05>", "bytes: 0a 1f …"): two-digit groups that look like a French phone.
  'buffer', 'bytes', 'hexdump',
];
