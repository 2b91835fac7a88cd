/**
 * What the popup shows about the current tab, as plain data (the components only render it). Pure, unit-tested.
 */
import type { GuardStatus, RedactionRecord } from '../messaging/protocol';
import type { ReplyFindingRecord } from '../messaging/inbound-protocol';
import type { TabContext } from '../messaging/ui-protocol';
import type { EffectivePolicy } from '../policy/policy-service';
import type { PolicySource } from '../policy/types';
import type { MessageKey } from './i18n';

export type ProtectionState = 'protected' | 'paused' | 'unprotected' | 'not-guarded' | 'disabled' | 'site-disabled' | 'starting';

export interface ProtectionView {
  state: ProtectionState;
  /** Headline and explanation (message keys; the explanation may carry the guard's own reason). */
  title: MessageKey;
  detail: MessageKey;
  reason?: string;
  /** Whether the pause switch is shown (a guarded site the policy enables) and whether the user may use it. */
  canShowPause: boolean;
  mayPause: boolean;
  paused: boolean;
}

export interface GuardState {
  status: GuardStatus | null;
  reason?: string;
  paused: boolean;
}

export function protectionView(tab: TabContext, guard: GuardState, effective: EffectivePolicy): ProtectionView {
  const { policy } = effective;
  const base = { canShowPause: false, mayPause: policy.userMayPause, paused: guard.paused };
  if (!policy.enabled || guard.status === 'disabled') {
    return { ...base, state: 'disabled', title: 'popupStateDisabledTitle', detail: 'popupStateDisabledDetail' };
  }
  if (!tab.site) {
    return { ...base, state: 'not-guarded', title: 'popupStateNotGuardedTitle', detail: 'popupStateNotGuardedDetail' };
  }
  if (!policy.sites[tab.site]) {
    return { ...base, state: 'site-disabled', title: 'popupStateSiteDisabledTitle', detail: 'popupStateSiteDisabledDetail' };
  }
  const withPause = { ...base, canShowPause: true };
  if (guard.paused || guard.status === 'paused') {
    return { ...withPause, paused: true, state: 'paused', title: 'popupStatePausedTitle', detail: 'popupStatePausedDetail' };
  }
  if (guard.status === 'unprotected') {
    return {
      ...withPause,
      state: 'unprotected',
      title: 'popupStateUnprotectedTitle',
      detail: 'popupStateUnprotectedDetail',
      ...(guard.reason ? { reason: guard.reason } : {}),
    };
  }
  if (guard.status === null) {
    return { ...withPause, state: 'starting', title: 'popupStateStartingTitle', detail: 'popupStateStartingDetail' };
  }
  return { ...withPause, state: 'protected', title: 'popupStateProtectedTitle', detail: 'popupStateProtectedDetail' };
}

/** Which source shapes the policy most: managed beats org beats user settings beats the defaults. */
export function dominantSource(effective: EffectivePolicy): PolicySource {
  if (effective.managed.active) return 'managed';
  if (effective.org) return 'org';
  const sources = Object.values(effective.sources);
  return sources.includes('user') ? 'user' : 'default';
}

/**
 * The popup's list: one row per distinct value (site + placeholder + outcome), newest first. The network scrub of a
 * draft repeats what the composer rewrite already counted, so repeats collapse into the first sighting's row.
 */
export function redactionRows(records: readonly RedactionRecord[]): RedactionRecord[] {
  const seen = new Set<string>();
  const rows: RedactionRecord[] = [];
  for (const record of records) {
    const key = record.placeholder ? `${record.site}|${record.placeholder}|${record.outcome}` : `${record.time}|${record.type}|${record.masked}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push(record);
  }
  return rows.sort((a, b) => b.time - a.time);
}

/** The popup's "Reply findings": newest first, one row per turn + kind + type + rule + target. */
export function replyFindingRows(records: readonly ReplyFindingRecord[]): ReplyFindingRecord[] {
  const seen = new Set<string>();
  const rows: ReplyFindingRecord[] = [];
  for (const record of [...records].sort((a, b) => b.time - a.time || b.turn - a.turn)) {
    const key = `${record.site}|${record.turn}|${record.kind}|${record.type}|${record.rule}|${record.target ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push(record);
  }
  return rows;
}

export const REPLY_KIND_LABEL: Record<ReplyFindingRecord['kind'], MessageKey> = {
  'hidden-text': 'replyKindHiddenText',
  injection: 'replyKindInjection',
  'exfil-link': 'replyKindExfilLink',
  'unsafe-code': 'replyKindUnsafeCode',
};

export const SOURCE_LABEL: Record<PolicySource, MessageKey> = {
  managed: 'sourceManaged',
  org: 'sourceOrg',
  user: 'sourceUser',
  default: 'sourceDefault',
};
