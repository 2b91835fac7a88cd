import { afterEach, describe, expect, it } from 'vitest';
import { deleteAllData } from '../../../lib/storage/delete-all';
import { VaultStore } from '../../../lib/storage/vault-store';
import { cleanupDbs, freshDb } from './helpers';

afterEach(cleanupDbs);

const HOUR = 60 * 60 * 1000;
const state = { map: { 'alice@example.com': '[EMAIL_1]' }, counters: { EMAIL: 1 } };

describe('VaultStore', () => {
  it('round-trips state, encrypted at rest with a fresh IV per write', async () => {
    const db = freshDb();
    const vault = new VaultStore(db);
    expect(await vault.get('chatgpt', 'c1')).toBeNull();
    await vault.put('chatgpt', 'c1', state);
    expect(await vault.get('chatgpt', 'c1')).toEqual(state);

    const first = (await db.vault.get(['chatgpt', 'c1']))!;
    const bytes = new TextDecoder().decode(new Uint8Array(first.ciphertext));
    expect(bytes).not.toContain('alice');
    expect(first.iv).toHaveLength(12);
    await vault.put('chatgpt', 'c1', state);
    const second = (await db.vault.get(['chatgpt', 'c1']))!;
    expect(Array.from(second.iv)).not.toEqual(Array.from(first.iv));

    const key = (await db.keys.get('vault'))!.key;
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
  });

  it('keeps conversations and sites apart; a row moved to another key does not decrypt', async () => {
    const db = freshDb();
    const vault = new VaultStore(db);
    await vault.put('chatgpt', 'c1', { a: 1 });
    await vault.put('claude', 'c1', { b: 2 });
    expect(await vault.get('chatgpt', 'c1')).toEqual({ a: 1 });
    expect(await vault.get('claude', 'c1')).toEqual({ b: 2 });
    const row = (await db.vault.get(['chatgpt', 'c1']))!;
    await db.vault.put({ ...row, conversationId: 'stolen' });
    expect(await vault.get('chatgpt', 'stolen')).toBeNull();
  });

  it('rekeys a new chat to its real id', async () => {
    const vault = new VaultStore(freshDb());
    await vault.put('gemini', 'new-chat', state);
    expect(await vault.rekey('gemini', 'new-chat', 'abc123')).toBe(true);
    expect(await vault.get('gemini', 'new-chat')).toBeNull();
    expect(await vault.get('gemini', 'abc123')).toEqual(state);
    expect(await vault.rekey('gemini', 'missing', 'x')).toBe(false);
  });

  it('expires rows after the retention, including a retention shortened later', async () => {
    let now = 1_000_000;
    let retention = 24;
    const vault = new VaultStore(freshDb(), { now: () => now, retentionHours: () => retention });
    await vault.put('chatgpt', 'old', state);
    now += 2 * HOUR;
    await vault.put('chatgpt', 'new', state);
    now += 21 * HOUR;
    expect(await vault.purgeExpired(now)).toBe(0);
    now += 1 * HOUR; // 24h after 'old'
    expect(await vault.purgeExpired(now)).toBe(1);
    expect(await vault.get('chatgpt', 'new')).toEqual(state);
    retention = 1; // policy tightened: 'new' is 22h old
    expect(await vault.get('chatgpt', 'new')).toBeNull();
    expect(await vault.count()).toBe(0);
  });

  it('deleteAll and deleteAllData remove everything; old ciphertext cannot be read with the new key', async () => {
    const db = freshDb();
    const vault = new VaultStore(db);
    await vault.put('chatgpt', 'c1', state);
    const row = (await db.vault.get(['chatgpt', 'c1']))!;
    await deleteAllData(db);
    expect(await vault.count()).toBe(0);
    await db.vault.put(row); // as if a copy had survived
    expect(await vault.get('chatgpt', 'c1')).toBeNull();
    await vault.put('chatgpt', 'c2', state);
    await vault.deleteAll();
    expect(await vault.count()).toBe(0);
  });
});
