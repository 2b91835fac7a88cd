// Issue 6.8: real Chromium managed policy (files in /etc/chromium/policies/managed, root only) changes what the guard
// does on the replicas, and an invalid managed update is rejected with its error while the last good policy stays.

import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, MANAGED_POLICY_FILE } from './fixtures';
import { managedPolicyDocument } from './support/managed-policy';

const EMAIL = 'dana.whitfield@acme-corp.com';

test.describe('a managed custom term and a site switched off', { tag: '@managed-policy' }, () => {
  test.use({
    managedPolicy: {
      customTerms: [{ label: 'Project', terms: ['Bluebird'], action: 'redact' }],
      sites: { claude: false },
    },
  });

  test('the org code name leaves ChatGPT only as a placeholder; on the switched-off Claude nothing is rewritten', async ({
    sites,
    recorder,
  }) => {
    const chatgpt = sites.chatgpt;
    await chatgpt.goto();
    await expect(chatgpt.page.locator('html')).toHaveAttribute('data-chatwarden-status', 'protected', { timeout: 15_000 });
    await chatgpt.sendMessage('Status of the Bluebird rollout?');
    await chatgpt.waitForReply();
    const sentToChatgpt = recorder.all({ site: 'chatgpt', kind: 'conversation' }).flatMap((r) => recorder.decodedText(r)).join('\n');
    expect(sentToChatgpt).toContain('[PROJECT_1]');
    expect(sentToChatgpt).not.toContain('Bluebird');

    const claude = sites.claude;
    await claude.goto();
    await expect(claude.page.locator('html')).toHaveAttribute('data-chatwarden-status', 'disabled', { timeout: 15_000 });
    await claude.sendMessage(`Mail ${EMAIL} about Bluebird`);
    await claude.waitForReply();
    const sentToClaude = recorder.all({ site: 'claude' }).flatMap((r) => recorder.decodedText(r)).join('\n');
    expect(sentToClaude).toContain(EMAIL); // the admin switched Claude off: the user's text goes as typed
  });
});

test.describe('an invalid managed update', { tag: '@managed-policy' }, () => {
  test.use({ managedPolicy: { actions: { pii: 'block' } } });

  test('is rejected with a message naming the field, and the last good managed policy stays in force', async ({
    context,
    extensionId,
    sites,
    recorder,
  }) => {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect.poll(async () => (await effective(options)).policy.actions.pii).toBe('block');

    // Passes Chrome's schema check (a string is a string) but not ChatWarden's: a pattern that backtracks exponentially.
    writeFileSync(
      MANAGED_POLICY_FILE,
      managedPolicyDocument({ actions: { pii: 'redact' }, customPatterns: [{ label: 'Bad', pattern: '(a+)+$', action: 'redact' }] }),
    );
    await reloadChromiumPolicies(context);

    await expect
      .poll(async () => (await effective(options)).errors.map((error) => `${error.source} ${error.field}`).join('\n'), { timeout: 20_000 })
      .toMatch(/managed customPatterns\[0\]\.pattern/);
    const after = await effective(options);
    expect(after.policy.actions.pii).toBe('block'); // the last good managed policy, not the new 'redact'
    expect(after.policy.customPatterns).toEqual([]);

    // And the guard acts on it: a typed email is still blocked, nothing is sent.
    const chatgpt = sites.chatgpt;
    await chatgpt.goto();
    await expect(chatgpt.page.locator('html')).toHaveAttribute('data-chatwarden-status', 'protected', { timeout: 15_000 });
    await chatgpt.typeMessage(`Write to ${EMAIL}`);
    await chatgpt.send();
    await chatgpt.page.waitForTimeout(1500);
    expect(recorder.all({ site: 'chatgpt', kind: 'conversation' })).toHaveLength(0);
    expect(await chatgpt.editorStateText()).toBe(`Write to ${EMAIL}`);
    recorder.assertNoneContain([EMAIL]);
  });
});

interface EffectiveView {
  policy: { actions: { pii: string }; customPatterns: unknown[] };
  errors: Array<{ source: string; field: string; message: string }>;
}

async function effective(page: Page): Promise<EffectiveView> {
  return page.evaluate(async () => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ effective: unknown }> } } }).chrome.runtime;
    const reply = await runtime.sendMessage({ type: 'ui-app:get-policy', payload: {} });
    return reply.effective as EffectiveView;
  });
}

/** chrome://policy's "Reload policies" re-reads the policy folder at once (Chromium otherwise polls it slowly). */
async function reloadChromiumPolicies(context: import('@playwright/test').BrowserContext): Promise<void> {
  const page = await context.newPage();
  await page.goto('chrome://policy');
  await page.locator('#reload-policies').click();
  await page.waitForTimeout(500);
  await page.close();
}
