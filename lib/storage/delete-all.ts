/**
 * "Delete all my data": the vault, the always-allow list (an encrypted settings entry), the audit log, user settings, imported org policies and the extension's keys.
 * The last good managed policy stays: it belongs to the administrator, and dropping it would loosen protection if
 * storage.managed is unreadable at the next start. After this, call PolicyService.load() so the effective policy
 * forgets the org policy and user settings.
 */
import { getDb, SETTING_KEYS, type ChatWardenDb } from './db';
import { forgetCachedKeys } from './keys';

export async function deleteAllData(db: ChatWardenDb = getDb()): Promise<void> {
  await db.transaction('rw', [db.vault, db.audit, db.orgPolicies, db.settings, db.keys], async () => {
    await db.vault.clear();
    await db.audit.clear();
    await db.orgPolicies.clear();
    await db.keys.clear();
    await db.settings.where('key').notEqual(SETTING_KEYS.managedLastGood).delete();
    // Already covered by the line above; explicit so a future change to it cannot keep the allowlist by accident.
    await db.settings.delete(SETTING_KEYS.allowedValues);
  });
  forgetCachedKeys(db);
}
