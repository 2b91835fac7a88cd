// Real Chromium managed policy for the extension: a JSON file in Chromium's policy folder, read at browser start
// and delivered to chrome.storage.managed. Root only. The file affects every Chromium started while it exists, so a
// lock serialises policy tests across processes; launch a NEW context after installing.

import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_EXTENSION_ID } from './chromium';

export const MANAGED_POLICY_DIR = '/etc/chromium/policies/managed';
export const MANAGED_POLICY_FILE = join(MANAGED_POLICY_DIR, 'chatwarden-test.json');
const LOCK_DIR = '/tmp/chatwarden-managed-policy.lock';
const STALE_LOCK_MS = 10 * 60_000;

export type ManagedPolicy = Record<string, unknown>;

export interface InstalledPolicy {
  file: string;
  /** Deletes the policy file and releases the lock. Safe to call twice. */
  remove(): Promise<void>;
}

/** Why managed policy cannot be installed here, or undefined when it can. */
export function managedPolicyUnavailableReason(): string | undefined {
  if (process.platform !== 'linux') return 'managed policy files are only wired up for Linux Chromium';
  if (process.getuid?.() !== 0) return `writing ${MANAGED_POLICY_DIR} needs root`;
  return undefined;
}

/** The file content Chromium expects: {"3rdparty":{"extensions":{"<id>": policy}}}. */
export function managedPolicyDocument(policy: ManagedPolicy, extensionId = TEST_EXTENSION_ID): string {
  return `${JSON.stringify({ '3rdparty': { extensions: { [extensionId]: policy } } }, null, 2)}\n`;
}

async function acquireLock(timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      return;
    } catch {
      if (existsSync(LOCK_DIR) && Date.now() - statSync(LOCK_DIR).mtimeMs > STALE_LOCK_MS) rmSync(LOCK_DIR, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`managed policy lock ${LOCK_DIR} held for over ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

export async function installManagedPolicy(policy: ManagedPolicy, extensionId = TEST_EXTENSION_ID): Promise<InstalledPolicy> {
  const unavailable = managedPolicyUnavailableReason();
  if (unavailable) throw new Error(`cannot install managed policy: ${unavailable}`);
  await acquireLock();
  let removed = false;
  const remove = async () => {
    if (removed) return;
    removed = true;
    rmSync(MANAGED_POLICY_FILE, { force: true });
    rmSync(LOCK_DIR, { recursive: true, force: true });
  };
  try {
    mkdirSync(MANAGED_POLICY_DIR, { recursive: true });
    writeFileSync(MANAGED_POLICY_FILE, managedPolicyDocument(policy, extensionId));
  } catch (error) {
    await remove();
    throw error;
  }
  return { file: MANAGED_POLICY_FILE, remove };
}
