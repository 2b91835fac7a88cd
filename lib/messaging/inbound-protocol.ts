/**
 * Inbound guard → background: what the reply inspection found, for the popup's "Reply findings" list. Its own prefix
 * (`cs-in:`) keeps it apart from the guard's `cs-bg:` listener, which answers every `cs-bg:` type it does not know with
 * an error. Findings carry no raw values: kind, type, rule, message, CWE, target host and a short escaped preview of
 * revealed hidden text (page content, capped at PREVIEW_MAX characters).
 */
import { browser } from 'wxt/browser';
import type { InspectionKind } from '../inspection/types';
import type { SiteId } from '../policy/types';

export const INBOUND_TO_BACKGROUND_PREFIX = 'cs-in:';
export const PREVIEW_MAX = 80;
export const INSPECTION_KINDS: readonly InspectionKind[] = ['hidden-text', 'injection', 'exfil-link', 'unsafe-code'];

/** One finding as the content script reports it. */
export interface ReplyFindingInput {
  kind: InspectionKind;
  type: string;
  rule: string;
  message: string;
  cwe?: string;
  /** Exfiltration target host. */
  target?: string;
  /** Escaped preview of revealed hidden text, at most PREVIEW_MAX characters. */
  preview?: string;
}

/** One row of the popup's "Reply findings" list, as stored per tab. */
export interface ReplyFindingRecord extends ReplyFindingInput {
  site: SiteId;
  /** Host of the page the reply was on. */
  host: string;
  /** Index of the assistant turn in the page (0 = first reply). */
  turn: number;
  time: number;
}

export interface InboundToBackground {
  /** The findings of one settled assistant turn; replaces what was reported for that turn before (empty = none now). */
  'cs-in:reply-findings': {
    request: { site: SiteId; conversation: string | null; turn: number; findings: ReplyFindingInput[] };
    response: { ok: true };
  };
}

/** Escapes invisible/control characters as \u{…} and cuts the result to PREVIEW_MAX characters. */
export function escapedPreview(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const visible = !/[\p{C}\p{Zl}\p{Zp}]/u.test(char) && !(code >= 0xe0000 && code <= 0xe007f);
    out += visible ? char : `\\u{${code.toString(16)}}`;
    // One past the cap is enough to know it must be cut.
    if (out.length > PREVIEW_MAX) {
      const cut = out.slice(0, PREVIEW_MAX - 1);
      return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
    }
  }
  return out;
}

/** Typed send from the inbound guard (content script) to the background. */
export async function sendInboundToBackground<K extends keyof InboundToBackground>(
  type: K,
  payload: InboundToBackground[K]['request'],
): Promise<InboundToBackground[K]['response']> {
  const reply: unknown = await browser.runtime.sendMessage({ type, payload });
  if (typeof reply === 'object' && reply !== null && 'chatwardenError' in reply) {
    throw new Error(String((reply as { chatwardenError: unknown }).chatwardenError));
  }
  return reply as InboundToBackground[K]['response'];
}
