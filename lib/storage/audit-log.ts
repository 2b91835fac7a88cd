/**
 * The local audit log: what was found and what happened, never the value (design brief, invariant 2). An event holds
 * type, rule, action, count and keyed fingerprints; the API takes a ValueFingerprint (from fingerprintValue) and
 * rejects anything else, so a raw value cannot be logged by mistake.
 *
 * Events are hash-chained: hash = SHA-256(canonical JSON of the event without prevHash/hash + prevHash). Editing,
 * inserting or deleting an event breaks the chain from that point. Retention deletes a prefix of the chain and keeps
 * an anchor (the last deleted seq and hash), so the remaining events still verify. A head record (last seq and hash)
 * catches deletion from the end. Note: this shows accidental or casual tampering; someone who can rewrite the whole
 * IndexedDB can also recompute the chain.
 */
import { canonicalJson, sha256Hex } from './canonical-json';
import { getDb, SETTING_KEYS, type AuditChannel, type AuditRecord, type ChatWardenDb } from './db';
import {
  isConversationFingerprint,
  isValueFingerprint,
  type ConversationFingerprint,
  type ValueFingerprint,
} from './keys';

export type { AuditChannel, AuditRecord };

export const GENESIS_HASH = '0'.repeat(64);
export const AUDIT_CHANNELS: readonly AuditChannel[] = ['typed', 'paste', 'drop', 'upload', 'network', 'reply'];
const MAX_JUSTIFICATION = 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface AuditEventInput {
  /** Epoch ms; defaults to now. */
  at?: number;
  site: string;
  /** fingerprintConversation(site, id), or null when there is no conversation yet. */
  conversation: ConversationFingerprint | null;
  channel: AuditChannel;
  /** secret | pii | custom, or an inspection kind (hidden-text, injection, exfil-link, unsafe-code), token-limit, ... */
  kind: string;
  /** Placeholder type, UPPER_SNAKE (EMAIL, AWS_ACCESS_KEY). */
  type: string;
  /** Stable rule id. */
  rule: string;
  /** The action taken: block, review, redact, warn, allow (or what the guard records, e.g. held). */
  action: string;
  count: number;
  /** fingerprintValue(value), or null when the event is not about one value. */
  fingerprint: ValueFingerprint | null;
  overridden?: boolean;
  justification?: string;
}

export interface AuditQuery {
  site?: string;
  kind?: string;
  type?: string;
  action?: string;
  /** Inclusive epoch ms. */
  from?: number;
  /** Inclusive epoch ms. */
  to?: number;
  /** Newest first; default 200, at most 10 000. */
  limit?: number;
}

export interface AuditAnchor {
  /** Last purged seq and its hash: the next event's prevHash. */
  seq: number;
  hash: string;
  purgedCount: number;
  purgedAt: number;
}

export interface ChainVerification {
  ok: boolean;
  /** Events checked. */
  checked: number;
  /** Index (0-based, oldest first among stored events) of the first event that does not verify; null when ok. */
  firstBrokenIndex: number | null;
  firstBrokenSeq?: number;
  reason?: string;
}

export class AuditInputError extends Error {}

/** Writes are serialised per database so the chain stays linear. */
const writeLocks = new WeakMap<ChatWardenDb, Promise<unknown>>();

function withLock<T>(db: ChatWardenDb, task: () => Promise<T>): Promise<T> {
  const previous = writeLocks.get(db) ?? Promise.resolve();
  const next = previous.then(task, task);
  writeLocks.set(
    db,
    next.catch(() => undefined),
  );
  return next;
}

function hashInput(event: Omit<AuditRecord, 'hash'>): string {
  const { prevHash, ...content } = event;
  return `${canonicalJson(content)}\n${prevHash}`;
}

export async function computeEventHash(event: Omit<AuditRecord, 'hash'>): Promise<string> {
  return sha256Hex(hashInput(event));
}

const TYPE_PATTERN = /^[A-Z][A-Z0-9_]{0,63}$/;
const WORD_PATTERN = /^[a-z][a-z0-9-]{0,31}$/;
const RULE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/;

