/**
 * The background's side of the per-conversation pseudonym vaults: content scripts keep an in-memory copy and sync it
 * here; VaultStore keeps it encrypted (AES-GCM, non-extractable key) so it survives a service-worker restart and a page
 * reload, and expires after the policy's vaultRetentionHours.
 */
import { VaultStore } from '../storage/vault-store';

const PURGE_INTERVAL_MS = 15 * 60 * 1000;

export class VaultService {
  private readonly store: VaultStore;
  private lastPurge = 0;

  constructor(retentionHours: () => number, store?: VaultStore) {
    this.store = store ?? new VaultStore(undefined, { retentionHours });
  }

  /** Expired rows go on use rather than on a timer: the service worker sleeps most of the time. */
  private purgeNow(): void {
    const now = Date.now();
    if (now - this.lastPurge < PURGE_INTERVAL_MS) return;
    this.lastPurge = now;
    this.store.purgeExpired(now).catch(() => undefined);
  }

  async get(site: string, conversation: string): Promise<unknown> {
    this.purgeNow();
    return this.store.get(site, conversation);
  }

  async put(site: string, conversation: string, state: unknown): Promise<void> {
    await this.store.put(site, conversation, state);
  }

  async rekey(site: string, from: string, to: string): Promise<void> {
    await this.store.rekey(site, from, to);
  }
}
