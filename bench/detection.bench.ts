/**
 * Side-by-side detection benchmark: ChatWarden's engine against the local libraries a user could pick instead —
 * secretlint (secrets), redact-pii and @openredaction/openredaction (PII) — on the SAME deterministic prompts, plus
 * ChatWarden alone at growing sizes (linear growth), the 4 KB p95 and the 1 MB budget, and coverage of the labelled
 * corpora. Writes bench/results/latest.md and prints it.
 *
 * Run: npx tsx bench/detection.bench.ts [--quick]    (or: npm run bench -- --quick)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { lintSource } from '@secretlint/core';
import { creator as secretlintPreset } from '@secretlint/secretlint-rule-preset-recommend';
import { SyncRedactor } from 'redact-pii';
import { OpenRedaction } from '@openredaction/openredaction';
import { scan } from '../lib/detection';
import { createEngineScanner } from '../lib/detection/engine';
import { builtinRules } from '../lib/detection/rules';
import { secretRules } from '../lib/detection/rules/secrets';
import { makePrompts, makeText } from './inputs';

const quick = process.argv.includes('--quick');
const ROOT = join(import.meta.dirname, '..');

interface Range {
  start: number;
  end: number;
}
interface Tool {
  name: string;
  covers: 'secrets' | 'pii' | 'both';
  /** Returns the ranges it flags; `redacted` for tools that only return rewritten text. */
  run: (text: string) => Range[] | Promise<Range[]> | { redacted: string };
}

const secretScanner = createEngineScanner(undefined, { rules: secretRules });
const piiScanner = createEngineScanner(undefined, { rules: builtinRules.filter((rule) => rule.kind !== 'secret') });
const secretlintConfig = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: secretlintPreset }] };
const redactor = new SyncRedactor();
const openRedaction = new OpenRedaction();

const tools: Tool[] = [
  { name: 'ChatWarden (all rules)', covers: 'both', run: (text) => scan(text) },
  { name: 'ChatWarden (secret rules)', covers: 'secrets', run: (text) => secretScanner.scan(text) },
  { name: 'ChatWarden (PII rules)', covers: 'pii', run: (text) => piiScanner.scan(text) },
  {
    name: 'secretlint 11 (preset-recommend)',
    covers: 'secrets',
    run: async (text) => {
      const result = await lintSource({
        source: { content: text, filePath: '/prompt.txt', ext: '.txt', contentType: 'text' },
        options: { config: secretlintConfig as never, noPhysicFilePath: true },
      });
      return result.messages.map((message) => ({ start: message.range[0], end: message.range[1] }));
    },
  },
  { name: 'redact-pii 3 (SyncRedactor)', covers: 'pii', run: (text) => ({ redacted: redactor.redact(text) }) },
  {
    name: '@openredaction/openredaction 1',
    covers: 'pii',
    run: (text) => openRedaction.detect(text).detections.map((d) => ({ start: d.position[0], end: d.position[1] })),
  },
];

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/**
 * CPU time of this process in ms. On a loaded machine wall-clock time mostly measures waiting for a core; CPU time
 * (user + system, from getrusage) is what the scan itself costs, so every measurement reports both.
 */
function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

interface Timing {
  wall: number;
  cpu: number;
}

async function timeCall(tool: Tool, text: string): Promise<Timing> {
  const cpuStart = cpuMs();
  const start = performance.now();
  const result = tool.run(text);
  if (result instanceof Promise) await result;
  return { wall: performance.now() - start, cpu: cpuMs() - cpuStart };
}

function timeSync(run: ScanFn, text: string): Timing {
  const cpuStart = cpuMs();
  const start = performance.now();
  run(text);
  return { wall: performance.now() - start, cpu: cpuMs() - cpuStart };
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
const mbps = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);

/**
 * Every tool is warmed on the whole prompt set first (JIT, lazy tables), then the rounds interleave the tools, so a
 * burst of load on the machine, or the first tool meeting a cold process, does not land on one tool only.
 */
