// Launches Debian's Chromium with the built extension in a fresh persistent profile (extensions need one).

import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const CHROMIUM_PATH = process.env.CHATWARDEN_CHROMIUM ?? '/usr/bin/chromium';
/** The production build (npm run build:test); dev builds go to chrome-mv3-dev and are not used here. */
export const BUILT_EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output/chrome-mv3');
/**
 * What the browsers load: the snapshot global-setup copied (so a rebuild by someone else mid-run cannot pull the
 * files away), else the build itself (the demo).
 */
export const EXTENSION_DIR = process.env.CHATWARDEN_E2E_EXTENSION_DIR ?? BUILT_EXTENSION_DIR;
/** Pinned by the manifest key of the test build (CHATWARDEN_TEST_KEY=1), so managed policy can target it. */
export const TEST_EXTENSION_ID = 'fhpmldgfnnnhodpdkcolnecejbdbhfno';

/** Flags that work on this machine kind (root, no GPU, no network). */
export const BASE_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Throws with the command to run when the extension build is missing. */
export function assertExtensionBuilt(extensionDir = EXTENSION_DIR): { hasTestKey: boolean } {
  const manifestPath = join(extensionDir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`no extension build at ${extensionDir}: run \`npm run build:test\``);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { key?: string };
  return { hasTestKey: typeof manifest.key === 'string' };
}

export interface LaunchOptions {
  extensionDir?: string;
  /** Default: headless unless HEADED=1. */
  headless?: boolean;
  extraArgs?: string[];
}

export interface LaunchedContext {
  context: BrowserContext;
  userDataDir: string;
  /** Closes the browser and deletes the temporary profile. */
  close(): Promise<void>;
}

export async function launchExtensionContext(options: LaunchOptions = {}): Promise<LaunchedContext> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  assertExtensionBuilt(extensionDir);
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} not found: run \`node scripts/ensure-chromium.mjs\``);
  const userDataDir = mkdtempSync(join(tmpdir(), 'chatwarden-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? process.env.HEADED !== '1',
    ignoreHTTPSErrors: true, // the local stream server's self-signed certificate
    viewport: { width: 1100, height: 800 },
    args: [
      ...BASE_CHROMIUM_ARGS,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(options.extraArgs ?? []),
    ],
  });
  return {
    context,
    userDataDir,
    async close() {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The extension's service worker (MV3 background), waiting for it to start if needed. */
export async function extensionServiceWorker(context: BrowserContext, timeout = 10_000): Promise<Worker> {
  const isExtensionWorker = (worker: Worker) => worker.url().startsWith('chrome-extension://');
  const running = context.serviceWorkers().find(isExtensionWorker);
  if (running) return running;
  return context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout });
}

export function extensionIdOf(worker: Worker): string {
  return new URL(worker.url()).host;
}
