// What the outbound guard leaves behind: audit events (fingerprints, never values), the popup's per-tab redaction list,
// the toolbar badge, the vault across a reload; plus Claude's long-paste attachment and dropped files.

import type { Page, Worker } from '@playwright/test';
import type { browser as ExtensionApi } from 'wxt/browser';
import { test, expect } from './fixtures';

/** The extension API as seen inside serviceWorker.evaluate (types only; the code runs in the worker). */
declare const chrome: typeof ExtensionApi;

const EMAIL = 'alice.smith@acme-corp.com';
const GITHUB_TOKEN = 'ghp_R2d9Kx7LmQ4vTz8NwP3sYb6JcHf1GaE0UoIi';

function notices(page: Page) {
  return page.locator('chatwarden-ui [data-chatwarden-notice]');
}

interface AuditRow {
  site: string;
  channel: string;
  type: string;
  action: string;
  fingerprint: string;
  overridden?: boolean;
}

/** Reads the audit store straight from the extension's IndexedDB (in the service worker). */
function readAudit(worker: Worker): Promise<AuditRow[]> {
  return worker.evaluate(
    () =>
      new Promise<AuditRow[]>((resolve, reject) => {
        const open = indexedDB.open('chatwarden');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('audit').objectStore('audit').getAll();
          request.onsuccess = () => resolve(request.result as AuditRow[]);
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

async function tabState(worker: Worker, host: string) {
  return worker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    if (tab?.id === undefined) throw new Error(`no tab for ${url}`);
    const key = `guard:tab:${tab.id}`;
    const state = (await chrome.storage.session.get(key))[key] as
      | { status: string; redactions: Array<{ type: string; placeholder: string | null; masked: string; channel: string; outcome: string }> }
      | undefined;
    return { state, badge: await chrome.action.getBadgeText({ tabId: tab.id }) };
  }, `https://${host}/*`);
}

test('redactions are audited without values, listed for the popup and counted on the badge', async ({ sites, serviceWorker }) => {
  const site = sites.chatgpt;
  await site.goto();
  await expect(site.page.locator('html')).toHaveAttribute('data-chatwarden-status', 'protected', { timeout: 15_000 });
  await site.sendMessage(`mail ${EMAIL}`);
  await site.waitForReply();
  await site.uploadFiles([{ name: 'notes.txt', content: `cc bob.jones@acme-corp.com` }]);
  await expect(notices(site.page).filter({ hasText: 'notes.txt' })).toBeVisible();
  await site.sendMessage(`token ${GITHUB_TOKEN}`);
  const dialog = site.page.locator('chatwarden-ui').getByRole('dialog');
  await dialog.getByRole('radio', { name: 'Allow once' }).check();
  await dialog.getByRole('button', { name: /^Send/ }).click();
  await site.waitForReply();

  await expect.poll(async () => (await readAudit(serviceWorker)).length).toBeGreaterThanOrEqual(3);
  const audit = await readAudit(serviceWorker);
  const serialized = JSON.stringify(audit);
  expect(serialized).not.toContain(EMAIL);
  expect(serialized).not.toContain('bob.jones');
  expect(serialized).not.toContain(GITHUB_TOKEN);
  expect(audit).toContainEqual(expect.objectContaining({ channel: 'typed', type: 'EMAIL', action: 'redact', fingerprint: expect.stringMatching(/^fp1:/) }));
  expect(audit).toContainEqual(expect.objectContaining({ channel: 'upload', type: 'EMAIL', action: 'redact' }));
  expect(audit).toContainEqual(expect.objectContaining({ channel: 'typed', type: 'GITHUB_TOKEN', action: 'allow', overridden: true }));

  const { state, badge } = await tabState(serviceWorker, 'chatgpt.com');
  expect(state?.status).toBe('protected');
  expect(state?.redactions).toContainEqual(expect.objectContaining({ type: 'EMAIL', placeholder: '[EMAIL_1]', channel: 'typed', outcome: 'redacted' }));
  expect(state?.redactions).toContainEqual(expect.objectContaining({ type: 'EMAIL', placeholder: '[EMAIL_2]', channel: 'upload' }));
  expect(JSON.stringify(state)).not.toContain(EMAIL);
  // The badge counts distinct placeholders (drafts scrubbed on the wire, e.g. the token before it was allowed, count too).
  const distinct = new Set(state!.redactions.filter((record) => record.outcome === 'redacted').map((record) => record.placeholder));
  expect(distinct.size).toBeGreaterThanOrEqual(2);
  expect(badge).toBe(String(distinct.size));
});

test('placeholders stay the same after a page reload of the conversation', async ({ sites, recorder }) => {
  const site = sites.chatgpt;
  await site.goto();
  await site.sendMessage(`first ${EMAIL}`);
  await site.waitForReply();
  await expect(site.page).toHaveURL(/\/c\//);
  const path = new URL(site.page.url()).pathname;
  await site.goto(path);
  await expect(site.page.locator('html')).toHaveAttribute('data-chatwarden-status', 'protected', { timeout: 15_000 });
  await site.sendMessage(`second bob.jones@acme-corp.com then ${EMAIL}`);
  await site.waitForReply();
  expect(recorder.allOutboundText()).toContain('second [EMAIL_2] then [EMAIL_1]');
  recorder.assertNoneContain([EMAIL, 'bob.jones@acme-corp.com']);
});

test("a long paste on Claude becomes the site's own attachment, with the redacted text", async ({ sites, recorder }) => {
  const site = sites.claude;
  await site.goto();
  const long = `${'log line without secrets\n'.repeat(200)}owner: ${EMAIL}\n`;
  await site.pasteText(long);
  await expect(site.attachmentChips()).toHaveCount(1);
  await expect(site.attachmentChips().first()).toContainText('Pasted content');
  await site.sendMessage('summarize the paste');
  await site.waitForReply();
  expect(recorder.allOutboundText()).toContain('owner: [EMAIL_1]');
  recorder.assertNoneContain([EMAIL]);
});

for (const siteId of ['chatgpt', 'gemini'] as const) {
  test(`files dropped on ${siteId} are redacted before the site reads them`, async ({ sites, recorder }) => {
    const site = sites[siteId];
    await site.goto();
    await expect(site.page.locator('html')).toHaveAttribute('data-chatwarden-status', 'protected', { timeout: 15_000 });
    await site.dropFiles([{ name: 'config.json', content: JSON.stringify({ owner: EMAIL }) }]);
    await expect(notices(site.page).filter({ hasText: 'config.json' })).toBeVisible();
    await expect(site.attachmentChips()).toHaveCount(1);
    await site.sendMessage('see attached');
    await site.waitForReply();
    expect(recorder.allOutboundText()).toContain('[EMAIL_1]');
    recorder.assertNoneContain([EMAIL]);
  });
}

test('a pasted secret opens the review dialog; the paste lands redacted, or not at all on cancel', async ({ sites, recorder }) => {
  const site = sites.gemini;
  await site.goto();
  await expect(site.page.locator('html')).toHaveAttribute('data-chatwarden-status', 'protected', { timeout: 15_000 });
  const dialog = site.page.locator('chatwarden-ui').getByRole('dialog');
  await site.pasteText(`use ${GITHUB_TOKEN}`);
  await expect(dialog).toContainText('Review before pasting');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(await site.editorStateText()).toBe('');
  await site.pasteText(`use ${GITHUB_TOKEN}`);
  await dialog.getByRole('button', { name: /^Paste/ }).click();
  await expect.poll(() => site.editorStateText()).toBe('use [GITHUB_TOKEN_1]');
  await site.send();
  await site.waitForReply();
  recorder.assertNoneContain([GITHUB_TOKEN]);
});

test('dropped text is redacted where it lands', async ({ sites }) => {
  const site = sites.chatgpt;
  await site.goto();
  await expect(site.page.locator('html')).toHaveAttribute('data-chatwarden-status', 'protected', { timeout: 15_000 });
  const dataTransfer = await site.page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', text);
    return transfer;
  }, `reach me at ${EMAIL}`);
  const box = (await site.editor().boundingBox())!;
  const at = { clientX: box.x + 20, clientY: box.y + box.height / 2 };
  for (const type of ['dragenter', 'dragover', 'drop']) await site.editor().dispatchEvent(type, { dataTransfer, ...at });
  await expect.poll(() => site.editorStateText()).toContain('[EMAIL_1]');
  expect(await site.editorStateText()).not.toContain(EMAIL);
});

test('the review dialog keeps keyboard focus inside and is fully usable by keyboard', async ({ sites, recorder }) => {
  const site = sites.chatgpt;
  await site.goto();
  await expect(site.page.locator('html')).toHaveAttribute('data-chatwarden-status', 'protected', { timeout: 15_000 });
  await site.sendMessage(`token ${GITHUB_TOKEN}`);
  const dialog = site.page.locator('chatwarden-ui').getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: /^Send with 1 redacted/ })).toBeFocused();
  const focusedInside = () => site.page.evaluate(() => document.activeElement?.tagName === 'CHATWARDEN-UI');
  for (let step = 0; step < 8; step++) {
    await site.page.keyboard.press(step % 3 === 2 ? 'Shift+Tab' : 'Tab');
    expect(await focusedInside()).toBe(true);
  }
  // Back to the primary button and send with the keyboard alone.
  while (!(await dialog.getByRole('button', { name: /^Send/ }).evaluate((button) => button.matches(':focus')))) {
    await site.page.keyboard.press('Tab');
  }
  await site.page.keyboard.press('Enter');
  await site.waitForReply();
  recorder.assertNoneContain([GITHUB_TOKEN]);
});

test('pausing a tab from an extension page stops the guard there and shows II on the badge', async ({ sites, context, extensionId, serviceWorker, recorder }) => {
  const site = sites.claude;
  await site.goto();
  await expect(site.page.locator('html')).toHaveAttribute('data-chatwarden-status', 'protected', { timeout: 15_000 });
  const tabId = await serviceWorker.evaluate(async () => (await chrome.tabs.query({ url: 'https://claude.ai/*' }))[0]!.id!);
  const extensionPage = await context.newPage();
  await extensionPage.goto(`chrome-extension://${extensionId}/popup.html`);
  const reply = await extensionPage.evaluate(
    (id) => chrome.runtime.sendMessage({ type: 'ui-bg:set-paused', payload: { tabId: id, paused: true } }),
    tabId,
  );
  expect(reply).toEqual({ ok: true });
  await expect(site.page.locator('html')).toHaveAttribute('data-chatwarden-status', 'paused');
  expect(await serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('II');
  await site.page.bringToFront();
  await site.sendMessage(`paused ${EMAIL}`);
  await site.waitForReply();
  expect(recorder.allOutboundText()).toContain(`paused ${EMAIL}`);
});
