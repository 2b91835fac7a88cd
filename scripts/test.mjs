#!/usr/bin/env node
// `npm test`: everything CI runs, in order, on a fresh machine of this kind.
//  1. Chromium from Debian (installed if missing and we are root; otherwise the exact command is printed)
//  2. unit tests (Vitest)          3. Chrome and Firefox builds + manifest/egress allowlist check
//  4. browser tests (Playwright against the offline replicas, on the test build with its pinned id)
// It ends with each runner's own summary and a combined "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync, rmSync } from 'node:fs';

const results = [];
function step(name, cmd, args, env = {}) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  results.push({ name, ok });
  return ok;
}

function counts(file, pick) {
  try {
    return pick(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

step('chromium', 'node', ['scripts/ensure-chromium.mjs']);
rmSync('.test-reports/vitest.json', { force: true });
rmSync('.test-reports/playwright.json', { force: true });
rmSync('.test-reports/playwright-policy.json', { force: true });
step('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']);
step('unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=.test-reports/vitest.json']);
step('build firefox', 'npx', ['wxt', 'build', '-b', 'firefox', '--mv3']);
step('build chrome (test key)', 'npx', ['wxt', 'build'], { CHATWARDEN_TEST_KEY: '1' });
step('manifest allowlist', 'node', ['scripts/check-manifest.mjs', '.output/chrome-mv3', '.output/firefox-mv3']);
// Each browser test starts its own Chromium, so two run side by side, except those under real managed policy: that
// file applies to every Chromium with the test build's id, so they run alone, one at a time.
step('browser', 'npx', ['playwright', 'test', '--reporter=list,json', '--grep-invert', '@managed-policy', '--workers=2'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: '.test-reports/playwright.json',
});
step('browser (managed policy)', 'npx', ['playwright', 'test', '--reporter=list,json', '--grep', '@managed-policy', '--workers=1'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: '.test-reports/playwright-policy.json',
});

const unit = counts('.test-reports/vitest.json', (j) => ({ passed: j.numPassedTests, failed: j.numFailedTests }));
const playwrightCounts = (j) => ({ passed: j.stats.expected + (j.stats.flaky ?? 0), failed: j.stats.unexpected });
const e2eParts = ['.test-reports/playwright.json', '.test-reports/playwright-policy.json'].map((file) => counts(file, playwrightCounts));
const e2e = e2eParts.every((part) => part === null)
  ? null
  : e2eParts.reduce((sum, part) => ({ passed: sum.passed + (part?.passed ?? 0), failed: sum.failed + (part?.failed ?? 0) }), { passed: 0, failed: 0 });
const failedSteps = results.filter((r) => !r.ok);
console.log('\n=== summary');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}`);
const passed = (unit?.passed ?? 0) + (e2e?.passed ?? 0);
const failed = (unit?.failed ?? 0) + (e2e?.failed ?? 0) + failedSteps.filter((r) => !['unit', 'browser', 'browser (managed policy)'].includes(r.name)).length;
console.log(`unit: ${unit ? `${unit.passed} passed, ${unit.failed} failed` : 'no report'}`);
console.log(`browser: ${e2e ? `${e2e.passed} passed, ${e2e.failed} failed` : 'no report'}`);
console.log(`total: ${passed} passed, ${failedSteps.length && !failed ? failedSteps.length : failed} failed`);
process.exit(failedSteps.length ? 1 : 0);
