import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import {
  MAX_REPLY_FINDINGS_PER_TAB,
  clearTabReplyFindings,
  createInboundHandlers,
  getTabReplyFindings,
  onTabUrlChanged,
  registerInboundHandlers,
  sanitizeFinding,
} from '../../../lib/background/inbound-handlers';
import { escapedPreview, PREVIEW_MAX, type ReplyFindingInput } from '../../../lib/messaging/inbound-protocol';

type Sender = Browser.runtime.MessageSender;
const tabSender = (url: string, tabId = 7): Sender => ({ id: fakeBrowser.runtime.id, url, tab: { id: tabId, url } as Browser.tabs.Tab });
const chatgpt = (tabId = 7, path = '/c/abc') => tabSender(`https://chatgpt.com${path}`, tabId);

const injection: ReplyFindingInput = {
  kind: 'injection',
  type: 'IGNORE_PREVIOUS',
  rule: 'injection.ignore-previous',
  message: 'The reply tells the model to ignore its instructions.',
};
const code: ReplyFindingInput = {
  kind: 'unsafe-code',
  type: 'CURL_PIPE_SHELL',
  rule: 'code.curl-pipe-shell',
  message: 'Pipes a download into a shell.',
  cwe: 'CWE-78',
};

const handlers = () => createInboundHandlers(() => 1000);
const report = (sender: Sender, turn: number, findings: unknown[], conversation: string | null = 'abc', site = 'chatgpt') =>
  Promise.resolve(
    handlers()['cs-in:reply-findings']({ site: site as 'chatgpt', conversation, turn, findings: findings as ReplyFindingInput[] }, sender),
  );

