// Issue 7.1, no egress: the extension makes no network request of its own. A monitor sees every request the browser
// makes (pages, extension pages, the service worker, content scripts) and calls egress anything that is not the
// replica pages' own traffic. Control tests first: the monitor must see a request the service worker, a content script
// and an extension page make, or its silence in the flow tests proves nothing.
// (The built manifest's permission/host allowlist is checked by scripts/check-manifest.mjs, not here.)

import type { BrowserContext, Request } from '@playwright/test';
import type { browser as ExtensionApi } from 'wxt/browser';
import { test, expect } from './fixtures';
import type { ChatSitePage } from './pages';
import type { Recorder } from '../replicas/backend/recorder';
import { SITE_HOSTS } from '../replicas/backend/types';
import { evaluateInExtensionWorld } from '../replicas/hostile/isolated-world';

declare const chrome: typeof ExtensionApi;

const SITES = ['chatgpt', 'claude', 'gemini'] as const;
const REPLICA_HOSTS = new Set(Object.values(SITE_HOSTS));
const EMAIL = 'alice.smith@acme-corp.com';
const PHONE = '+1 415 555 0132';
const GITHUB_TOKEN = 'ghp_R2d9Kx7LmQ4vTz8NwP3sYb6JcHf1GaE0UoIi';

interface SeenRequest {
  url: string;
  /** Who made it, as far as the browser tells: the extension's service worker, an extension page, or a web page. */
  origin: 'service-worker' | 'extension-page' | 'web-page' | 'unknown';
  resourceType: string;
  failure?: string;
}

/** Watches every request and WebSocket of a browser context from the moment it is attached. */
class EgressMonitor {
  readonly seen: SeenRequest[] = [];
  private readonly byRequest = new Map<Request, SeenRequest>();

  constructor(context: BrowserContext, private readonly recorder: Recorder) {
    context.on('request', (request) => {
      const entry: SeenRequest = { url: request.url(), origin: originOf(request), resourceType: request.resourceType() };
      this.byRequest.set(request, entry);
      this.seen.push(entry);
    });
    context.on('requestfailed', (request) => {
      const entry = this.byRequest.get(request);
      if (entry) entry.failure = request.failure()?.errorText ?? 'failed';
    });
    const watchSockets = (page: import('@playwright/test').Page) =>
      page.on('websocket', (socket) => this.seen.push({ url: socket.url(), origin: 'web-page', resourceType: 'websocket' }));
    context.pages().forEach(watchSockets);
    context.on('page', watchSockets);
  }

  /**
   * Egress: any http(s)/ws(s) request made by the service worker or an extension page; any request to a host other than
   * the replicas; any request to a replica that the replica pages never make (recorder kinds page-other/api-other, e.g.
   * a content script fetching from the site's origin).
   */
  egress(): string[] {
    const found: string[] = [];
    for (const entry of this.seen) {
      const url = new URL(entry.url);
      if (!/^(https?|wss?):$/.test(url.protocol)) continue; // chrome-extension:, data:, blob: never touch the network
      const why =
        entry.origin === 'service-worker' ? 'made by the service worker'
        : entry.origin === 'extension-page' ? 'made by an extension page'
        : !REPLICA_HOSTS.has(url.hostname) ? 'to a host other than the chat sites'
        : entry.resourceType === 'websocket' ? 'a WebSocket (the replicas open none)'
        : undefined;
      if (why) found.push(`${entry.url} (${why}${entry.failure ? `, ${entry.failure}` : ''})`);
    }
    for (const request of this.recorder.all()) {
      if (request.kind === 'page-other' || request.kind === 'api-other') found.push(`${request.method} ${request.url} (not a request the replica page makes: ${request.kind})`);
    }
    return found;
  }
}

function originOf(request: Request): SeenRequest['origin'] {
  if (request.serviceWorker()) return 'service-worker';
  try {
    return request.frame().url().startsWith('chrome-extension://') ? 'extension-page' : 'web-page';
  } catch {
    return 'unknown';
  }
}

async function guardUp(site: ChatSitePage): Promise<void> {
  await expect(site.page.locator('html')).toHaveAttribute('data-chatwarden-status', 'protected', { timeout: 15_000 });
}

test.describe('egress monitor controls (a monitor that cannot fail proves nothing)', () => {
  test('a fetch by the extension service worker is seen as egress', async ({ context, recorder, serviceWorker }) => {
    const monitor = new EgressMonitor(context, recorder);
    await serviceWorker.evaluate(() => fetch('https://egress-canary.example/').then(() => undefined, () => undefined));
    await expect.poll(() => monitor.egress().join('\n')).toContain('https://egress-canary.example/ (made by the service worker');
    expect(recorder.external().map((request) => request.initiator)).toEqual(['service-worker']);
  });

  test("a fetch from the content scripts' isolated world is seen as egress, to the site's origin or elsewhere", async ({ context, recorder, sites, extensionId }) => {
    const monitor = new EgressMonitor(context, recorder);
    const site = sites.chatgpt;
    await site.goto();
    await guardUp(site);
    expect(monitor.egress()).toEqual([]);
    await evaluateInExtensionWorld(context, site.page, extensionId, `Promise.all([
      fetch('https://chatgpt.com/egress-canary').catch(() => undefined),
      fetch('https://egress-canary.example/from-content-script').catch(() => undefined),
    ]).then(() => true)`);
    await expect.poll(() => monitor.egress().join('\n')).toContain('https://egress-canary.example/from-content-script (to a host other than the chat sites');
    expect(monitor.egress().join('\n')).toContain('https://chatgpt.com/egress-canary (not a request the replica page makes');
  });

  test('a fetch by an extension page is seen as egress', async ({ context, recorder, extensionId }) => {
    const monitor = new EgressMonitor(context, recorder);
    const extensionPage = await context.newPage();
    // Any extension-origin document has the extension's powers; the manifest's schema file is always there.
    await extensionPage.goto(`chrome-extension://${extensionId}/managed_schema.json`);
    await extensionPage.evaluate(() => fetch('https://chatgpt.com/egress-canary-from-extension-page').then(() => undefined, () => undefined));
    await expect.poll(() => monitor.egress().join('\n')).toContain('egress-canary-from-extension-page (made by an extension page');
  });
});

