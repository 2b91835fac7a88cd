/**
 * Typed messages between the guard's content scripts, the background and (for the per-tab redaction list and pause) the
 * popup. One map per direction; the type names carry the direction (`cs-bg:` content script → background, `ui-bg:`
 * extension page → background, `bg-cs:` background → content script). The background checks senders per direction.
 * Popup/options messages of their own live in ui-protocol.ts (UI work).
 *
 * Raw detected values cross only content script → background, inside the extension (vault sync, audit fingerprinting);
 * never into the page's world, never into storage unencrypted.
 */
import { browser, type Browser } from 'wxt/browser';
import type { DetectionKind } from '../detection/types';
import type { Action, Policy, SiteId } from '../policy/types';

/** Where a value was caught. */
export type GuardChannel = 'typed' | 'paste' | 'drop' | 'upload' | 'network';

/** What the guard did about one finding. `override` = the user allowed it once in the review dialog. */
export type GuardOutcome = 'redacted' | 'blocked' | 'warned' | 'override' | 'held';

/** Serialized vault (PseudonymVault.toJSON()); opaque to everything but lib/anonymize and the encrypted store. */
export type VaultSnapshot = unknown;

/** One row of the popup's per-tab list. `masked` is a short preview such as `sk-p…3xQ`, never the value. */
export interface RedactionRecord {
  type: string;
  kind: DetectionKind;
  placeholder: string | null;
  masked: string;
  channel: GuardChannel;
  outcome: GuardOutcome;
  site: SiteId;
  time: number;
  /** Stable id of this record (added with undo/always-allow; older records have none). `<event>:<index>`: records of one
   * paste/drop share the event part, and undo acts on the whole event. */
  id?: string;
  /** True while the redaction can still be undone in the composer (a paste/drop not sent yet). Absent = false. */
  undoable?: boolean;
  /** Set once the user undid it (the original went back into the composer). */
  undone?: boolean;
}

/** One entry of the user's "always allow" list as the popup sees it: a masked preview, never the value. */
export interface AllowedValueInfo {
  id: string;
  type: string;
  masked: string;
  addedAt: number;
}

/** Audit request: the background fingerprints `value` with its key and drops it; the audit log never holds it. */
export interface GuardAuditRequest {
  site: SiteId;
  /** Conversation id from the URL (fingerprinted by the background), null on a new chat without one. */
  conversation: string | null;
  channel: GuardChannel;
  outcome: GuardOutcome;
  action: Action;
  kind: DetectionKind;
  type: string;
  rule: string;
  value: string;
  justification?: string;
}

export type GuardStatus = 'protected' | 'unprotected' | 'paused' | 'disabled';

export interface TokenCount {
  tokens: number;
  encoding: 'o200k_base' | 'cl100k_base';
}

/** Content script → background. */
export interface ContentToBackground {
  /** First call of a guard: effective policy and whether the user paused this tab. */
  'cs-bg:hello': {
    request: { site: SiteId };
    /** `allowed`: raw values the user chose to always allow (empty unless policy.userMayOverride). */
    response: { policy: Policy; paused: boolean; allowed?: string[] };
  };
  'cs-bg:vault-get': { request: { site: SiteId; conversation: string }; response: { state: VaultSnapshot | null } };
  'cs-bg:vault-put': { request: { site: SiteId; conversation: string; state: VaultSnapshot }; response: { ok: true } };
  /** A new chat got its id: move the vault kept under the provisional key. */
  'cs-bg:vault-rekey': { request: { site: SiteId; from: string; to: string }; response: { ok: true } };
  'cs-bg:count-tokens': { request: { text: string }; response: TokenCount };
  'cs-bg:report': {
    /** `vaultKey`: the conversation vault key (may be provisional) the records' placeholders live in. */
    request: { redactions: RedactionRecord[]; audit: GuardAuditRequest[]; vaultKey?: string };
    response: { ok: true };
  };
  'cs-bg:status': { request: { status: GuardStatus; reason?: string }; response: { ok: true } };
  /** Records that can no longer be undone (sent), or were undone (`undone: true`). */
  'cs-bg:redactions-settled': { request: { ids: string[]; undone?: boolean }; response: { ok: true } };
}

