import { afterEach, describe, expect, it } from 'vitest';
import { AllowlistStore } from '../../../lib/storage/allowlist-store';
import { SETTING_KEYS } from '../../../lib/storage/db';
import { deleteAllData } from '../../../lib/storage/delete-all';
import { cleanupDbs, freshDb } from './helpers';

afterEach(cleanupDbs);

const VALUE = 'alice.smith@acme-corp.com';

describe('AllowlistStore', () => {
  it('adds, lists, dedupes and removes values, encrypted at rest', async () => {
    const db = freshDb();
    const store = new AllowlistStore(db);
    expect(await store.list()).toEqual([]);
    const entry = await store.add(VALUE, 'EMAIL', 'alic…com', 5);
    expect(entry).toMatchObject({ value: VALUE, type: 'EMAIL', masked: 'alic…com', addedAt: 5 });
    expect((await store.add(VALUE, 'EMAIL', 'alic…com')).id).toBe(entry.id);
    await store.add('bob@example.org', 'EMAIL', 'bob@…org');
    expect(await store.values()).toEqual([VALUE, 'bob@example.org']);

    const row = await db.settings.get(SETTING_KEYS.allowedValues);
    const stored = row!.value as { iv: Uint8Array; ciphertext: ArrayBuffer };
    expect(stored.iv).toHaveLength(12);
    const raw = new TextDecoder().decode(new Uint8Array(stored.ciphertext));
    expect(raw).not.toContain(VALUE);
    expect(JSON.stringify(row)).not.toContain(VALUE);

    expect(await store.remove(entry.id)).toMatchObject({ value: VALUE });
    expect(await store.remove(entry.id)).toBeNull();
    expect(await store.values()).toEqual(['bob@example.org']);
    // A second instance (service-worker restart) reads the same list.
    expect(await new AllowlistStore(db).values()).toEqual(['bob@example.org']);
  });

  it('concurrent adds are serialized, not lost', async () => {
    const store = new AllowlistStore(freshDb());
    await Promise.all(['a@x.org', 'b@x.org', 'c@x.org'].map((value) => store.add(value, 'EMAIL', '…')));
    expect((await store.values()).sort()).toEqual(['a@x.org', 'b@x.org', 'c@x.org']);
  });

  it('is cleared by deleteAllData', async () => {
    const db = freshDb();
    const store = new AllowlistStore(db);
    await store.add(VALUE, 'EMAIL', 'alic…com');
    await deleteAllData(db);
    expect(await db.settings.get(SETTING_KEYS.allowedValues)).toBeUndefined();
    expect(await store.list()).toEqual([]);
  });

  it('an undecryptable entry (keys deleted) reads as empty', async () => {
    const db = freshDb();
    const store = new AllowlistStore(db);
    await store.add(VALUE, 'EMAIL', 'alic…com');
    const row = (await db.settings.get(SETTING_KEYS.allowedValues))!;
    const stored = row.value as { iv: Uint8Array; ciphertext: ArrayBuffer };
    const tampered = new Uint8Array(stored.ciphertext.slice(0));
    tampered[0] = tampered[0]! ^ 0xff;
    await db.settings.put({ ...row, value: { iv: stored.iv, ciphertext: tampered.buffer } });
    expect(await store.list()).toEqual([]);
  });
});
