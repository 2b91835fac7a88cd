/**
 * Shannon entropy in bits per character (per UTF-16 code unit; secrets are ASCII so the difference never matters).
 * Used as a floor to tell random tokens from words: English text sits near 4.0, hex keys near 3.5-4, base64 near 5+.
 */
// Counts per code unit, reused between calls (and zeroed again after each), with the code units in order of first
// appearance, so no Map is built per call.
const counts = new Uint32Array(65536);
let seen = new Uint16Array(256);

/**
 * c·log2(c) for small counts. With H = log2(n) − Σ c·log2(c) / n a call needs one log2 instead of one per distinct
 * character, which was most of the cost of filtering a candidate secret. Counts beyond the table (long values) are
 * computed directly.
 */
const C_LOG_C = Float64Array.from({ length: 1024 }, (_, count) => (count === 0 ? 0 : count * Math.log2(count)));

export function shannonEntropy(value: string): number {
  const length = value.length;
  if (length === 0) return 0;
  if (seen.length < length) seen = new Uint16Array(Math.max(length, seen.length * 2));
  let distinct = 0;
  for (let i = 0; i < length; i++) {
    const code = value.charCodeAt(i);
    if (counts[code]!++ === 0) seen[distinct++] = code;
  }
  let weighted = 0;
  for (let k = 0; k < distinct; k++) {
    const code = seen[k]!;
    const count = counts[code]!;
    counts[code] = 0;
    weighted += count < C_LOG_C.length ? C_LOG_C[count]! : count * Math.log2(count);
  }
  if (distinct === 1) return 0;
  // Rounding can leave a tiny negative for a near-uniform value; entropy is never below 0.
  return Math.max(0, Math.log2(length) - weighted / length);
}
