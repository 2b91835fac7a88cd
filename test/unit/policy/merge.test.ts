import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, toScanPolicy } from '../../../lib/policy/defaults';
import { customTypeName, isPathLocked, mergePolicies, pathsSetBy, stricterOf } from '../../../lib/policy/merge';

describe('mergePolicies', () => {
  it('returns the defaults when no source sets anything', () => {
    const merged = mergePolicies({});
    expect(merged.policy).toEqual(DEFAULT_POLICY);
    expect(merged.locked).toEqual([]);
    expect(merged.sources.failMode).toBe('default');
    expect(merged.sources['actions.pii']).toBe('default');
  });

  it('applies managed over org over user, per field', () => {
    const merged = mergePolicies({
      managed: { failMode: 'closed' },
      org: { failMode: 'open', maxPromptTokens: 4000, auditRetentionDays: 90 },
      user: { maxPromptTokens: 100, vaultRetentionHours: 2, failMode: 'open' },
    });
    expect(merged.policy.failMode).toBe('closed');
    expect(merged.policy.maxPromptTokens).toBe(4000);
    expect(merged.policy.auditRetentionDays).toBe(90);
    expect(merged.policy.vaultRetentionHours).toBe(2);
    expect(merged.sources).toMatchObject({
      failMode: 'managed',
      maxPromptTokens: 'org',
      vaultRetentionHours: 'user',
      enabled: 'default',
    });
    expect(merged.locked).toEqual(expect.arrayContaining(['failMode', 'maxPromptTokens', 'auditRetentionDays']));
    expect(merged.locked).not.toContain('vaultRetentionHours');
  });

  it('merges keyed fields key by key and locks only the keys a higher source set', () => {
    const merged = mergePolicies({
      managed: { actions: { secret: 'block' }, sites: { gemini: false } },
      org: { actions: { pii: 'review', secret: 'allow' }, types: { EMAIL: 'warn' } },
      user: { actions: { custom: 'warn' }, inspection: { unsafeCode: false }, types: { PHONE: 'block' } },
    }, { kindOfType: (type) => (type === 'EMAIL' || type === 'PHONE' ? 'pii' : undefined) });
    expect(merged.policy.actions).toEqual({ secret: 'block', pii: 'review', custom: 'warn' });
    expect(merged.policy.sites).toEqual({ chatgpt: true, claude: true, gemini: false });
    expect(merged.policy.inspection.unsafeCode).toBe(false);
    expect(merged.policy.types).toEqual({ PRIVATE_KEY: 'block', EMAIL: 'warn', PHONE: 'block' });
    expect(merged.sources).toMatchObject({
      'actions.secret': 'managed',
      'actions.pii': 'org',
      'actions.custom': 'user',
      actions: 'managed',
      'types.PRIVATE_KEY': 'default',
      'types.EMAIL': 'org',
    });
    expect(merged.locked).toEqual(
      expect.arrayContaining(['actions.secret', 'actions.pii', 'sites.gemini', 'types.EMAIL']),
    );
    expect(merged.locked).not.toContain('actions.custom');
    expect(merged.locked).not.toContain('sites.chatgpt');
    expect(merged.locked).not.toContain('actions');
  });

  it('merges selector overrides per site and role', () => {
    const merged = mergePolicies({
      managed: { selectorOverrides: { chatgpt: { composer: ['#a'] } } },
      user: { selectorOverrides: { chatgpt: { composer: ['#mine'], send: ['#send'] }, claude: { stop: ['#stop'] } } },
    });
    expect(merged.policy.selectorOverrides).toEqual({
      chatgpt: { composer: ['#a'], send: ['#send'] },
      claude: { stop: ['#stop'] },
    });
    expect(merged.locked).toContain('selectorOverrides.chatgpt.composer');
    expect(merged.locked).not.toContain('selectorOverrides.chatgpt.send');
  });

  it('combines custom lists: org and user add entries, never drop managed ones', () => {
    const managedTerm = { label: 'Projects', terms: ['Falcon'], action: 'block' as const };
    const orgTerm = { label: 'Customers', terms: ['Acme'], action: 'redact' as const };
    const userPattern = { label: 'Mine', pattern: 'MINE-\\d{4}', action: 'redact' as const };
    const merged = mergePolicies({
      managed: { customTerms: [managedTerm] },
      org: { customTerms: [orgTerm, managedTerm] },
      user: { customTerms: [], customPatterns: [userPattern] },
    });
    expect(merged.policy.customTerms).toEqual([managedTerm, orgTerm]);
    expect(merged.origins.customTerms).toEqual(['managed', 'org']);
    expect(merged.policy.customPatterns).toEqual([userPattern]);
    expect(merged.origins.customPatterns).toEqual(['user']);
    expect(merged.sources.customTerms).toBe('managed');
  });

  it('raises a lower source type override that undercuts a higher source kind action (rule 5)', () => {
    const kindOfType = (type: string) => (type === 'EMAIL' || type === 'PHONE' ? 'pii' : undefined);
    const merged = mergePolicies(
      {
        managed: { actions: { pii: 'review' } },
        org: { types: { EMAIL: 'allow' } },
        user: { types: { PHONE: 'block' } },
      },
      { kindOfType },
    );
    expect(merged.policy.types.EMAIL).toBe('review');
    expect(merged.policy.types.PHONE).toBe('block'); // stricter is fine
    expect(merged.adjustments).toEqual([
      expect.objectContaining({ source: 'org', field: 'types.EMAIL', message: expect.stringMatching(/looser/) }),
    ]);
  });

  it('rule 5 only looks at the type kind when known, and at every higher kind action otherwise', () => {
    const inputs = { managed: { actions: { secret: 'block' as const } }, user: { types: { PHONE: 'warn' as const } } };
    expect(mergePolicies(inputs, { kindOfType: () => 'pii' }).policy.types.PHONE).toBe('warn');
    expect(mergePolicies(inputs).policy.types.PHONE).toBe('block');
    // A custom label's type is known to be custom without the catalogue.
    const custom = mergePolicies({
      managed: { actions: { secret: 'block', custom: 'redact' } },
      user: { customTerms: [{ label: 'side project', terms: ['Heron'], action: 'redact' }], types: { SIDE_PROJECT: 'warn' } },
    });
    expect(custom.policy.types.SIDE_PROJECT).toBe('redact');
  });

  it('rule 5 also protects a higher source custom entry from a type override', () => {
    const merged = mergePolicies({
      managed: { customTerms: [{ label: 'Project names', terms: ['Falcon'], action: 'block' }] },
      user: { types: { PROJECT_NAMES: 'allow', OTHER: 'allow' } },
    });
    expect(merged.policy.types.PROJECT_NAMES).toBe('block');
    expect(merged.policy.types.OTHER).toBe('allow');
    expect(merged.adjustments).toEqual([expect.objectContaining({ source: 'user', field: 'types.PROJECT_NAMES' })]);
  });

  it('a user kind action where no higher source set one is free (the admin did not decide it)', () => {
    const merged = mergePolicies({ managed: { actions: { secret: 'block' } }, user: { actions: { pii: 'allow' } } });
    expect(merged.policy.actions.pii).toBe('allow');
    expect(merged.adjustments).toEqual([]);
  });

  it('does not share objects with its inputs', () => {
    const managed = { customTerms: [{ label: 'P', terms: ['Falcon'], action: 'block' as const }], sites: { claude: false } };
    const merged = mergePolicies({ managed });
    merged.policy.customTerms[0]!.terms.push('mutated');
    merged.policy.sites.claude = true;
    expect(managed.customTerms[0]!.terms).toEqual(['Falcon']);
    expect(mergePolicies({}).policy.types).toEqual({ PRIVATE_KEY: 'block' });
  });
});

