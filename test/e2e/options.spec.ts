// The options page in the real browser: effective policy with sources and locks (real managed policy), org policy
// import with field errors (the last good one stays), live validation of custom patterns with the try-it box, the
// audit log (filters, chain status, CSV/JSON export without values), delete-all behind a dialog that Escape closes,
// and no serious axe-core violations.

import type { BrowserContext, Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test, expect } from './fixtures';
import { expectNoSeriousAxeViolations, saveScreenshot, SCREENSHOT_DIR } from './support/ui-proof';

const EMAIL = 'alice.smith@acme-corp.com';

async function openOptions(context: BrowserContext, extensionId: string, hash = ''): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(`chrome-extension://${extensionId}/options.html${hash}`);
  await expect(page.getByRole('heading', { name: 'Effective policy' })).toBeVisible();
  return page;
}

function policyRow(page: Page, path: string) {
  return page.locator(`.policy-table tr[data-path="${path}"]`);
}

test('importing an invalid org policy shows its field error and the last good policy stays', async ({ context, extensionId }) => {
  const page = await openOptions(context, extensionId, '#org');
  const org = page.locator('#org');
  const paste = org.getByLabel('Or paste the policy JSON');

  await paste.fill(JSON.stringify({ actions: { secret: 'block' } }));
  await org.getByRole('button', { name: 'Import' }).click();
  await expect(org.getByRole('status')).toContainText('Imported as version 1');
  await expect(org.locator('[data-org-version="1"]')).toBeVisible();
  await expect(policyRow(page, 'actions.secret')).toContainText('block');
  await expect(policyRow(page, 'actions.secret').locator('[data-source="org"]')).toBeVisible();
  await expect(policyRow(page, 'actions.secret')).toHaveAttribute('data-locked', 'true');

  // An invalid policy from a file: rejected with the field named, version 1 stays in force.
  await org.getByLabel('Choose a policy file').setInputFiles(resolve('test/fixtures/policy/invalid/action-not-an-enum.json'));
  await expect(paste).toHaveValue(/nuke/);
  await org.getByRole('button', { name: 'Import' }).click();
  const errors = org.getByTestId('org-import-errors');
  await expect(errors).toContainText('Import rejected');
  await expect(errors).toContainText('actions.pii');
  await expect(errors).toContainText('Version 1 stays in force');
  await expect(org.locator('[data-org-version="1"]')).toBeVisible();
  await expect(policyRow(page, 'actions.secret')).toContainText('block');
  await expect(policyRow(page, 'actions.pii')).toContainText('redact');
  await org.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'options-import-error', org);

  // The user cannot change what the org policy set: that input is disabled, with the reason.
  const secretSetting = page.locator('.setting[data-path="actions.secret"]');
  await expect(secretSetting.getByRole('combobox')).toBeDisabled();
  await expect(secretSetting).toContainText('Locked: set by your organization policy');

  // Export gives back the policy in force (downloaded through a Blob URL).
  const downloadPromise = page.waitForEvent('download');
  await org.getByRole('button', { name: 'Export current' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^chatwarden-org-policy-\d{4}-\d{2}-\d{2}\.json$/);
  expect(JSON.parse(readFileSync(await download.path(), 'utf8'))).toEqual({ actions: { secret: 'block' } });
});

test('a custom pattern is validated live, tried out, and added to the policy', async ({ context, extensionId }) => {
  const page = await openOptions(context, extensionId, '#rules');
  const rules = page.locator('#rules');
  const form = rules.locator('form').filter({ has: page.getByRole('heading', { name: 'Add a pattern' }) });
  await form.getByLabel('Label (names the placeholder)').fill('Ticket');
  const source = form.getByLabel('Regular expression');

  await source.fill('TICKET-[0-9');
  await expect(form.locator('[data-field-error="pattern-source"]')).toContainText('not a valid regular expression');
  await expect(form.getByRole('button', { name: 'Add pattern' })).toBeDisabled();

  await source.fill('(a+)+$');
  await expect(form.locator('[data-field-error="pattern-source"]')).toContainText('catastrophic backtracking');
  await saveScreenshot(page, 'options-custom-pattern-redos', form);

  await source.fill('TICKET-\\d{5}');
  await expect(form.locator('[data-field-error="pattern-source"]')).toHaveCount(0);
  await expect(form.getByText('Looks good')).toBeVisible();

  // The try-it box scans with the current policy plus the draft.
  const tryIt = rules.getByLabel('Try it');
  await tryIt.fill(`Ticket TICKET-12345 was filed by ${EMAIL}`);
  const output = rules.locator('.try-it-output');
  await expect(output.locator('mark[data-type="TICKET"]')).toContainText('TICKET-12345');
  await expect(output.locator('mark[data-type="EMAIL"]')).toContainText(EMAIL);
  await saveScreenshot(page, 'options-custom-pattern', rules);

  await form.getByRole('button', { name: 'Add pattern' }).click();
  const added = rules.locator('.rule-list li[data-rule-label="Ticket"]');
  await expect(added).toContainText('TICKET-\\d{5}');
  await expect(added.locator('[data-source="user"]')).toBeVisible();
  // Survives a reload: it is stored in the user settings, in the background.
  await page.reload();
  await expect(page.locator('#rules .rule-list li[data-rule-label="Ticket"]')).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});

