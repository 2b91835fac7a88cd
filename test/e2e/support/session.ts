// One browser with the extension loaded on the replicas: used by the Playwright fixtures and by the demo.

import type { BrowserContext, Worker } from '@playwright/test';
import type { ReplicaBackend, ReplicaSession } from '../../replicas/backend/replica-backend';
import type { Recorder } from '../../replicas/backend/recorder';
import type { ReplyQueue } from '../../replicas/backend/reply-script';
import { createSites, type Sites } from '../pages';
import { extensionIdOf, extensionServiceWorker, launchExtensionContext, type LaunchOptions } from './chromium';
import { installManagedPolicy, type InstalledPolicy, type ManagedPolicy } from './managed-policy';

export interface ExtensionSession {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  recorder: Recorder;
  replies: ReplyQueue;
  sites: Sites;
  /** The routes' recorder and reply queue (what the page objects use). */
  replicaSession: ReplicaSession;
  /**
   * Readies a reused browser for the next test: one blank tab, empty recorder and reply queue, new page objects.
   * Extension state (storage, IndexedDB) is kept: tests that need a clean extension use a fresh session.
   */
  recycle(): Promise<ExtensionSession>;
  /** Closes the browser, deletes its profile and removes the managed policy it was started with. */
  close(): Promise<void>;
}

export interface SessionOptions extends LaunchOptions {
  /** Installed as real Chromium managed policy before the browser starts (root only), removed on close. */
  managedPolicy?: ManagedPolicy;
}

export async function openExtensionSession(backend: ReplicaBackend, options: SessionOptions = {}): Promise<ExtensionSession> {
  let policy: InstalledPolicy | undefined;
  if (options.managedPolicy) policy = await installManagedPolicy(options.managedPolicy);
  try {
    const launched = await launchExtensionContext({ ...options, extraArgs: [...backend.chromiumArgs(), ...(options.extraArgs ?? [])] });
    try {
      const replicaSession = await backend.attach(launched.context);
      const serviceWorker = await extensionServiceWorker(launched.context);
      const session: ExtensionSession = {
        context: launched.context,
        serviceWorker,
        extensionId: extensionIdOf(serviceWorker),
        recorder: replicaSession.recorder,
        replies: replicaSession.replies,
        sites: createSites(launched.context, replicaSession),
        replicaSession,
        async recycle() {
          const blank = await launched.context.newPage();
          for (const page of launched.context.pages()) if (page !== blank) await page.close();
          replicaSession.recorder.clear();
          replicaSession.replies.clear();
          session.sites = createSites(launched.context, replicaSession);
          return session;
        },
        async close() {
          await launched.close();
          await policy?.remove();
        },
      };
      return session;
    } catch (error) {
      await launched.close();
      throw error;
    }
  } catch (error) {
    await policy?.remove();
    throw error;
  }
}
