/**
 * How much a word looks like a person's name by its letters alone: a logistic model over hashed character 2- to
 * 4-grams of the folded word ("^wanjiru$" → "^w", "wa", "^wa", …), trained by scripts/generate-nameness-model.ts on
 * the name lexicon against an English dictionary. It knows no names: it is what lets two capitalised words the lexicon
 * has never seen ("lunch with Ubah Hirsi") read as a name while "with Vitest Browser mode" does not. Positive = name-like.
 * Small on purpose: NAMENESS_BUCKETS signed bytes, no network, pure arithmetic.
 */
import { foldName } from './names';
import { NAMENESS_BIAS, NAMENESS_BUCKETS, NAMENESS_SCALE, NAMENESS_WEIGHTS } from './nameness-data';

let weights: Int8Array | null = null;

function decodeWeights(): Int8Array {
  const binary = atob(NAMENESS_WEIGHTS);
  const out = new Int8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = (binary.charCodeAt(i) << 24) >> 24;
  return out;
}

/**
 * The buckets of a folded word's character 2-, 3- and 4-grams, with ^ and $ marking its edges (FNV-1a hashes). The
 * generator calls it too, with its own bucket count, so training and scoring cannot drift apart.
 */
export function namenessFeatures(folded: string, buckets = NAMENESS_BUCKETS): number[] {
  const word = `^${folded}$`;
  const features: number[] = [];
  for (let size = 2; size <= 4; size++) {
    for (let at = 0; at + size <= word.length; at++) {
      let hash = 2166136261 ^ size;
      for (let k = at; k < at + size; k++) {
        hash ^= word.charCodeAt(k);
        hash = Math.imul(hash, 16777619);
      }
      features.push((hash >>> 0) & (buckets - 1));
    }
  }
  return features;
}

/** The model's score for a word (any case, any diacritics): above 0 leans name, below 0 leans ordinary word. */
export function namenessScore(word: string): number {
  weights ??= decodeWeights();
  const features = namenessFeatures(foldName(word));
  let sum = NAMENESS_BIAS;
  for (const feature of features) sum += weights[feature]! / NAMENESS_SCALE;
  return sum / Math.sqrt(features.length);
}
