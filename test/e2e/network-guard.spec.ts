// The MAIN-world network guard on the three replicas: requests to the sites' own chat APIs made directly by page
// scripts (fetch and XHR, every body type the sites use) and ChatGPT's /prepare drafts reach the recorder with only
// placeholders, and every other byte of the body as the page wrote it. A page posting its own handshake gets nothing.

import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { RecordedRequest } from './fixtures';
import type { ChatSitePage } from './pages';

// Synthetic values in formats the engine detects.
const EMAIL = 'alice.smith@acme-corp.com';
const GITHUB_TOKEN = 'ghp_R2d9Kx7LmQ4vTz8NwP3sYb6JcHf1GaE0UoIi';

async function guardUp(site: ChatSitePage): Promise<void> {
  await expect(site.page.locator('html')).toHaveAttribute('data-chatwarden-status', 'protected', { timeout: 15_000 });
}

/** `recorded` must equal `sent` with each secret replaced by one placeholder, and nothing else changed. */
function expectOnlySecretsReplaced(recorded: string, sent: string, secrets: Array<[string, RegExp]>): void {
  let expected = sent;
  let actual = recorded;
  for (const [secret, placeholder] of secrets) {
    expect(actual).not.toContain(secret);
    expect(actual).toMatch(placeholder);
    expected = expected.split(secret).join('\u0000');
    actual = actual.replace(new RegExp(placeholder.source, 'g'), '\u0000');
  }
  expect(actual).toBe(expected);
}

/** Runs a page-script request (in the page's own world, as the site's code would) and waits until it is recorded. */
async function pageRequest(page: Page, script: string): Promise<void> {
  await page.evaluate(script);
}

const EMAIL_PLACEHOLDER = /\[EMAIL_\d+\]/;
const TOKEN_PLACEHOLDER = /\[[A-Z_]*TOKEN[A-Z_]*_\d+\]|\[GITHUB[A-Z_]*_\d+\]/;

