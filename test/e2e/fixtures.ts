// Playwright fixtures: Debian Chromium with the built extension, on offline replicas of the three chat sites.
//
//   import { test, expect } from './fixtures';
//   test('...', async ({ sites, recorder }) => { await sites.chatgpt.goto(); ... });
//
// Each test gets a fresh browser and profile. test.use({ reuseBrowser: true }) shares one browser per worker instead
// (new tabs, empty recorder, but extension state carries over: faster, for tests that do not depend on it).
// test.use({ managedPolicy: {...} }) starts the browser under real Chromium managed policy (root only);
// launchExtension({ managedPolicy }) opens a second browser inside one test.

import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { ReplicaBackend } from '../replicas/backend/replica-backend';
import type { Recorder } from '../replicas/backend/recorder';
import type { ReplyQueue } from '../replicas/backend/reply-script';
import type { Sites } from './pages';
import { managedPolicyUnavailableReason, type ManagedPolicy } from './support/managed-policy';
import { openExtensionSession, type ExtensionSession, type SessionOptions } from './support/session';

export interface HarnessFixtures {
  /** Option: real managed policy for this test's browser (JSON for the extension, as an admin would set it). */
  managedPolicy: ManagedPolicy | undefined;
  /** Option: reuse one browser per worker (see above). Ignored when managedPolicy is set. */
  reuseBrowser: boolean;
  /** The test's browser session (context, recorder, replies, sites). */
  extensionSession: ExtensionSession;
  context: BrowserContext;
  /** A blank tab in the test's context (the site page objects open their own tabs). */
  page: Page;
  serviceWorker: Worker;
  extensionId: string;
  /** Every request the replica backends and other hosts received, with per-site decoding. */
  recorder: Recorder;
  /** Scripted replies per site (sites.<site>.scriptNextReply() is the shorthand). */
  replies: ReplyQueue;
  sites: Sites;
  /** Starts another browser (e.g. under a different managed policy); closed after the test. */
  launchExtension: (options?: SessionOptions) => Promise<ExtensionSession>;
}

export interface HarnessWorkerFixtures {
  replicaBackend: ReplicaBackend;
  /** Opens the worker's shared browser on first use (reuseBrowser). */
  sharedSession: { get(): Promise<ExtensionSession> };
}

export const test = base.extend<HarnessFixtures, HarnessWorkerFixtures>({
  replicaBackend: [
    async ({}, use) => {
      const backend = await ReplicaBackend.start();
      await use(backend);
      await backend.close();
    },
    { scope: 'worker' },
  ],
  sharedSession: [
    async ({ replicaBackend }, use) => {
      let shared: ExtensionSession | undefined;
      await use({
        async get() {
          if (!shared) {
            const opened = await openExtensionSession(replicaBackend);
            // A crashed or closed shared browser is replaced on the next test.
            opened.context.once('close', () => (shared = shared === opened ? undefined : shared));
            shared = opened;
          }
          return shared.recycle();
        },
      });
      await shared?.close();
    },
    { scope: 'worker' },
  ],
  managedPolicy: [undefined, { option: true }],
  reuseBrowser: [false, { option: true }],
  extensionSession: async ({ replicaBackend, sharedSession, managedPolicy, reuseBrowser }, use, testInfo) => {
    if (managedPolicy) {
      const unavailable = managedPolicyUnavailableReason();
      testInfo.skip(unavailable !== undefined, `managed policy: ${unavailable}`);
    }
    const reused = reuseBrowser && !managedPolicy;
    const session = reused ? await sharedSession.get() : await openExtensionSession(replicaBackend, managedPolicy ? { managedPolicy } : {});
    await use(session);
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('recorded-requests.txt', { body: session.recorder.describe(), contentType: 'text/plain' });
      for (const [index, page] of session.context.pages().entries()) {
        const screenshot = await page.screenshot().catch(() => undefined);
        if (screenshot) await testInfo.attach(`page-${index}.png`, { body: screenshot, contentType: 'image/png' });
      }
    }
    if (!reused) await session.close();
  },
  context: async ({ extensionSession }, use) => use(extensionSession.context),
  page: async ({ context }, use) => use(context.pages()[0] ?? (await context.newPage())),
  serviceWorker: async ({ extensionSession }, use) => use(extensionSession.serviceWorker),
  extensionId: async ({ extensionSession }, use) => use(extensionSession.extensionId),
  recorder: async ({ extensionSession }, use) => use(extensionSession.recorder),
  replies: async ({ extensionSession }, use) => use(extensionSession.replies),
  sites: async ({ extensionSession }, use) => use(extensionSession.sites),
  launchExtension: async ({ replicaBackend }, use) => {
    const opened: ExtensionSession[] = [];
    await use(async (options = {}) => {
      const session = await openExtensionSession(replicaBackend, options);
      opened.push(session);
      return session;
    });
    for (const session of opened.reverse()) await session.close();
  },
});

export { expect };
export { TEST_EXTENSION_ID } from './support/chromium';
export { installManagedPolicy, managedPolicyUnavailableReason, MANAGED_POLICY_FILE } from './support/managed-policy';
export { splitInside, splitIntoChunks, splitIntoWordChunks } from '../replicas/backend/reply-script';
export type { FileSpec } from './pages';
export type { RecordedRequest } from '../replicas/backend/types';
