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
    state.redactions.filter((record) => record.outcome === 'redacted').map((record) => `${record.site}|${record.placeholder}`),
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

export function createGuardHandlers(deps: GuardHandlerDeps): {
  content: Handlers<ContentToBackground>;
  ui: Handlers<UiToBackground>;
} {
  const content: Handlers<ContentToBackground> = {
    async 'cs-bg:hello'({ site }, sender) {
      const tabId = requireSite(sender, site);
      const [policy, state] = await Promise.all([deps.policy.getEffective(), getTabState(tabId)]);
      // The rank table takes seconds to parse: load it before the first oversized prompt needs it.
      if (policy.maxPromptTokens > 0) warmTokenCounter();
      return { policy, paused: state.paused && policy.userMayPause };
    },
    async 'cs-bg:vault-get'({ site, conversation }, sender) {
      const tabId = requireSite(sender, site);
      const state = await deps.vaults.get(site, conversation);
      if (state !== null || isProvisionalConversationId(conversation)) return { state };
      const pending = (await getTabState(tabId)).provisional;
      if (!pending || pending.site !== site) return { state };
      // The new chat got its id and the page reloaded before re-keying: this tab's provisional vault is that chat's.
      await deps.vaults.rekey(site, pending.conversation, conversation);
      await updateTabState(tabId, ({ provisional: _, ...rest }) => rest);
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
        provisional?.conversation === from ? rest : { ...rest, ...(provisional ? { provisional } : {}) },
      );
      return { ok: true };
    },
    async 'cs-bg:count-tokens'({ text }, sender) {
      if (!guardedSiteOf(sender)) throw new Error('not a guarded page');
      return countTokens(String(text));
    },
    async 'cs-bg:report'({ redactions, audit }, sender) {
      const site = guardedSiteOf(sender);
      if (!site) throw new Error('not a guarded page');
      const tabId = sender.tab!.id!;
      const ownSite = <T extends { site: SiteId }>(entry: T) => entry.site === site;
      const events = await Promise.all(audit.filter(ownSite).map((request) => toAuditEvent(request)));
      if (events.length > 0) await deps.audit.appendMany(events);
      await updateTabState(tabId, (state) => ({
        ...state,
        redactions: [...state.redactions, ...redactions.filter(ownSite)].slice(-MAX_REDACTIONS_PER_TAB),
      }));
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
  };
  return { content, ui };
}

/** Pushes a changed policy to every guarded tab. */
async function broadcastPolicy(policy: Policy): Promise<void> {
  const tabs = await browser.tabs
    .query({ url: ['https://chatgpt.com/*', 'https://claude.ai/*', 'https://gemini.google.com/*'] })
    .catch(() => []);
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : tellTab(tab.id, 'bg-cs:policy-changed', { policy }))));
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
  };
  const { content, ui } = createGuardHandlers(deps);
  const stopContent = listen<ContentToBackground>(CONTENT_TO_BACKGROUND_PREFIX, content, (sender) => guardedSiteOf(sender) !== null);
  const stopUi = listen<UiToBackground>(UI_TO_BACKGROUND_PREFIX, ui, isExtensionPage);
  const stopPolicy = policy.onChange?.((effective) => {
    retentionHours = effective.vaultRetentionHours;
    void broadcastPolicy(effective);
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
