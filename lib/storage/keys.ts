/**
 * The extension's own keys, generated on first use and kept in IndexedDB as non-extractable CryptoKey objects
 * (structured-clonable, so IndexedDB stores them; no code, not even ours, can read the key bytes).
 * - `vault`: AES-GCM-256 for the placeholder vault.
 * - `fingerprint`: HMAC-SHA-256 for keyed fingerprints, so the audit log can say "the same value again" without
 *   storing it or a plain hash of it (a plain hash of a phone number is brute-forced in seconds).
 * Deleting the keys (deleteAllData) makes any leftover ciphertext and fingerprint meaningless.
 */
import { toHex } from './canonical-json';
import { getDb, type ChatWardenDb } from './db';

export type KeyName = 'vault' | 'fingerprint';

/** A keyed fingerprint of a detected value. Only fingerprintValue() makes one; the audit log accepts nothing else. */
export type ValueFingerprint = string & { readonly __brand: 'ValueFingerprint' };
/** A keyed fingerprint of a site + conversation id. */
export type ConversationFingerprint = string & { readonly __brand: 'ConversationFingerprint' };

/** 128 bits of HMAC output: enough to recognise a repeat, too short to matter if it ever were reversible. */
const FINGERPRINT_BYTES = 16;
export const VALUE_FINGERPRINT_PATTERN = /^fp1:[0-9a-f]{32}$/;
export const CONVERSATION_FINGERPRINT_PATTERN = /^cv1:[0-9a-f]{32}$/;

const cache = new WeakMap<ChatWardenDb, Map<KeyName, Promise<CryptoKey>>>();

function generate(name: KeyName): Promise<CryptoKey> {
  return name === 'vault'
    ? crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'])
    : crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}

async function loadOrCreate(db: ChatWardenDb, name: KeyName): Promise<CryptoKey> {
  const existing = await db.keys.get(name);
  if (existing) return existing.key;
  const fresh = await generate(name);
  // Another context may have created it meanwhile: keep whichever was stored first.
  return db.transaction('rw', db.keys, async () => {
    const stored = await db.keys.get(name);
    if (stored) return stored.key;
    await db.keys.add({ name, key: fresh, createdAt: Date.now() });
    return fresh;
  });
}

export function getKey(name: KeyName, db: ChatWardenDb = getDb()): Promise<CryptoKey> {
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map()));
  let pending = perDb.get(name);
  if (!pending) {
    pending = loadOrCreate(db, name);
    perDb.set(name, pending);
    pending.catch(() => perDb.delete(name));
  }
  return pending;
}

/** Forget cached keys (after deleteAllData removed them, the next use generates new ones). */
export function forgetCachedKeys(db: ChatWardenDb = getDb()): void {
  cache.delete(db);
}

async function hmacHex(message: string, db: ChatWardenDb): Promise<string> {
  const key = await getKey('fingerprint', db);
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(message));
  return toHex(new Uint8Array(mac).subarray(0, FINGERPRINT_BYTES));
}

/** Keyed fingerprint of a detected value (NFC-normalised). The raw value goes in, only the fingerprint comes out. */
export async function fingerprintValue(value: string, db: ChatWardenDb = getDb()): Promise<ValueFingerprint> {
  // Domain-separated from conversation fingerprints so the two can never collide.
  return `fp1:${await hmacHex(`value\u0000${value.normalize('NFC')}`, db)}` as ValueFingerprint;
}

export async function fingerprintConversation(
  site: string,
  conversationId: string,
  db: ChatWardenDb = getDb(),
): Promise<ConversationFingerprint> {
  return `cv1:${await hmacHex(`conversation\u0000${site}\u0000${conversationId}`, db)}` as ConversationFingerprint;
}

export function isValueFingerprint(value: unknown): value is ValueFingerprint {
  return typeof value === 'string' && VALUE_FINGERPRINT_PATTERN.test(value);
}

export function isConversationFingerprint(value: unknown): value is ConversationFingerprint {
  return typeof value === 'string' && CONVERSATION_FINGERPRINT_PATTERN.test(value);
}
