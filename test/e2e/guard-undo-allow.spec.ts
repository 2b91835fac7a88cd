// Undo a redaction while the text is still in the composer, and "always allow this value", driven the way the popup
// will drive them: chrome.runtime.sendMessage from an extension page ('ui-bg:undo-redaction', 'ui-bg:always-allow',
// 'ui-bg:allowed-values', 'ui-bg:remove-allowed-value'). Synthetic values only.

import type { BrowserContext, Page, Worker } from '@playwright/test';
import { test, expect } from './fixtures';
import { openPopup, tabIdFor } from './support/ui-proof';
import type { ChatSitePage } from './pages';
import type { browser as ExtensionApi } from 'wxt/browser';

declare const chrome: typeof ExtensionApi;

const EMAIL = 'alice.smith@acme-corp.com';
const OTHER_EMAIL = 'bob.jones@acme-corp.com';
const PHONE = '+1 415 555 0132';

interface RedactionRow {
  id?: string;
  undoable?: boolean;
  undone?: boolean;
  placeholder: string | null;
  outcome: string;
  channel: string;
  masked: string;
}

async function guardUp(site: ChatSitePage): Promise<void> {
  await expect(site.page.locator('html')).toHaveAttribute('data-chatwarden-status', 'protected', { timeout: 15_000 });
}



function ask<T>(popup: Page, type: string, payload: unknown): Promise<T> {
  return popup.evaluate(([messageType, messagePayload]) => chrome.runtime.sendMessage({ type: messageType, payload: messagePayload }), [
    type,
    payload,
  ] as const) as Promise<T>;
}

async function records(popup: Page, tabId: number): Promise<RedactionRow[]> {
  return (await ask<{ redactions: RedactionRow[] }>(popup, 'ui-bg:tab-redactions', { tabId })).redactions;
}

for (const siteId of ['chatgpt', 'gemini'] as const) {
  test(`undo from the popup puts the exact pasted original back in the ${siteId} composer`, async ({
    sites,
    context,
    extensionId,
    serviceWorker,
    recorder,
  }) => {
    const site = sites[siteId];
    await site.goto();
    await guardUp(site);
    const original = `contact: ${EMAIL}\nphone: ${PHONE}`;
    await site.pasteText(original);
    await expect.poll(() => site.editorStateText()).toContain('[EMAIL_1]');
    expect(await site.editorStateText()).not.toContain(EMAIL);

    const tabId = await tabIdFor(serviceWorker, `${new URL(site.page.url()).origin}/*`);
    const popup = await openPopup(context, extensionId, tabId);
    await expect.poll(async () => (await records(popup, tabId)).filter((record) => record.undoable).length).toBe(2);
    const [first] = (await records(popup, tabId)).filter((record) => record.undoable);
    expect(first!.id).toMatch(/:\d+$/);

    expect(await ask(popup, 'ui-bg:undo-redaction', { tabId, id: first!.id })).toEqual({ ok: true });
    expect(await site.editorStateText()).toBe(original);
    // Both records of that paste are settled; a second undo is refused.
    await expect.poll(async () => (await records(popup, tabId)).filter((record) => record.undone).length).toBe(2);
    expect(await ask(popup, 'ui-bg:undo-redaction', { tabId, id: first!.id })).toMatchObject({ ok: false });

    // Undo is not an allow: the send is scanned again.
    await site.page.bringToFront();
    await site.send();
    await site.waitForReply();
    recorder.assertNoneContain([EMAIL, PHONE]);
    expect(recorder.allOutboundText()).toContain('[EMAIL_1]');
  });
}

test('the paste toast has a keyboard-accessible Undo; after a send undo is refused', async ({
  sites,
  context,
  extensionId,
  serviceWorker,
}) => {
  const site = sites.claude;
  await site.goto();
  await guardUp(site);
  await site.pasteText(`mail ${EMAIL} now`);
  await expect.poll(() => site.editorStateText()).toContain('[EMAIL_1]');
  const undo = site.page.locator('chatwarden-ui').getByRole('button', { name: 'Undo' });
  await expect(undo).toBeVisible();
  await undo.focus();
  await site.page.keyboard.press('Enter');
  await expect.poll(() => site.editorStateText()).toContain(`mail ${EMAIL} now`);
  expect(await site.editorStateText()).not.toContain('[EMAIL_1]');

  // Paste again and send: the record is no longer undoable.
  await site.page.keyboard.press('Control+a');
  await site.page.keyboard.press('Delete');
  await site.pasteText(`again ${OTHER_EMAIL}`);
  await expect.poll(() => site.editorStateText()).toContain('[EMAIL_');
  await site.send();
  await site.waitForReply();
  const tabId = await tabIdFor(serviceWorker, 'https://claude.ai/*');
  const popup = await openPopup(context, extensionId, tabId);
  await expect
    .poll(async () => (await records(popup, tabId)).filter((record) => record.outcome === 'redacted' && record.undoable).length)
    .toBe(0);
  const sent = (await records(popup, tabId)).filter((record) => record.outcome === 'redacted' && !record.undone && record.channel === 'paste');
  expect(sent.length).toBeGreaterThan(0);
  expect(await ask(popup, 'ui-bg:undo-redaction', { tabId, id: sent[0]!.id })).toMatchObject({ ok: false });
});

test('always allow: that value then goes out unredacted, others stay redacted; list and remove', async ({
  sites,
  context,
  extensionId,
  serviceWorker,
  recorder,
}) => {
  const site = sites.chatgpt;
  await site.goto();
  await guardUp(site);
  await site.sendMessage(`first ${EMAIL}`);
  await site.waitForReply();
  recorder.assertNoneContain([EMAIL]);

  const tabId = await tabIdFor(serviceWorker, 'https://chatgpt.com/*');
  const popup = await openPopup(context, extensionId, tabId);
  await expect.poll(async () => (await records(popup, tabId)).some((record) => record.placeholder === '[EMAIL_1]')).toBe(true);
  const record = (await records(popup, tabId)).find((candidate) => candidate.placeholder === '[EMAIL_1]')!;
  expect(await ask(popup, 'ui-bg:always-allow', { tabId, id: record.id })).toEqual({ ok: true });

  const listed = await ask<{ ok: boolean; values: { id: string; masked: string; type: string }[] }>(popup, 'ui-bg:allowed-values', {});
  expect(listed.ok).toBe(true);
  expect(listed.values).toHaveLength(1);
  expect(listed.values[0]).toMatchObject({ type: 'EMAIL' });
  expect(JSON.stringify(listed)).not.toContain(EMAIL);

  await site.page.bringToFront();
  await site.sendMessage(`again ${EMAIL} and ${OTHER_EMAIL}`);
  await site.waitForReply();
  const texts = recorder.outbound().flatMap((request) => recorder.decodedText(request)).join('\n');
  expect(texts).toContain(`again ${EMAIL} and [EMAIL_2]`);
  recorder.assertNoneContain([OTHER_EMAIL]);

  // Removed: redacted again.
  expect(await ask(popup, 'ui-bg:remove-allowed-value', { id: listed.values[0]!.id })).toEqual({ ok: true });
  expect((await ask<{ values: unknown[] }>(popup, 'ui-bg:allowed-values', {})).values).toHaveLength(0);
  await site.page.bringToFront();
  await site.sendMessage(`third ${EMAIL}`);
  await site.waitForReply();
  const after = recorder.outbound().flatMap((request) => recorder.decodedText(request)).join('\n');
  expect(after).toContain('third [EMAIL_1]');
});
