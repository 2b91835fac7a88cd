/**
 * The user's "always allow this value" list. Raw values, so encrypted at rest like the vault: AES-GCM under the
 * non-extractable `vault` key, a fresh 96-bit IV per write, fixed additional data. Kept as one encrypted entry of the
 * `settings` table (no schema change); deleteAllData() clears it with the other settings and the keys.
 */
import { getDb, SETTING_KEYS, type ChatWardenDb } from './db';
import { getKey } from './keys';

export interface AllowedValue {
  id: string;
  value: string;
  type: string;
  masked: string;
  addedAt: number;
}

interface StoredAllowlist {
  iv: Uint8Array;
  ciphertext: ArrayBuffer;
}

const ADDITIONAL_DATA = new TextEncoder().encode('chatwarden-allowlist-v1');

export class AllowlistStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: ChatWardenDb = getDb()) {}

  /** All entries (decrypted); empty when there are none or they cannot be decrypted (keys deleted). */
  async list(): Promise<AllowedValue[]> {
    const row = await this.db.settings.get(SETTING_KEYS.allowedValues);
    const stored = row?.value as StoredAllowlist | undefined;
    if (!stored?.iv || !stored.ciphertext) return [];
    try {
      const key = await getKey('vault', this.db);
      const plaintext = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: new Uint8Array(stored.iv), additionalData: ADDITIONAL_DATA },
        key,
        stored.ciphertext,
      );
      const parsed = JSON.parse(new TextDecoder().decode(plaintext)) as unknown;
      return Array.isArray(parsed) ? (parsed as AllowedValue[]) : [];
    } catch {
      return [];
    }
  }

  async values(): Promise<string[]> {
    return (await this.list()).map((entry) => entry.value);
  }

  private async write(entries: AllowedValue[]): Promise<void> {
    const key = await getKey('vault', this.db);
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const ciphertext = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: ADDITIONAL_DATA },
      key,
      new TextEncoder().encode(JSON.stringify(entries)),
    );
    await this.db.settings.put({ key: SETTING_KEYS.allowedValues, value: { iv, ciphertext }, updatedAt: Date.now() });
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Adds a value (or returns the existing entry for it). */
  add(value: string, type: string, masked: string, now = Date.now()): Promise<AllowedValue> {
    return this.serialized(async () => {
      const entries = await this.list();
      const existing = entries.find((entry) => entry.value === value);
      if (existing) return existing;
      const entry: AllowedValue = { id: crypto.randomUUID(), value, type, masked, addedAt: now };
      await this.write([...entries, entry]);
      return entry;
    });
  }

  /** Removes an entry; returns it, or null when there was none with that id. */
  remove(id: string): Promise<AllowedValue | null> {
    return this.serialized(async () => {
      const entries = await this.list();
      const removed = entries.find((entry) => entry.id === id) ?? null;
      if (removed) await this.write(entries.filter((entry) => entry !== removed));
      return removed;
    });
  }

  async clear(): Promise<void> {
    await this.db.settings.delete(SETTING_KEYS.allowedValues);
  }
}