async function sideBySide(prompts: string[], rounds: number) {
  const bytes = prompts.reduce((sum, prompt) => sum + prompt.length, 0);
  for (const tool of tools) for (const prompt of prompts) await timeCall(tool, prompt);
  const samples = tools.map(() => ({ wall: [] as number[], cpu: [] as number[], totalMs: 0, totalCpu: 0 }));
  for (let round = 0; round < rounds; round++) {
    for (const [index, tool] of tools.entries()) {
      const own = samples[index]!;
      for (const prompt of prompts) {
        const { wall, cpu } = await timeCall(tool, prompt);
        own.wall.push(wall);
        own.cpu.push(cpu);
        own.totalMs += wall;
        own.totalCpu += cpu;
      }
    }
  }
  const rows = tools.map((tool, index) => {
    const own = samples[index]!;
    own.wall.sort((a, b) => a - b);
    own.cpu.sort((a, b) => a - b);
    return {
      tool,
      totalMs: own.totalMs / rounds,
      p50: percentile(own.wall, 50),
      p95: percentile(own.wall, 95),
      mbPerS: mbps(bytes, own.totalMs / rounds),
      cpuMbPerS: mbps(bytes, own.totalCpu / rounds),
      cpuP95: percentile(own.cpu, 95),
    };
  });
  return { bytes, rows };
}

type ScanFn = (text: string) => unknown;

function scaling(sizes: Array<[string, number, number]>, run: ScanFn = scan) {
  return sizes.map(([label, bytes, iterations]) => {
    const text = makeText(bytes);
    run(text); // warm-up
    const samples: number[] = [];
    const cpuSamples: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const { wall, cpu } = timeSync(run, text);
      samples.push(wall);
      cpuSamples.push(cpu);
    }
    samples.sort((a, b) => a - b);
    cpuSamples.sort((a, b) => a - b);
    const median = percentile(samples, 50);
    const cpuMedian = percentile(cpuSamples, 50);
    return { label, bytes, iterations, median, mbPerS: mbps(bytes, median), cpuMedian, cpuMbPerS: mbps(bytes, cpuMedian) };
  });
}

/**
 * Linearity on the same bytes: the 10 MB text scanned whole against the same text cut into 1 MB pieces scanned one by
 * one. Texts of different sizes hold different prompts, so throughput per size also varies with content; this ratio
 * does not (1.00 = perfectly linear; pieces lose the spans that cross a cut, a negligible share).
 */
function wholeVersusPieces(bytes: number, pieceBytes: number, rounds: number, run: ScanFn = scan) {
  const text = makeText(bytes);
  const pieces = Array.from({ length: Math.ceil(bytes / pieceBytes) }, (_, i) => text.slice(i * pieceBytes, (i + 1) * pieceBytes));
  run(text);
  for (const piece of pieces) run(piece);
  const whole: number[] = [];
  const split: number[] = [];
  for (let round = 0; round < rounds; round++) {
    whole.push(timeSync(run, text).wall);
    let total = 0;
    for (const piece of pieces) total += timeSync(run, piece).wall;
    split.push(total);
  }
  whole.sort((a, b) => a - b);
  split.sort((a, b) => a - b);
  return { whole: percentile(whole, 50), pieces: percentile(split, 50), count: pieces.length };
}

function p95At(bytes: number, count: number, rounds: number, run: ScanFn = scan) {
  const texts = Array.from({ length: count }, (_, i) => makeText(bytes, 1000 + i));
  for (const text of texts) run(text);
  const samples: number[] = [];
  const cpuSamples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const text of texts) {
      const { wall, cpu } = timeSync(run, text);
      samples.push(wall);
      cpuSamples.push(cpu);
    }
  }
  samples.sort((a, b) => a - b);
  cpuSamples.sort((a, b) => a - b);
  return {
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    n: samples.length,
    cpuP50: percentile(cpuSamples, 50),
    cpuP95: percentile(cpuSamples, 95),
  };
}

