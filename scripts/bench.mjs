#!/usr/bin/env node
// `npm run bench [-- --quick]`: the side-by-side detection benchmark (bench/detection.bench.ts) via tsx.
import { spawnSync } from 'node:child_process';

const result = spawnSync('npx', ['tsx', 'bench/detection.bench.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
