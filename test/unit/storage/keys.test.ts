import { afterEach, describe, expect, it } from 'vitest';
import {
  fingerprintConversation,
  fingerprintValue,
  forgetCachedKeys,
  getKey,
  isValueFingerprint,
} from '../../../lib/storage/keys';
import { cleanupDbs, freshDb } from './helpers';

afterEach(cleanupDbs);

describe('keys and fingerprints', () => {
  it('creates each key once, non-extractable, even under concurrent first use', async () => {
    const db = freshDb();
    const keys = await Promise.all([getKey('fingerprint', db), getKey('fingerprint', db), getKey('vault', db)]);
    expect(keys[0]).toBe(keys[1]);
    expect(await db.keys.count()).toBe(2);
    forgetCachedKeys(db);
    const reloaded = await getKey('fingerprint', db);
    expect(reloaded.extractable).toBe(false);
    expect(reloaded.algorithm).toMatchObject({ name: 'HMAC' });
  });

  it('fingerprints are keyed, stable per database, and do not reveal the value', async () => {
    const db = freshDb();
    const other = freshDb();
    const value = '4111 1111 1111 1111';
    const a = await fingerprintValue(value, db);
    expect(a).toBe(await fingerprintValue(value, db));
    expect(a).toBe(await fingerprintValue(value.normalize('NFD'), db));
    expect(a).not.toBe(await fingerprintValue(value, other)); // different key, different fingerprint
    expect(a).not.toBe(await fingerprintValue('4111 1111 1111 1112', db));
    expect(isValueFingerprint(a)).toBe(true);
    expect(isValueFingerprint(value)).toBe(false);
    expect(a).not.toContain('4111');
    // A plain SHA-256 of the value would be guessable; the fingerprint is not that.
    const plain = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(value))))
      .map((byte) => byte.toString(16).padStart(2, '0'))
      .join('');
    expect(plain.startsWith(a.slice(4))).toBe(false);
  });

  it('conversation fingerprints are domain-separated from value fingerprints', async () => {
    const db = freshDb();
    const conversation = await fingerprintConversation('claude', 'abc', db);
    expect(conversation).toMatch(/^cv1:[0-9a-f]{32}$/);
    expect(conversation.slice(4)).not.toBe((await fingerprintValue('claude\u0000abc', db)).slice(4));
    expect(isValueFingerprint(conversation)).toBe(false);
  });
});
