#!/usr/bin/env node
// Entry point for `npx chatwarden`: runs the bundled CLI (dist/cli.mjs, built from lib/cli by scripts/build-cli.mjs).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write(
    'chatwarden: the CLI is not built yet (dist/cli.mjs is missing).\n' +
      'Build it with `node scripts/build-cli.mjs` (npm install runs it as postinstall).\n',
  );
  process.exit(2);
}
const { main } = await import(bundle.href);
process.exitCode = await main(process.argv.slice(2));
