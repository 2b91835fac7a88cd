import { describe, expect, it } from 'vitest';
import { namenessFeatures, namenessScore } from '../../../lib/detection/lexicons/nameness';
import { COMMON_WORDS, GIVEN_NAMES, SURNAMES } from '../../../lib/detection/lexicons/name-data';
import { decodeFrontCoded } from '../../../lib/detection/lexicons/names';

function every(data: string, step: number): string[] {
  const words: string[] = [];
  let index = 0;
  decodeFrontCoded(data, (word) => {
    if (index++ % step === 0 && /^[a-z]{3,}$/.test(word)) words.push(word);
  });
  return words;
}

describe('nameness model (lib/detection/lexicons/nameness.ts)', () => {
  it('hashes the 2-, 3- and 4-grams of the word with its edges marked', () => {
    // "^ab$": ^a ab b$ · ^ab ab$ · ^ab$
    expect(namenessFeatures('ab')).toHaveLength(6);
    expect(namenessFeatures('ab')).toEqual(namenessFeatures('ab'));
    expect(new Set(namenessFeatures('ab')).size).toBeGreaterThan(1);
  });

  it('reads case and diacritics away, like the lexicon', () => {
    expect(namenessScore('JOSÉ')).toBeCloseTo(namenessScore('jose'), 12);
  });

  it('scores most lexicon names above 0 and few frequent English words at the name threshold (a stale or corrupt model fails)', () => {
    const names = [...every(GIVEN_NAMES, 37), ...every(SURNAMES, 37)];
    const words = every(COMMON_WORDS, 7);
    expect(names.length).toBeGreaterThan(500);
    expect(words.length).toBeGreaterThan(500);
    const nameRate = names.filter((word) => namenessScore(word) > 0).length / names.length;
    const wordRate = words.filter((word) => namenessScore(word) >= 1).length / words.length;
    // Measured on the shipped model: ~0.9 and ~0.10 (frequent words are short, the hardest case). A model with random
    // weights scores about half of each above 0.
    expect(nameRate).toBeGreaterThan(0.85);
    expect(wordRate).toBeLessThan(0.15);
  });

  it('tells names it has never seen from technical words', () => {
    // None of these names is in the lexicon (the model learned spellings, not entries); "Gebreyesus" is one it misses.
    for (const name of ['Mapfumo', 'Kamakana', 'Batsaikhan', 'Niazi', 'Hirsi', 'Chiedza']) expect(namenessScore(name), name).toBeGreaterThan(1);
    for (const word of ['Components', 'Functional', 'Triggering', 'Postgres', 'Terraform', 'Confluence']) expect(namenessScore(word), word).toBeLessThan(0);
  });
});
