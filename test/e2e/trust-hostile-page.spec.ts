// Issue 7.4, hostile page: the chat page's own scripts try to read restored originals, the vault or the engine's
// state, spoof the bridge between worlds, remove the guard's elements and resubmit text by their own path. The hostile
// scripts live in test/replicas/hostile/page-attacks.ts and run either as an init script (earlier than any real page
// script can: before the extension's document_start scripts) or as an ordinary page script after load.
// Known limit, documented in docs/security.md and not tested as passing: text the site reads from the composer before
// the send (keystrokes) can leave by any channel the network guard does not wrap (WebSocket, workers, forms, API paths
// it does not know).

import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { ChatSitePage } from './pages';
import type { Recorder } from '../replicas/backend/recorder';
import { serveHostileReplica } from '../replicas/hostile/hostile-replica';
import { installEarlyHostilePage, readEverythingAfterLoad, readThroughFindAndSelection, type PageReadings } from '../replicas/hostile/page-attacks';

const EMAIL = 'alice.smith@acme-corp.com';
const PHONE = '+1 415 555 0132';
const GITHUB_TOKEN = 'ghp_R2d9Kx7LmQ4vTz8NwP3sYb6JcHf1GaE0UoIi';
const ORIGINALS = [EMAIL, PHONE, 'alice.smith', 'acme-corp.com', '555 0132'];

async function guardUp(site: ChatSitePage): Promise<void> {
  await expect(site.page.locator('html')).toHaveAttribute('data-chatwarden-status', 'protected', { timeout: 15_000 });
}

/** The conversation's vault gets [EMAIL_1] and [PHONE_1]; the echoed reply and a scripted one show them restored. */
async function seedRestoredReply(site: ChatSitePage): Promise<void> {
  await site.goto();
  await guardUp(site);
  await site.sendMessage(`Mail ${EMAIL} or call ${PHONE}`);
  await site.waitForReply();
  site.scriptNextReply('I will write to [EMAIL_1] and call \\[PHONE\\_1\\] tomorrow.');
  await site.sendMessage('thanks');
  await site.waitForReply();
  await expect(site.assistantMessages().last().locator('chatwarden-value')).toHaveCount(2);
}

function expectNoOriginal(readings: PageReadings | string): void {
  const text = typeof readings === 'string' ? readings : Object.entries(readings).map(([key, value]) => `${key}: ${value}`).join('\n');
  for (const original of ORIGINALS) expect(text, `page script read "${original}"`).not.toContain(original);
}

