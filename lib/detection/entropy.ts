/**
 * Shannon entropy in bits per character (per UTF-16 code unit; secrets are ASCII so the difference never matters).
 * Used as a floor to tell random tokens from words: English text sits near 4.0, hex keys near 3.5-4, base64 near 5+.
 */
export function shannonEntropy(value: string): number {
  const length = value.length;
  if (length === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < length; i++) {
    const code = value.charCodeAt(i);
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}
