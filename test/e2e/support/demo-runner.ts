// The demo behind `npm run demo` (scripts/demo.mjs builds first, then runs this with tsx): Chromium with ChatWarden
// on the offline replicas. With a display it opens a window and types slowly; without one it runs headless and
// saves a screenshot per step. Scenarios are data: add actions as features land.

import { mkdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ReplicaBackend } from '../../replicas/backend/replica-backend';
import type { SiteId } from '../../replicas/backend/types';
import type { ChatSitePage, FileSpec } from '../pages';
import { openExtensionSession, type ExtensionSession } from './session';

export type DemoAction =
  | { do: 'open'; path?: string }
  | { do: 'type'; text: string }
  | { do: 'paste'; text: string }
  | { do: 'upload'; files: FileSpec[] }
  | { do: 'send'; via?: 'enter' | 'click' }
  /** If ChatWarden asks for review before sending, accept its proposal (redactions kept). */
  | { do: 'acceptReviewIfAsked' }
  | { do: 'waitForReply' }
  | { do: 'showBackend' }
  | { do: 'pause'; ms: number };

export interface DemoScenario {
  site: SiteId;
  title: string;
  actions: { action: DemoAction; screenshot?: string }[];
}

/** A fake credential built at run time (no token-shaped literal in the source for scanners to trip on). */
function fakeToken(prefix: string, length: number, seed: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let state = seed;
  let token = prefix;
  for (let index = 0; index < length; index += 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    token += alphabet[state % alphabet.length];
  }
  return token;
}

function standardScenario(site: SiteId, title: string, message: string): DemoScenario {
  return {
    site,
    title,
    actions: [
      { action: { do: 'open' }, screenshot: 'opened' },
      { action: { do: 'type', text: message }, screenshot: 'typed' },
      { action: { do: 'send' } },
      { action: { do: 'acceptReviewIfAsked' } },
      { action: { do: 'waitForReply' }, screenshot: 'replied' },
      { action: { do: 'showBackend' } },
    ],
  };
}

export const DEMO_SCENARIOS: DemoScenario[] = [
  standardScenario(
    'chatgpt',
    'ChatGPT: an API key and an email in a prompt',
    `Why does my deploy fail? I call the API with ${fakeToken('sk-proj-', 48, 7)} and the errors go to alice.demo@example.com.`,
  ),
  standardScenario(
    'claude',
    'Claude: a GitHub token and an email',
    `Review this config: GITHUB_TOKEN=${fakeToken('ghp_', 36, 11)}, owner bob.demo@example.org.`,
  ),
  standardScenario(
    'gemini',
    'Gemini: a password and an email',
    `Draft a mail to carol.demo@example.net telling her the staging password is ${fakeToken('Pw-', 14, 13)}.`,
  ),
];

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let screenshotCounter = 0;
let screenshotFolder = '';

function nextScreenshotPath(site: ChatSitePage, name: string): string {
  screenshotCounter += 1;
  return join(screenshotFolder, `${String(screenshotCounter).padStart(2, '0')}-${site.site}-${name}.png`);
}

function reviewShot(site: ChatSitePage): string {
  const file = nextScreenshotPath(site, 'review');
  console.log(`  screenshot: ${relative(process.cwd(), file)}`);
  return file;
}

/** Runs one action; returns false when it had nothing to do (no screenshot then). */
async function runAction(site: ChatSitePage, session: ExtensionSession, action: DemoAction, visible: boolean): Promise<boolean | void> {
  switch (action.do) {
    case 'open':
      await site.goto(action.path);
      return;
    case 'type':
      await site.typeMessage(action.text, { delayMs: visible ? 35 : 0 });
      return;
    case 'paste':
      await site.pasteText(action.text);
      return;
    case 'upload':
      await site.uploadFiles(action.files);
      return;
    case 'send':
      await site.send(action.via ? { via: action.via } : {});
      return;
    case 'acceptReviewIfAsked': {
      // ChatWarden's review dialog (components/review-dialog) lives in an open shadow root, which locators pierce.
      const dialog = site.page.locator('[data-chatwarden-dialog="review"]');
      const asked = await dialog
        .waitFor({ state: 'visible', timeout: 4_000 })
        .then(() => true)
        .catch(() => false);
      if (!asked) return false;
      console.log(`  ChatWarden asks for review: ${(await dialog.locator('[data-chatwarden-finding-type]').allInnerTexts()).map((text) => text.split('\n')[0]).join('; ')}`);
      if (!visible) await site.page.screenshot({ path: reviewShot(site), fullPage: true }).catch(() => {});
      await dialog.locator('button.cw-primary').click();
      return false;
    }
    case 'waitForReply':
      try {
        const reply = await site.waitForReply({ timeout: 15_000 });
        // innerText is what the page's own scripts can read: restored originals sit in closed shadow roots, so they
        // are missing here but visible on screen (see the screenshot).
        console.log(`  reply as the page's scripts can read it: ${reply}`);
      } catch (error) {
        // The guard may hold the send for review or block it; the screenshot shows what happened.
        console.log(`  no reply (${error instanceof Error ? error.message.split('\n')[0] : error})`);
      }
      return;
    case 'showBackend': {
      const sent = session.recorder.outbound().filter((request) => request.site === site.site);
      const texts = sent.flatMap((request) => session.recorder.decodedText(request).map((text) => `${request.kind}: ${text}`));
      console.log(`  what the ${site.site} backend received:${texts.length ? '' : ' (nothing)'}`);
      for (const text of texts) console.log(`    ${text.length > 200 ? `${text.slice(0, 200)}…` : text}`);
      return;
    }
    case 'pause':
      await delay(action.ms);
      return;
  }
}

export async function runDemo({ screenshotDir = resolve('demo-screenshots'), headless = !process.env.DISPLAY } = {}): Promise<void> {
  const backend = await ReplicaBackend.start();
  const session = await openExtensionSession(backend, { headless });
  const visible = !headless;
  if (!visible) {
    rmSync(screenshotDir, { recursive: true, force: true });
    mkdirSync(screenshotDir, { recursive: true });
  }
  console.log(`ChatWarden demo: extension ${session.extensionId} on offline replicas (${visible ? 'window' : 'headless'})`);
  screenshotFolder = screenshotDir;
  try {
    for (const scenario of DEMO_SCENARIOS) {
      console.log(`\n${scenario.title}`);
      const site = session.sites[scenario.site];
      for (const { action, screenshot } of scenario.actions) {
        await runAction(site, session, action, visible);
        if (visible) await delay(400);
        if (screenshot && !visible) {
          const file = nextScreenshotPath(site, screenshot);
          await site.page.screenshot({ path: file, fullPage: true });
          console.log(`  screenshot: ${relative(process.cwd(), file)}`);
        }
      }
    }
    if (visible) {
      console.log('\nDone. The browser stays open to explore; close it or press Ctrl+C to quit.');
      await new Promise<void>((resolve) => {
        session.context.once('close', () => resolve());
        process.once('SIGINT', () => resolve());
      });
    } else {
      console.log(`\nDone. Screenshots of each step are in ${relative(process.cwd(), screenshotDir)}/`);
    }
  } finally {
    await session.close();
    await backend.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  runDemo().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
