/**
 * Reading the administrator's policy from browser.storage.managed (Chrome/Edge: the extension's policy from GPO,
 * registry, plist or /etc/.../policies/managed; Firefox: policies.json "3rdparty" → "Extensions").
 *
 * Like uBlock Origin's adminStorage, reads are bounded in time and the caller keeps serving the last good copy:
 * storage.managed can be slow right after browser start, and Firefox throws when no policy is configured.
 */
import { browser } from 'wxt/browser';

export type ManagedRead = { ok: true; value: unknown } | { ok: false; message: string };

export interface ManagedPolicySource {
  read(): Promise<ManagedRead>;
  /** Calls `listener` whenever the managed area changes; returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

const READ_TIMEOUT_MS = 5000;

/** Firefox's error when policies.json has no entry for the extension: that simply means "no managed policy". */
const NOT_CONFIGURED = /manifest not found|not configured|no managed storage/i;

export function browserManagedSource(timeoutMs = READ_TIMEOUT_MS): ManagedPolicySource {
  return {
    async read() {
      const managed = browser.storage?.managed;
      if (!managed) return { ok: false, message: 'storage.managed is not available in this browser' };
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        });
        const value = await Promise.race([managed.get(), timeout]);
        return { ok: true, value };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (NOT_CONFIGURED.test(message)) return { ok: true, value: {} };
        return { ok: false, message: `could not read managed policy: ${message}` };
      } finally {
        clearTimeout(timer);
      }
    },
    subscribe(listener) {
      const onChanged = (_changes: unknown, areaName: string) => {
        if (areaName === 'managed') listener();
      };
      browser.storage.onChanged.addListener(onChanged);
      return () => browser.storage.onChanged.removeListener(onChanged);
    },
  };
}
