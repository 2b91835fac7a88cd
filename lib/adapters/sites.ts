/** The guarded sites. Keep the hosts in sync with GUARDED_HOSTS in wxt.config.ts (scripts/check-manifest.mjs checks). */
import { chatgptAdapter } from './chatgpt';
import { claudeAdapter } from './claude';
import { geminiAdapter } from './gemini';
import type { SiteAdapter, SiteId } from './types';

export const SITE_ADAPTERS: Record<SiteId, SiteAdapter> = {
  chatgpt: chatgptAdapter,
  claude: claudeAdapter,
  gemini: geminiAdapter,
};

/** The site a URL belongs to, or null for any other host (exact host match: no look-alike subdomains). */
export function siteForUrl(url: string | URL | undefined): SiteId | null {
  if (!url) return null;
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return null;
  }
  for (const adapter of Object.values(SITE_ADAPTERS)) {
    if (adapter.hosts.includes(host)) return adapter.site;
  }
  return null;
}

/** Ids a site assigns before the server one; a vault kept under such an id is re-keyed when the real id appears. */
export function isProvisionalConversationId(id: string | null): boolean {
  return id === null || id.startsWith('local-chatgpt:') || id.startsWith('new:');
}
