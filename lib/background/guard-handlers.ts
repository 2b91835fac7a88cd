/**
 * Content scripts ↔ background for the guard: policy hello, vault sync (encrypted store), token counts, reports (audit
 * events + the popup's per-tab redaction list), tab status and the toolbar badge; plus the two popup messages about a
 * tab (its redactions, pausing it). Senders are checked per direction: `cs-bg:` only from a guarded site's tab whose
 * host matches the site it names, `ui-bg:` only from this extension's own pages.
 */
import { browser, type Browser } from 'wxt/browser';
import { isProvisionalConversationId, siteForUrl } from '../adapters/sites';
import {
  CONTENT_TO_BACKGROUND_PREFIX,
  UI_TO_BACKGROUND_PREFIX,
  listen,
  type BackgroundToContent,
  type ContentToBackground,
  type GuardAuditRequest,
  type GuardStatus,
  type Handlers,
  type RedactionRecord,
  type UiToBackground,
} from '../messaging/protocol';
import { defaultPolicy } from '../policy/defaults';
import type { PolicyService } from '../policy/policy-service';
import type { Policy, SiteId } from '../policy/types';
import { PseudonymVault } from '../anonymize';
import { AllowlistStore } from '../storage/allowlist-store';
import { AuditLog, type AuditEventInput } from '../storage/audit-log';
import { fingerprintConversation, fingerprintValue } from '../storage/keys';
import { getLoadedPolicyService } from './policy-instance';
import { countTokens, warmTokenCounter } from './token-counter';
import { VaultService } from './vault-service';

/** Where the guard gets the effective policy. The policy service plugs in here (see registerGuardHandlers). */
export interface GuardPolicySource {
  getEffective(): Promise<Policy> | Policy;
  /** Subscribe to changes of the effective policy; returns an unsubscribe function. */
  onChange?(listener: (policy: Policy) => void): () => void;
}

export interface GuardHandlerDeps {
  policy: GuardPolicySource;
  vaults: VaultService;
  audit: Pick<AuditLog, 'appendMany'>;
  /** The user's always-allow list (encrypted); the shared database's when omitted. */
  allowlist?: AllowlistStore;
}

/** Per-tab state the popup and the badge read. In storage.session: survives a service-worker restart, not the browser. */
export interface TabGuardState {
  status: GuardStatus | null;
  reason?: string;
  paused: boolean;
  redactions: RedactionRecord[];
  /** The vault this tab last wrote under a provisional key (a new chat), adopted by the chat's id if the page reloads
   * before its content script could re-key it. */
  provisional?: { site: SiteId; conversation: string };
  /** Record id → the conversation vault key its placeholder lives in (follows re-keys). Never sent to the popup. */
  vaultKeys?: Record<string, string>;
}

const MAX_REDACTIONS_PER_TAB = 200;
const tabKey = (tabId: number) => `guard:tab:${tabId}`;

export async function getTabState(tabId: number): Promise<TabGuardState> {
  const key = tabKey(tabId);
  const stored = (await browser.storage.session.get(key))[key] as TabGuardState | undefined;
  return stored ?? { status: null, paused: false, redactions: [] };
}

// Updates of one tab's state are serialized: reports and status messages arrive in bursts.
let tabStateQueue: Promise<unknown> = Promise.resolve();
function updateTabState(tabId: number, update: (state: TabGuardState) => TabGuardState): Promise<TabGuardState> {
  const next = tabStateQueue.then(async () => {
    const state = update(await getTabState(tabId));
    await browser.storage.session.set({ [tabKey(tabId)]: state });
    await updateBadge(tabId, state);
    return state;
  });
  tabStateQueue = next.catch(() => undefined);
  return next;
}

