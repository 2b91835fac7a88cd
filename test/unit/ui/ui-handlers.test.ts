import { afterEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { PseudonymVault } from '../../../lib/anonymize/vault';
import { createInboundHandlers } from '../../../lib/background/inbound-handlers';
import { createUiHandlers, isOwnExtensionPage, type UiHandlerDeps } from '../../../lib/background/ui-handlers';
import type { ManagedPolicySource } from '../../../lib/policy/managed';
import { PolicyService } from '../../../lib/policy/policy-service';
import { AuditLog } from '../../../lib/storage/audit-log';
import { fingerprintValue } from '../../../lib/storage/keys';
import { cleanupDbs, freshDb } from '../storage/helpers';

afterEach(cleanupDbs);

function managedSource(value: unknown): ManagedPolicySource {
  return { read: async () => ({ ok: true, value }), subscribe: () => () => undefined };
}

async function setup(options: { managed?: unknown; urls?: Record<number, string>; vaults?: Record<string, unknown> } = {}) {
  const db = freshDb();
  const service = new PolicyService({ db, managed: managedSource(options.managed ?? {}) });
  await service.load();
  const audit = new AuditLog(db);
  let deleted = 0;
  const deps: UiHandlerDeps = {
    policy: async () => service,
    audit,
    vault: { get: async (site: string, conversation: string) => options.vaults?.[`${site}|${conversation}`] ?? null },
    deleteAll: async () => {
      deleted += 1;
    },
    tabUrl: async (tabId) => options.urls?.[tabId],
  };
  const sender = {} as never;
  return { handlers: createUiHandlers(deps), service, audit, db, sender, deletedCount: () => deleted };
}

describe('isOwnExtensionPage', () => {
  it('accepts only this extension’s own pages', () => {
    const origin = browser.runtime.getURL('/');
    expect(isOwnExtensionPage({ id: browser.runtime.id, url: `${origin}popup.html` })).toBe(true);
    expect(isOwnExtensionPage({ id: browser.runtime.id, url: 'https://chatgpt.com/', tab: { id: 3 } as never })).toBe(false);
    expect(isOwnExtensionPage({ id: 'another-extension', url: `${origin}popup.html` })).toBe(false);
    expect(isOwnExtensionPage({ id: browser.runtime.id })).toBe(false);
  });
});

describe('UI handlers', () => {
  it('reveals a placeholder from the vault of the tab’s conversation, and nothing for other tabs', async () => {
    const vault = new PseudonymVault();
    vault.placeholderFor('alice.smith@acme-corp.com', 'EMAIL');
    const { handlers, sender } = await setup({
      urls: { 5: 'https://chatgpt.com/c/abc-123', 6: 'https://example.com/' },
      vaults: { 'chatgpt|abc-123': vault.toJSON() },
    });
    await expect(handlers['ui-app:reveal']({ tabId: 5, placeholder: '[EMAIL_1]' }, sender)).resolves.toEqual({
      value: 'alice.smith@acme-corp.com',
    });
    await expect(handlers['ui-app:reveal']({ tabId: 5, placeholder: '[EMAIL_2]' }, sender)).resolves.toEqual({ value: null });
    await expect(handlers['ui-app:reveal']({ tabId: 6, placeholder: '[EMAIL_1]' }, sender)).resolves.toEqual({ value: null });
    await expect(handlers['ui-app:reveal']({ tabId: 5, placeholder: 'not a placeholder' }, sender)).rejects.toThrow();
  });

  it('falls back to the provisional vault the guard recorded for a new chat', async () => {
    const vault = new PseudonymVault();
    vault.placeholderFor('bob@example.org', 'EMAIL');
    const { handlers, sender } = await setup({
      urls: { 9: 'https://chatgpt.com/' },
      vaults: { 'chatgpt|new:xyz': vault.toJSON() },
    });
    await browser.storage.session.set({
      'guard:tab:9': { status: 'protected', paused: false, redactions: [], provisional: { site: 'chatgpt', conversation: 'new:xyz' } },
    });
    await expect(handlers['ui-app:reveal']({ tabId: 9, placeholder: 'EMAIL_1' }, sender)).resolves.toEqual({ value: 'bob@example.org' });
  });

  it('names the site of a tab only for guarded hosts', async () => {
    const { handlers, sender } = await setup({ urls: { 1: 'https://claude.ai/chat/x', 2: 'https://claude.ai.evil.test/' } });
    await expect(handlers['ui-app:tab-context']({ tabId: 1 }, sender)).resolves.toEqual({ tabId: 1, site: 'claude', host: 'claude.ai' });
    await expect(handlers['ui-app:tab-context']({ tabId: 2 }, sender)).resolves.toEqual({ tabId: 2, site: null, host: null });
  });

  it('refuses user settings on fields a managed policy locks, and stores the others', async () => {
    const { handlers, sender } = await setup({ managed: { actions: { pii: 'block' } } });
    const refused = await handlers['ui-app:set-user-settings']({ partial: { actions: { pii: 'allow' } } }, sender);
    expect(refused.ok).toBe(false);
    const saved = await handlers['ui-app:set-user-settings']({ partial: { actions: { secret: 'block' } } }, sender);
    expect(saved.ok).toBe(true);
    const { effective, userSettings } = await handlers['ui-app:get-policy']({}, sender);
    expect(effective.sources['actions.secret']).toBe('user');
    expect(effective.locked).toContain('actions.pii');
    expect(userSettings).toEqual({ actions: { secret: 'block' } });
  });

  it('rejects an invalid org import with field errors and keeps the last good version', async () => {
    const { handlers, sender } = await setup();
    const first = await handlers['ui-app:import-org-policy']({ json: '{"failMode":"open"}', label: 'org.json' }, sender);
    expect(first.ok).toBe(true);
    const second = await handlers['ui-app:import-org-policy']({ json: '{"actions":{"pii":"nuke"}}' }, sender);
    expect(second).toMatchObject({ ok: false, errors: [expect.objectContaining({ field: 'actions.pii' })] });
    const { effective } = await handlers['ui-app:get-policy']({}, sender);
    expect(effective.org?.version).toBe(1);
    expect(effective.policy.failMode).toBe('open');
    await expect(handlers['ui-app:export-org-policy']({}, sender)).resolves.toEqual({ json: JSON.stringify({ failMode: 'open' }, null, 2) });
  });

  it('lists, verifies and exports the audit log without values; delete-all needs confirmation', async () => {
    const { handlers, sender, audit, deletedCount } = await setup();
    await audit.append({
      site: 'chatgpt',
      conversation: null,
      channel: 'typed',
      kind: 'pii',
      type: 'EMAIL',
      rule: 'email',
      action: 'redact',
      count: 1,
      fingerprint: await fingerprintValue('alice.smith@acme-corp.com'),
    });
    const listed = await handlers['ui-app:list-audit']({ query: { kind: 'pii' } }, sender);
    expect(listed.total).toBe(1);
    expect(listed.events).toHaveLength(1);
    expect((await handlers['ui-app:list-audit']({ query: { kind: 'secret' } }, sender)).events).toHaveLength(0);
    await expect(handlers['ui-app:verify-audit']({}, sender)).resolves.toMatchObject({ ok: true, checked: 1 });
    const { content } = await handlers['ui-app:export-audit']({ format: 'csv' }, sender);
    expect(content).toContain('EMAIL');
    expect(content).not.toContain('alice.smith');

    await expect(handlers['ui-app:delete-all-data']({ confirm: false as never }, sender)).rejects.toThrow(/confirmation/);
    expect(deletedCount()).toBe(0);
    await handlers['ui-app:delete-all-data']({ confirm: true }, sender);
    expect(deletedCount()).toBe(1);
  });
});

describe('UI handlers: reply findings', () => {
  it('return the tab’s reply findings from the inbound store', async () => {
    const sender = {} as never;
    const finding = {
      kind: 'injection' as const,
      type: 'IGNORE_PREVIOUS',
      rule: 'injection.ignore-previous',
      message: 'm',
      site: 'chatgpt' as const,
      host: 'chatgpt.com',
      turn: 0,
      time: 1,
    };
    const asked: number[] = [];
    const handlers = createUiHandlers({
      policy: async () => {
        throw new Error('not needed');
      },
      audit: new AuditLog(freshDb()),
      vault: { get: async () => null },
      deleteAll: async () => undefined,
      tabUrl: async () => undefined,
      replyFindings: async (tabId) => (asked.push(tabId), { findings: tabId === 4 ? [finding] : [] }),
    });
    await expect(handlers['ui-app:tab-reply-findings']({ tabId: 4 }, sender)).resolves.toEqual({ findings: [finding] });
    await expect(handlers['ui-app:tab-reply-findings']({ tabId: 5 }, sender)).resolves.toEqual({ findings: [] });
    await expect(handlers['ui-app:tab-reply-findings']({ tabId: 'x' as never }, sender)).rejects.toThrow(/tab id/);
    expect(asked).toEqual([4, 5]);
  });

  it('read what the inbound handlers stored for the tab by default', async () => {
    const { handlers } = await setup();
    const url = 'https://claude.ai/chat/abc';
    await createInboundHandlers(() => 5)['cs-in:reply-findings'](
      { site: 'claude', conversation: 'abc', turn: 3, findings: [{ kind: 'hidden-text', type: 'TAG_CHARACTERS', rule: 'hidden.tags', message: 'Hidden tag characters', preview: 'ignore the user' }] },
      { id: browser.runtime.id, url, tab: { id: 11, url } as never },
    );
    const { findings } = await handlers['ui-app:tab-reply-findings']({ tabId: 11 }, {} as never);
    expect(findings).toEqual([
      { kind: 'hidden-text', type: 'TAG_CHARACTERS', rule: 'hidden.tags', message: 'Hidden tag characters', preview: 'ignore the user', site: 'claude', host: 'claude.ai', turn: 3, time: 5 },
    ]);
    await expect(handlers['ui-app:tab-reply-findings']({ tabId: 12 }, {} as never)).resolves.toEqual({ findings: [] });
  });
});
