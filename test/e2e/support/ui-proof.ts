// Proof helpers for the extension's own pages (popup, options): screenshots a person can look at, and axe-core.
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type BrowserContext, type Locator, type Page, type Worker } from '@playwright/test';
import type { browser as ExtensionApi } from 'wxt/browser';

const AXE_PATH = resolve('node_modules/axe-core/axe.min.js');
export const SCREENSHOT_DIR = resolve('test-results/screenshots');

/** Saves test-results/screenshots/<name>.png (a proof artifact): one section when given, else the whole page. */
export async function saveScreenshot(page: Page, name: string, section?: Locator): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}/${name}.png`;
  if (section) await section.screenshot({ path });
  else await page.screenshot({ path, fullPage: true });
}

/** Runs axe-core in the page and fails on any serious or critical violation (listing them). */
export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  // Extension pages' CSP (script-src 'self') refuses addScriptTag's inline script; evaluate runs through the debugger.
  await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context?: unknown) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, targets: violation.nodes.map((node) => JSON.stringify(node.target)) }));
  });
  expect(violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')).toEqual([]);
}

/** The id of the tab whose URL matches, asked of the extension's service worker. */
export async function tabIdFor(worker: Worker, urlPattern: string): Promise<number> {
  return worker.evaluate(async (url) => {
    const chromeApi = (globalThis as unknown as { chrome: typeof ExtensionApi }).chrome;
    const [tab] = await chromeApi.tabs.query({ url });
    if (tab?.id === undefined) throw new Error(`no tab for ${url}`);
    return tab.id;
  }, urlPattern);
}

/** The popup, opened in a tab about `tabId` (?tab=), at the toolbar popup's width. */
export async function openPopup(context: BrowserContext, extensionId: string, tabId: number): Promise<Page> {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 640 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return popup;
}
