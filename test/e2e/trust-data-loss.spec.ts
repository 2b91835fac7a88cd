// Issue 7.5, no data loss: the user's text survives a blocked send, a cancelled review, an engine error and a
// service-worker restart mid-send (the guard protects or holds, never leaks); the vault survives a page reload
// (placeholders sent before it are still restored after it, the same value keeps its placeholder).
// Undo of a redaction: the guard has none yet (redaction happens at send and the send proceeds at once; pastes land
// redacted), so it is not tested here; see docs/security.md.

import type { BrowserContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { ChatSitePage } from './pages';
import type { Recorder } from '../replicas/backend/recorder';
import { evaluateInExtensionWorld } from '../replicas/hostile/isolated-world';

const EMAIL = 'alice.smith@acme-corp.com';
const GITHUB_TOKEN = 'ghp_R2d9Kx7LmQ4vTz8NwP3sYb6JcHf1GaE0UoIi';
const PRIVATE_KEY_LINES = [
  '-----BEGIN RSA PRIVATE KEY-----',
  'MIIEowIBAAKCAQEAx7b9QmZ8k3JtL2nXq4YvR5wD1sFhG6uC0pE9aTgKjLmNoPqRs',
  '-----END RSA PRIVATE KEY-----',
];
/** Marks the one prompt the injected engine fault applies to. */
const FAULT_MARKER = 'engine-fault-canary';

async function guardUp(site: ChatSitePage): Promise<void> {
  await expect(site.page.locator('html')).toHaveAttribute('data-chatwarden-status', 'protected', { timeout: 15_000 });
}

function notices(page: Page) {
  return page.locator('chatwarden-ui [data-chatwarden-notice]');
}

/** User-text requests that reached the site's send endpoint (drafts excluded). */
function sends(site: ChatSitePage, recorder: Recorder) {
  return recorder.all({ site: site.site }).filter((request) => /^(conversation|completion|stream-generate)$/.test(request.kind));
}

/** The text of a computed CSS `content` value made of one string literal. */
function cssContentText(value: string): string {
  const literal = /^"((?:[^"\\]|\\.)*)"$/s.exec(value.trim())?.[1] ?? '';
  return literal.replace(/\\([0-9a-fA-F]{1,6}) ?|\\(.)/gs, (_, hex: string | undefined, char: string | undefined) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : (char ?? ''),
  );
}

/**
 * Every original shown in a <chatwarden-value> on the page, read from inside the closed shadow roots via DevTools: a
 * text node there, or the generated content (`::before { content }`) value-element.ts renders it with.
 */
async function restoredOriginals(page: Page): Promise<string[]> {
  interface CdpNode {
    nodeId: number;
    nodeName: string;
    nodeType: number;
    nodeValue?: string;
    children?: CdpNode[];
    shadowRoots?: CdpNode[];
    pseudoElements?: Array<CdpNode & { pseudoType?: string }>;
  }
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: CdpNode };
    const shown = async (node: CdpNode): Promise<string> => {
      if (node.nodeType === 3) return node.nodeValue ?? '';
      if (node.nodeName === 'STYLE') return '';
      let text = '';
      const before = node.pseudoElements?.find((pseudo) => pseudo.pseudoType === 'before');
      if (before) {
        const { computedStyle } = await cdp.send('CSS.getComputedStyleForNode', { nodeId: before.nodeId });
        text += cssContentText(computedStyle.find((property) => property.name === 'content')?.value ?? '');
      }
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) text += await shown(child);
      return text;
    };
    const found: string[] = [];
    const walk = async (node: CdpNode) => {
      if (node.nodeName === 'CHATWARDEN-VALUE') {
        let text = '';
        for (const shadow of node.shadowRoots ?? []) text += await shown(shadow);
        found.push(text);
      }
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) await walk(child);
    };
    await walk(root);
    return found;
  } finally {
    await cdp.detach();
  }
}

/**
 * Stops the extension's service worker the way Chromium does when it idles, from chrome://serviceworker-internals
 * (CDP ServiceWorker.stopAllWorkers does not reach extension workers, and Playwright's Worker never reports the stop).
 * Chromium starts it again on the next extension message.
 */
async function stopServiceWorker(context: BrowserContext, extensionId: string): Promise<void> {
  const internals = await context.newPage();
  try {
    await internals.goto('chrome://serviceworker-internals/');
    const registration = internals.locator('.serviceworker-registration', { hasText: `chrome-extension://${extensionId}/` }).first();
    await expect(registration).toContainText('Running Status: RUNNING');
    await registration.locator('[data-command="stop"]').first().click();
    await expect(registration).toContainText('Running Status: STOPPED');
  } finally {
    await internals.close();
  }
}

test('a blocked send and a cancelled review leave multi-line, non-ASCII text exactly as typed', async ({ sites, recorder }) => {
  const site = sites.claude;
  await site.goto();
  await guardUp(site);
  const blocked = [`Grüße, Zoë — 東京 ✓ ${EMAIL}`, ...PRIVATE_KEY_LINES, 'last line'].join('\n');
  await site.typeMessage(blocked);
  await site.send();
  await expect(notices(site.page).filter({ hasText: 'Not sent' })).toBeVisible();
  expect(await site.editorStateText()).toBe(blocked);

  await site.focusEditor();
  await site.page.keyboard.press('Control+A');
  await site.page.keyboard.press('Delete');
  await expect.poll(() => site.editorStateText()).toBe('');
  const reviewed = `naïve café ${GITHUB_TOKEN}\nsecond line — ½ ⅓`;
  await site.typeMessage(reviewed);
  await site.send();
  const dialog = site.page.locator('chatwarden-ui').getByRole('dialog');
  await dialog.getByRole('button', { name: /cancel/i }).first().click();
  await expect(dialog).toBeHidden();
  expect(await site.editorStateText()).toBe(reviewed);
  await site.page.waitForTimeout(300);
  expect(sends(site, recorder)).toHaveLength(0);
  recorder.assertNoneContain([EMAIL, GITHUB_TOKEN, PRIVATE_KEY_LINES[1]!]);
});