/** Badge per tab: 'II' paused, '!' unprotected, else the number of values redacted (empty when none). */
export function badgeFor(state: TabGuardState): { text: string; color: string } {
  if (state.paused) return { text: 'II', color: '#6b7280' };
  if (state.status === 'unprotected') return { text: '!', color: '#c62828' };
  // Distinct placeholders: the network scrub of a draft repeats what the composer rewrite already counted.
  const count = new Set(
    state.redactions.filter((record) => record.outcome === 'redacted' && !record.undone).map((record) => `${record.site}|${record.placeholder}`),
  ).size;
  return { text: count > 0 ? String(Math.min(count, 999)) : '', color: '#1d4ed8' };
}

async function updateBadge(tabId: number, state: TabGuardState): Promise<void> {
  const { text, color } = badgeFor(state);
  const action = browser.action;
  if (!action) return;
  await action.setBadgeText({ tabId, text }).catch(() => undefined);
  await action.setBadgeBackgroundColor({ tabId, color }).catch(() => undefined);
}

const OUTCOME_ACTION: Record<GuardAuditRequest['outcome'], string> = {
  redacted: 'redact',
  blocked: 'block',
  warned: 'warn',
  override: 'allow',
  held: 'held',
};

/** The audit event for a request: the value is fingerprinted with the background's key and dropped here. */
export async function toAuditEvent(request: GuardAuditRequest, at = Date.now()): Promise<AuditEventInput> {
  return {
    at,
    site: request.site,
    conversation: request.conversation ? await fingerprintConversation(request.site, request.conversation) : null,
    channel: request.channel,
    kind: request.kind,
    type: request.type,
    rule: request.rule,
    action: OUTCOME_ACTION[request.outcome],
    count: 1,
    fingerprint: await fingerprintValue(request.value),
    ...(request.outcome === 'override' ? { overridden: true } : {}),
    ...(request.justification ? { justification: request.justification } : {}),
  };
}

/** A content-script sender: this extension, in a tab whose URL is a guarded site. */
export function guardedSiteOf(sender: Browser.runtime.MessageSender): SiteId | null {
  if (sender.id !== browser.runtime.id || sender.tab?.id === undefined) return null;
  return siteForUrl(sender.url ?? sender.tab.url);
}

/** An extension-page sender (popup, options): this extension's own origin. */
export function isExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  const origin = browser.runtime.getURL('/');
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(origin);
}

function requireSite(sender: Browser.runtime.MessageSender, site: SiteId): number {
  const senderSite = guardedSiteOf(sender);
  if (senderSite !== site) throw new Error(`site ${site} does not match the sender's page`);
  return sender.tab!.id!;
}

async function tellTab<K extends keyof BackgroundToContent>(
  tabId: number,
  type: K,
  payload: BackgroundToContent[K]['request'],
): Promise<void> {
  await browser.tabs.sendMessage(tabId, { type, payload }).catch(() => undefined);
}

/** Asks a tab's content script and returns its answer (rejects when there is none). */
async function askTab<K extends keyof BackgroundToContent>(
  tabId: number,
  type: K,
  payload: BackgroundToContent[K]['request'],
): Promise<BackgroundToContent[K]['response']> {
  return (await browser.tabs.sendMessage(tabId, { type, payload })) as BackgroundToContent[K]['response'];
}

const GUARDED_TAB_URLS = ['https://chatgpt.com/*', 'https://claude.ai/*', 'https://gemini.google.com/*'];

async function guardedTabIds(): Promise<number[]> {
  const tabs = await browser.tabs.query({ url: GUARDED_TAB_URLS }).catch(() => []);
  return tabs.flatMap((tab) => (tab.id === undefined ? [] : [tab.id]));
}

const OVERRIDE_REFUSED = 'Your organization does not allow overriding ChatWarden decisions.';

/** Moves record → vault-key links from a provisional key to the chat's id. */
function rekeyLinks(state: TabGuardState, from: string, to: string): TabGuardState {
  if (!state.vaultKeys) return state;
  const vaultKeys = Object.fromEntries(Object.entries(state.vaultKeys).map(([id, key]) => [id, key === from ? to : key]));
  return { ...state, vaultKeys };
}