/** Extension pages (popup) → background. */
export interface UiToBackground {
  'ui-bg:tab-redactions': { request: { tabId: number }; response: { redactions: RedactionRecord[] } };
  'ui-bg:tab-guard-state': {
    request: { tabId: number };
    response: { status: GuardStatus | null; reason?: string; paused: boolean };
  };
  /** Refused (ok: false) when policy.userMayPause is false. */
  'ui-bg:set-paused': { request: { tabId: number; paused: boolean }; response: { ok: boolean; error?: string } };
  /**
   * Puts the exact original of the paste/drop that record `id` belongs to back into the tab's composer, if its redacted
   * text is still there and not sent. Not an allow: the next send is scanned again.
   */
  'ui-bg:undo-redaction': { request: { tabId: number; id: string }; response: { ok: boolean; error?: string } };
  /**
   * Always allow the value behind record `id` (taken from the tab's vault, never from the UI): stored encrypted,
   * audited (fingerprint, action 'allow'), pushed to the guarded tabs. Refused when policy.userMayOverride is false.
   */
  'ui-bg:always-allow': { request: { tabId: number; id: string }; response: { ok: boolean; error?: string } };
  /** The always-allow list, masked. Refused (ok: false, values: []) when policy.userMayOverride is false. */
  'ui-bg:allowed-values': { request: Record<string, never>; response: { ok: boolean; values: AllowedValueInfo[]; error?: string } };
  'ui-bg:remove-allowed-value': { request: { id: string }; response: { ok: boolean; error?: string } };
}

/** Background → content script (tabs.sendMessage). */
export interface BackgroundToContent {
  'bg-cs:policy-changed': { request: { policy: Policy }; response: void };
  'bg-cs:paused-changed': { request: { paused: boolean }; response: void };
  'bg-cs:undo-redaction': { request: { id: string }; response: { ok: boolean; error?: string } };
  /** The full always-allow list (raw values: the isolated world holds them like its vault copy). */
  'bg-cs:allowlist-changed': { request: { values: string[] }; response: void };
}

type AnyMap<M> = { [K in keyof M]: { request: unknown; response: unknown } };
export type Envelope<M extends AnyMap<M>, K extends keyof M = keyof M> = { type: K; payload: M[K]['request'] };
export type Handlers<M extends AnyMap<M>> = {
  [K in keyof M]: (payload: M[K]['request'], sender: Browser.runtime.MessageSender) => Promise<M[K]['response']> | M[K]['response'];
};

export const CONTENT_TO_BACKGROUND_PREFIX = 'cs-bg:';
export const UI_TO_BACKGROUND_PREFIX = 'ui-bg:';
export const BACKGROUND_TO_CONTENT_PREFIX = 'bg-cs:';

/** A handler failure crosses as this envelope so the caller's promise rejects with the message. */
interface ErrorReply {
  chatwardenError: string;
}

function unwrap<T>(reply: unknown): T {
  if (typeof reply === 'object' && reply !== null && 'chatwardenError' in reply) {
    throw new Error(String((reply as ErrorReply).chatwardenError));
  }
  return reply as T;
}

/** Typed send from a content script (or a test) to the background. */
export async function sendToBackground<K extends keyof ContentToBackground>(
  type: K,
  payload: ContentToBackground[K]['request'],
): Promise<ContentToBackground[K]['response']> {
  return unwrap(await browser.runtime.sendMessage({ type, payload }));
}

/** Typed send from an extension page (popup) to the background. */
export async function sendUiToBackground<K extends keyof UiToBackground>(
  type: K,
  payload: UiToBackground[K]['request'],
): Promise<UiToBackground[K]['response']> {
  return unwrap(await browser.runtime.sendMessage({ type, payload }));
}

export function isEnvelope(message: unknown): message is { type: string; payload: unknown } {
  return (
    typeof message === 'object' &&
    message !== null &&
    typeof (message as { type?: unknown }).type === 'string' &&
    'payload' in message
  );
}

/**
 * Registers typed handlers for the messages whose type starts with `prefix`, after `acceptSender` approves the sender.
 * Other messages are left to other listeners (the UI work registers its own). Replies through `sendResponse` when the
 * browser passes one (Chrome), else returns the promise (Firefox, the fake browser in unit tests).
 */
export function listen<M extends AnyMap<M>>(
  prefix: string,
  handlers: Handlers<M>,
  acceptSender: (sender: Browser.runtime.MessageSender) => boolean,
): () => void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender, sendResponse?: (reply: unknown) => void) => {
    if (!isEnvelope(message) || !message.type.startsWith(prefix)) return undefined;
    const handler = (handlers as Record<string, (payload: unknown, sender: Browser.runtime.MessageSender) => unknown>)[
      message.type
    ];
    const reply: Promise<unknown> = !handler
      ? Promise.resolve({ chatwardenError: `unknown message ${message.type}` })
      : !acceptSender(sender)
        ? Promise.resolve({ chatwardenError: `sender not allowed for ${message.type}` })
        : Promise.resolve()
            .then(() => handler(message.payload, sender))
            .then(
              (value) => value ?? { ok: true },
              (error: unknown) => ({ chatwardenError: error instanceof Error ? error.message : String(error) }),
            );
    if (typeof sendResponse === 'function') {
      void reply.then(sendResponse);
      return true;
    }
    return reply;
  };
  browser.runtime.onMessage.addListener(listener as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
  return () => browser.runtime.onMessage.removeListener(listener as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
}
