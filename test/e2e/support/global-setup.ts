// Before any e2e test: Chromium present, extension built, replicas bundled (fast, so always rebuilt). The build is
// snapshotted for the run, because other work in the same tree may rebuild .output/chrome-mv3 meanwhile.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { assertExtensionBuilt, BUILT_EXTENSION_DIR } from './chromium';

export default function globalSetup(): () => void {
  const root = resolve(import.meta.dirname, '../../..');
  execFileSync(process.execPath, ['scripts/ensure-chromium.mjs'], { cwd: root, stdio: 'inherit' });
  assertExtensionBuilt(BUILT_EXTENSION_DIR);
  execFileSync(process.execPath, ['scripts/build-replicas.mjs'], { cwd: root, stdio: 'inherit' });

  const snapshot = join(mkdtempSync(join(tmpdir(), 'chatwarden-e2e-')), 'chrome-mv3');
  for (let attempt = 1; ; attempt += 1) {
    try {
      rmSync(snapshot, { recursive: true, force: true });
      cpSync(BUILT_EXTENSION_DIR, snapshot, { recursive: true });
      const { hasTestKey } = assertExtensionBuilt(snapshot); // a copy that raced with a rebuild has no manifest
      if (!hasTestKey) pinTestExtensionId(snapshot, root);
      break;
    } catch (error) {
      if (attempt === 10) throw error;
      execFileSync('sleep', ['1']);
    }
  }
  process.env.CHATWARDEN_E2E_EXTENSION_DIR = snapshot;
  return () => rmSync(resolve(snapshot, '..'), { recursive: true, force: true });
}

/**
 * A production build differs from the test build only by the manifest key that pins the extension id. Someone may
 * have run `npm run build` since `npm run build:test`, so the snapshot gets the key rather than failing.
 */
function pinTestExtensionId(extensionDir: string, root: string): void {
  const manifestPath = join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  manifest.key = readFileSync(join(root, 'test/fixtures/extension-public-key.txt'), 'utf8').trim();
  writeFileSync(manifestPath, JSON.stringify(manifest));
  console.log('e2e: .output/chrome-mv3 is a production build; the test run adds the test key (pinned extension id)');
}
