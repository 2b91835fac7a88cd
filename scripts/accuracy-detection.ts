/**
 * Detection accuracy over the labelled corpus (test/corpus/detection/*.jsonl): per type recall, precision and false
 * positives per 100 negatives. Exits 1 when a type misses its target:
 *   structured PII (EMAIL, PHONE, CREDIT_CARD, SSN, IBAN, IP_ADDRESS): recall >= 0.98, no findings on negatives;
 *   vendor secrets: recall 1.0 and <= 1 FP per 100 negatives (generic secret types: recall >= 0.90);
 *   names/addresses (entity rules) and national IDs: recall >= 0.90.
 * Run: npx tsx scripts/accuracy-detection.ts [--verbose]
 */
import { pathToFileURL } from 'node:url';
import { scan } from '../lib/detection';
import { secretRules } from '../lib/detection/rules/secrets';
import { structuredPiiRules } from '../lib/detection/rules/pii';
import { entityRules } from '../lib/detection/rules/entities';
import { nationalIdRules } from '../lib/detection/rules/national-ids';
import { loadCorpus, scoreCorpus, type TypeScore } from '../test/corpus/detection/score';

export type Family = 'structured-pii' | 'secret' | 'generic-secret' | 'entity' | 'national-id' | 'other';

export function familyOf(type: string): Family {
  if (structuredPiiRules.some((rule) => rule.type === type)) return 'structured-pii';
  if (secretRules.some((rule) => rule.type === type)) return /GENERIC/.test(type) ? 'generic-secret' : 'secret';
  if (entityRules.some((rule) => rule.type === type)) return 'entity';
  if (nationalIdRules.some((rule) => rule.type === type)) return 'national-id';
  return 'other';
}

export interface Verdict {
  score: TypeScore;
  family: Family;
  failures: string[];
}

export function judge(score: TypeScore): Verdict {
  const family = familyOf(score.type);
  const failures: string[] = [];
  const minRecall = { 'structured-pii': 0.98, secret: 1, 'generic-secret': 0.9, entity: 0.9, 'national-id': 0.9, other: 0.9 }[family];
  if (score.gold > 0 && score.recall < minRecall) failures.push(`recall ${score.recall.toFixed(3)} < ${minRecall}`);
  if (family === 'structured-pii' && score.falsePositivesOnNegatives > 0) {
    failures.push(`${score.falsePositivesOnNegatives} finding(s) on negative texts`);
  }
  if ((family === 'secret' || family === 'generic-secret') && score.falsePositivesPer100Negatives > 1) {
    failures.push(`${score.falsePositivesPer100Negatives.toFixed(2)} FP per 100 negatives > 1`);
  }
  return { score, family, failures };
}

export function runAccuracy(): Verdict[] {
  const cases = loadCorpus();
  const scores = scoreCorpus(cases, (text) => scan(text));
  return [...scores.values()].sort((a, b) => a.type.localeCompare(b.type)).map(judge);
}

function main(): void {
  const verbose = process.argv.includes('--verbose');
  const cases = loadCorpus();
  const verdicts = runAccuracy();
  const files = new Set(cases.map((testCase) => testCase.file));
  console.log(`${cases.length} cases in ${files.size} file(s): ${[...files].join(', ')}\n`);
  console.log('type                      family          gold  recall  precision  FP/100neg  status');
  for (const { score, family, failures } of verdicts) {
    console.log(
      `${score.type.padEnd(25)} ${family.padEnd(15)} ${String(score.gold).padStart(4)}  ${score.recall.toFixed(3)}   ${score.precision.toFixed(3)}      ${score.falsePositivesPer100Negatives.toFixed(2).padStart(6)}     ${failures.length ? `FAIL: ${failures.join('; ')}` : 'ok'}`,
    );
    if (verbose || failures.length) {
      for (const miss of score.missed) console.log(`    missed   ${miss}`);
      for (const extra of score.spurious) console.log(`    spurious ${extra}`);
    }
  }
  const failed = verdicts.filter((verdict) => verdict.failures.length > 0);
  console.log(failed.length ? `\n${failed.length} type(s) below target` : '\nall types meet their targets');
  process.exitCode = failed.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