test.describe('network guard', () => {
  test('ChatGPT: a page-script fetch to /f/conversation and an XHR /prepare draft are scrubbed, other bytes identical', async ({ sites, recorder }) => {
    const site = sites.chatgpt;
    await site.goto();
    await guardUp(site);
    const body =
      `{"action":"next",  "messages":[{"id":"m-1","author":{"role":"user"},"content":{"content_type":"text",` +
      `"parts":["mail ${EMAIL} caf\\u00e9"]},"metadata":{}}],"parent_message_id":"client-created-root","model":"auto","n":1.50}`;
    await pageRequest(site.page, `fetch('/backend-api/f/conversation', { method: 'POST', headers: { 'content-type': 'application/json' }, body: ${JSON.stringify(body)} }).catch(() => {})`);
    const sent = await recorder.waitFor({ site: 'chatgpt', kind: 'conversation' });
    expectOnlySecretsReplaced(sent.body, body, [[EMAIL, EMAIL_PLACEHOLDER]]);

    const draft = `{"partial_query":{"id":"d-1","author":{"role":"user"},"content":{"content_type":"text","parts":["token ${GITHUB_TOKEN}"]}},"client_prepare_source":"composer_editor_state"}`;
    await pageRequest(
      site.page,
      `new Promise((resolve) => { const xhr = new XMLHttpRequest(); xhr.open('POST', '/backend-api/f/conversation/prepare'); ` +
        `xhr.setRequestHeader('content-type', 'application/json'); xhr.onloadend = resolve; xhr.send(${JSON.stringify(draft)}); })`,
    );
    const prepare = await recorder.waitFor({ site: 'chatgpt', kind: 'prepare' });
    expectOnlySecretsReplaced(prepare.body, draft, [[GITHUB_TOKEN, TOKEN_PLACEHOLDER]]);
    expect(prepare.headers['content-type']).toBe('application/json');
    recorder.assertNoneContain([EMAIL, GITHUB_TOKEN]);
  });

  test('ChatGPT: the draft the site itself sends on /prepare while the user types carries only placeholders', async ({ sites, recorder }) => {
    const site = sites.chatgpt;
    await site.goto();
    await guardUp(site);
    await site.typeMessage(`my mail is ${EMAIL} and more`);
    const prepare = await recorder.waitFor({ site: 'chatgpt', kind: 'prepare' });
    await site.page.waitForTimeout(800);
    for (const request of recorder.all({ site: 'chatgpt', kind: 'prepare' })) {
      expect(request.body).not.toContain(EMAIL);
    }
    expect(recorder.decodedText(prepare).join('\n')).toMatch(EMAIL_PLACEHOLDER);
    // The user's composer still shows what they typed (the network guard only touches what leaves).
    expect(await site.editorStateText()).toContain(EMAIL);
    recorder.assertNoneContain([EMAIL]);
  });

  test('Claude: prompt and attachments[].extracted_content of a page-script fetch are scrubbed', async ({ sites, recorder }) => {
    const site = sites.claude;
    await site.goto();
    await guardUp(site);
    const body = JSON.stringify({
      prompt: `reach me at ${EMAIL}`,
      parent_message_uuid: '00000000-0000-4000-8000-000000000000',
      timezone: 'Europe/Paris',
      attachments: [{ file_name: 'notes.txt', file_type: 'text/plain', file_size: 42, extracted_content: `key ${GITHUB_TOKEN}` }],
      files: [],
      rendering_mode: 'messages',
    });
    await pageRequest(
      site.page,
      `fetch(new Request('/api/organizations/org-test/chat_conversations/11111111-1111-4111-8111-111111111111/completion', ` +
        `{ method: 'POST', headers: { 'content-type': 'application/json' }, body: ${JSON.stringify(body)} })).catch(() => {})`,
    );
    const sent = await recorder.waitFor({ site: 'claude', kind: 'completion' });
    expectOnlySecretsReplaced(sent.body, body, [[EMAIL, EMAIL_PLACEHOLDER], [GITHUB_TOKEN, TOKEN_PLACEHOLDER]]);
    recorder.assertNoneContain([EMAIL, GITHUB_TOKEN]);
  });

  test('Gemini: f.req by XHR (urlencoded) and by fetch (FormData) is scrubbed through both JSON layers', async ({ sites, recorder }) => {
    const site = sites.gemini;
    await site.goto();
    await guardUp(site);
    const inner = [[`write to ${EMAIL}`, 0, null, [], null, null, 0], ['en'], ['c_1', 'r_1', 'rc_1']];
    const freq = JSON.stringify([null, JSON.stringify(inner)]);
    const body = `f.req=${encodeURIComponent(freq)}&at=AJvLN6M%3A1700000000000&`;
    const url = '/_/BardChatUi/data/assistant.lamda.BardFrontendService/StreamGenerate?bl=boq_test&_reqid=1234&rt=c';
    await pageRequest(
      site.page,
      `new Promise((resolve) => { const xhr = new XMLHttpRequest(); xhr.open('POST', ${JSON.stringify(url)}); ` +
        `xhr.setRequestHeader('content-type', 'application/x-www-form-urlencoded;charset=UTF-8'); xhr.onloadend = resolve; xhr.send(${JSON.stringify(body)}); })`,
    );
    const sent = await recorder.waitFor({ site: 'gemini', kind: 'stream-generate' });
    expect(sent.body.endsWith('&at=AJvLN6M%3A1700000000000&')).toBe(true);
    const sentFreq = new URLSearchParams(sent.body).get('f.req')!;
    expectOnlySecretsReplaced(sentFreq, freq, [[EMAIL, EMAIL_PLACEHOLDER]]);

    await pageRequest(
      site.page,
      `(() => { const form = new FormData(); form.append('f.req', ${JSON.stringify(freq.replace(EMAIL, GITHUB_TOKEN))}); form.append('at', 'tok'); ` +
        `return fetch(${JSON.stringify(url.replace('1234', '1235'))}, { method: 'POST', body: form }).catch(() => {}); })()`,
    );
    const formRequest = await recorder.waitFor({ site: 'gemini', kind: 'stream-generate' }, { count: 2 });
    const recorded: RecordedRequest = recorder.all({ site: 'gemini', kind: 'stream-generate' }).at(-1)!;
    expect(formRequest).toBeDefined();
    expect(recorded.body).not.toContain(GITHUB_TOKEN);
    expect(recorded.body).toMatch(TOKEN_PLACEHOLDER);
    expect(recorded.body).toContain('name="at"');
    recorder.assertNoneContain([EMAIL, GITHUB_TOKEN]);
  });

  test('a page script that posts its own handshake gets no port traffic, and requests are still scrubbed', async ({ sites, recorder }) => {
    const site = sites.chatgpt;
    await site.goto();
    await guardUp(site);
    await site.page.evaluate(() => {
      const received: unknown[] = [];
      (window as unknown as { __spoofReceived: unknown[] }).__spoofReceived = received;
      const channel = new MessageChannel();
      channel.port1.onmessage = (event) => received.push(event.data);
      window.postMessage({ type: 'chatwarden:network-bridge' }, '*', [channel.port2]);
      // A fake "config" switching the guard off, posted every way a page could.
      window.postMessage({ type: 'config', active: false, failMode: 'open' }, '*');
      channel.port1.postMessage({ type: 'config', active: false, failMode: 'open' });
    });
    const body = JSON.stringify({ action: 'next', messages: [{ id: 'm', author: { role: 'user' }, content: { content_type: 'text', parts: [`hi ${EMAIL}`] } }] });
    await pageRequest(site.page, `fetch('/backend-api/f/conversation', { method: 'POST', body: ${JSON.stringify(body)} }).catch(() => {})`);
    const sent = await recorder.waitFor({ site: 'chatgpt', kind: 'conversation' });
    expect(sent.body).not.toContain(EMAIL);
    expect(await site.page.evaluate(() => (window as unknown as { __spoofReceived: unknown[] }).__spoofReceived)).toEqual([]);
    recorder.assertNoneContain([EMAIL]);
  });

  test('ChatGPT: a page-script sendBeacon to the chat API is scrubbed before it leaves', async ({ sites, recorder }) => {
    const site = sites.chatgpt;
    await site.goto();
    await guardUp(site);
    const draft = `{"partial_query":{"id":"d-2","author":{"role":"user"},"content":{"content_type":"text","parts":["beacon ${EMAIL} ${GITHUB_TOKEN}"]}},"client_prepare_source":"composer_editor_state"}`;
    const queued = await site.page.evaluate(
      (body) => navigator.sendBeacon('/backend-api/f/conversation/prepare', new Blob([body], { type: 'application/json' })),
      draft,
    );
    expect(queued).toBe(true);
    const prepare = await recorder.waitFor({ site: 'chatgpt', kind: 'prepare' });
    expectOnlySecretsReplaced(prepare.body, draft, [
      [EMAIL, EMAIL_PLACEHOLDER],
      [GITHUB_TOKEN, TOKEN_PLACEHOLDER],
    ]);
    expect(prepare.headers['content-type']).toBe('application/json');
    recorder.assertNoneContain([EMAIL, GITHUB_TOKEN]);
    // The wrapper looks native only by name; it is frozen so a page script cannot swap what it closes over.
    expect(await site.page.evaluate(() => [navigator.sendBeacon.name, Object.isFrozen(navigator.sendBeacon)])).toEqual(['sendBeacon', true]);
  });

  test("a page script cannot dodge the guard through a fresh about:blank iframe's fetch or XHR", async ({ sites, recorder }) => {
    const site = sites.chatgpt;
    await site.goto();
    await guardUp(site);
    const body = JSON.stringify({ action: 'next', messages: [{ id: 'm', author: { role: 'user' }, content: { content_type: 'text', parts: [`iframe ${EMAIL}`] } }] });
    const nativeLooking = await site.page.evaluate(async (sent) => {
      const iframe = document.createElement('iframe');
      document.body.append(iframe);
      const child = iframe.contentWindow as Window & typeof globalThis;
      const looksNative = String(child.fetch).includes('[native code]');
      await child.fetch('/backend-api/f/conversation', { method: 'POST', body: sent }).catch(() => undefined);
      await new Promise((resolve) => {
        const xhr = new child.XMLHttpRequest();
        xhr.open('POST', '/backend-api/f/conversation/prepare');
        xhr.onloadend = resolve;
        xhr.send(sent.replace('"action":"next",', ''));
      });
      return looksNative;
    }, body);
    expect(nativeLooking).toBe(false);
    await recorder.waitFor({ site: 'chatgpt', kind: 'conversation' });
    await recorder.waitFor({ site: 'chatgpt', kind: 'prepare' });
    for (const request of [...recorder.all({ kind: 'conversation' }), ...recorder.all({ kind: 'prepare' })]) {
      expect(request.body).toMatch(EMAIL_PLACEHOLDER);
    }
    recorder.assertNoneContain([EMAIL]);
  });
});
