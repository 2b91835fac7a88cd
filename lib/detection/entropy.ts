/**
 * Shannon entropy in bits per character (per UTF-16 code unit; secrets are ASCII so the difference never matters).
 * Used as a floor to tell random tokens from words: English text sits near 4.0, hex keys near 3.5-4, base64 near 5+.
 */
// Counts per code unit, reused between calls (and zeroed again after each), with the code units in order of first
// appearance: summing in that order gives bit-for-bit the result of the former Map-based version, without a Map per call.
const counts = new Uint32Array(65536);
let seen = new Uint16Array(256);

export function shannonEntropy(value: string): number {
  const length = value.length;
  if (length === 0) return 0;
  if (seen.length < length) seen = new Uint16Array(Math.max(length, seen.length * 2));
  let distinct = 0;
  for (let i = 0; i < length; i++) {
    const code = value.charCodeAt(i);
    if (counts[code]!++ === 0) seen[distinct++] = code;
  }
  let entropy = 0;
  for (let k = 0; k < distinct; k++) {
    const code = seen[k]!;
    const p = counts[code]! / length;
    counts[code] = 0;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}