/** Checks an event's fields. Free-form strings are constrained so a value cannot slip in as a "type" or "rule". */
function validateEvent(input: AuditEventInput): void {
  const fail = (field: string, why: string) => {
    throw new AuditInputError(`audit event ${field}: ${why}`);
  };
  if (typeof input.site !== 'string' || !WORD_PATTERN.test(input.site)) fail('site', 'must be a site id');
  if (input.conversation !== null && !isConversationFingerprint(input.conversation)) {
    fail('conversation', 'must come from fingerprintConversation()');
  }
  if (!AUDIT_CHANNELS.includes(input.channel)) fail('channel', `must be one of ${AUDIT_CHANNELS.join(', ')}`);
  if (typeof input.kind !== 'string' || !WORD_PATTERN.test(input.kind)) fail('kind', 'must be a kind id');
  if (typeof input.type !== 'string' || !TYPE_PATTERN.test(input.type)) fail('type', 'must be an UPPER_SNAKE type');
  if (typeof input.rule !== 'string' || !RULE_PATTERN.test(input.rule)) fail('rule', 'must be a rule id');
  if (typeof input.action !== 'string' || !WORD_PATTERN.test(input.action)) fail('action', 'must be an action id');
  if (!Number.isInteger(input.count) || input.count < 0) fail('count', 'must be a non-negative integer');
  if (input.fingerprint !== null && !isValueFingerprint(input.fingerprint)) {
    fail('fingerprint', 'must come from fingerprintValue(); raw values are never stored');
  }
  if (input.justification !== undefined && typeof input.justification !== 'string') fail('justification', 'must be text');
  if (input.at !== undefined && !Number.isFinite(input.at)) fail('at', 'must be epoch milliseconds');
}

export class AuditLog {
  private readonly now: () => number;

