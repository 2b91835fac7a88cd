/**
 * How much of the secret scanner's time is its first pass (lower-casing plus the keyword automaton), which every prompt
 * pays before any rule runs, next to the whole scan and secretlint on the same prompts as detection.bench.ts.
 *
 * Run: npx tsx bench/first-pass.bench.ts
 */
import { lintSource } from '@secretlint/core';
import { creator as secretlintPreset } from '@secretlint/secretlint-rule-preset-recommend';
import { createEngineScanner, lowerCasePreservingOffsets } from '../lib/detection/engine';
import { buildPrefilter } from '../lib/detection/prefilter';
import { secretRules } from '../lib/detection/rules/secrets';
import { makePrompts } from './inputs';

const prompts = makePrompts(300);
const scanner = createEngineScanner(undefined, { rules: secretRules });
const prefilter = buildPrefilter(secretRules.map((rule) => (rule.keywords ?? []).map((keyword) => keyword.toLowerCase())));
const secretlintConfig = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: secretlintPreset }] };

/** Best of `rounds` timed rounds over every prompt, after one warm-up round (ms per round). */
async function best(run: (prompt: string) => unknown, rounds: number): Promise<number> {
  for (const prompt of prompts) await run(prompt);
  let fastest = Infinity;
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    for (const prompt of prompts) await run(prompt);
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

const firstPass = await best((prompt) => prefilter.collect(lowerCasePreservingOffsets(prompt)), 30);
const wholeScan = await best((prompt) => scanner.scan(prompt), 30);
const secretlint = await best(
  (prompt) =>
    lintSource({
      source: { content: prompt, filePath: '/prompt.txt', ext: '.txt', contentType: 'text' },
      options: { config: secretlintConfig as never, noPhysicFilePath: true },
    }),
  10,
);
const kb = prompts.reduce((sum, prompt) => sum + prompt.length, 0) / 1024;
console.log(`${prompts.length} prompts, ${kb.toFixed(0)} KB, best round of each:`);
console.log(`  first pass (lower-case + keyword automaton): ${firstPass.toFixed(2)} ms`);
console.log(`  whole secret scan:                           ${wholeScan.toFixed(2)} ms (first pass ${((100 * firstPass) / wholeScan).toFixed(0)} %)`);
console.log(`  secretlint 11:                               ${secretlint.toFixed(2)} ms (10x would allow ${(secretlint / 10).toFixed(2)} ms per round)`);
