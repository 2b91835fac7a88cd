/**
 * Popup/options ↔ background: policy (read, user settings, org import/export), the audit log (list, export, verify,
 * retention), "delete all data", and for the popup the tab's site and revealing a placeholder's original.
 * Only this extension's own pages may call these (sender URL under the extension's origin).
 */
import { browser, type Browser } from 'wxt/browser';
import { SITE_ADAPTERS, siteForUrl } from '../adapters/sites';
import { PseudonymVault } from '../anonymize/vault';
import { listen, type Handlers } from '../messaging/protocol';
import type { ReplyFindingRecord } from '../messaging/inbound-protocol';
import { UI_APP_PREFIX, type UiAppToBackground } from '../messaging/ui-protocol';
import type { PolicyService } from '../policy/policy-service';
import { AuditLog } from '../storage/audit-log';
import { deleteAllData } from '../storage/delete-all';
import { VaultStore } from '../storage/vault-store';
import { getTabState } from './guard-handlers';
import { getTabReplyFindings } from './inbound-handlers';
import { getLoadedPolicyService } from './policy-instance';

export interface UiHandlerDeps {
  policy: () => Promise<PolicyService>;
  audit: AuditLog;
  vault: Pick<VaultStore, 'get'>;
  deleteAll: () => Promise<void>;
  tabUrl: (tabId: number) => Promise<string | undefined>;
  /** The tab's reply findings (inbound-handlers.ts); injectable for tests. */
  replyFindings?: (tabId: number) => Promise<{ findings: ReplyFindingRecord[] }>;
}

/** An extension page of ours: same extension id, URL under our origin (popup and options have no tab of a site). */
export function isOwnExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  const origin = browser.runtime.getURL('/');
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(origin);
}

const PLACEHOLDER = /^\[?([A-Z][A-Z0-9_]{0,63}_\d{1,6})\]?$/;

export function createUiHandlers(deps: UiHandlerDeps): Handlers<UiAppToBackground> {
  /** The conversation a tab shows: its URL's id, else the provisional key the guard last wrote under. */
  async function tabConversation(tabId: number) {
    const url = await deps.tabUrl(tabId);
    const site = siteForUrl(url);
    if (!site || !url) return null;
    const id = SITE_ADAPTERS[site].conversationIdFromUrl(new URL(url));
    if (id) return { site, conversation: id };
    const pending = (await getTabState(tabId)).provisional;
    return pending && pending.site === site ? pending : null;
  }

  return {
    async 'ui-app:get-policy'() {
      const service = await deps.policy();
      return {
        effective: service.getEffective(),
        userSettings: service.getUserSettings(),
        orgVersions: await service.listOrgPolicyVersions(),
      };
    },
    async 'ui-app:set-user-settings'({ partial }) {
      return (await deps.policy()).setUserSettings(partial);
    },
    async 'ui-app:reset-user-settings'({ paths }) {
      await (await deps.policy()).resetUserSettings(paths);
      return { ok: true };
    },
    async 'ui-app:import-org-policy'({ json, label }) {
      if (typeof json !== 'string') throw new Error('policy must be JSON text');
      return (await deps.policy()).importOrgPolicy(json, typeof label === 'string' ? label.slice(0, 200) : undefined);
    },
    async 'ui-app:export-org-policy'() {
      return { json: await (await deps.policy()).exportOrgPolicy() };
    },
    async 'ui-app:remove-org-policy'() {
      await (await deps.policy()).removeOrgPolicy();
      return { ok: true };
    },
    async 'ui-app:list-audit'({ query }) {
      // Retention is applied when someone looks: the service worker sleeps most of the time.
      const { policy } = (await deps.policy()).getEffective();
      await deps.audit.purgeAudit(Date.now(), policy.auditRetentionDays).catch(() => 0);
      const [events, total] = await Promise.all([deps.audit.listAudit(query ?? {}), deps.audit.count()]);
      return { events, total };
    },
    async 'ui-app:export-audit'({ format }) {
      if (format !== 'csv' && format !== 'json') throw new Error('format must be csv or json');
      return { content: await deps.audit.exportAudit(format) };
    },
    async 'ui-app:verify-audit'() {
      return deps.audit.verifyAuditChain();
    },
    async 'ui-app:delete-all-data'({ confirm }) {
      if (confirm !== true) throw new Error('deleting all data needs confirmation');
      await deps.deleteAll();
      await (await deps.policy()).load();
      return { ok: true };
    },
    async 'ui-app:tab-context'({ tabId }) {
      const url = await deps.tabUrl(tabId);
      let host: string | null = null;
      const site = siteForUrl(url);
      if (site && url) host = new URL(url).hostname;
      return { tabId, site, host };
    },
    async 'ui-app:reveal'({ tabId, placeholder }) {
      const name = PLACEHOLDER.exec(String(placeholder))?.[1];
      if (!name) throw new Error('not a placeholder');
      const where = await tabConversation(tabId);
      if (!where) return { value: null };
      const state = await deps.vault.get(where.site, where.conversation);
      if (!state) return { value: null };
      return { value: PseudonymVault.fromJSON(state).valueOf(name) ?? null };
    },
    async 'ui-app:tab-reply-findings'({ tabId }) {
      if (!Number.isInteger(tabId)) throw new Error('bad tab id');
      const { findings } = await (deps.replyFindings ?? getTabReplyFindings)(tabId);
      return { findings };
    },
  };
}

/** The service after one load() of our own (the guard may load it too; load() is idempotent and serialized). */
function loadOnce(service: PolicyService): () => Promise<PolicyService> {
  let loaded: Promise<unknown> | undefined;
  return async () => {
    loaded ??= service.load().catch((error: unknown) => console.error('[chatwarden] policy load failed', error));
    await loaded;
    return service;
  };
}

/** Registers the UI handlers against the background's shared PolicyService (policy-instance.ts). */
export function registerUiHandlers(service?: PolicyService): () => void {
  const deps: UiHandlerDeps = {
    policy: service ? loadOnce(service) : getLoadedPolicyService,
    audit: new AuditLog(),
    vault: new VaultStore(),
    deleteAll: () => deleteAllData(),
    tabUrl: async (tabId) => (await browser.tabs.get(tabId).catch(() => undefined))?.url,
  };
  return listen<UiAppToBackground>(UI_APP_PREFIX, createUiHandlers(deps), isOwnExtensionPage);
}