  constructor(
    private readonly db: ChatWardenDb = getDb(),
    options: { now?: () => number } = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Appends one event to the chain and returns the stored record. Throws AuditInputError on a malformed event. */
  async append(input: AuditEventInput): Promise<AuditRecord> {
    const [record] = await this.appendMany([input]);
    return record!;
  }

  /** Appends events in order, atomically. */
  async appendMany(inputs: AuditEventInput[]): Promise<AuditRecord[]> {
    inputs.forEach(validateEvent);
    return withLock(this.db, async () => {
      for (let attempt = 0; attempt < 5; attempt++) {
        const head = await this.head();
        let prevHash = head.hash;
        let seq = head.seq;
        const records: AuditRecord[] = [];
        for (const input of inputs) {
          seq += 1;
          const event: Omit<AuditRecord, 'hash'> = {
            seq,
            at: input.at ?? this.now(),
            site: input.site,
            conversation: input.conversation ?? '',
            channel: input.channel,
            kind: input.kind,
            type: input.type,
            rule: input.rule,
            action: input.action,
            count: input.count,
            fingerprint: input.fingerprint ?? '',
            ...(input.overridden ? { overridden: true } : {}),
            ...(input.justification !== undefined
              ? { justification: input.justification.slice(0, MAX_JUSTIFICATION) }
              : {}),
            prevHash,
          };
          const hash = await computeEventHash(event);
          records.push({ ...event, hash });
          prevHash = hash;
        }
        // Hashing is async (WebCrypto), so it runs outside the transaction; the transaction re-checks the head and
        // retries if another writer got there first.
        const written = await this.db.transaction('rw', this.db.audit, this.db.settings, async () => {
          const current = await this.head();
          if (current.seq !== head.seq || current.hash !== head.hash) return false;
          await this.db.audit.bulkAdd(records);
          const last = records[records.length - 1];
          if (last) {
            await this.db.settings.put({
              key: SETTING_KEYS.auditHead,
              value: { seq: last.seq, hash: last.hash },
              updatedAt: this.now(),
            });
          }
          return true;
        });
        if (written) return records;
      }
      throw new Error('audit log: could not append after concurrent writes');
    });
  }

  private async anchor(): Promise<AuditAnchor | undefined> {
    return (await this.db.settings.get(SETTING_KEYS.auditAnchor))?.value as AuditAnchor | undefined;
  }

  /** The chain's end: the last event's seq and hash (or the anchor's, or genesis). */
  private async head(): Promise<{ seq: number; hash: string }> {
    const last = await this.db.audit.orderBy('seq').last();
    if (last) return { seq: last.seq, hash: last.hash };
    const anchor = await this.anchor();
    return anchor ? { seq: anchor.seq, hash: anchor.hash } : { seq: 0, hash: GENESIS_HASH };
  }

  /** Recomputes the chain from the anchor (or genesis). */
  async verifyAuditChain(): Promise<ChainVerification> {
    const anchor = await this.anchor();
    const storedHead = (await this.db.settings.get(SETTING_KEYS.auditHead))?.value as
      | { seq: number; hash: string }
      | undefined;
    let expectedPrev = anchor?.hash ?? GENESIS_HASH;
    let expectedSeq = (anchor?.seq ?? 0) + 1;
    const events = await this.db.audit.orderBy('seq').toArray();
    for (const [index, event] of events.entries()) {
      const broken = (reason: string): ChainVerification => ({
        ok: false,
        checked: index + 1,
        firstBrokenIndex: index,
        firstBrokenSeq: event.seq,
        reason,
      });
      if (event.seq !== expectedSeq) return broken(`expected event #${expectedSeq}, found #${event.seq} (events missing)`);
      if (event.prevHash !== expectedPrev) return broken('prevHash does not match the previous event');
      const { hash, ...rest } = event;
      if ((await computeEventHash(rest)) !== hash) return broken('event content does not match its hash (edited)');
      expectedPrev = hash;
      expectedSeq += 1;
    }
    if (storedHead && storedHead.seq !== expectedSeq - 1) {
      const index = events.length;
      return {
        ok: false,
        checked: events.length,
        firstBrokenIndex: index,
        firstBrokenSeq: expectedSeq,
        reason: `events after #${expectedSeq - 1} are missing (the log recorded #${storedHead.seq})`,
      };
    }
    return { ok: true, checked: events.length, firstBrokenIndex: null };
  }

  /**
   * Deletes events older than `days` (from the oldest up to the first younger event, so the chain stays a suffix) and
   * moves the anchor. Returns how many were deleted.
   */
  async purgeAudit(now: number = this.now(), days: number): Promise<number> {
    const cutoff = now - days * DAY_MS;
    return withLock(this.db, () =>
      this.db.transaction('rw', this.db.audit, this.db.settings, async () => {
        const doomed: AuditRecord[] = [];
        await this.db.audit
          .orderBy('seq')
          .until((event) => event.at >= cutoff)
          .each((event) => {
            doomed.push(event);
          });
        const last = doomed[doomed.length - 1];
        if (!last) return 0;
        const previous = await this.anchor();
        await this.db.audit.bulkDelete(doomed.map((event) => event.seq));
        const anchor: AuditAnchor = {
          seq: last.seq,
          hash: last.hash,
          purgedCount: (previous?.purgedCount ?? 0) + doomed.length,
          purgedAt: now,
        };
        await this.db.settings.put({ key: SETTING_KEYS.auditAnchor, value: anchor, updatedAt: now });
        return doomed.length;
      }),
    );
  }

  /** Events matching the query, newest first. */
  async listAudit(query: AuditQuery = {}): Promise<AuditRecord[]> {
    const limit = Math.min(Math.max(1, query.limit ?? 200), 10_000);
    const from = query.from ?? -Infinity;
    const to = query.to ?? Infinity;
    const collection =
      query.site !== undefined
        ? this.db.audit.where('[site+at]').between([query.site, from], [query.site, to], true, true)
        : this.db.audit.where('at').between(from, to, true, true);
    return collection
      .reverse()
      .filter(
        (event) =>
          (query.kind === undefined || event.kind === query.kind) &&
          (query.type === undefined || event.type === query.type) &&
          (query.action === undefined || event.action === query.action),
      )
      .limit(limit)
      .toArray();
  }

  /**
   * The whole log, oldest first. JSON includes the anchor so the export can be verified on its own; CSV is for
   * spreadsheets (cells that a spreadsheet would run as a formula are prefixed with ').
   */
  async exportAudit(format: 'csv' | 'json'): Promise<string> {
    const events = await this.db.audit.orderBy('seq').toArray();
    if (format === 'json') {
      const anchor = await this.anchor();
      return JSON.stringify({ format: 'chatwarden-audit-v1', anchor: anchor ?? null, events }, null, 2);
    }
    const columns: Array<keyof AuditRecord> = [
      'seq',
      'at',
      'site',
      'conversation',
      'channel',
      'kind',
      'type',
      'rule',
      'action',
      'count',
      'fingerprint',
      'overridden',
      'justification',
      'prevHash',
      'hash',
    ];
    const lines = [['time', ...columns].join(',')];
    for (const event of events) {
      const cells = [new Date(event.at).toISOString(), ...columns.map((column) => event[column])];
      lines.push(cells.map(csvCell).join(','));
    }
    return `${lines.join('\r\n')}\r\n`;
  }

  async count(): Promise<number> {
    return this.db.audit.count();
  }

  /** Deletes every event, the anchor and the head (a fresh chain starts at genesis). */
  async clear(): Promise<void> {
    await withLock(this.db, () =>
      this.db.transaction('rw', this.db.audit, this.db.settings, async () => {
        await this.db.audit.clear();
        await this.db.settings.bulkDelete([SETTING_KEYS.auditAnchor, SETTING_KEYS.auditHead]);
      }),
    );
  }
}

export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