test('the audit log lists a redaction, verifies its chain and exports CSV and JSON without the value', async ({
  sites,
  context,
  extensionId,
}) => {
  const site = sites.chatgpt;
  await site.goto();
  await expect(site.page.locator('html')).toHaveAttribute('data-chatwarden-status', 'protected', { timeout: 15_000 });
  await site.sendMessage(`write to ${EMAIL} today`);
  await site.waitForReply();

  const page = await openOptions(context, extensionId, '#audit');
  const audit = page.locator('#audit');
  await expect(audit.locator('[data-chain="ok"]')).toBeVisible();
  const emailRows = audit.locator('.audit-table tbody tr').filter({ hasText: 'EMAIL' });
  await expect(emailRows.first()).toBeVisible();
  await expect(emailRows.first()).toContainText('chatgpt');
  expect(await page.locator('body').innerText()).not.toContain(EMAIL);

  // Filters: by site and kind; a kind with no events shows the empty state.
  await audit.getByLabel('Site').selectOption('chatgpt');
  await expect(emailRows.first()).toBeVisible();
  await audit.getByLabel('Kind').selectOption('secret');
  await expect(audit.getByText('No events match these filters.')).toBeVisible();
  await audit.getByRole('button', { name: 'Clear filters' }).click();
  await expect(emailRows.first()).toBeVisible();
  await audit.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'options-audit', audit);

  const csvDownload = page.waitForEvent('download');
  await audit.getByRole('button', { name: 'Export CSV' }).click();
  const csvFile = await csvDownload;
  expect(csvFile.suggestedFilename()).toMatch(/^chatwarden-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await csvFile.path(), 'utf8');
  const [header, ...lines] = csv.trim().split(/\r\n/);
  expect(header).toContain('fingerprint');
  expect(lines.some((line) => line.includes(',EMAIL,') && /fp1:[0-9a-f]{32}/.test(line))).toBe(true);
  expect(csv).not.toContain(EMAIL);
  expect(csv).not.toContain('alice.smith');

  const jsonDownload = page.waitForEvent('download');
  await audit.getByRole('button', { name: 'Export JSON' }).click();
  const json = readFileSync(await (await jsonDownload).path(), 'utf8');
  expect(JSON.parse(json)).toMatchObject({ format: 'chatwarden-audit-v1' });
  expect(json).not.toContain(EMAIL);
});

test('delete all data sits behind a dialog that Escape closes; confirming empties the audit log', async ({
  sites,
  context,
  extensionId,
}) => {
  const site = sites.gemini;
  await site.goto();
  await expect(site.page.locator('html')).toHaveAttribute('data-chatwarden-status', 'protected', { timeout: 15_000 });
  await site.sendMessage(`contact ${EMAIL}`);
  await site.waitForReply();

  const page = await openOptions(context, extensionId, '#data');
  await expect(page.locator('#audit .audit-table tbody tr').first()).toBeVisible();
  const open = page.getByRole('button', { name: 'Delete all data…' });
  await open.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Delete all ChatWarden data?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/options-delete-dialog.png` });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.locator('#audit .audit-table tbody tr').first()).toBeVisible();

  await open.click();
  await dialog.getByRole('button', { name: 'Delete everything' }).click();
  await expect(page.getByText('All data deleted.')).toBeVisible();
  await expect(page.locator('#audit').getByText('No audit events yet.')).toBeVisible();
});

test.describe('under a managed policy', { tag: '@managed-policy' }, () => {
  test.use({ managedPolicy: { actions: { pii: 'block' }, failMode: 'closed', userMayPause: false } });

  test('managed fields show as locked with the reason, their inputs disabled; the rest stays editable', async ({
    context,
    extensionId,
  }) => {
    const page = await openOptions(context, extensionId);
    await expect(page.getByTestId('managed-note')).toBeVisible();
    for (const path of ['actions.pii', 'failMode', 'userMayPause']) {
      const row = policyRow(page, path);
      await expect(row).toHaveAttribute('data-locked', 'true');
      await expect(row.locator('[data-source="managed"]')).toBeVisible();
      await expect(row.getByText('Locked: set by your administrator (managed policy)')).toBeAttached();
    }
    await expect(policyRow(page, 'actions.pii')).toContainText('block');
    await expect(policyRow(page, 'actions.secret')).toHaveAttribute('data-locked', 'false');

    const pii = page.locator('.setting[data-path="actions.pii"]');
    await expect(pii.getByRole('combobox')).toBeDisabled();
    await expect(pii).toContainText('Locked: set by your administrator');
    await expect(page.locator('.setting[data-path="failMode"]').getByRole('combobox')).toBeDisabled();
    await expect(page.locator('.setting[data-path="userMayPause"]').getByRole('switch')).toBeDisabled();

    // An unlocked field saves as the user's own setting.
    const secret = page.locator('.setting[data-path="actions.secret"]');
    await secret.getByRole('combobox').selectOption('block');
    await expect(secret.locator('[data-source="user"]')).toBeVisible();
    await expect(policyRow(page, 'actions.secret').locator('[data-source="user"]')).toBeVisible();
    await saveScreenshot(page, 'options-managed');
    await saveScreenshot(page, 'options-managed-settings', page.locator('#settings'));
    await expectNoSeriousAxeViolations(page);

    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(page, 'options-managed-dark', page.locator('#policy'));
    await expectNoSeriousAxeViolations(page);
  });
});
