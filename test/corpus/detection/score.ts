/**
 * Scoring for the labelled detection corpus (format in README.md). Shared by scripts/accuracy-detection.ts and the
 * unit test so both compute the same numbers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../../lib/detection/types';

export interface GoldSpan {
  start: number;
  end: number;
  type: string;
}

export interface CorpusCase {
  id: string;
  text: string;
  spans: GoldSpan[];
  note?: string;
  file: string;
}

export interface TypeScore {
  type: string;
  gold: number;
  truePositives: number;
  falsePositives: number;
  /** Negative cases (no spans) in files that cover this type. */
  negatives: number;
  /** False positives of this type that landed in negative cases. */
  falsePositivesOnNegatives: number;
  recall: number;
  precision: number;
  falsePositivesPer100Negatives: number;
  missed: string[];
  spurious: string[];
}

export const CORPUS_DIR = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '.');

export function loadCorpus(dir = CORPUS_DIR): CorpusCase[] {
  const cases: CorpusCase[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.jsonl')).sort()) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      let parsed: CorpusCase;
      try {
        parsed = JSON.parse(line) as CorpusCase;
      } catch (error) {
        throw new Error(`${file}:${index + 1}: bad JSON (${(error as Error).message})`);
      }
      if (typeof parsed.text !== 'string' || !Array.isArray(parsed.spans)) throw new Error(`${file}:${index + 1}: needs text and spans`);
      for (const span of parsed.spans) {
        if (!(span.start >= 0 && span.end <= parsed.text.length && span.end > span.start && typeof span.type === 'string')) {
          throw new Error(`${file}:${index + 1}: bad span ${JSON.stringify(span)}`);
        }
      }
      cases.push({ ...parsed, file });
    });
  }
  return cases;
}

/** Same type and an overlap of at least half of the longer of the two spans. */
export function spansMatch(gold: GoldSpan, finding: { start: number; end: number; type: string }): boolean {
  if (gold.type !== finding.type) return false;
  const overlap = Math.min(gold.end, finding.end) - Math.max(gold.start, finding.start);
  return overlap > 0 && overlap * 2 >= Math.max(gold.end - gold.start, finding.end - finding.start);
}

export function scoreCorpus(cases: CorpusCase[], detect: (text: string) => Finding[]): Map<string, TypeScore> {
  const coveredTypesByFile = new Map<string, Set<string>>();
  for (const testCase of cases) {
    const covered = coveredTypesByFile.get(testCase.file) ?? new Set<string>();
    for (const span of testCase.spans) covered.add(span.type);
    coveredTypesByFile.set(testCase.file, covered);
  }
  const scores = new Map<string, TypeScore>();
  const scoreFor = (type: string): TypeScore => {
    let score = scores.get(type);
    if (!score) {
      score = { type, gold: 0, truePositives: 0, falsePositives: 0, negatives: 0, falsePositivesOnNegatives: 0, recall: 1, precision: 1, falsePositivesPer100Negatives: 0, missed: [], spurious: [] };
      scores.set(type, score);
    }
    return score;
  };
  for (const testCase of cases) {
    const covered = coveredTypesByFile.get(testCase.file)!;
    const findings = detect(testCase.text);
    const isNegative = testCase.spans.length === 0;
    if (isNegative) for (const type of covered) scoreFor(type).negatives++;
    for (const gold of testCase.spans) {
      const score = scoreFor(gold.type);
      score.gold++;
      if (findings.some((finding) => spansMatch(gold, finding))) score.truePositives++;
      else score.missed.push(`${testCase.id}: "${testCase.text.slice(gold.start, gold.end)}"`);
    }
    for (const finding of findings) {
      if (!covered.has(finding.type)) continue;
      if (testCase.spans.some((gold) => spansMatch(gold, finding))) continue;
      const score = scoreFor(finding.type);
      score.falsePositives++;
      if (isNegative) score.falsePositivesOnNegatives++;
      score.spurious.push(`${testCase.id}: "${testCase.text.slice(finding.start, finding.end)}" (${finding.rule})`);
    }
  }
  for (const score of scores.values()) {
    score.recall = score.gold === 0 ? 1 : score.truePositives / score.gold;
    score.precision = score.truePositives + score.falsePositives === 0 ? 1 : score.truePositives / (score.truePositives + score.falsePositives);
    score.falsePositivesPer100Negatives = score.negatives === 0 ? 0 : (100 * score.falsePositivesOnNegatives) / score.negatives;
  }
  return scores;
}
