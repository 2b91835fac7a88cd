/**
 * Quick accuracy and speed check for the entity and national-ID rules through the engine (only these rules loaded):
 * scores test/corpus/detection/{entities,national-ids}.jsonl per type (exact-span and overlap), and
 * times a 4 KB and a 1 MB text. Run: npx tsx scripts/measure-entity-rules.ts [--errors]
 */
import { readFileSync } from 'node:fs';
import { createEngineScanner } from '../lib/detection/engine';
import type { Rule } from '../lib/detection/types';
import { entityRules } from '../lib/detection/rules/entities';
import { nationalIdRules } from '../lib/detection/rules/national-ids';

export interface Span {
  start: number;
  end: number;
  type: string;
  rule: string;
  confidence: number;
}

const scanners = new WeakMap<readonly Rule[], ReturnType<typeof createEngineScanner>>();

/** Runs `rules` through the real engine (prefilter, context, validate, overlap resolution), nothing else. */
export function runRules(rules: readonly Rule[], text: string, packs?: string[]): Span[] {
  let scanner = packs ? undefined : scanners.get(rules);
  if (!scanner) {
    scanner = createEngineScanner(packs ? { nationalIdPacks: packs } : undefined, { rules: [...rules] });
    if (!packs) scanners.set(rules, scanner);
  }
  return scanner.scan(text).map((f) => ({ start: f.start, end: f.end, type: f.type, rule: f.rule, confidence: f.confidence }));
}

interface CorpusLine {
  id: string;
  text: string;
  spans: Array<{ start: number; end: number; type: string }>;
  note?: string;
}

export function score(lines: CorpusLine[], rules: readonly Rule[], showErrors: boolean) {
  const types = new Map<string, { tp: number; fp: number; fn: number; overlapTp: number }>();
  const stat = (type: string) => {
    if (!types.has(type)) types.set(type, { tp: 0, fp: 0, fn: 0, overlapTp: 0 });
    return types.get(type)!;
  };
  let negatives = 0;
  let negativesTouched = 0;
  for (const line of lines) {
    const found = runRules(rules, line.text);
    if (line.spans.length === 0) {
      negatives++;
      if (found.length) negativesTouched++;
    }
    for (const gold of line.spans) {
      const exact = found.find((f) => f.start === gold.start && f.end === gold.end && f.type === gold.type);
      const overlap = found.find((f) => f.start < gold.end && gold.start < f.end && f.type === gold.type);
      if (exact) stat(gold.type).tp++;
      else {
        stat(gold.type).fn++;
        if (showErrors) {
          const got = overlap ? ` got "${line.text.slice(overlap.start, overlap.end)}"` : '';
          console.log(`FN ${line.id} ${gold.type} "${line.text.slice(gold.start, gold.end)}"${got}`);
        }
      }
      if (overlap) stat(gold.type).overlapTp++;
    }
    for (const f of found) {
      const matched = line.spans.some((g) => g.start < f.end && f.start < g.end && g.type === f.type);
      if (!matched) {
        stat(f.type).fp++;
        if (showErrors) console.log(`FP ${line.id} ${f.type} "${line.text.slice(f.start, f.end)}" (${f.rule})`);
      }
    }
  }
  return { types, negatives, negativesTouched };
}

function loadCorpus(name: string): CorpusLine[] {
  const raw = readFileSync(new URL(`../test/corpus/detection/${name}.jsonl`, import.meta.url), 'utf8');
  return raw.split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as CorpusLine);
}

function report(name: string, rules: readonly Rule[], showErrors: boolean) {
  const lines = loadCorpus(name);
  const { types, negatives, negativesTouched } = score(lines, rules, showErrors);
  console.log(`\n${name}.jsonl: ${lines.length} lines, ${negatives} without PII (${negativesTouched} touched)`);
  for (const [type, s] of types) {
    const recall = s.tp / Math.max(1, s.tp + s.fn);
    const overlapRecall = s.overlapTp / Math.max(1, s.tp + s.fn);
    const precision = s.overlapTp / Math.max(1, s.overlapTp + s.fp);
    console.log(
      `  ${type.padEnd(15)} gold ${String(s.tp + s.fn).padStart(4)}  exact recall ${recall.toFixed(3)}  ` +
        `overlap recall ${overlapRecall.toFixed(3)}  precision ${precision.toFixed(3)}  (fp ${s.fp})`,
    );
  }
}

function timeIt(label: string, rules: readonly Rule[], text: string, runs: number) {
  runRules(rules, text);
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (let i = 0; i < runs; i++) runRules(rules, text);
  const cpu = process.cpuUsage(cpuStarted);
  const wall = (performance.now() - started) / runs;
  // CPU time is the steadier number on a shared machine (wall time includes waiting for other processes).
  console.log(`  ${label}: ${wall.toFixed(2)} ms wall, ${((cpu.user + cpu.system) / 1000 / runs).toFixed(2)} ms cpu`);
}

if (process.argv[1]?.endsWith('measure-entity-rules.ts')) {
  const showErrors = process.argv.includes('--errors');
  const allRules = [...entityRules, ...nationalIdRules];
  report('entities', entityRules, showErrors);
  report('national-ids', nationalIdRules, showErrors);
  const sample = loadCorpus('entities').map((line) => line.text).join('\n');
  const text4k = sample.slice(0, 4096);
  let text1m = '';
  while (text1m.length < 1_000_000) text1m += sample + '\n';
  text1m = text1m.slice(0, 1_000_000);
  console.log('\nscan time (local runner, all entity + national-ID rules):');
  timeIt('4 KB', allRules, text4k, 200);
  timeIt('1 MB', allRules, text1m, 3);
  timeIt('1 MB person-name only', entityRules.filter((r) => r.id === 'person-name'), text1m, 3);
}
