/**
 * A literal as regex source. Only syntax characters and `/` are escaped: with the u or v flag, escaping anything else
 * (like `-`) is a syntax error, and these escapes are valid in every mode.
 */
export function escapeRegex(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
