import { afterEach, describe, expect, it } from 'vitest';
import { AuditInputError, AuditLog, GENESIS_HASH, csvCell, type AuditEventInput } from '../../../lib/storage/audit-log';
import { canonicalJson, sha256Hex } from '../../../lib/storage/canonical-json';
import type { ChatWardenDb } from '../../../lib/storage/db';
import { deleteAllData } from '../../../lib/storage/delete-all';
import { fingerprintConversation, fingerprintValue, type ValueFingerprint } from '../../../lib/storage/keys';
import { cleanupDbs, freshDb } from './helpers';

afterEach(cleanupDbs);

const DAY = 24 * 60 * 60 * 1000;

async function event(db: ChatWardenDb, overrides: Partial<AuditEventInput> = {}): Promise<AuditEventInput> {
  return {
    site: 'chatgpt',
    conversation: await fingerprintConversation('chatgpt', 'conv-1', db),
    channel: 'paste',
    kind: 'pii',
    type: 'EMAIL',
    rule: 'email-address',
    action: 'redact',
    count: 1,
    fingerprint: await fingerprintValue('alice@example.com', db),
    ...overrides,
  };
}

async function seed(db: ChatWardenDb, log: AuditLog, ats: number[]): Promise<void> {
  for (const at of ats) await log.append(await event(db, { at }));
}

