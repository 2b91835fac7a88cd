import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browserManagedSource, type ManagedPolicySource, type ManagedRead } from '../../../lib/policy/managed';
import { PolicyService, type EffectivePolicy } from '../../../lib/policy/policy-service';
import { ChatWardenDb, SETTING_KEYS } from '../../../lib/storage/db';
import { deleteAllData } from '../../../lib/storage/delete-all';

const FIXTURES = join(__dirname, '../../fixtures/policy');
const fixture = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');

const open: Array<{ db: ChatWardenDb; services: PolicyService[] }> = [];
let counter = 0;

function freshDb(): ChatWardenDb {
  const db = new ChatWardenDb(`policy-test-${Date.now()}-${counter++}`);
  open.push({ db, services: [] });
  return db;
}

function service(db: ChatWardenDb, managed: ManagedPolicySource = browserManagedSource(200), extra = {}): PolicyService {
  const created = new PolicyService({ db, managed, ...extra });
  open.find((entry) => entry.db === db)!.services.push(created);
  return created;
}

/** A managed source whose next read the test decides. */
function scriptedManaged(initial: ManagedRead): ManagedPolicySource & { next: ManagedRead; fire: () => void } {
  const listeners = new Set<() => void>();
  return {
    next: initial,
    async read() {
      return this.next;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    fire() {
      for (const listener of listeners) listener();
    },
  };
}

async function settle(svc: PolicyService): Promise<EffectivePolicy> {
  // Managed changes are applied asynchronously through the service's queue; a no-op export waits for it.
  await svc.exportOrgPolicy();
  return svc.getEffective();
}

afterEach(async () => {
  for (const { db, services } of open.splice(0)) {
    services.forEach((svc) => svc.dispose());
    db.close();
    await db.delete();
  }
});

describe('PolicyService: managed policy', () => {
  it('uses defaults when no source sets anything', async () => {
    const svc = service(freshDb());
    const effective = await svc.load();
    expect(effective.policy.failMode).toBe('closed');
    expect(effective.locked).toEqual([]);
    expect(effective.errors).toEqual([]);
    expect(effective.managed.active).toBe(false);
  });

  it('applies storage.managed, reports sources and locks, and follows live changes', async () => {
    await fakeBrowser.storage.managed.set({ actions: { secret: 'block' }, failMode: 'closed', vaultRetentionHours: 4 });
    const svc = service(freshDb());
    const changes: EffectivePolicy[] = [];
    svc.onChange((effective) => changes.push(effective));
    let effective = await svc.load();
    expect(effective.policy.actions.secret).toBe('block');
    expect(effective.sources).toMatchObject({ 'actions.secret': 'managed', failMode: 'managed', 'actions.pii': 'default' });
    expect(effective.locked).toEqual(['actions.secret', 'failMode', 'vaultRetentionHours']);
    expect(effective.managed).toMatchObject({ active: true, fromLastGood: false });

    await fakeBrowser.storage.managed.set({ maxPromptTokens: 1000 });
    effective = await settle(svc);
    expect(effective.policy.maxPromptTokens).toBe(1000);
    expect(effective.sources.maxPromptTokens).toBe('managed');
    expect(changes.length).toBeGreaterThanOrEqual(2);
  });

  it('rejects a bad managed update with field errors and keeps the last good policy', async () => {
    await fakeBrowser.storage.managed.set({ actions: { secret: 'block' } });
    const svc = service(freshDb());
    await svc.load();
    await fakeBrowser.storage.managed.set({ actions: { secret: 'nope' }, maxPromptTokens: -3 });
    const effective = await settle(svc);
    expect(effective.policy.actions.secret).toBe('block');
    expect(effective.policy.maxPromptTokens).toBe(0);
    expect(effective.errors.map((error) => [error.source, error.field, error.severity])).toEqual([
      ['managed', 'actions.secret', 'error'],
      ['managed', 'maxPromptTokens', 'error'],
    ]);
    expect(effective.errors[0]!.message).toMatch(/last good managed policy stays in force/);
    expect(effective.errors[0]!.at).toBeGreaterThan(0);
  });

  it('keeps the last good managed policy across restarts when the managed policy is bad at startup', async () => {
    const db = freshDb();
    const managed = scriptedManaged({ ok: true, value: { failMode: 'closed', actions: { pii: 'block' } } });
    await service(db, managed).load();

    managed.next = { ok: true, value: JSON.parse(fixture('invalid/custom-pattern-redos.json')) as unknown };
    const restarted = service(db, managed);
    const effective = await restarted.load();
    expect(effective.policy.actions.pii).toBe('block');
    expect(effective.managed).toMatchObject({ active: true, fromLastGood: true });
    expect(effective.errors[0]).toMatchObject({ source: 'managed', field: 'customPatterns[0].pattern' });
    expect(effective.locked).toContain('actions.pii');
  });

  it('keeps the last good managed policy when storage.managed cannot be read', async () => {
    const db = freshDb();
    const managed = scriptedManaged({ ok: true, value: { userMayOverride: false } });
    await service(db, managed).load();
    managed.next = { ok: false, message: 'could not read managed policy: timeout' };
    const effective = await service(db, managed).load();
    expect(effective.policy.userMayOverride).toBe(false);
    expect(effective.errors[0]).toMatchObject({ source: 'managed', field: 'policy', severity: 'error' });
  });

  it('drops the managed policy when the administrator removes it (an empty managed area is valid)', async () => {
    const db = freshDb();
    const managed = scriptedManaged({ ok: true, value: { userMayOverride: false } });
    const svc = service(db, managed);
    await svc.load();
    managed.next = { ok: true, value: {} };
    managed.fire();
    let effective = await settle(svc);
    expect(effective.policy.userMayOverride).toBe(true);
    expect(effective.managed.active).toBe(false);
    // And a failed read at the next start does not bring the old one back.
    managed.next = { ok: false, message: 'unreadable' };
    effective = await service(db, managed).load();
    expect(effective.policy.userMayOverride).toBe(true);
  });

  it('ignores unknown managed keys with a warning', async () => {
    await fakeBrowser.storage.managed.set({ enabled: true, somethingNew: 1 });
    const effective = await service(freshDb()).load();
    expect(effective.policy.enabled).toBe(true);
    expect(effective.errors).toEqual([
      expect.objectContaining({ source: 'managed', field: 'somethingNew', severity: 'warning' }),
    ]);
  });

  it('gives up on a storage.managed read that never answers and keeps the last good policy', async () => {
    const db = freshDb();
    await service(db, scriptedManaged({ ok: true, value: { failMode: 'open' } })).load();
    const spy = vi.spyOn(fakeBrowser.storage.managed, 'get').mockReturnValue(new Promise(() => undefined));
    const effective = await service(db, browserManagedSource(50)).load();
    expect(effective.policy.failMode).toBe('open');
    expect(effective.errors[0]).toMatchObject({ source: 'managed', message: expect.stringMatching(/no answer within 50 ms/) });
    spy.mockRestore();
  });

  it("treats Firefox's 'manifest not found' as no managed policy", async () => {
    const spy = vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    const effective = await service(freshDb()).load();
    expect(effective.errors).toEqual([]);
    expect(effective.managed.active).toBe(false);
    spy.mockRestore();
  });
});

describe('PolicyService: org policy', () => {
  it('imports, versions, exports and re-imports an org policy', async () => {
    const db = freshDb();
    const svc = service(db);
    await svc.load();
    const text = fixture('valid/full.json');
    const result = await svc.importOrgPolicy(text, 'full.json');
    expect(result).toMatchObject({ ok: true, org: { version: 1, label: 'full.json' } });
    if (!result.ok) return;
    expect(result.org.hash).toMatch(/^[0-9a-f]{64}$/);
    const effective = svc.getEffective();
    expect(effective.policy.maxPromptTokens).toBe(8000);
    expect(effective.sources.maxPromptTokens).toBe('org');
    expect(effective.locked).toContain('maxPromptTokens');

    const exported = await svc.exportOrgPolicy();
    expect(JSON.parse(exported!)).toEqual(JSON.parse(text));
    const again = await svc.importOrgPolicy(exported);
    expect(again).toMatchObject({ ok: true, org: { version: 1 } }); // identical content: no new version

    await svc.importOrgPolicy({ failMode: 'open' });
    expect((await svc.listOrgPolicyVersions()).map((version) => version.version)).toEqual([2, 1]);
    expect(svc.getEffective().policy.maxPromptTokens).toBe(0); // version 2 replaces version 1 entirely

    // Survives a restart.
    const restarted = await service(db).load();
    expect(restarted.policy.failMode).toBe('open');
    expect(restarted.org).toMatchObject({ version: 2 });
  });

  it('rejects an invalid import with field errors and keeps the org policy in force', async () => {
    const svc = service(freshDb());
    await svc.load();
    await svc.importOrgPolicy({ actions: { pii: 'review' } });
    const result = await svc.importOrgPolicy(fixture('invalid/action-not-an-enum.json'));
    expect(result).toMatchObject({ ok: false, errors: [{ field: 'actions.pii' }] });
    const effective = svc.getEffective();
    expect(effective.policy.actions.pii).toBe('review');
    expect(effective.org).toMatchObject({ version: 1 });
    expect(effective.errors).toEqual([
      expect.objectContaining({ source: 'org', field: 'actions.pii', message: expect.stringMatching(/version 1 stays/) }),
    ]);
    expect(await svc.listOrgPolicyVersions()).toHaveLength(1);
  });

  it('rejects an oversized or non-JSON import', async () => {
    const svc = service(freshDb());
    await svc.load();
    expect(await svc.importOrgPolicy(fixture('invalid/policy-too-large.json'))).toMatchObject({
      ok: false,
      errors: [{ field: 'policy', message: expect.stringMatching(/larger than 256 KB/) }],
    });
    expect(await svc.importOrgPolicy('{not json')).toMatchObject({ ok: false, errors: [{ field: 'policy' }] });
    expect(svc.getEffective().org).toBeNull();
  });

  it('cannot override managed fields; managed custom entries stay when org adds its own', async () => {
    await fakeBrowser.storage.managed.set({
      failMode: 'closed',
      customTerms: [{ label: 'Projects', terms: ['Falcon'], action: 'block' }],
    });
    const svc = service(freshDb());
    await svc.load();
    await svc.importOrgPolicy({ failMode: 'open', customTerms: [{ label: 'Customers', terms: ['Acme'], action: 'redact' }] });
    const effective = svc.getEffective();
    expect(effective.policy.failMode).toBe('closed');
    expect(effective.sources.failMode).toBe('managed');
    expect(effective.policy.customTerms.map((term) => term.label)).toEqual(['Projects', 'Customers']);
    expect(effective.origins.customTerms).toEqual(['managed', 'org']);
  });
});

describe('PolicyService: user settings', () => {
  it('applies unlocked user settings, persists them, and rejects locked ones naming the field', async () => {
    await fakeBrowser.storage.managed.set({ actions: { secret: 'block' }, failMode: 'closed' });
    const db = freshDb();
    const svc = service(db);
    await svc.load();
    await svc.importOrgPolicy({ maxPromptTokens: 5000 });

    expect(await svc.setUserSettings({ vaultRetentionHours: 2, actions: { custom: 'warn' } })).toMatchObject({ ok: true });
    expect(svc.getEffective().policy.vaultRetentionHours).toBe(2);
    expect(svc.getEffective().sources['actions.custom']).toBe('user');

    const locked = await svc.setUserSettings({ failMode: 'open', maxPromptTokens: 10, actions: { secret: 'allow' } });
    expect(locked).toMatchObject({ ok: false });
    if (locked.ok) return;
    expect([...locked.errors].sort((a, b) => a.field.localeCompare(b.field))).toEqual([
      { field: 'actions.secret', message: 'locked: set by managed (administrator) policy' },
      { field: 'failMode', message: 'locked: set by managed (administrator) policy' },
      { field: 'maxPromptTokens', message: 'locked: set by organization policy' },
    ]);
    expect(svc.getEffective().policy.failMode).toBe('closed');

    // Merge per key: a second partial keeps the first one's keys.
    await svc.setUserSettings({ actions: { pii: 'block' } });
    expect(svc.getUserSettings()).toEqual({ vaultRetentionHours: 2, actions: { custom: 'warn', pii: 'block' } });
    const restarted = await service(db).load();
    expect(restarted.policy.actions).toEqual({ secret: 'block', pii: 'block', custom: 'warn' });
  });

  it('rejects invalid settings and type overrides that undercut a higher source', async () => {
    await fakeBrowser.storage.managed.set({ actions: { pii: 'review' } });
    const svc = service(freshDb(), browserManagedSource(200), {
      kindOfType: (type: string) => (type === 'EMAIL' ? 'pii' : type === 'AWS_ACCESS_KEY' ? 'secret' : undefined),
    });
    await svc.load();
    expect(await svc.setUserSettings({ vaultRetentionHours: 'two' })).toMatchObject({
      ok: false,
      errors: [{ field: 'vaultRetentionHours' }],
    });
    expect(await svc.setUserSettings({ types: { EMAIL: 'allow' } })).toMatchObject({
      ok: false,
      errors: [{ field: 'types.EMAIL', message: expect.stringMatching(/looser/) }],
    });
    expect(await svc.setUserSettings({ types: { EMAIL: 'block', AWS_ACCESS_KEY: 'allow' } })).toMatchObject({ ok: true });
    expect(svc.getEffective().policy.types).toMatchObject({ EMAIL: 'block', AWS_ACCESS_KEY: 'allow' });
    expect(await svc.setUserSettings(JSON.parse('{"__proto__": {"failMode": "open"}}'))).toMatchObject({ ok: false });
  });

  it('resets user settings by path or entirely', async () => {
    const svc = service(freshDb());
    await svc.load();
    await svc.setUserSettings({ failMode: 'open', actions: { pii: 'warn', secret: 'block' } });
    await svc.resetUserSettings(['actions.pii']);
    expect(svc.getUserSettings()).toEqual({ failMode: 'open', actions: { secret: 'block' } });
    await svc.resetUserSettings();
    expect(svc.getUserSettings()).toEqual({});
    expect(svc.getEffective().policy.failMode).toBe('closed');
  });

  it('drops only the invalid fields of stored settings and reports them', async () => {
    const db = freshDb();
    await db.settings.put({
      key: SETTING_KEYS.userSettings,
      value: { failMode: 'open', maxPromptTokens: 'lots' },
      updatedAt: 1,
    });
    const effective = await service(db).load();
    expect(effective.policy.failMode).toBe('open');
    expect(effective.policy.maxPromptTokens).toBe(0);
    expect(effective.errors).toEqual([
      expect.objectContaining({ source: 'user', field: 'maxPromptTokens', message: expect.stringMatching(/field dropped/) }),
    ]);
  });

  it('deleteAllData forgets org and user policy but keeps the last good managed policy', async () => {
    const db = freshDb();
    const managed = scriptedManaged({ ok: true, value: { failMode: 'closed' } });
    const svc = service(db, managed);
    await svc.load();
    await svc.importOrgPolicy({ maxPromptTokens: 100 });
    await svc.setUserSettings({ vaultRetentionHours: 3 });
    await deleteAllData(db);
    managed.next = { ok: false, message: 'unreadable' };
    const effective = await svc.load();
    expect(effective.policy.maxPromptTokens).toBe(0);
    expect(effective.policy.vaultRetentionHours).toBe(24);
    expect(effective.sources.failMode).toBe('managed');
    expect(effective.org).toBeNull();
  });

  it('onChange returns an unsubscribe function', async () => {
    const svc = service(freshDb());
    const listener = vi.fn();
    const unsubscribe = svc.onChange(listener);
    await svc.load();
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    await svc.setUserSettings({ failMode: 'open' });
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