describe('merge helpers', () => {
  it('isPathLocked matches a path and its children', () => {
    expect(isPathLocked(['failMode', 'actions.pii'], 'actions.pii')).toBe(true);
    expect(isPathLocked(['failMode'], 'failMode')).toBe(true);
    expect(isPathLocked(['actions.pii'], 'actions.secret')).toBe(false);
    expect(isPathLocked(['selectorOverrides.chatgpt.composer'], 'selectorOverrides.chatgpt.send')).toBe(false);
  });

  it('pathsSetBy lists keyed fields per key and skips combined lists', () => {
    expect(
      pathsSetBy({
        failMode: 'open',
        actions: { pii: 'warn' },
        selectorOverrides: { claude: { send: ['#x'] } },
        customTerms: [],
      }).sort(),
    ).toEqual(['actions.pii', 'failMode', 'selectorOverrides.claude.send']);
  });

  it('orders actions by strictness', () => {
    expect(stricterOf('warn', 'redact')).toBe('redact');
    expect(stricterOf('block', 'review')).toBe('block');
    expect(stricterOf('allow', 'warn')).toBe('warn');
  });

  it('names custom types like the engine', () => {
    expect(customTypeName('Project names')).toBe('PROJECT_NAMES');
    expect(customTypeName(' employee-id ')).toBe('EMPLOYEE_ID');
  });
});

describe('toScanPolicy', () => {
  it('passes the engine exactly the fields it reads', () => {
    const policy = mergePolicies({
      org: {
        customTerms: [{ label: 'P', terms: ['Falcon'], action: 'block', caseSensitive: true }],
        customPatterns: [{ label: 'E', pattern: 'E-\\d{3}', flags: 'i', action: 'warn' }],
        nationalIdPacks: ['uk'],
      },
    }).policy;
    expect(toScanPolicy(policy)).toEqual({
      actions: { secret: 'review', pii: 'redact', custom: 'redact' },
      types: { PRIVATE_KEY: 'block' },
      customTerms: [{ label: 'P', terms: ['Falcon'], action: 'block', caseSensitive: true }],
      customPatterns: [{ label: 'E', pattern: 'E-\\d{3}', flags: 'i', action: 'warn' }],
      nationalIdPacks: ['uk'],
    });
  });
});