/** Marks records settled (sent or undone): no longer undoable. */
function settleRecords(state: TabGuardState, ids: string[], undone: boolean): TabGuardState {
  const settled = new Set(ids);
  return {
    ...state,
    redactions: state.redactions.map((record) =>
      record.id !== undefined && settled.has(record.id) ? { ...record, undoable: false, ...(undone ? { undone: true } : {}) } : record,
    ),
  };
}

export function createGuardHandlers(deps: GuardHandlerDeps): {
  content: Handlers<ContentToBackground>;
  ui: Handlers<UiToBackground>;
} {
  const allowlist = (): AllowlistStore => (deps.allowlist ??= new AllowlistStore());
  const content: Handlers<ContentToBackground> = {
    async 'cs-bg:hello'({ site }, sender) {
      const tabId = requireSite(sender, site);
      const [policy, state] = await Promise.all([deps.policy.getEffective(), getTabState(tabId)]);
      // The rank table takes seconds to parse: load it before the first oversized prompt needs it.
      if (policy.maxPromptTokens > 0) warmTokenCounter();
      const allowed = policy.userMayOverride ? await allowlist().values().catch(() => []) : [];
      // A (re)loaded page has no composer state to undo into: its earlier records are settled.
      if (state.redactions.some((record) => record.undoable)) {
        await updateTabState(tabId, (current) => ({
          ...current,
          redactions: current.redactions.map((record) => (record.undoable ? { ...record, undoable: false } : record)),
        }));
      }
      return { policy, paused: state.paused && policy.userMayPause, allowed };
    },
    async 'cs-bg:vault-get'({ site, conversation }, sender) {
      const tabId = requireSite(sender, site);
      const state = await deps.vaults.get(site, conversation);
      if (state !== null || isProvisionalConversationId(conversation)) return { state };
      const pending = (await getTabState(tabId)).provisional;
      if (!pending || pending.site !== site) return { state };
      // The new chat got its id and the page reloaded before re-keying: this tab's provisional vault is that chat's.
      await deps.vaults.rekey(site, pending.conversation, conversation);
      await updateTabState(tabId, ({ provisional: _, ...rest }) => rekeyLinks(rest, pending.conversation, conversation));
      return { state: await deps.vaults.get(site, conversation) };
    },
    async 'cs-bg:vault-put'({ site, conversation, state }, sender) {
      const tabId = requireSite(sender, site);
      await deps.vaults.put(site, conversation, state);
      if (isProvisionalConversationId(conversation)) {
        await updateTabState(tabId, (tab) => ({ ...tab, provisional: { site, conversation } }));
      }
      return { ok: true };
    },
    async 'cs-bg:vault-rekey'({ site, from, to }, sender) {
      const tabId = requireSite(sender, site);
      await deps.vaults.rekey(site, from, to);
      await updateTabState(tabId, ({ provisional, ...rest }) =>
        rekeyLinks(provisional?.conversation === from ? rest : { ...rest, ...(provisional ? { provisional } : {}) }, from, to),
      );
      return { ok: true };
    },
    async 'cs-bg:count-tokens'({ text }, sender) {
      if (!guardedSiteOf(sender)) throw new Error('not a guarded page');
      return countTokens(String(text));
    },
    async 'cs-bg:report'({ redactions, audit, vaultKey }, sender) {
      const site = guardedSiteOf(sender);
      if (!site) throw new Error('not a guarded page');
      const tabId = sender.tab!.id!;
      const ownSite = <T extends { site: SiteId }>(entry: T) => entry.site === site;
      const events = await Promise.all(audit.filter(ownSite).map((request) => toAuditEvent(request)));
      if (events.length > 0) await deps.audit.appendMany(events);
      await updateTabState(tabId, (state) => {
        const kept = [...state.redactions, ...redactions.filter(ownSite)].slice(-MAX_REDACTIONS_PER_TAB);
        const liveIds = new Set(kept.flatMap((record) => (record.id ? [record.id] : [])));
        const vaultKeys = Object.fromEntries(Object.entries(state.vaultKeys ?? {}).filter(([id]) => liveIds.has(id)));
        if (typeof vaultKey === 'string') {
          for (const record of redactions) if (record.id && record.placeholder && liveIds.has(record.id)) vaultKeys[record.id] = vaultKey;
        }
        return { ...state, redactions: kept, vaultKeys };
      });
      return { ok: true };
    },
    async 'cs-bg:redactions-settled'({ ids, undone }, sender) {
      if (!guardedSiteOf(sender)) throw new Error('not a guarded page');
      if (!Array.isArray(ids)) throw new Error('ids must be an array');
      await updateTabState(sender.tab!.id!, (state) => settleRecords(state, ids.map(String), undone === true));
      return { ok: true };
    },
    async 'cs-bg:status'({ status, reason }, sender) {
      if (!guardedSiteOf(sender)) throw new Error('not a guarded page');
      await updateTabState(sender.tab!.id!, (state) => ({
        ...state,
        status,
        ...(reason ? { reason } : { reason: undefined }),
      }));
      return { ok: true };
    },
  };

  const ui: Handlers<UiToBackground> = {
    async 'ui-bg:tab-redactions'({ tabId }) {
      return { redactions: (await getTabState(tabId)).redactions };
    },
    async 'ui-bg:tab-guard-state'({ tabId }) {
      const state = await getTabState(tabId);
      return { status: state.status, paused: state.paused, ...(state.reason ? { reason: state.reason } : {}) };
    },
    async 'ui-bg:set-paused'({ tabId, paused }) {
      const policy = await deps.policy.getEffective();
      if (paused && !policy.userMayPause) return { ok: false, error: 'Your organization does not allow pausing protection.' };
      await updateTabState(tabId, (state) => ({ ...state, paused }));
      await tellTab(tabId, 'bg-cs:paused-changed', { paused });
      return { ok: true };
    },
    async 'ui-bg:undo-redaction'({ tabId, id }) {
      const record = (await getTabState(tabId)).redactions.find((candidate) => candidate.id === id);
      if (!record) return { ok: false, error: 'No such redaction in this tab.' };
      if (!record.undoable) return { ok: false, error: record.undone ? 'Already undone.' : 'This redaction can no longer be undone.' };
      try {
        const answer = await askTab(tabId, 'bg-cs:undo-redaction', { id });
        if (!answer || typeof answer.ok !== 'boolean') return { ok: false, error: 'The page did not answer.' };
        return answer.ok ? { ok: true } : { ok: false, error: answer.error ?? 'Could not undo.' };
      } catch {
        return { ok: false, error: 'The page did not answer (reload it?).' };
      }
    },
    async 'ui-bg:always-allow'({ tabId, id }) {
      const policy = await deps.policy.getEffective();
      if (!policy.userMayOverride) return { ok: false, error: OVERRIDE_REFUSED };
      const state = await getTabState(tabId);
      const record = state.redactions.find((candidate) => candidate.id === id);
      if (!record) return { ok: false, error: 'No such redaction in this tab.' };
      const vaultKey = state.vaultKeys?.[id];
      if (!record.placeholder || !vaultKey) return { ok: false, error: 'The value of this redaction is not in the vault.' };
      const snapshot = await deps.vaults.get(record.site, vaultKey);
      const value = snapshot ? PseudonymVault.fromJSON(snapshot).valueOf(record.placeholder) : undefined;
      if (!value) return { ok: false, error: 'The value of this redaction is no longer in the vault (expired?).' };
      await allowlist().add(value, record.type, record.masked);
      await deps.audit.appendMany([
        {
          at: Date.now(),
          site: record.site,
          conversation: isProvisionalConversationId(vaultKey) ? null : await fingerprintConversation(record.site, vaultKey),
          channel: record.channel,
          kind: record.kind,
          type: record.type,
          rule: 'user-always-allow',
          action: 'allow',
          count: 1,
          fingerprint: await fingerprintValue(value),
          overridden: true,
        },
      ]);
      await pushAllowlist(allowlist(), policy);
      return { ok: true };
    },
    async 'ui-bg:allowed-values'() {
      const policy = await deps.policy.getEffective();
      if (!policy.userMayOverride) return { ok: false, values: [], error: OVERRIDE_REFUSED };
      const values = (await allowlist().list()).map(({ id, type, masked, addedAt }) => ({ id, type, masked, addedAt }));
      return { ok: true, values };
    },
    async 'ui-bg:remove-allowed-value'({ id }) {
      const policy = await deps.policy.getEffective();
      if (!policy.userMayOverride) return { ok: false, error: OVERRIDE_REFUSED };
      const removed = await allowlist().remove(String(id));
      if (!removed) return { ok: false, error: 'No such allowed value.' };
      await pushAllowlist(allowlist(), policy);
      return { ok: true };
    },
  };
  return { content, ui };
}

