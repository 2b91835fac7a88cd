/**
 * Checks one custom pattern from policy: it must compile, must not match the empty string, must be accepted by the
 * detection engine's own compiler (compileCustomRules in lib/detection/custom.ts, with its runtime ReDoS check, the one
 * ReDoS analyzer of the project). Whatever the validator accepts, the engine therefore compiles: a policy never
 * "validates" with rules the engine would silently drop.
 */
import { compileCustomRules, labelToType } from '../detection/custom';

const cache = new Map<string, string | null>();
const CACHE_LIMIT = 500;

/** Returns null when the pattern is acceptable, else a message for the admin. */
export function checkCustomPatternSyntax(pattern: string, flags: string): string | null {
  const key = `${flags}/${pattern}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const verdict = check(pattern, flags);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, verdict);
  return verdict;
}

function check(pattern: string, flags: string): string | null {
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, flags);
  } catch (error) {
    return `not a valid regular expression: ${(error as Error).message}`;
  }
  if (regex.test('')) return 'matches the empty string (it would flag every position in the text)';
  // action 'block' because the engine skips 'allow' entries without checking them.
  const engine = compileCustomRules({ customPatterns: [{ label: 'pattern', pattern, flags, action: 'block' }] });
  const engineError = engine.errors[0];
  if (engineError) {
    const reason = /was refused: (.*)$/s.exec(engineError.message)?.[1] ?? engineError.message;
    return `unsafe regular expression: ${reason}`;
  }
  return null;
}

/** A custom label names the placeholder type; the engine needs at least one Latin letter or digit in it. */
export function labelHasTypeName(label: string): boolean {
  return labelToType(label).length > 0;
}

export { labelToType };