interface CorpusCase {
  id: string;
  text: string;
  spans: Array<{ start: number; end: number; type: string }>;
}
function loadCorpus(file: string): CorpusCase[] {
  return readFileSync(join(ROOT, 'test', 'corpus', 'detection', file), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as CorpusCase);
}

/** A tool finds a gold span if a range it reports overlaps half of it, or (redaction-only tools) the value is gone. */
async function coverage(tool: Tool, cases: CorpusCase[]): Promise<{ found: number; gold: number }> {
  let found = 0;
  let gold = 0;
  for (const testCase of cases) {
    if (testCase.spans.length === 0) continue;
    const result = await tool.run(testCase.text);
    for (const span of testCase.spans) {
      gold++;
      const value = testCase.text.slice(span.start, span.end);
      if ('redacted' in result) {
        if (!result.redacted.includes(value)) found++;
      } else if (result.some((r) => Math.min(r.end, span.end) - Math.max(r.start, span.start) >= (span.end - span.start) / 2)) {
        found++;
      }
    }
  }
  return { found, gold };
}

async function main(): Promise<void> {
  const prompts = makePrompts(quick ? 120 : 300);
  const { bytes, rows } = await sideBySide(prompts, quick ? 1 : 3);
  const baseline = rows[0]!;

  const sizes: Array<[string, number, number]> = [
    ['1 KB', 1024, quick ? 200 : 1000],
    ['64 KB', 64 * 1024, quick ? 10 : 40],
    ['1 MB', 1024 * 1024, quick ? 3 : 7],
    ['10 MB', 10 * 1024 * 1024, quick ? 1 : 3],
  ];
  const growth = scaling(sizes);
  const secretGrowth = scaling(sizes, (text) => secretScanner.scan(text));
  const at4k = p95At(4096, quick ? 100 : 300, quick ? 2 : 5);
  const secretAt4k = p95At(4096, quick ? 100 : 300, quick ? 2 : 5, (text) => secretScanner.scan(text));
  const sameBytes = wholeVersusPieces(10 * 1024 * 1024, 1024 * 1024, quick ? 1 : 3);
  const at1m = growth.find((row) => row.label === '1 MB')!;
  const secretAt1m = secretGrowth.find((row) => row.label === '1 MB')!;

  const secretsCorpus = loadCorpus('secrets.jsonl');
  const piiCorpus = loadCorpus('pii-structured.jsonl');
  const coverageRows: string[] = [];
  for (const tool of tools) {
    const secret = tool.covers === 'pii' ? null : await coverage(tool, secretsCorpus);
    const pii = tool.covers === 'secrets' ? null : await coverage(tool, piiCorpus);
    const cell = (c: { found: number; gold: number } | null) => (c ? `${c.found}/${c.gold} (${((100 * c.found) / c.gold).toFixed(1)} %)` : '—');
    coverageRows.push(`| ${tool.name} | ${cell(secret)} | ${cell(pii)} |`);
  }

  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const load = loadavg().map((value) => value.toFixed(1)).join(' / ');
  const lines = [
    `# Detection benchmark`,
    '',
    `${new Date().toISOString()} · Node ${process.version} · ${cpu} × ${cpus().length} · load avg ${load}${quick ? ' · --quick' : ''}`,
    '',
    `## Same ${prompts.length} prompts for every tool (${(bytes / 1024).toFixed(0)} KB total, prose + code + secrets + PII)`,
    '',
    '| Tool | Finds | Throughput (wall) | vs ChatWarden (all rules) | p50 per prompt | p95 per prompt | Throughput (CPU) | p95 CPU per prompt |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.tool.name} | ${row.tool.covers} | ${row.mbPerS.toFixed(2)} MB/s | ${(row.mbPerS / baseline.mbPerS).toFixed(2)}× | ${fmt(row.p50)} ms | ${fmt(row.p95)} ms | ${row.cpuMbPerS.toFixed(2)} MB/s | ${fmt(row.cpuP95)} ms |`,
    ),
    '',
    'secretlint is async (lintSource); its time includes the await. redact-pii returns only redacted text.',
    'CPU columns: process CPU time (user + system) per call, which a loaded machine does not inflate the way it inflates',
    'wall-clock time; compare tools within one column.',
    '',
    '### Each ChatWarden scanner against the peers of its category (same prompts, same run)',
    '',
    '| ChatWarden scanner | Peer | Speed-up (wall) | Speed-up (CPU) |',
    '|---|---|---:|---:|',
    ...rows
      .filter((row) => !row.tool.name.startsWith('ChatWarden'))
      .map((peer) => {
        const own = rows.find((row) => row.tool.name === (peer.tool.covers === 'secrets' ? 'ChatWarden (secret rules)' : 'ChatWarden (PII rules)'))!;
        return `| ${own.tool.name} | ${peer.tool.name} | ${(own.mbPerS / peer.mbPerS).toFixed(1)}× | ${(own.cpuMbPerS / peer.cpuMbPerS).toFixed(1)}× |`;
      }),
    '',
    '## ChatWarden alone: growth with input size (median per scan)',
    '',
    '| Input | Runs | All rules: median | All rules: throughput | All rules: CPU median | All rules: CPU throughput | Secret rules: median | Secret rules: throughput | Secret rules: CPU median | Secret rules: CPU throughput |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...growth.map(
      (row, i) =>
        `| ${row.label} | ${row.iterations} | ${fmt(row.median)} ms | ${row.mbPerS.toFixed(2)} MB/s | ${fmt(row.cpuMedian)} ms | ${row.cpuMbPerS.toFixed(2)} MB/s | ${fmt(secretGrowth[i]!.median)} ms | ${secretGrowth[i]!.mbPerS.toFixed(2)} MB/s | ${fmt(secretGrowth[i]!.cpuMedian)} ms | ${secretGrowth[i]!.cpuMbPerS.toFixed(2)} MB/s |`,
    ),
    '',
    `Same bytes, all rules: the 10 MB text in one scan ${fmt(sameBytes.whole)} ms, as ${sameBytes.count} scans of 1 MB ${fmt(sameBytes.pieces)} ms ` +
      `(ratio ${(sameBytes.whole / sameBytes.pieces).toFixed(2)}; 1.00 is linear). Rows above differ partly because bigger texts hold other prompts.`,
    '',
    '## Budgets',
    '',
    `| Check | Measured (wall) | Measured (CPU) | Target |`,
    '|---|---:|---:|---:|',
    `| 4 KB prompt, all rules, p95 over ${at4k.n} scans (wall p50 ${fmt(at4k.p50)} ms, p99 ${fmt(at4k.p99)} ms; CPU p50 ${fmt(at4k.cpuP50)} ms) | ${fmt(at4k.p95)} ms | ${fmt(at4k.cpuP95)} ms | < 1 ms |`,
    `| 4 KB prompt, secret rules only, p95 (wall p50 ${fmt(secretAt4k.p50)} ms, p99 ${fmt(secretAt4k.p99)} ms; CPU p50 ${fmt(secretAt4k.cpuP50)} ms) | ${fmt(secretAt4k.p95)} ms | ${fmt(secretAt4k.cpuP95)} ms | < 1 ms |`,
    `| 1 MB text, all rules, median | ${fmt(at1m.median)} ms | ${fmt(at1m.cpuMedian)} ms | < 100 ms |`,
    `| 1 MB text, secret rules only, median | ${fmt(secretAt1m.median)} ms | ${fmt(secretAt1m.cpuMedian)} ms | < 100 ms |`,
    '',
    '## Coverage of the labelled corpora (gold spans found)',
    '',
    '| Tool | secrets.jsonl | pii-structured.jsonl |',
    '|---|---:|---:|',
    ...coverageRows,
    '',
    'Coverage counts a gold span as found when a reported range overlaps at least half of it (redact-pii: when the value',
    'no longer appears in its output). Types are not compared. The corpora were written alongside ChatWarden\'s rules,',
    'so its coverage here is an upper bound, not a held-out score.',
    '',
  ];
  const markdown = lines.join('\n');
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results', 'latest.md'), markdown);
  console.log(markdown);
}

await main();