test.describe('no egress', () => {
  for (const siteId of SITES) {
    test(`${siteId}: typed send, review, paste, upload and a restored reply make no request of the extension's own`, async ({ context, recorder, sites }) => {
      test.setTimeout(90_000);
      const monitor = new EgressMonitor(context, recorder);
      const site = sites[siteId];
      await site.goto();
      await guardUp(site);

      await site.sendMessage(`Mail ${EMAIL} or call ${PHONE}`);
      await site.waitForReply(); // the echo carries the placeholders back: restore runs on it

      await site.pasteText(`pasted ${EMAIL} again`);
      await site.send();
      await site.waitForReply();

      await site.uploadFiles([{ name: 'contacts.txt', content: `cc ${EMAIL}\n` }]);
      await site.page.waitForTimeout(300);
      site.scriptNextReply(`Noted [EMAIL_1] and [PHONE_1].`);
      await site.sendMessage('see the file');
      await site.waitForReply();

      await site.sendMessage(`token ${GITHUB_TOKEN}`);
      const dialog = site.page.locator('chatwarden-ui').getByRole('dialog');
      await dialog.getByRole('button', { name: /^Send/ }).click();
      await site.waitForReply();
      await expect(site.assistantMessages().nth(2).locator('chatwarden-value')).not.toHaveCount(0);

      expect(monitor.egress()).toEqual([]);
      expect(recorder.external()).toEqual([]);
      recorder.assertNoneContain([EMAIL, PHONE, GITHUB_TOKEN]);
    });
  }

  test('extension pages (popup, options) and a policy change make no request', async ({ context, recorder, sites, serviceWorker, extensionId }) => {
    test.setTimeout(90_000);
    const monitor = new EgressMonitor(context, recorder);
    const site = sites.chatgpt;
    await site.goto();
    await guardUp(site);

    const manifest = await serviceWorker.evaluate(() => chrome.runtime.getManifest() as { action?: { default_popup?: string }; options_ui?: { page?: string }; options_page?: string });
    const uiPages = [manifest.action?.default_popup, manifest.options_ui?.page ?? manifest.options_page].filter((path): path is string => Boolean(path));
    if (uiPages.length < 2) test.info().annotations.push({ type: 'note', description: `built manifest declares ${uiPages.length} of popup/options: only those are opened` });
    for (const path of uiPages) {
      const uiPage = await context.newPage();
      await uiPage.goto(`chrome-extension://${extensionId}/${path}`);
      await uiPage.waitForLoadState('load');
      await uiPage.waitForTimeout(1500); // let the view load its data from the background
      await uiPage.close();
    }

    // A policy change as the options page makes it (ui-app:set-user-settings from an extension page), then a send.
    expect(await setUserSettings(context, extensionId, { actions: { pii: 'warn' } })).toMatchObject({ ok: true });
    await site.sendMessage(`after the change ${EMAIL}`);
    await site.waitForReply();

    expect(monitor.egress()).toEqual([]);
    expect(recorder.external()).toEqual([]);
  });

  // Found while writing this spec: guard-handlers.ts once built its own PolicyService, so such changes never arrived.
  test('a policy change made from an extension page reaches the open guarded tab', async ({ context, sites, extensionId }) => {
    const site = sites.chatgpt;
    await site.goto();
    await guardUp(site);
    expect(await setUserSettings(context, extensionId, { actions: { pii: 'warn' } })).toMatchObject({ ok: true });
    await site.page.waitForTimeout(1000);
    await site.sendMessage(`warn only ${EMAIL}`);
    await expect(site.page.locator('chatwarden-ui [data-chatwarden-notice]').filter({ hasText: 'Sent as typed' })).toBeVisible();
  });
});

/** What the options page does to change a user setting: a ui-app message from an extension-origin document. */
async function setUserSettings(context: BrowserContext, extensionId: string, partial: unknown): Promise<unknown> {
  const extensionPage = await context.newPage();
  try {
    await extensionPage.goto(`chrome-extension://${extensionId}/managed_schema.json`);
    return await extensionPage.evaluate((settings) => chrome.runtime.sendMessage({ type: 'ui-app:set-user-settings', payload: { partial: settings } }), partial);
  } finally {
    await extensionPage.close();
  }
}
