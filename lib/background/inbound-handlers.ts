/**
 * Background side of the inbound guard:
 *  - the exfiltration-image rules (exfil-blocker.ts). The defaults go in at once so a chat tab is covered before the
 *    stored policy is read; whoever owns the effective policy calls applyExfilRules(policy) on start and on every change
 *    (calls are serialised).
 *  - the per-tab "Reply findings" list the popup shows (`cs-in:` messages from the inbound guard). Kept in
 *    storage.session, capped, cleared when the tab closes or moves to another conversation. No raw values.
 * Registered from lib/background/index.ts.
 */
import { browser, type Browser } from 'wxt/browser';
import { SITE_ADAPTERS, siteForUrl } from '../adapters/sites';
import { listen, type Handlers } from '../messaging/protocol';
import {
  INBOUND_TO_BACKGROUND_PREFIX,
  INSPECTION_KINDS,
  escapedPreview,
  type InboundToBackground,
  type ReplyFindingInput,
  type ReplyFindingRecord,
} from '../messaging/inbound-protocol';
import { defaultPolicy } from '../policy/defaults';
import { applyExfilRules } from './exfil-blocker';
import { guardedSiteOf } from './guard-handlers';

export { applyExfilRules };

export const MAX_REPLY_FINDINGS_PER_TAB = 100;
const MAX_FINDINGS_PER_TURN = 20;

export interface TabReplyFindings {
  /** The conversation the findings belong to (null: a new chat without an id yet). */
  conversation: string | null;
  findings: ReplyFindingRecord[];
}

const findingsKey = (tabId: number) => `inbound:tab:${tabId}`;

export async function getTabReplyFindings(tabId: number): Promise<TabReplyFindings> {
  const key = findingsKey(tabId);
  const stored = (await browser.storage.session.get(key))[key] as TabReplyFindings | undefined;
  return stored ?? { conversation: null, findings: [] };
}

let queue: Promise<unknown> = Promise.resolve();
function updateTab(tabId: number, update: (state: TabReplyFindings) => TabReplyFindings | null): Promise<void> {
  const next = queue.then(async () => {
    const state = update(await getTabReplyFindings(tabId));
    if (state === null) await browser.storage.session.remove(findingsKey(tabId));
    else await browser.storage.session.set({ [findingsKey(tabId)]: state });
  });
  queue = next.catch(() => undefined);
  return next;
}

function clip(value: unknown, max: number): string {
  return String(value ?? '').replace(/[\p{C}]/gu, ' ').slice(0, max);
}

/** Keeps only the fields we store, bounded; null for anything that is not a finding. */
export function sanitizeFinding(input: unknown): ReplyFindingInput | null {
  if (typeof input !== 'object' || input === null) return null;
  const raw = input as Record<string, unknown>;
  if (!INSPECTION_KINDS.includes(raw.kind as never)) return null;
  const finding: ReplyFindingInput = {
    kind: raw.kind as ReplyFindingInput['kind'],
    type: clip(raw.type, 64),
    rule: clip(raw.rule, 80),
    message: clip(raw.message, 300),
  };
  if (typeof raw.cwe === 'string' && /^CWE-\d{1,5}$/.test(raw.cwe)) finding.cwe = raw.cwe;
  if (typeof raw.target === 'string' && /^[a-z0-9.-]{1,253}$/i.test(raw.target)) finding.target = raw.target.toLowerCase();
  if (typeof raw.preview === 'string' && raw.preview.length > 0) finding.preview = escapedPreview(raw.preview);
  return finding;
}

/** Same conversation, or a new chat that just got its id: findings carry over. */
function sameConversation(stored: string | null, next: string | null): boolean {
  return stored === null || stored === next;
}

export function createInboundHandlers(now: () => number = Date.now): Handlers<InboundToBackground> {
  return {
    async 'cs-in:reply-findings'({ site, conversation, turn, findings }, sender) {
      const senderSite = guardedSiteOf(sender);
      if (!senderSite || senderSite !== site) throw new Error('not a guarded page');
      if (!Number.isInteger(turn) || turn < 0 || turn > 100_000) throw new Error('bad turn index');
      const conversationId = typeof conversation === 'string' ? conversation.slice(0, 200) : null;
      const tabId = sender.tab!.id!;
      const host = new URL(sender.url ?? sender.tab!.url!).hostname;
      const time = now();
      const list = (Array.isArray(findings) ? findings : [])
        .map(sanitizeFinding)
        .filter((finding): finding is ReplyFindingInput => finding !== null)
        .slice(0, MAX_FINDINGS_PER_TURN)
        .map((finding): ReplyFindingRecord => ({ ...finding, site, host, turn, time }));
      await updateTab(tabId, (state) => {
        const same = sameConversation(state.conversation, conversationId);
        const kept = same ? state.findings.filter((record) => !(record.site === site && record.turn === turn)) : [];
        return {
          conversation: same ? (conversationId ?? state.conversation) : conversationId,
          findings: [...kept, ...list].slice(-MAX_REPLY_FINDINGS_PER_TAB),
        };
      });
      return { ok: true };
    },
  };
}

/** The conversation a URL shows, or undefined when it is not a guarded site. */
function conversationOfUrl(url: string): { conversation: string | null } | undefined {
  const site = siteForUrl(url);
  if (!site) return undefined;
  try {
    return { conversation: SITE_ADAPTERS[site].conversationIdFromUrl(new URL(url)) };
  } catch {
    return undefined;
  }
}

/** A tab navigated: drop its findings when it left the conversation they belong to (or the guarded sites). */
export function onTabUrlChanged(tabId: number, url: string): Promise<void> {
  return updateTab(tabId, (state) => {
    if (state.findings.length === 0 && state.conversation === null) return state;
    const where = conversationOfUrl(url);
    if (!where) return null;
    if (state.conversation !== null && where.conversation !== state.conversation) return null;
    return state;
  });
}

export function clearTabReplyFindings(tabId: number): Promise<void> {
  return updateTab(tabId, () => null);
}

export function registerInboundHandlers(): () => void {
  applyExfilRules(defaultPolicy()).catch((error: unknown) => {
    console.error('ChatWarden: could not install the exfiltration image rules', error);
  });
  const stop = listen<InboundToBackground>(
    INBOUND_TO_BACKGROUND_PREFIX,
    createInboundHandlers(),
    (sender: Browser.runtime.MessageSender) => guardedSiteOf(sender) !== null,
  );
  const onRemoved = (tabId: number) => void clearTabReplyFindings(tabId).catch(() => undefined);
  const onUpdated = (tabId: number, change: { url?: string }) => {
    if (change.url) void onTabUrlChanged(tabId, change.url).catch(() => undefined);
  };
  browser.tabs?.onRemoved?.addListener(onRemoved);
  browser.tabs?.onUpdated?.addListener(onUpdated);
  return () => {
    stop();
    browser.tabs?.onRemoved?.removeListener(onRemoved);
    browser.tabs?.onUpdated?.removeListener(onUpdated);
  };
}
