/**
 * Builds the popup's redaction records and the audit requests for what the guard did, and sends them to the background
 * in one message. Audit requests carry the value only for the background to fingerprint (lib/messaging/protocol.ts).
 */
import type { SiteId } from '../adapters/types';
import {
  sendToBackground,
  type GuardAuditRequest,
  type GuardChannel,
  type GuardOutcome,
  type RedactionRecord,
} from '../messaging/protocol';
import type { PlannedFinding } from './decide';

export interface ReportItem {
  planned: PlannedFinding;
  outcome: GuardOutcome;
  placeholder: string | null;
  justification?: string;
}

export interface ReportOptions {
  /** Record ids, one per item (same order); see RedactionRecord.id. */
  ids?: string[];
  /** Ids of the records that can be undone in the composer. */
  undoable?: ReadonlySet<string>;
  /** The conversation vault key the placeholders live in (the background resolves always-allow through it). */
  vaultKey?: string;
}

/** A fresh event id for the records of one report (`<event>:<index>`). */
export function newEventId(): string {
  return crypto.randomUUID();
}

export function buildReport(
  site: SiteId,
  conversation: string | null,
  channel: GuardChannel,
  items: ReportItem[],
  now = Date.now(),
  options: ReportOptions = {},
) {
  const redactions: RedactionRecord[] = items.map(({ planned, outcome, placeholder }, index) => ({
    type: planned.finding.type,
    kind: planned.finding.kind,
    placeholder,
    masked: planned.masked,
    channel,
    outcome,
    site,
    time: now,
    ...(options.ids?.[index] !== undefined
      ? { id: options.ids[index], undoable: options.undoable?.has(options.ids[index]!) ?? false }
      : {}),
  }));
  const audit: GuardAuditRequest[] = items.map(({ planned, outcome, justification }) => ({
    site,
    conversation,
    channel,
    outcome,
    action: planned.action,
    kind: planned.finding.kind,
    type: planned.finding.type,
    rule: planned.finding.rule,
    value: planned.value,
    ...(justification ? { justification } : {}),
  }));
  return { redactions, audit, ...(options.vaultKey !== undefined ? { vaultKey: options.vaultKey } : {}) };
}

/** Fire and forget: a failed report must never hold up or undo a send. */
export function sendReport(
  site: SiteId,
  conversation: string | null,
  channel: GuardChannel,
  items: ReportItem[],
  options: ReportOptions = {},
): void {
  if (items.length === 0) return;
  sendToBackground('cs-bg:report', buildReport(site, conversation, channel, items, Date.now(), options)).catch(() => undefined);
}