test('an engine error holds the send with a message and the text unchanged; the next send is guarded again', async ({ context, sites, recorder, extensionId }) => {
  const site = sites.chatgpt;
  await site.goto();
  await guardUp(site);
  // Fault injection in the content scripts' own world: scan() lowers the whole prompt first (engine.ts), so lowering a
  // string that holds the marker throws, exactly as an engine bug on that input would. Nothing else is touched.
  await evaluateInExtensionWorld(context, site.page, extensionId, `(() => {
    const lower = String.prototype.toLowerCase;
    String.prototype.toLowerCase = function () {
      if (globalThis.__engineFaultArmed && String(this).includes(${JSON.stringify(FAULT_MARKER)})) throw new Error('injected engine fault');
      return lower.call(this);
    };
    globalThis.__engineFaultArmed = true;
    return true;
  })()`);
  const typed = `${FAULT_MARKER} mail ${EMAIL}\nsecond line`;
  await site.typeMessage(typed);
  await site.send();
  await expect(notices(site.page).filter({ hasText: /Not sent/ })).toBeVisible();
  expect(await site.editorStateText()).toBe(typed);
  await site.page.waitForTimeout(500);
  expect(sends(site, recorder)).toHaveLength(0);
  recorder.assertNoneContain([EMAIL]); // drafts too: the network guard's scrub fails, so /prepare is failed closed

  await evaluateInExtensionWorld(context, site.page, extensionId, 'globalThis.__engineFaultArmed = false');
  await site.send();
  // (Not waitForReply: the replica keeps the error of the draft request failed closed above as its lastError.)
  await recorder.waitFor({ site: 'chatgpt', kind: 'conversation' });
  expect(recorder.decodedText(sends(site, recorder).at(-1)!).join('\n')).toContain(`${FAULT_MARKER} mail [EMAIL_1]`);
  recorder.assertNoneContain([EMAIL]);
});

test('the service worker stopped while the review dialog is open: the send stays guarded and the vault is kept across restarts and a reload', async ({ context, sites, recorder, extensionId }) => {
  test.setTimeout(90_000);
  const site = sites.chatgpt;
  await site.goto();
  await guardUp(site);
  await site.sendMessage(`token ${GITHUB_TOKEN} for ${EMAIL}`);
  const dialog = site.page.locator('chatwarden-ui').getByRole('dialog');
  await expect(dialog).toBeVisible();
  await stopServiceWorker(context, extensionId);
  await dialog.getByRole('button', { name: /^Send/ }).click();
  await site.waitForReply();
  expect(recorder.decodedText(sends(site, recorder).at(-1)!).join('\n')).toMatch(/token \[[A-Z_]+_1\] for \[EMAIL_1\]/);
  recorder.assertNoneContain([GITHUB_TOKEN, EMAIL]);

  // Stopped again between sends: the next send is still redacted, with the same placeholder.
  await stopServiceWorker(context, extensionId);
  await site.sendMessage(`again ${EMAIL}`);
  await site.waitForReply();
  expect(recorder.decodedText(sends(site, recorder).at(-1)!).join('\n')).toContain('again [EMAIL_1]');
  recorder.assertNoneContain([GITHUB_TOKEN, EMAIL]);

  // And once more before a reload: the vault the restarted worker persisted still restores the earlier placeholder.
  await stopServiceWorker(context, extensionId);
  await site.page.reload();
  await site.editor().waitFor();
  await guardUp(site);
  site.scriptNextReply('You wrote to [EMAIL_1].');
  await site.sendMessage('who did I write to?');
  await site.waitForReply();
  await expect.poll(() => restoredOriginals(site.page)).toContain(EMAIL);
  recorder.assertNoneContain([GITHUB_TOKEN, EMAIL]);
});

test('after a reload, placeholders sent before it are still restored and the same value keeps its placeholder', async ({ sites, recorder }) => {
  const site = sites.gemini;
  await site.goto();
  await guardUp(site);
  await site.sendMessage(`mail ${EMAIL}`);
  await site.waitForReply();
  await expect.poll(() => site.page.url()).not.toMatch(/\/app\/?$/); // the conversation got its id
  const conversationUrl = site.page.url();

  await site.page.reload();
  await site.editor().waitFor();
  expect(site.page.url()).toBe(conversationUrl);
  await guardUp(site);
  site.scriptNextReply('Earlier you gave me [EMAIL_1].');
  await site.sendMessage(`and ${EMAIL} once more, plus bob.jones@acme-corp.com`);
  await site.waitForReply();
  expect(recorder.decodedText(sends(site, recorder).at(-1)!).join('\n')).toContain('and [EMAIL_1] once more, plus [EMAIL_2]');
  await expect.poll(() => restoredOriginals(site.page)).toContain(EMAIL);
  recorder.assertNoneContain([EMAIL, 'bob.jones@acme-corp.com']);
});
