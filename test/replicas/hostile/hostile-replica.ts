// The hostile variant of a replica: the same page, with a hostile script inlined as the very first element of <head>.
// That is the earliest a real web page's own code can run (after the extension's document_start scripts, before
// everything else on the page), unlike page.addInitScript, which runs before the extension too.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { REPLICA_DIST } from '../backend/replica-backend';
import { SITE_HOSTS, type SiteId } from '../backend/types';

/** Serves `site`'s documents with `script` (a self-contained function) run inline at the top of <head>. */
export async function serveHostileReplica(context: BrowserContext, site: SiteId, script: () => void): Promise<void> {
  const html = readFileSync(join(REPLICA_DIST, `${site}.html`), 'utf8');
  const hostile = html.replace('<head>', `<head>\n<script>(${script.toString()})();</script>`);
  if (hostile === html) throw new Error(`${site}.html has no <head> to inject into`);
  // Registered after the harness's routes, so it is consulted first; everything but documents falls through.
  await context.route(
    (url) => url.hostname === SITE_HOSTS[site],
    (route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: hostile });
    },
  );
}
