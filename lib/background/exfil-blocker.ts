/**
 * Exfiltration images: block, before the browser requests them, images (and media, pings, other sub-requests) that a
 * chat page loads from any host but the site's own content hosts and the policy's allowedImageHosts.
 *
 * Why declarativeNetRequest and not the DOM: when a renderer inserts `<img src>` via innerHTML, Chromium issues the
 * request before a MutationObserver callback can clear the src (design brief, "Mechanics measured"). A dynamic rule
 * stops it before it reaches the network. The page side (lib/guard/inbound) then replaces the broken image with a
 * notice and flags the turn from the reply text.
 */
import { browser } from 'wxt/browser';
import type { Policy, SiteId } from '../policy/types';

/** Rule ids reserved for this blocker (one per guarded site). */
export const EXFIL_RULE_IDS: Readonly<Record<SiteId, number>> = { chatgpt: 7101, claude: 7102, gemini: 7103 };

/** The chat pages whose sub-requests are filtered (initiatorDomains also covers their subdomains). */
const SITE_INITIATORS: Readonly<Record<SiteId, string[]>> = {
  chatgpt: ['chatgpt.com'],
  claude: ['claude.ai'],
  gemini: ['gemini.google.com'],
};

/**
 * Each site's own content hosts, where its legitimate images live (uploads, avatars, generated images, favicons of
 * cited pages proxied by the site). Subdomains are included by declarativeNetRequest domain matching.
 */
export const SITE_CONTENT_HOSTS: Readonly<Record<SiteId, string[]>> = {
  chatgpt: ['chatgpt.com', 'openai.com', 'oaiusercontent.com', 'oaistatic.com'],
  claude: ['claude.ai', 'anthropic.com', 'claudeusercontent.com'],
  gemini: ['gemini.google.com', 'gstatic.com', 'googleusercontent.com', 'ggpht.com', 'google.com'],
};

const BLOCKED_TYPES = ['image', 'media', 'ping', 'other'] as const;

/** A policy host entry as a bare lower-case domain, or null if it is not one (`https://x.example/`, `*.x` are accepted). */
export function normalizeHost(entry: string): string | null {
  let host = entry.trim().toLowerCase();
  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^\*\./, '');
  host = host.split(/[/?#]/, 1)[0] ?? '';
  host = host.replace(/:\d+$/, '').replace(/\.$/, '');
  if (!/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(host)) {
    return null;
  }
  return host;
}

export interface ExfilRule {
  id: number;
  priority: number;
  action: { type: 'block' };
  condition: {
    initiatorDomains: string[];
    excludedRequestDomains: string[];
    resourceTypes: string[];
  };
}

/** The rules a policy calls for: one per enabled site, none when protection or the exfiltration family is off. */
export function buildExfilRules(policy: Policy): ExfilRule[] {
  if (!policy.enabled || !policy.inspection.exfiltration) return [];
  const extraHosts = policy.allowedImageHosts.map(normalizeHost).filter((host): host is string => host !== null);
  return (Object.keys(EXFIL_RULE_IDS) as SiteId[])
    .filter((site) => policy.sites[site])
    .map((site) => ({
      id: EXFIL_RULE_IDS[site],
      priority: 1,
      action: { type: 'block' as const },
      condition: {
        initiatorDomains: [...SITE_INITIATORS[site]],
        excludedRequestDomains: [...new Set([...SITE_CONTENT_HOSTS[site], ...extraHosts])],
        resourceTypes: [...BLOCKED_TYPES],
      },
    }));
}

/** The slice of chrome.declarativeNetRequest this module uses (injectable for tests). */
export interface DynamicRulesApi {
  updateDynamicRules(options: { removeRuleIds?: number[]; addRules?: ExfilRule[] }): Promise<void>;
}

/**
 * Install the exfiltration rules for `policy`, replacing earlier ones. Call on background start and on every policy
 * change. Throws if the browser rejects the rules (the caller reports it; the previous rules stay in force).
 */
export function applyExfilRules(policy: Policy, api?: DynamicRulesApi): Promise<ExfilRule[]> {
  // Serialised: a slow earlier call must not land after (and overwrite) a newer policy's rules.
  const run = async () => {
    const dnr = api ?? (browser as unknown as { declarativeNetRequest?: DynamicRulesApi }).declarativeNetRequest;
    if (!dnr) throw new Error('declarativeNetRequest is not available');
    const rules = buildExfilRules(policy);
    await dnr.updateDynamicRules({ removeRuleIds: Object.values(EXFIL_RULE_IDS), addRules: rules });
    return rules;
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

let queue: Promise<unknown> = Promise.resolve();
