// Bundles the Node CLI (lib/cli) into dist/cli.mjs so `npx chatwarden` runs without a TypeScript loader.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

if (!existsSync('lib/cli/main.ts')) {
  console.log('build-cli: lib/cli/main.ts not present yet, skipping');
  process.exit(0);
}
await build({
  entryPoints: ['lib/cli/main.ts'],
  outfile: 'dist/cli.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});