/** Pushes a changed policy to every guarded tab. */
async function broadcastPolicy(policy: Policy): Promise<void> {
  const tabIds = await guardedTabIds();
  await Promise.all(tabIds.map((tabId) => tellTab(tabId, 'bg-cs:policy-changed', { policy })));
}

/** Pushes the whole always-allow list to every guarded tab (an empty one while policy forbids overrides). */
async function pushAllowlist(allowlist: AllowlistStore, policy: Policy): Promise<void> {
  const values = policy.userMayOverride ? await allowlist.values().catch(() => []) : [];
  const tabIds = await guardedTabIds();
  await Promise.all(tabIds.map((tabId) => tellTab(tabId, 'bg-cs:allowlist-changed', { values })));
}

/** Adapts the background's shared PolicyService (lib/background/policy-instance.ts) to what the guard reads. */
export function policySourceFromService(service: () => Promise<PolicyService>): GuardPolicySource {
  return {
    getEffective: async () => (await service()).getEffective().policy,
    onChange: (listener) => {
      let unsubscribe: (() => void) | undefined;
      let stopped = false;
      void service().then((loaded) => {
        if (!stopped) unsubscribe = loaded.onChange((effective) => listener(effective.policy));
      });
      return () => {
        stopped = true;
        unsubscribe?.();
      };
    },
  };
}

