import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import {
  badgeFor,
  createGuardHandlers,
  getTabState,
  guardedSiteOf,
  isExtensionPage,
  type GuardHandlerDeps,
} from '../../../lib/background/guard-handlers';
import { countTokens } from '../../../lib/background/token-counter';
import { VaultService } from '../../../lib/background/vault-service';
import type { GuardAuditRequest, RedactionRecord } from '../../../lib/messaging/protocol';
import { defaultPolicy } from '../../../lib/policy/defaults';
import type { AuditEventInput } from '../../../lib/storage/audit-log';

type Sender = Browser.runtime.MessageSender;
const chatgptTab = (tabId = 7): Sender => ({ id: fakeBrowser.runtime.id, url: 'https://chatgpt.com/c/abc', tab: { id: tabId, url: 'https://chatgpt.com/c/abc' } as Browser.tabs.Tab });
const popup: Sender = { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/popup.html` };

function setup(policy = defaultPolicy()) {
  const appended: AuditEventInput[] = [];
  const deps: GuardHandlerDeps = {
    policy: { getEffective: () => policy },
    vaults: new VaultService(() => 24),
    audit: { appendMany: vi.fn(async (events: AuditEventInput[]) => (appended.push(...events), [])) },
  };
  return { ...createGuardHandlers(deps), appended };
}

const EMAIL = 'alice@example.com';
const record: RedactionRecord = { type: 'EMAIL', kind: 'pii', placeholder: '[EMAIL_1]', masked: 'ali…com', channel: 'typed', outcome: 'redacted', site: 'chatgpt', time: 1 };
const audit: GuardAuditRequest = { site: 'chatgpt', conversation: 'abc', channel: 'typed', outcome: 'redacted', action: 'redact', kind: 'pii', type: 'EMAIL', rule: 'email', value: EMAIL };

describe('sender checks', () => {
  it('should accept content scripts only from guarded hosts of this extension', () => {
    expect(guardedSiteOf(chatgptTab())).toBe('chatgpt');
    expect(guardedSiteOf({ ...chatgptTab(), id: 'other-extension' })).toBeNull();
    expect(guardedSiteOf({ id: fakeBrowser.runtime.id, url: 'https://evil.example/', tab: { id: 1 } as Browser.tabs.Tab })).toBeNull();
    expect(guardedSiteOf({ id: fakeBrowser.runtime.id, url: 'https://chatgpt.com/' })).toBeNull(); // no tab
  });

  it('should accept UI messages only from extension pages', () => {
    expect(isExtensionPage(popup)).toBe(true);
    expect(isExtensionPage(chatgptTab())).toBe(false);
  });

  it('should refuse a content script that names another site than its page', async () => {
    const { content } = setup();
    await expect(Promise.resolve(content['cs-bg:vault-get']({ site: 'claude', conversation: 'x' }, chatgptTab()))).rejects.toThrow(/does not match/);
  });
});

describe('reports', () => {
  it('should audit fingerprints, never values, and list redactions per tab with a badge', async () => {
    const { content, appended } = setup();
    await content['cs-bg:report']({ redactions: [record, { ...record, channel: 'network' }], audit: [audit] }, chatgptTab(7));
    expect(appended).toHaveLength(1);
    expect(appended[0]).toMatchObject({ site: 'chatgpt', channel: 'typed', type: 'EMAIL', action: 'redact', count: 1 });
    expect(appended[0]!.fingerprint).toMatch(/^fp1:[0-9a-f]{32}$/);
    expect(appended[0]!.conversation).toMatch(/^cv1:/);
    expect(JSON.stringify(appended)).not.toContain(EMAIL);
    const state = await getTabState(7);
    expect(state.redactions).toHaveLength(2);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('1'); // one distinct placeholder
  });

  it('should mark overrides and keep the justification', async () => {
    const { content, appended } = setup();
    await content['cs-bg:report']({ redactions: [], audit: [{ ...audit, outcome: 'override', action: 'review', justification: 'test key' }] }, chatgptTab());
    expect(appended[0]).toMatchObject({ action: 'allow', overridden: true, justification: 'test key' });
  });

  it('should drop entries that claim another site than the sender page', async () => {
    const { content, appended } = setup();
    await content['cs-bg:report']({ redactions: [{ ...record, site: 'claude' }], audit: [{ ...audit, site: 'claude' }] }, chatgptTab(3));
    expect(appended).toHaveLength(0);
    expect((await getTabState(3)).redactions).toHaveLength(0);
  });
});

describe('badge', () => {
  it("should show 'II' when paused, '!' when unprotected, else the count", () => {
    expect(badgeFor({ status: 'protected', paused: true, redactions: [record] }).text).toBe('II');
    expect(badgeFor({ status: 'unprotected', paused: false, redactions: [record] }).text).toBe('!');
    expect(badgeFor({ status: 'protected', paused: false, redactions: [] }).text).toBe('');
  });
});

describe('pause', () => {
  it('should refuse pausing when policy forbids it', async () => {
    const policy = defaultPolicy();
    policy.userMayPause = false;
    const { ui } = setup(policy);
    expect(await ui['ui-bg:set-paused']({ tabId: 5, paused: true }, popup)).toMatchObject({ ok: false });
    expect((await getTabState(5)).paused).toBe(false);
  });

  it('should pause a tab, tell its content script and report it in hello', async () => {
    const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    const { ui, content } = setup();
    expect(await ui['ui-bg:set-paused']({ tabId: 7, paused: true }, popup)).toEqual({ ok: true });
    expect(sendMessage).toHaveBeenCalledWith(7, { type: 'bg-cs:paused-changed', payload: { paused: true } });
    expect(await content['cs-bg:hello']({ site: 'chatgpt' }, chatgptTab(7))).toMatchObject({ paused: true });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('II');
  });
});

describe('vault service', () => {
  it('should keep a conversation vault across instances (a service-worker restart) and re-key new chats', async () => {
    const first = new VaultService(() => 24);
    await first.put('chatgpt', 'new:1', { version: 1, entries: [{ name: 'EMAIL_1', type: 'EMAIL', value: EMAIL }] });
    await first.rekey('chatgpt', 'new:1', 'conv-9');
    const restarted = new VaultService(() => 24);
    expect(await restarted.get('chatgpt', 'new:1')).toBeNull();
    expect(await restarted.get('chatgpt', 'conv-9')).toMatchObject({ entries: [{ name: 'EMAIL_1' }] });
    expect(await restarted.get('claude', 'conv-9')).toBeNull();
  });
});

describe('vault handlers', () => {
  it("should let a new chat's id adopt the tab's provisional vault when the page reloaded before re-keying", async () => {
    const { content } = setup();
    const state = { version: 1, entries: [{ name: 'EMAIL_1', type: 'EMAIL', value: EMAIL }] };
    await content['cs-bg:vault-put']({ site: 'chatgpt', conversation: 'new:tab7', state }, chatgptTab(7));
    // Another tab's chat does not adopt it.
    expect(await content['cs-bg:vault-get']({ site: 'chatgpt', conversation: 'conv-x' }, chatgptTab(8))).toEqual({ state: null });
    expect(await content['cs-bg:vault-get']({ site: 'chatgpt', conversation: 'conv-1' }, chatgptTab(7))).toEqual({ state });
    // Adopted once: the provisional row moved.
    expect(await content['cs-bg:vault-get']({ site: 'chatgpt', conversation: 'new:tab7' }, chatgptTab(7))).toEqual({ state: null });
    expect((await getTabState(7)).provisional).toBeUndefined();
  });
});

describe('token counter', () => {
  it('should count with o200k_base and treat special-token text as plain text', async () => {
    expect(await countTokens('hello world')).toEqual({ tokens: 2, encoding: 'o200k_base' });
    expect((await countTokens('<|endoftext|>')).tokens).toBeGreaterThan(1);
  });
});