/** A page-script fetch to ChatGPT's send endpoint carrying `text` as the message (the site's own request shape). */
async function pageScriptSend(page: Page, text: string): Promise<void> {
  await page.evaluate(async (message) => {
    const body = JSON.stringify({ action: 'next', messages: [{ id: 'hostile-1', author: { role: 'user' }, content: { content_type: 'text', parts: [message] } }], model: 'auto' });
    await fetch('/backend-api/f/conversation', { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then((response) => response.text(), () => '');
  }, text);
}

function sentConversationTexts(recorder: Recorder): string {
  return recorder.all({ site: 'chatgpt', kind: 'conversation' }).flatMap((request) => recorder.decodedText(request)).join('\n');
}

test.describe('hostile page: reading restored originals', () => {
  for (const siteId of ['chatgpt', 'claude', 'gemini'] as const) {
    test(`${siteId}: a page script after load reads no original (innerText, textContent, outerHTML, shadowRoot, ranges, selection, caret hit-test, storage, globals)`, async ({ sites, recorder }) => {
      const site = sites[siteId];
      await seedRestoredReply(site);
      const readings = await site.page.evaluate(readEverythingAfterLoad);
      expectNoOriginal(readings);
      expect(readings.shadowRoots.split('|').every((state) => state === 'closed')).toBe(true);
      expect(readings.bridgeHolderInPageWorld).toBe('none');
      expect(readings.textContent).toContain('[EMAIL_1]'); // the page keeps reading the placeholders it rendered
      expect(await site.page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name))).not.toContainEqual(expect.stringMatching(/chatwarden|vault/i));
      recorder.assertNoneContain([EMAIL, PHONE]);
    });
  }

  // Chromium's window.find() matches text inside closed shadow roots and Selection.modify() extends a selection there;
  // a page that found "@" read the whole e-mail this way until value-element.ts moved originals into generated content.
  test('window.find and Selection.modify cannot read a restored original out of its closed shadow root', async ({ sites }) => {
    const site = sites.chatgpt;
    await seedRestoredReply(site);
    // A control: on the page's own text the same technique reads the words around the "@" (so the attack did run).
    await site.page.evaluate(() => document.body.insertAdjacentHTML('afterbegin', '<p>control words @ around anchor</p>'));
    const read = await site.page.evaluate(readThroughFindAndSelection, '@');
    expect(read).toContain('control words');
    expect(read).toContain('@ around anchor');
    expectNoOriginal(read);
  });

  for (const when of ['first inline script of the page', 'init script, before the extension'] as const) {
    test(`a hostile ${when} (patched attachShadow, window and port message spies) sees no original`, async ({ context, sites, recorder }) => {
      if (when === 'init script, before the extension') await context.addInitScript(installEarlyHostilePage);
      else await serveHostileReplica(context, 'chatgpt', installEarlyHostilePage);
      const site = sites.chatgpt;
      await seedRestoredReply(site);
      await site.page.waitForTimeout(300); // the hostile interval samples the captured shadow roots
      const log = await site.page.evaluate(() => window.__hostile!);
      expect(log.messages.length).toBeGreaterThan(0); // the spy was live
      // Scrub requests carry the page's own outgoing text (what it already had); everything else must hold no original.
      const foreign = log.messages.filter((message) => !/^\{"type":"scrub(bed)?"/.test(message));
      expectNoOriginal(JSON.stringify({ ...log, messages: foreign }));
      const readings = await site.page.evaluate(readEverythingAfterLoad);
      expectNoOriginal(readings);
      if (when === 'first inline script of the page') {
        recorder.assertNoneContain([EMAIL, PHONE]);
      } else {
        // Code that runs before the extension can answer the network guard's scrub requests itself (docs/security.md,
        // "Limits"): its drafts may leave raw. The send itself is rewritten in the isolated world, which it cannot reach.
        const sends = recorder.all({ site: 'chatgpt', kind: 'conversation' });
        expect(sends.length).toBeGreaterThan(0);
        for (const request of sends) expect(recorder.decodedText(request).join('\n')).not.toContain(EMAIL);
      }
    });
  }
});

test.describe('hostile page: spoofing the guard', () => {
  test("bridge-shaped messages on window, fake events and the site's own send paths driven by script are still guarded", async ({ sites, recorder }) => {
    const site = sites.chatgpt;
    await site.goto();
    await guardUp(site);
    // Messages shaped like the bridge's and the background's, posted where a page can post them.
    await site.page.evaluate(() => {
      const channel = new MessageChannel();
      window.postMessage({ type: 'config', active: false, failMode: 'open' }, '*');
      window.postMessage({ type: 'scrubbed', id: 1, strings: ['x'] }, '*');
      window.postMessage({ type: 'bg-cs:paused-changed', payload: { paused: true } }, '*');
      window.postMessage({ type: 'bg-cs:policy-changed', payload: { policy: { enabled: false } } }, '*');
      window.postMessage({ type: 'chatwarden:network-bridge' }, '/', [channel.port2]);
      channel.port1.postMessage({ type: 'config', active: false, failMode: 'open' });
      window.dispatchEvent(new CustomEvent('wxt:locationchange', { detail: { newUrl: 'https://chatgpt.com/elsewhere' } }));
    });
    await site.page.waitForTimeout(300);
    await expect(site.page.locator('html')).toHaveAttribute('data-chatwarden-status', 'protected');

    // The page script sends the raw value through the site's API itself: the network guard scrubs it.
    await pageScriptSend(site.page, `script says ${EMAIL}`);
    expect(sentConversationTexts(recorder)).toContain('script says [EMAIL_1]');

    // The page script presses Enter (untrusted event) and clicks send itself: the DOM guard still redacts.
    await site.typeMessage(`synthetic enter ${EMAIL}`);
    await site.editor().evaluate((editor) => editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true, cancelable: true })));
    await expect.poll(() => sentConversationTexts(recorder)).toContain('synthetic enter [EMAIL_1]');
    await site.waitForReply();
    await site.typeMessage(`scripted click ${PHONE}`);
    await site.page.evaluate((selector) => (document.querySelector(selector) as HTMLElement).click(), site.selectors.sendButton);
    await expect.poll(() => sentConversationTexts(recorder)).toContain('scripted click [PHONE_1]');
    recorder.assertNoneContain([EMAIL, PHONE]);
  });

  // The first inline script is as early as a web page's code can run: the isolated world already holds the bridge port.
  // (An init script, which runs before the extension, can take the port and answer scrub requests itself: a limit
  // documented in docs/security.md, reachable only by code injected before document_start, not by a web page.)
  test("the page's first inline script cannot take the bridge port or answer scrub requests in the guard's place", async ({ context, sites, recorder }) => {
    await serveHostileReplica(context, 'chatgpt', installEarlyHostilePage);
    const site = sites.chatgpt;
    await site.goto();
    await guardUp(site);
    await pageScriptSend(site.page, `early script says ${EMAIL}`);
    const log = await site.page.evaluate(() => window.__hostile!);
    expect(log).toMatchObject({ portsGrabbed: 0, spoofedReplies: 0 });
    expect(sentConversationTexts(recorder)).toContain('early script says [EMAIL_1]');
    recorder.assertNoneContain([EMAIL]);
  });

  test('removing the review dialog while it is open sends nothing unguarded and keeps the text', async ({ sites, recorder }) => {
    const site = sites.chatgpt;
    await site.goto();
    await guardUp(site);
    const typed = `token ${GITHUB_TOKEN}`;
    await site.typeMessage(typed);
    await site.send();
    await expect(site.page.locator('chatwarden-ui').getByRole('dialog')).toBeVisible();
    await site.page.evaluate(() => document.querySelector('chatwarden-ui')?.remove());
    await site.send(); // the page (or the user) tries again with the dialog gone
    await site.page.waitForTimeout(1000);
    expect(await site.editorStateText()).not.toBe('');
    recorder.assertNoneContain([GITHUB_TOKEN]);
    // Renaming or removing restored values only changes what the user sees.
    await site.page.evaluate(() => document.querySelectorAll('chatwarden-value').forEach((value) => value.remove()));
    recorder.assertNoneContain([GITHUB_TOKEN]);
  });
});
