// Proof helpers for the extension's own pages (popup, options): screenshots a person can look at, and axe-core.
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

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
