/**
 * Typed messages from the extension's own pages (popup, options) to the background, other than the three per-tab
 * messages in protocol.ts. Their own prefix (`ui-app:`) keeps them apart from the guard's `ui-bg:` listener, which
 * answers every `ui-bg:` type it does not know with an error.
 *
 * The one raw value that crosses here is a revealed original (`ui-app:reveal`): background → popup, shown there only
 * while the user looks at it, never stored by the UI.
 */
import { browser } from 'wxt/browser';
import type { SiteId } from '../policy/types';
import type { ReplyFindingRecord } from './inbound-protocol';
import type { EffectivePolicy, ImportResult, OrgPolicyInfo, PolicyResult } from '../policy/policy-service';
import type { PolicyInput } from '../policy/types';
import type { AuditQuery, AuditRecord, ChainVerification } from '../storage/audit-log';

export const UI_APP_PREFIX = 'ui-app:';

export interface PolicySnapshot {
  effective: EffectivePolicy;
  /** What the user set themselves (not merged). */
  userSettings: PolicyInput;
  orgVersions: OrgPolicyInfo[];
}

export interface TabContext {
  tabId: number;
  /** The guarded site open in the tab, or null (other site, or a page the extension cannot see). */
  site: SiteId | null;
  /** Host name when the extension can see it (guarded sites only). */
  host: string | null;
}

export interface UiAppToBackground {
  'ui-app:get-policy': { request: Record<string, never>; response: PolicySnapshot };
  'ui-app:set-user-settings': { request: { partial: unknown }; response: PolicyResult };
  /** Paths to forget (`failMode`, `actions.pii`), or all user settings when absent. */
  'ui-app:reset-user-settings': { request: { paths?: string[] }; response: { ok: true } };
  'ui-app:import-org-policy': { request: { json: string; label?: string }; response: ImportResult };
  'ui-app:export-org-policy': { request: Record<string, never>; response: { json: string | null } };
  'ui-app:remove-org-policy': { request: Record<string, never>; response: { ok: true } };
  'ui-app:list-audit': { request: { query: AuditQuery }; response: { events: AuditRecord[]; total: number } };
  'ui-app:export-audit': { request: { format: 'csv' | 'json' }; response: { content: string } };
  'ui-app:verify-audit': { request: Record<string, never>; response: ChainVerification };
  'ui-app:delete-all-data': { request: { confirm: true }; response: { ok: true } };
  'ui-app:tab-context': { request: { tabId: number }; response: TabContext };
  /** The original behind a placeholder in the tab's current conversation; null when the vault no longer has it. */
  'ui-app:reveal': { request: { tabId: number; placeholder: string }; response: { value: string | null } };
  /** What the reply inspection flagged in the tab's current conversation (no raw values; see inbound-protocol.ts). */
  'ui-app:tab-reply-findings': { request: { tabId: number }; response: { findings: ReplyFindingRecord[] } };
}

function unwrap<T>(reply: unknown): T {
  if (typeof reply === 'object' && reply !== null && 'chatwardenError' in reply) {
    throw new Error(String((reply as { chatwardenError: unknown }).chatwardenError));
  }
  if (reply === undefined) throw new Error('the background did not answer');
  return reply as T;
}

/** Typed send from an extension page to the background. */
export async function sendUiApp<K extends keyof UiAppToBackground>(
  type: K,
  payload: UiAppToBackground[K]['request'],
): Promise<UiAppToBackground[K]['response']> {
  return unwrap(await browser.runtime.sendMessage({ type, payload }));
}
