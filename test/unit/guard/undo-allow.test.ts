import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { createGuardHandlers, getTabState, type GuardHandlerDeps } from '../../../lib/background/guard-handlers';
import { VaultService } from '../../../lib/background/vault-service';
import { planFindings, withoutAllowed } from '../../../lib/guard/decide';
import { buildReport } from '../../../lib/guard/report';
import type { RedactionRecord } from '../../../lib/messaging/protocol';
import { scan } from '../../../lib/detection';
import { defaultPolicy, toScanPolicy } from '../../../lib/policy/defaults';
import { AllowlistStore } from '../../../lib/storage/allowlist-store';
import type { AuditEventInput } from '../../../lib/storage/audit-log';
import { ChatWardenDb } from '../../../lib/storage/db';

type Sender = Browser.runtime.MessageSender;
const tab = (tabId: number): Sender => ({ id: fakeBrowser.runtime.id, url: 'https://chatgpt.com/c/abc', tab: { id: tabId, url: 'https://chatgpt.com/c/abc' } as Browser.tabs.Tab });
const popup: Sender = { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/popup.html` };
const EMAIL = 'alice.smith@acme-corp.com';
let dbCounter = 0;

function setup(policy = defaultPolicy()) {
  const appended: AuditEventInput[] = [];
  const allowlist = new AllowlistStore(new ChatWardenDb(`undo-allow-${Date.now()}-${dbCounter++}`));
  const deps: GuardHandlerDeps = {
    policy: { getEffective: () => policy },
    vaults: new VaultService(() => 24),
    audit: { appendMany: vi.fn(async (events: AuditEventInput[]) => (appended.push(...events), [])) },
    allowlist,
  };
  return { ...createGuardHandlers(deps), appended, allowlist };
}

const record = (id: string, extra: Partial<RedactionRecord> = {}): RedactionRecord => ({
  type: 'EMAIL', kind: 'pii', placeholder: '[EMAIL_1]', masked: 'alic…com', channel: 'paste', outcome: 'redacted', site: 'chatgpt', time: 1, id, undoable: true, ...extra,
});
const vaultState = { version: 1, entries: [{ name: 'EMAIL_1', type: 'EMAIL', value: EMAIL }] };

describe('withoutAllowed', () => {
  it('drops findings whose value is allowed, keeps the others', () => {
    const text = `a ${EMAIL} b bob.jones@acme-corp.com`;
    const scanPolicy = toScanPolicy(defaultPolicy());
    const plan = planFindings(text, scan(text, scanPolicy), scanPolicy);
    expect(plan.findings).toHaveLength(2);
    const filtered = withoutAllowed(plan, (value) => value === EMAIL);
    expect(filtered.findings.map((planned) => planned.value)).toEqual(['bob.jones@acme-corp.com']);
    expect(filtered.redact.map((planned) => planned.value)).toEqual(['bob.jones@acme-corp.com']);
    expect(withoutAllowed(plan, () => false)).toBe(plan);
  });
});

describe('buildReport ids', () => {
  it('gives each record an id and marks only the undoable ones; old callers get no id', () => {
    const text = `x ${EMAIL}`;
    const scanPolicy = toScanPolicy(defaultPolicy());
    const [planned] = planFindings(text, scan(text, scanPolicy), scanPolicy).findings;
    const items = [{ planned: planned!, outcome: 'redacted' as const, placeholder: '[EMAIL_1]' }, { planned: planned!, outcome: 'warned' as const, placeholder: null }];
    const built = buildReport('chatgpt', 'abc', 'paste', items, 1, { ids: ['e:0', 'e:1'], undoable: new Set(['e:0']), vaultKey: 'abc' });
    expect(built.redactions.map(({ id, undoable }) => ({ id, undoable }))).toEqual([{ id: 'e:0', undoable: true }, { id: 'e:1', undoable: false }]);
    expect(built.vaultKey).toBe('abc');
    expect(JSON.stringify(built.redactions)).not.toContain(EMAIL);
    const legacy = buildReport('chatgpt', 'abc', 'paste', items, 1);
    expect(legacy.redactions[0]).not.toHaveProperty('id');
    expect(legacy).not.toHaveProperty('vaultKey');
  });
});

describe('undo handlers', () => {
  it('forwards undo to the tab, refuses unknown or settled records, and settles records after a send', async () => {
    const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true });
    const { ui, content } = setup();
    await content['cs-bg:report']({ redactions: [record('ev:0'), record('ev:1', { placeholder: '[EMAIL_2]' })], audit: [], vaultKey: 'abc' }, tab(21));
    expect(await ui['ui-bg:undo-redaction']({ tabId: 21, id: 'nope' }, popup)).toMatchObject({ ok: false });
    expect(await ui['ui-bg:undo-redaction']({ tabId: 21, id: 'ev:1' }, popup)).toEqual({ ok: true });
    expect(sendMessage).toHaveBeenCalledWith(21, { type: 'bg-cs:undo-redaction', payload: { id: 'ev:1' } });
    await content['cs-bg:redactions-settled']({ ids: ['ev:0', 'ev:1'], undone: true }, tab(21));
    const state = await getTabState(21);
    expect(state.redactions.map(({ undoable, undone }) => ({ undoable, undone }))).toEqual([
      { undoable: false, undone: true },
      { undoable: false, undone: true },
    ]);
    expect(await ui['ui-bg:undo-redaction']({ tabId: 21, id: 'ev:0' }, popup)).toMatchObject({ ok: false, error: 'Already undone.' });
    // Undone redactions no longer count on the badge.
    expect(await fakeBrowser.action.getBadgeText({ tabId: 21 })).toBe('');
  });

  it("passes the content script's refusal through", async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: false, error: 'gone' });
    const { ui, content } = setup();
    await content['cs-bg:report']({ redactions: [record('ev2:0')], audit: [], vaultKey: 'abc' }, tab(22));
    expect(await ui['ui-bg:undo-redaction']({ tabId: 22, id: 'ev2:0' }, popup)).toEqual({ ok: false, error: 'gone' });
  });
});

describe('always-allow handlers', () => {
  it('takes the value from the vault, stores it encrypted, audits a fingerprint, pushes it to tabs, lists masked, removes', async () => {
    const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 31 } as Browser.tabs.Tab]);
    const { ui, content, appended, allowlist } = setup();
    await content['cs-bg:vault-put']({ site: 'chatgpt', conversation: 'abc', state: vaultState }, tab(31));
    await content['cs-bg:report']({ redactions: [record('al:0')], audit: [], vaultKey: 'abc' }, tab(31));

    expect(await ui['ui-bg:always-allow']({ tabId: 31, id: 'al:0' }, popup)).toEqual({ ok: true });
    expect(await allowlist.values()).toEqual([EMAIL]);
    expect(appended).toHaveLength(1);
    expect(appended[0]).toMatchObject({ action: 'allow', type: 'EMAIL', overridden: true });
    expect(appended[0]!.fingerprint).toMatch(/^fp1:/);
    expect(JSON.stringify(appended)).not.toContain(EMAIL);
    expect(sendMessage).toHaveBeenCalledWith(31, { type: 'bg-cs:allowlist-changed', payload: { values: [EMAIL] } });
    expect(await content['cs-bg:hello']({ site: 'chatgpt' }, tab(31))).toMatchObject({ allowed: [EMAIL] });

    const listed = await ui['ui-bg:allowed-values']({}, popup);
    expect(listed).toMatchObject({ ok: true, values: [{ type: 'EMAIL', masked: 'alic…com' }] });
    expect(JSON.stringify(listed)).not.toContain(EMAIL);
    expect(await ui['ui-bg:remove-allowed-value']({ id: listed.values[0]!.id }, popup)).toEqual({ ok: true });
    expect(await allowlist.values()).toEqual([]);
    expect(sendMessage).toHaveBeenLastCalledWith(31, { type: 'bg-cs:allowlist-changed', payload: { values: [] } });
  });

  it('follows a provisional vault key to the chat id', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    const { ui, content, allowlist } = setup();
    await content['cs-bg:vault-put']({ site: 'chatgpt', conversation: 'new:t32', state: vaultState }, tab(32));
    await content['cs-bg:report']({ redactions: [record('pv:0')], audit: [], vaultKey: 'new:t32' }, tab(32));
    await content['cs-bg:vault-rekey']({ site: 'chatgpt', from: 'new:t32', to: 'conv-32' }, tab(32));
    expect((await getTabState(32)).vaultKeys).toEqual({ 'pv:0': 'conv-32' });
    expect(await ui['ui-bg:always-allow']({ tabId: 32, id: 'pv:0' }, popup)).toEqual({ ok: true });
    expect(await allowlist.values()).toEqual([EMAIL]);
  });

  it('is refused when policy.userMayOverride is false, and hello sends no allowlist then', async () => {
    const policy = { ...defaultPolicy(), userMayOverride: false };
    const { ui, content, allowlist, appended } = setup(policy);
    await allowlist.add(EMAIL, 'EMAIL', 'alic…com');
    await content['cs-bg:report']({ redactions: [record('no:0')], audit: [], vaultKey: 'abc' }, tab(33));
    expect(await ui['ui-bg:always-allow']({ tabId: 33, id: 'no:0' }, popup)).toMatchObject({ ok: false });
    expect(await ui['ui-bg:allowed-values']({}, popup)).toMatchObject({ ok: false, values: [] });
    expect(await ui['ui-bg:remove-allowed-value']({ id: 'x' }, popup)).toMatchObject({ ok: false });
    expect(await content['cs-bg:hello']({ site: 'chatgpt' }, tab(33))).toMatchObject({ allowed: [] });
    expect(appended).toHaveLength(0);
  });

  it('refuses a record whose value is not in the vault', async () => {
    const { ui, content } = setup();
    await content['cs-bg:report']({ redactions: [record('nv:0')], audit: [], vaultKey: 'missing' }, tab(34));
    expect(await ui['ui-bg:always-allow']({ tabId: 34, id: 'nv:0' }, popup)).toMatchObject({ ok: false });
    await content['cs-bg:report']({ redactions: [record('nk:0')], audit: [] }, tab(35));
    expect(await ui['ui-bg:always-allow']({ tabId: 35, id: 'nk:0' }, popup)).toMatchObject({ ok: false });
  });
});

describe('redactAllowing', () => {
  it('keeps always-allowed values even where redact() would replace them as known vault values', async () => {
    const { PseudonymVault } = await import('../../../lib/anonymize');
    const { redactAllowing } = await import('../../../lib/guard/allowlist');
    const vault = new PseudonymVault();
    vault.placeholderFor(EMAIL, 'EMAIL');
    const text = `again ${EMAIL} and bob.jones@acme-corp.com, ${EMAIL}`;
    const scanPolicy = toScanPolicy(defaultPolicy());
    const plan = withoutAllowed(planFindings(text, scan(text, scanPolicy), scanPolicy), (value) => value === EMAIL);
    const result = redactAllowing(text, vault, plan.redact.map((planned) => planned.finding), (value) => value === EMAIL);
    expect(result.text).toBe(`again ${EMAIL} and [EMAIL_2], ${EMAIL}`);
    expect(result.replacements).toHaveLength(1);
    expect(result.text.slice(result.replacements[0]!.start, result.replacements[0]!.end)).toBe('[EMAIL_2]');
    // Without an allowlist it is plain redact().
    expect(redactAllowing(text, vault, plan.redact.map((planned) => planned.finding), () => false).text).toBe('again [EMAIL_1] and [EMAIL_2], [EMAIL_1]');
  });
});

describe('hello after a reload', () => {
  it('settles the tab’s undoable records (the new page has nothing to undo into)', async () => {
    const { content } = setup();
    await content['cs-bg:report']({ redactions: [record('rl:0')], audit: [], vaultKey: 'abc' }, tab(41));
    expect((await getTabState(41)).redactions[0]!.undoable).toBe(true);
    await content['cs-bg:hello']({ site: 'chatgpt' }, tab(41));
    expect((await getTabState(41)).redactions[0]!.undoable).toBe(false);
  });
});
