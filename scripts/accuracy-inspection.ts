/**
 * Recall and false-alarm rate of the inspection engine per family on the labelled corpora.
 *   npx tsx scripts/accuracy-inspection.ts [corpus-dir]
 * Exits 1 when a family misses its target (see lib/inspection/accuracy.ts TARGETS).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { meetsTargets, parseJsonl, scoreFamily, TARGETS, type CorpusRecord } from '../lib/inspection/accuracy';
import { inspect } from '../lib/inspection/index';
import type { InspectionKind } from '../lib/inspection/types';

const dir = process.argv[2] ?? join(import.meta.dirname, '../test/corpus/inspection');
const records: CorpusRecord[] = readdirSync(dir)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => parseJsonl(readFileSync(join(dir, f), 'utf8')));

let ok = true;
for (const family of Object.keys(TARGETS) as InspectionKind[]) {
  const subset = records.filter((r) => r.family === family);
  if (!subset.length) continue;
  const s = scoreFamily(family, subset);
  const pass = meetsTargets(s);
  ok &&= pass;
  const t = TARGETS[family];
  console.log(
    `${pass ? 'PASS' : 'FAIL'} ${family.padEnd(12)} recall ${s.caught}/${s.attacks} = ${s.recall.toFixed(3)} (target ≥ ${t.recall})  ` +
      `false alarms ${s.falseAlarms}/${s.benign} = ${(s.falseAlarmRate * 100).toFixed(1)}% (target ≤ ${(t.maxFalseAlarmRate * 100).toFixed(0)}%)`,
  );
  if (s.missed.length) console.log(`   missed: ${s.missed.join(', ')}`);
  if (s.flaggedBenign.length) console.log(`   flagged benign: ${s.flaggedBenign.join(', ')}`);
}

// Speed on ~20 KB replies: (a) an ordinary reply (benign prose + code), (b) the worst case here, every corpus text
// (attacks included) packed together.
const benignText = records.filter((r) => r.labels.length === 0).map((r) => r.text);
const ordinary = Array.from({ length: 40 }, (_, i) => benignText[(i * 7) % benignText.length]).join('\n\n').padEnd(20_000, ' lorem ipsum dolor sit amet').slice(0, 20_000);
const dense = records.map((r) => r.text).join('\n\n').slice(0, 20_000);
for (const [label, sample] of [['ordinary reply', ordinary], ['attack-dense corpus', dense]] as const) {
  for (let i = 0; i < 20; i++) inspect(sample);
  const runs = 100;
  // CPU time of this process as well as wall time: on a loaded machine wall time mostly measures waiting for a core.
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) inspect(sample);
  const wall = (performance.now() - t0) / runs;
  const cpuUsed = process.cpuUsage(cpu0);
  const cpu = (cpuUsed.user + cpuUsed.system) / 1000 / runs;
  console.log(`speed (${label}): inspect() on ${sample.length} chars: ${cpu.toFixed(2)} ms CPU, ${wall.toFixed(2)} ms wall, average of ${runs} runs`);
}
process.exit(ok ? 0 : 1);
