import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../../lib/policy/defaults';
import {
  EXFIL_RULE_IDS,
  applyExfilRules,
  buildExfilRules,
  normalizeHost,
  type ExfilRule,
} from '../../../lib/background/exfil-blocker';

describe('buildExfilRules', () => {
  it('should block off-site images, media, pings and other sub-requests of each chat site', () => {
    const rules = buildExfilRules(defaultPolicy());
    expect(rules.map((rule) => rule.id).sort()).toEqual(Object.values(EXFIL_RULE_IDS).sort());
    const chatgpt = rules.find((rule) => rule.id === EXFIL_RULE_IDS.chatgpt)!;
    expect(chatgpt.action.type).toBe('block');
    expect(chatgpt.condition.initiatorDomains).toEqual(['chatgpt.com']);
    expect(chatgpt.condition.resourceTypes).toEqual(['image', 'media', 'ping', 'other']);
    expect(chatgpt.condition.excludedRequestDomains).toContain('oaiusercontent.com');
    expect(chatgpt.condition.excludedRequestDomains).not.toContain('attacker.example');
  });

  it('should add the policy allowedImageHosts, normalised, and drop invalid entries', () => {
    const policy = { ...defaultPolicy(), allowedImageHosts: ['https://Images.Example.org/path', '*.cdn.example', 'not a host', ''] };
    const rule = buildExfilRules(policy)[0]!;
    expect(rule.condition.excludedRequestDomains).toEqual(expect.arrayContaining(['images.example.org', 'cdn.example']));
    expect(rule.condition.excludedRequestDomains).not.toContain('not a host');
  });

  it('should install no rule when protection, the exfiltration family or a site is off', () => {
    expect(buildExfilRules({ ...defaultPolicy(), enabled: false })).toEqual([]);
    const noExfil = defaultPolicy();
    noExfil.inspection.exfiltration = false;
    expect(buildExfilRules(noExfil)).toEqual([]);
    const noClaude = defaultPolicy();
    noClaude.sites.claude = false;
    expect(buildExfilRules(noClaude).map((rule) => rule.id)).not.toContain(EXFIL_RULE_IDS.claude);
  });
});

describe('normalizeHost', () => {
  it('should accept bare domains and URLs and reject the rest', () => {
    expect(normalizeHost('example.com')).toBe('example.com');
    expect(normalizeHost('https://a.b.example:8443/x?y')).toBe('a.b.example');
    expect(normalizeHost('exa mple.com')).toBeNull();
    expect(normalizeHost('-bad-.com')).toBeNull();
  });
});

describe('applyExfilRules', () => {
  it('should replace its own rules and apply calls in order', async () => {
    const calls: Array<{ removeRuleIds?: number[]; addRules?: ExfilRule[] }> = [];
    let releaseFirst: () => void = () => {};
    const api = {
      updateDynamicRules(options: { removeRuleIds?: number[]; addRules?: ExfilRule[] }) {
        calls.push(options);
        return calls.length === 1 ? new Promise<void>((resolve) => (releaseFirst = resolve)) : Promise.resolve();
      },
    };
    const off = { ...defaultPolicy(), enabled: false };
    const first = applyExfilRules(defaultPolicy(), api);
    const second = applyExfilRules(off, api);
    await Promise.resolve();
    expect(calls).toHaveLength(1);
    releaseFirst();
    await Promise.all([first, second]);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.removeRuleIds?.sort()).toEqual(Object.values(EXFIL_RULE_IDS).sort());
    expect(calls[1]!.addRules).toEqual([]);
  });
});
