/**
 * The placeholder vault: per site and conversation, the JSON state lib/anonymize needs to restore placeholders on the
 * user's screen (value ↔ placeholder maps). Encrypted at rest with AES-GCM under the non-extractable `vault` key, a
 * fresh 96-bit IV per write, and the site + conversation id as additional data so a row cannot be moved to another
 * conversation. Rows expire `vaultRetentionHours` after their last write.
 */
import { getDb, type ChatWardenDb, type VaultRecord } from './db';
import { getKey } from './keys';

export interface VaultStoreOptions {
  /** Current retention (the effective policy's vaultRetentionHours); read at each write and purge. */
  retentionHours?: () => number;
  now?: () => number;
}

const HOUR_MS = 60 * 60 * 1000;
const DEFAULT_RETENTION_HOURS = 24;

function additionalData(site: string, conversationId: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`chatwarden-vault-v1\u0000${site}\u0000${conversationId}`);
}

export class VaultStore {
  private readonly retentionHours: () => number;
  private readonly now: () => number;

  constructor(
    private readonly db: ChatWardenDb = getDb(),
    options: VaultStoreOptions = {},
  ) {
    this.retentionHours = options.retentionHours ?? (() => DEFAULT_RETENTION_HOURS);
    this.now = options.now ?? Date.now;
  }

  private retentionMs(): number {
    return Math.max(0, this.retentionHours()) * HOUR_MS;
  }

  private isExpired(row: VaultRecord, now: number): boolean {
    // The retention may have been shortened since the row was written: honour the shorter of the two.
    return row.expiresAt <= now || row.updatedAt + this.retentionMs() <= now;
  }

  private async encrypt(site: string, conversationId: string, state: unknown) {
    const key = await getKey('vault', this.db);
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const plaintext = new TextEncoder().encode(JSON.stringify(state));
    const ciphertext = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: additionalData(site, conversationId) },
      key,
      plaintext,
    );
    return { iv, ciphertext };
  }

  private async decrypt(row: VaultRecord): Promise<unknown> {
    const key = await getKey('vault', this.db);
    const plaintext = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: new Uint8Array(row.iv), additionalData: additionalData(row.site, row.conversationId) },
      key,
      row.ciphertext,
    );
    return JSON.parse(new TextDecoder().decode(plaintext)) as unknown;
  }

  /** The decrypted state, or null when there is none, it expired, or it cannot be decrypted (key deleted). */
  async get(site: string, conversationId: string): Promise<unknown> {
    const row = await this.db.vault.get([site, conversationId]);
    if (!row) return null;
    if (this.isExpired(row, this.now())) {
      await this.db.vault.delete([site, conversationId]);
      return null;
    }
    try {
      return await this.decrypt(row);
    } catch {
      // Undecryptable (keys were deleted, or the row was tampered with): it can never be read, so drop it.
      await this.db.vault.delete([site, conversationId]);
      return null;
    }
  }

  /** Stores (replaces) the state. `state` must be JSON-serialisable. */
  async put(site: string, conversationId: string, state: unknown): Promise<void> {
    const { iv, ciphertext } = await this.encrypt(site, conversationId, state);
    const now = this.now();
    await this.db.vault.put({ site, conversationId, iv, ciphertext, updatedAt: now, expiresAt: now + this.retentionMs() });
  }

  /**
   * Moves a conversation's state to a new id (a new chat gets its id after the first send). Replaces any state
   * already stored under `toId`. Returns false when there was nothing to move.
   */
  async rekey(site: string, fromId: string, toId: string): Promise<boolean> {
    if (fromId === toId) return (await this.get(site, fromId)) !== null;
    const state = await this.get(site, fromId);
    if (state === null) return false;
    const { iv, ciphertext } = await this.encrypt(site, toId, state);
    const now = this.now();
    await this.db.transaction('rw', this.db.vault, async () => {
      const expiresAt = now + this.retentionMs();
      await this.db.vault.put({ site, conversationId: toId, iv, ciphertext, updatedAt: now, expiresAt });
      await this.db.vault.delete([site, fromId]);
    });
    return true;
  }

  async delete(site: string, conversationId: string): Promise<void> {
    await this.db.vault.delete([site, conversationId]);
  }

  /** Deletes expired rows; returns how many. Call on startup and periodically (e.g. an alarm). */
  async purgeExpired(now: number = this.now()): Promise<number> {
    return this.db.transaction('rw', this.db.vault, async () => {
      const byExpiry = await this.db.vault.where('expiresAt').belowOrEqual(now).delete();
      const byRetention = await this.db.vault.where('updatedAt').belowOrEqual(now - this.retentionMs()).delete();
      return byExpiry + byRetention;
    });
  }

  async deleteAll(): Promise<void> {
    await this.db.vault.clear();
  }

  async count(): Promise<number> {
    return this.db.vault.count();
  }
}
