/**
 * The extension's IndexedDB (Dexie), opened by the background service worker only: content scripts and pages reach
 * it through messages, so one writer keeps the audit chain linear.
 *
 * Versions (never edit a shipped version's schema; add a new one with an upgrade):
 * - v1: orgPolicies, settings, vault, audit, keys.
 * - v2: vault rows get `expiresAt` (indexed, backfilled from `updatedAt` + the default retention) so expiry is one
 *   index range instead of a full scan; audit gets indexes for the log view's filters ([site+at], kind, action).
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { PolicyInput, SiteId } from '../policy/types';

export const DB_NAME = 'chatwarden';

/** One imported org policy. Every import is kept as a new version. */
export interface OrgPolicyRecord {
  version?: number;
  policy: PolicyInput;
  /** SHA-256 (hex) of the policy's canonical JSON. */
  hash: string;
  /** Epoch ms. */
  importedAt: number;
  /** Where it came from, for the options page (file name or "pasted"). */
  label?: string;
}

/** Keys of the `settings` table. */
export const SETTING_KEYS = {
  userSettings: 'userSettings',
  managedLastGood: 'managedLastGood',
  auditAnchor: 'auditAnchor',
  auditHead: 'auditHead',
  /** The user's "always allow" values, AES-GCM encrypted under the vault key (allowlist-store.ts). */
  allowedValues: 'allowedValues',
} as const;

/** Small named records: user settings, the last good managed policy, the audit anchor and head. */
export interface SettingRecord {
  key: string;
  value: unknown;
  updatedAt: number;
}

export interface VaultRecord {
  site: string;
  conversationId: string;
  iv: Uint8Array;
  ciphertext: ArrayBuffer;
  updatedAt: number;
  /** Added in v2. */
  expiresAt: number;
}

export type AuditChannel = 'typed' | 'paste' | 'drop' | 'upload' | 'network' | 'reply';

export interface AuditRecord {
  /** 1, 2, 3, ... assigned by the writer (not auto-increment) so it is part of the hashed content. */
  seq: number;
  at: number;
  site: SiteId | string;
  /** Keyed fingerprint of site + conversation id (never the id itself). */
  conversation: string;
  channel: AuditChannel;
  kind: string;
  type: string;
  rule: string;
  action: string;
  count: number;
  /** Keyed fingerprint of the detected value (fingerprintValue), or '' where there is no single value. */
  fingerprint: string;
  /** Set when the user overrode a decision; `justification` is what they typed, if required. */
  overridden?: boolean;
  justification?: string;
  prevHash: string;
  hash: string;
}

export interface KeyRecord {
  name: string;
  key: CryptoKey;
  createdAt: number;
}

/** Dexie store definitions per version, exported so tests can build an old database and upgrade it. */
export const SCHEMA_V1 = {
  orgPolicies: '++version, importedAt',
  settings: 'key',
  vault: '[site+conversationId], updatedAt',
  audit: 'seq, at',
  keys: 'name',
} as const;

export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  vault: '[site+conversationId], updatedAt, expiresAt',
  audit: 'seq, at, [site+at], kind, action',
} as const;

/** The retention v1 rows had implicitly (the product default); v2 makes it explicit per row. */
export const V1_DEFAULT_VAULT_RETENTION_MS = 24 * 60 * 60 * 1000;

export class ChatWardenDb extends Dexie {
  orgPolicies!: EntityTable<OrgPolicyRecord, 'version'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  vault!: Table<VaultRecord, [string, string]>;
  audit!: EntityTable<AuditRecord, 'seq'>;
  keys!: EntityTable<KeyRecord, 'name'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        await tx
          .table<VaultRecord & { expiresAt?: number }>('vault')
          .toCollection()
          .modify((row) => {
            if (typeof row.expiresAt !== 'number') row.expiresAt = row.updatedAt + V1_DEFAULT_VAULT_RETENTION_MS;
          });
      });
  }
}

let shared: ChatWardenDb | undefined;

/** The background's database. Tests pass their own ChatWardenDb (unique name) to the stores instead. */
export function getDb(): ChatWardenDb {
  shared ??= new ChatWardenDb();
  return shared;
}
