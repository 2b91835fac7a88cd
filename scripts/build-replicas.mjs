// Bundles the offline chat-site replicas (test/replicas/<site>/app.ts) into test/replicas/dist/ (gitignored) for the
// Playwright routes and the demo. Fast (esbuild), so tests and the demo run it every time.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const replicas = join(root, 'test/replicas');
const outdir = join(replicas, 'dist');
export const REPLICA_SITES = ['chatgpt', 'claude', 'gemini'];

export async function buildReplicas() {
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: Object.fromEntries(REPLICA_SITES.map((site) => [site, join(replicas, site, 'app.ts')])),
    outdir,
    bundle: true,
    format: 'esm',
    target: 'chrome120',
    minify: true, // less to parse on every page load in the tests
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  for (const site of REPLICA_SITES) copyFileSync(join(replicas, site, 'index.html'), join(outdir, `${site}.html`));
  copyFileSync(join(replicas, 'shared/base.css'), join(outdir, 'base.css'));
  return outdir;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  await buildReplicas();
  console.log(`build-replicas: ${REPLICA_SITES.join(', ')} → test/replicas/dist (${Date.now() - started} ms)`);
}
