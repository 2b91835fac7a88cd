import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ChatWardenDb, SCHEMA_V1, V1_DEFAULT_VAULT_RETENTION_MS } from '../../../lib/storage/db';
import { VaultStore } from '../../../lib/storage/vault-store';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

describe('ChatWardenDb migrations', () => {
  it('upgrades a v1 database: vault rows get expiresAt, audit gets its filter indexes, data survives', async () => {
    const name = `migration-${Date.now()}`;
    names.push(name);
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    await v1.table('vault').bulkPut([
      { site: 'chatgpt', conversationId: 'c1', iv: new Uint8Array(12), ciphertext: new ArrayBuffer(4), updatedAt: 1_000 },
      { site: 'claude', conversationId: 'c2', iv: new Uint8Array(12), ciphertext: new ArrayBuffer(4), updatedAt: 5_000 },
    ]);
    await v1.table('audit').add({ seq: 1, at: 10, site: 'chatgpt', kind: 'pii', action: 'redact' });
    await v1.table('orgPolicies').add({ policy: { failMode: 'open' }, hash: 'h', importedAt: 3 });
    v1.close();

    const db = new ChatWardenDb(name);
    await db.open();
    expect(db.verno).toBe(2);
    const rows = await db.vault.orderBy('updatedAt').toArray();
    expect(rows.map((row) => row.expiresAt)).toEqual([1_000 + V1_DEFAULT_VAULT_RETENTION_MS, 5_000 + V1_DEFAULT_VAULT_RETENTION_MS]);
    // The new index answers range queries.
    const expiringEarly = await db.vault.where('expiresAt').belowOrEqual(2_000 + V1_DEFAULT_VAULT_RETENTION_MS).toArray();
    expect(expiringEarly.map((row) => row.conversationId)).toEqual(['c1']);
    expect(await db.audit.where('[site+at]').between(['chatgpt', 0], ['chatgpt', 100]).count()).toBe(1);
    expect(await db.audit.where('kind').equals('pii').count()).toBe(1);
    expect((await db.orgPolicies.toArray())[0]).toMatchObject({ version: 1, policy: { failMode: 'open' } });

    // purgeExpired works on migrated rows.
    const vault = new VaultStore(db);
    expect(await vault.purgeExpired(1_000 + V1_DEFAULT_VAULT_RETENTION_MS)).toBe(1);
    expect(await db.vault.count()).toBe(1);
    db.close();
  });

  it('creates a fresh database at the latest version', async () => {
    const name = `fresh-${Date.now()}`;
    names.push(name);
    const db = new ChatWardenDb(name);
    await db.open();
    expect(db.verno).toBe(2);
    expect(db.tables.map((table) => table.name).sort()).toEqual(['audit', 'keys', 'orgPolicies', 'settings', 'vault']);
    expect(db.vault.schema.indexes.map((index) => index.name)).toContain('expiresAt');
    db.close();
  });
});
