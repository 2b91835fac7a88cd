// Makes sure Debian's Chromium is installed (e2e tests and the demo drive /usr/bin/chromium; Playwright's own
// browser download does not work offline). Installs it when running as root; otherwise says what to run.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CHROMIUM_PATH = process.env.CHATWARDEN_CHROMIUM ?? '/usr/bin/chromium';
const INSTALL_COMMAND = 'apt-get update && apt-get install -y chromium';

/** Returns the Chromium path, installing it first if possible; throws with the exact command otherwise. */
export function ensureChromium({ log = console.log } = {}) {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  if (process.env.CHATWARDEN_CHROMIUM) throw new Error(`CHATWARDEN_CHROMIUM points to ${CHROMIUM_PATH}, which does not exist`);
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    const command = hasApt ? `sudo sh -c '${INSTALL_COMMAND}'` : 'install Chromium and set CHATWARDEN_CHROMIUM=/path/to/chromium';
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}. Run:\n  ${command}`);
  }
  log(`Chromium not found at ${CHROMIUM_PATH}; installing it: ${INSTALL_COMMAND}`);
  execSync(INSTALL_COMMAND, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get finished but ${CHROMIUM_PATH} is still missing`);
  return CHROMIUM_PATH;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    ensureChromium();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