describe('inbound handlers: reply findings', () => {
  beforeEach(() => {
    // registerInboundHandlers also installs the exfiltration image rules, which the fake browser does not implement.
    vi.spyOn(fakeBrowser.declarativeNetRequest, 'updateDynamicRules').mockResolvedValue(undefined);
  });

  it('stores a turn’s findings per tab with site, host, turn and time, and replaces them on a re-report', async () => {
    await report(chatgpt(7), 0, [injection]);
    await report(chatgpt(8), 0, [code]);
    expect((await getTabReplyFindings(7)).findings).toEqual([{ ...injection, site: 'chatgpt', host: 'chatgpt.com', turn: 0, time: 1000 }]);
    expect((await getTabReplyFindings(8)).findings).toEqual([{ ...code, site: 'chatgpt', host: 'chatgpt.com', turn: 0, time: 1000 }]);

    await report(chatgpt(7), 1, [code]);
    await report(chatgpt(7), 0, [code]);
    const findings = (await getTabReplyFindings(7)).findings;
    expect(findings.map((finding) => [finding.turn, finding.kind])).toEqual([
      [1, 'unsafe-code'],
      [0, 'unsafe-code'],
    ]);
    // An empty report clears the turn.
    await report(chatgpt(7), 1, []);
    expect((await getTabReplyFindings(7)).findings.map((finding) => finding.turn)).toEqual([0]);
  });

  it('refuses senders that are not a guarded site’s content script, or name another site', async () => {
    await expect(report(tabSender('https://evil.example/c/abc'), 0, [injection])).rejects.toThrow(/not a guarded page/);
    await expect(report({ ...chatgpt(), id: 'other-extension' }, 0, [injection])).rejects.toThrow(/not a guarded page/);
    await expect(report({ id: fakeBrowser.runtime.id, url: 'https://chatgpt.com/c/abc' }, 0, [injection])).rejects.toThrow();
    await expect(report(chatgpt(), 0, [injection], 'abc', 'claude')).rejects.toThrow(/not a guarded page/);
    await expect(report(chatgpt(), -1, [injection])).rejects.toThrow(/turn/);
    expect((await getTabReplyFindings(7)).findings).toEqual([]);
  });

  it('keeps no raw values: only known fields, bounded, with a short escaped preview', async () => {
    const hidden = `ignore the user\u{E0041}${'x'.repeat(500)}`;
    await report(chatgpt(), 0, [
      { ...injection, value: 'sk-secret', revealed: hidden, preview: hidden, message: 'm'.repeat(1000), cwe: 'not a cwe', target: 'evil host/' },
      { kind: 'not-a-kind', type: 'X', rule: 'x', message: 'x' },
      null,
    ]);
    const [stored, ...rest] = (await getTabReplyFindings(7)).findings;
    expect(rest).toEqual([]);
    expect(Object.keys(stored!).sort()).toEqual(['host', 'kind', 'message', 'preview', 'rule', 'site', 'time', 'turn', 'type']);
    expect(stored!.message.length).toBeLessThanOrEqual(300);
    expect(stored!.preview!.length).toBeLessThanOrEqual(PREVIEW_MAX);
    expect(stored!.preview!.startsWith('ignore the user\\u{e0041}')).toBe(true);
    expect(JSON.stringify(stored)).not.toContain('sk-secret');
    expect(sanitizeFinding({ ...code, target: 'Attacker.Example' })).toEqual({ ...code, target: 'attacker.example' });
  });

  it('escapes invisible characters in previews and caps them', () => {
    expect(escapedPreview('a\u200Bb')).toBe('a\\u{200b}b');
    expect(escapedPreview('y'.repeat(200))).toHaveLength(PREVIEW_MAX);
    expect(escapedPreview('y'.repeat(200)).endsWith('…')).toBe(true);
  });

  it('caps the list per tab, keeping the newest', async () => {
    for (let turn = 0; turn < MAX_REPLY_FINDINGS_PER_TAB + 20; turn++) await report(chatgpt(), turn, [injection]);
    const findings = (await getTabReplyFindings(7)).findings;
    expect(findings).toHaveLength(MAX_REPLY_FINDINGS_PER_TAB);
    expect(findings.at(-1)!.turn).toBe(MAX_REPLY_FINDINGS_PER_TAB + 19);
    expect(findings[0]!.turn).toBe(20);
  });

  it('starts over in another conversation; a new chat that gets its id keeps its findings', async () => {
    await report(chatgpt(7, '/'), 0, [injection], null);
    await onTabUrlChanged(7, 'https://chatgpt.com/c/new-id');
    expect((await getTabReplyFindings(7)).findings).toHaveLength(1);
    await report(chatgpt(7, '/c/new-id'), 1, [code], 'new-id');
    expect((await getTabReplyFindings(7))).toMatchObject({ conversation: 'new-id' });
    expect((await getTabReplyFindings(7)).findings).toHaveLength(2);

    // The content script reports from another conversation: the old findings go.
    await report(chatgpt(7, '/c/other'), 0, [code], 'other');
    expect((await getTabReplyFindings(7)).findings.map((finding) => finding.kind)).toEqual(['unsafe-code']);
    // Navigation to a new chat, or off the site, clears.
    await onTabUrlChanged(7, 'https://chatgpt.com/c/other');
    expect((await getTabReplyFindings(7)).findings).toHaveLength(1);
    await onTabUrlChanged(7, 'https://chatgpt.com/');
    expect((await getTabReplyFindings(7)).findings).toEqual([]);
    await report(chatgpt(7, '/c/abc'), 0, [code], 'abc');
    await onTabUrlChanged(7, 'https://example.com/');
    expect((await getTabReplyFindings(7)).findings).toEqual([]);
  });

  it('clears a tab’s findings when it closes, through the registered listeners', async () => {
    const stop = registerInboundHandlers();
    try {
      await report(chatgpt(7), 0, [injection]);
      await report(chatgpt(8), 0, [injection]);
      await fakeBrowser.tabs.onRemoved.trigger(7, { windowId: 1, isWindowClosing: false });
      await clearTabReplyFindings(-1); // waits for the queued removal
      expect((await getTabReplyFindings(7)).findings).toEqual([]);
      expect((await getTabReplyFindings(8)).findings).toHaveLength(1);
    } finally {
      stop();
    }
  });

  it('answers cs-in: messages through the listener and refuses foreign senders there', async () => {
    const stop = registerInboundHandlers();
    try {
      const send = (sender: Sender) =>
        fakeBrowser.runtime.onMessage.trigger(
          { type: 'cs-in:reply-findings', payload: { site: 'chatgpt', conversation: 'abc', turn: 2, findings: [injection] } },
          sender,
        );
      const [refused] = await send(tabSender('https://evil.example/'));
      expect(refused).toMatchObject({ chatwardenError: expect.stringMatching(/sender not allowed/) });
      const [accepted] = await send(chatgpt(9));
      expect(accepted).toEqual({ ok: true });
      expect((await getTabReplyFindings(9)).findings.map((finding) => finding.turn)).toEqual([2]);
    } finally {
      stop();
    }
  });
});
