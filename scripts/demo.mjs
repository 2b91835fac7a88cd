// `npm run demo`: builds ChatWarden and the offline replicas, then shows the extension at work on ChatGPT, Claude and
// Gemini replicas in Chromium, with no account and no network. No display ($DISPLAY unset): runs headless and
// writes a screenshot per step to demo-screenshots/.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './ensure-chromium.mjs';
import { buildReplicas } from './build-replicas.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function run(command, args, what) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\ndemo: ${what} failed. Fix the error above, or run it yourself: ${command} ${args.join(' ')}`);
    process.exit(result.status ?? 1);
  }
}

try {
  ensureChromium();
} catch (error) {
  console.error(`demo: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
console.log('demo: building the extension (npx wxt build) …');
run('npx', ['wxt', 'build'], 'building the extension');
await buildReplicas();
run(process.execPath, ['--import', 'tsx', 'test/e2e/support/demo-runner.ts'], 'the demo');