/** Registers the guard's handlers against the background's shared PolicyService unless `overrides.policy` is given. */
export function registerGuardHandlers(overrides: Partial<GuardHandlerDeps> = {}): () => void {
  const policy = overrides.policy ?? policySourceFromService(getLoadedPolicyService);
  let retentionHours = defaultPolicy().vaultRetentionHours;
  void Promise.resolve(policy.getEffective()).then((effective) => (retentionHours = effective.vaultRetentionHours));
  const deps: GuardHandlerDeps = {
    policy,
    vaults: overrides.vaults ?? new VaultService(() => retentionHours),
    audit: overrides.audit ?? new AuditLog(),
    allowlist: overrides.allowlist ?? new AllowlistStore(),
  };
  const { content, ui } = createGuardHandlers(deps);
  const stopContent = listen<ContentToBackground>(CONTENT_TO_BACKGROUND_PREFIX, content, (sender) => guardedSiteOf(sender) !== null);
  const stopUi = listen<UiToBackground>(UI_TO_BACKGROUND_PREFIX, ui, isExtensionPage);
  const stopPolicy = policy.onChange?.((effective) => {
    retentionHours = effective.vaultRetentionHours;
    void broadcastPolicy(effective);
    if (deps.allowlist) void pushAllowlist(deps.allowlist, effective);
  });
  const onTabRemoved = (tabId: number) => void browser.storage.session.remove(tabKey(tabId)).catch(() => undefined);
  browser.tabs?.onRemoved?.addListener(onTabRemoved);
  return () => {
    stopContent();
    stopUi();
    stopPolicy?.();
    browser.tabs?.onRemoved?.removeListener(onTabRemoved);
  };
}