describe('AuditLog', () => {
  it('stores fingerprints, never the value, and chains events', async () => {
    const db = freshDb();
    const log = new AuditLog(db);
    const first = await log.append(await event(db, { at: 1 }));
    const second = await log.append(await event(db, { at: 2, channel: 'typed', justification: 'customer asked' }));
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH });
    expect(second.prevHash).toBe(first.hash);
    expect(first.fingerprint).toMatch(/^fp1:[0-9a-f]{32}$/);
    expect(first.fingerprint).toBe(second.fingerprint); // the same value is recognisable
    expect(JSON.stringify(await db.audit.toArray())).not.toContain('alice');
    expect(await log.verifyAuditChain()).toEqual({ ok: true, checked: 2, firstBrokenIndex: null });
  });

  it('hashes the documented format, so an export can be verified outside the extension', async () => {
    const db = freshDb();
    const log = new AuditLog(db);
    await seed(db, log, [1, 2]);
    const exported = JSON.parse(await log.exportAudit('json')) as { events: Array<Record<string, unknown>> };
    let prev = GENESIS_HASH;
    for (const { hash, prevHash, ...content } of exported.events) {
      expect(prevHash).toBe(prev);
      expect(hash).toBe(await sha256Hex(`${canonicalJson(content)}\n${prevHash as string}`));
      prev = hash as string;
    }
  });

  it('refuses a raw value where a fingerprint belongs, and free text where ids belong', async () => {
    const db = freshDb();
    const log = new AuditLog(db);
    const base = await event(db);
    await expect(log.append({ ...base, fingerprint: 'alice@example.com' as ValueFingerprint })).rejects.toThrow(
      AuditInputError,
    );
    await expect(log.append({ ...base, type: 'alice@example.com' })).rejects.toThrow(/type/);
    await expect(log.append({ ...base, rule: 'alice@example.com' })).rejects.toThrow(/rule/);
    await expect(log.append({ ...base, conversation: 'c/123' as never })).rejects.toThrow(/conversation/);
    await expect(log.append({ ...base, count: -1 })).rejects.toThrow(/count/);
    expect(await log.count()).toBe(0);
  });

  it('finds the first edited, deleted or inserted event', async () => {
    const db = freshDb();
    const log = new AuditLog(db);
    await seed(db, log, [1, 2, 3, 4, 5]);

    await db.audit.update(3, { action: 'allow' });
    expect(await log.verifyAuditChain()).toMatchObject({ ok: false, firstBrokenIndex: 2, firstBrokenSeq: 3 });
  });

  it('detects a deleted event in the middle and at the end', async () => {
    const db = freshDb();
    const log = new AuditLog(db);
    await seed(db, log, [1, 2, 3, 4]);
    await db.audit.delete(4);
    expect(await log.verifyAuditChain()).toMatchObject({ ok: false, firstBrokenIndex: 3, reason: expect.stringMatching(/missing/) });
    await db.audit.delete(2);
    expect(await log.verifyAuditChain()).toMatchObject({ ok: false, firstBrokenIndex: 1, firstBrokenSeq: 3 });
  });

  it('detects a forged event even with a recomputed own hash', async () => {
    const db = freshDb();
    const log = new AuditLog(db);
    await seed(db, log, [1, 2, 3]);
    const { computeEventHash } = await import('../../../lib/storage/audit-log');
    const second = (await db.audit.get(2))!;
    const forged = { ...second, action: 'allow' };
    const { hash: _drop, ...rest } = forged;
    await db.audit.put({ ...forged, hash: await computeEventHash(rest) });
    expect(await log.verifyAuditChain()).toMatchObject({ ok: false, firstBrokenIndex: 2, firstBrokenSeq: 3 });
  });

  it('purges by retention and keeps the rest verifiable through the anchor', async () => {
    const db = freshDb();
    let now = 100 * DAY;
    const log = new AuditLog(db, { now: () => now });
    await seed(db, log, [10 * DAY, 20 * DAY, 75 * DAY, 90 * DAY]);
    expect(await log.purgeAudit(now, 30)).toBe(2);
    expect((await db.audit.toArray()).map((row) => row.seq)).toEqual([3, 4]);
    expect(await log.verifyAuditChain()).toEqual({ ok: true, checked: 2, firstBrokenIndex: null });
    // New events continue the chain after the purge.
    await log.append(await event(db));
    now = 200 * DAY;
    expect(await log.verifyAuditChain()).toMatchObject({ ok: true, checked: 3 });
    expect(await log.purgeAudit(now, 30)).toBe(3);
    expect(await log.count()).toBe(0);
    const next = await log.append(await event(db));
    expect(next.seq).toBe(6);
    expect(await log.verifyAuditChain()).toMatchObject({ ok: true, checked: 1 });
    // Tampering right after the anchor is still caught.
    await db.audit.update(6, { count: 9 });
    expect(await log.verifyAuditChain()).toMatchObject({ ok: false, firstBrokenIndex: 0 });
  });

  it('keeps the chain linear under concurrent appends', async () => {
    const db = freshDb();
    const log = new AuditLog(db);
    const other = new AuditLog(db);
    const base = await event(db);
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? log : other).append({ ...base, at: i, count: i })));
    expect(await log.count()).toBe(20);
    expect(await log.verifyAuditChain()).toMatchObject({ ok: true, checked: 20 });
  });

  it('lists with filters, newest first', async () => {
    const db = freshDb();
    const log = new AuditLog(db);
    await log.appendMany([
      await event(db, { at: 1, site: 'chatgpt', kind: 'pii', type: 'EMAIL', action: 'redact' }),
      await event(db, { at: 2, site: 'claude', kind: 'secret', type: 'AWS_ACCESS_KEY', action: 'block', fingerprint: null }),
      await event(db, { at: 3, site: 'chatgpt', kind: 'secret', type: 'GITHUB_TOKEN', action: 'review' }),
      await event(db, { at: 4, site: 'chatgpt', kind: 'pii', type: 'PHONE', action: 'redact' }),
    ]);
    const seqs = (rows: Array<{ seq: number }>) => rows.map((row) => row.seq);
    expect(seqs(await log.listAudit())).toEqual([4, 3, 2, 1]);
    expect(seqs(await log.listAudit({ site: 'chatgpt' }))).toEqual([4, 3, 1]);
    expect(seqs(await log.listAudit({ site: 'chatgpt', from: 2, to: 3 }))).toEqual([3]);
    expect(seqs(await log.listAudit({ kind: 'secret' }))).toEqual([3, 2]);
    expect(seqs(await log.listAudit({ action: 'redact', limit: 1 }))).toEqual([4]);
    expect(seqs(await log.listAudit({ type: 'AWS_ACCESS_KEY' }))).toEqual([2]);
  });

  it('exports CSV (formula-safe) and JSON with the anchor', async () => {
    const db = freshDb();
    const log = new AuditLog(db, { now: () => 50 * DAY });
    await seed(db, log, [1 * DAY]);
    await log.append(await event(db, { at: 40 * DAY, overridden: true, justification: '=HYPERLINK("x"), "quoted"' }));
    await log.purgeAudit(50 * DAY, 30);
    const csv = await log.exportAudit('csv');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      'time,seq,at,site,conversation,channel,kind,type,rule,action,count,fingerprint,overridden,justification,prevHash,hash',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x""), ""quoted"""`);
    const json = JSON.parse(await log.exportAudit('json')) as { anchor: { seq: number }; events: unknown[] };
    expect(json.anchor.seq).toBe(1);
    expect(json.events).toHaveLength(1);
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell('plain')).toBe('plain');
  });

  it('deleteAllData clears the log and a new chain starts at genesis', async () => {
    const db = freshDb();
    const log = new AuditLog(db);
    await seed(db, log, [1, 2]);
    const before = await fingerprintValue('alice@example.com', db);
    await deleteAllData(db);
    expect(await log.count()).toBe(0);
    const next = await log.append(await event(db));
    expect(next).toMatchObject({ seq: 1, prevHash: GENESIS_HASH });
    expect(await fingerprintValue('alice@example.com', db)).not.toBe(before); // new key: old fingerprints unlinkable
    expect(await log.verifyAuditChain()).toMatchObject({ ok: true });
  });
});
