// The outbound guard on the three replicas: what the user types, pastes or uploads reaches the recorded backend only
// as placeholders; the review dialog's paths; blocked and cancelled sends leave the composer as typed; IME Enter passes.

import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { ChatSitePage } from './pages';

const SITES = ['chatgpt', 'claude', 'gemini'] as const;

// Synthetic test values in formats the engine detects (not real credentials).
const EMAIL = 'alice.smith@acme-corp.com';
const PHONE = '+1 415 555 0132';
const GITHUB_TOKEN = 'ghp_R2d9Kx7LmQ4vTz8NwP3sYb6JcHf1GaE0UoIi';
const PRIVATE_KEY_LINES = [
  '-----BEGIN RSA PRIVATE KEY-----',
  'MIIEowIBAAKCAQEAx7b9QmZ8k3JtL2nXq4YvR5wD1sFhG6uC0pE9aTgKjLmNoPqRs',
  'T1uV2wX3yZ4aB5cD6eF7gH8iJ9kL0mN1oP2qR3sT4uV5wX6yZ7aB8cD9eF0gH1iJ2k',
  '-----END RSA PRIVATE KEY-----',
];

/** The guard's shadow-root UI (open root, masked previews only). */
function guardUi(page: Page) {
  const host = page.locator('chatwarden-ui');
  return {
    dialog: (): Locator => host.getByRole('dialog'),
    notices: (): Locator => host.locator('[data-chatwarden-notice]'),
    banner: (): Locator => host.locator('[data-chatwarden-banner]'),
  };
}

async function guardUp(site: ChatSitePage): Promise<void> {
  await expect(site.page.locator('html')).toHaveAttribute('data-chatwarden-status', 'protected', { timeout: 15_000 });
}

async function sentTexts(site: ChatSitePage, recorder: import('../replicas/backend/recorder').Recorder): Promise<string> {
  const kind = { chatgpt: 'conversation', claude: 'completion', gemini: 'stream-generate' }[site.site];
  const request = await recorder.waitFor({ site: site.site, kind });
  return recorder.decodedText(request).join('\n');
}

for (const siteId of SITES) {
  test.describe(`outbound guard on ${siteId}`, () => {
    test('typed PII reaches the backend only as placeholders, on Enter, with lines kept', async ({ sites, recorder }) => {
      const site = sites[siteId];
      await site.goto();
      await guardUp(site);
      await site.typeMessage(`Write to ${EMAIL}\nor call ${PHONE} today`);
      await site.send();
      await site.waitForReply();
      const sent = await sentTexts(site, recorder);
      expect(sent).toMatch(/\[EMAIL_1\]/);
      expect(sent).toMatch(/\[PHONE_1\]/);
      expect(sent.split('\n')).toHaveLength(2);
      recorder.assertNoneContain([EMAIL, PHONE]);
      await expect(guardUi(site.page).notices().first()).toContainText('[EMAIL_1]');
    });

    test('a send-button click is guarded too, and the same value keeps its placeholder across turns', async ({ sites, recorder }) => {
      const site = sites[siteId];
      await site.goto();
      await guardUp(site);
      await site.sendMessage(`first ${EMAIL}`, { via: 'click' });
      await site.waitForReply();
      await site.sendMessage(`again ${EMAIL} and bob.jones@acme-corp.com`, { via: 'click' });
      await site.waitForReply();
      const texts = recorder.outbound().flatMap((request) => recorder.decodedText(request)).join('\n');
      expect(texts).toContain('again [EMAIL_1] and [EMAIL_2]');
      recorder.assertNoneContain([EMAIL, 'bob.jones@acme-corp.com']);
    });

    test('review dialog: send keeps the secret redacted', async ({ sites, recorder }) => {
      const site = sites[siteId];
      await site.goto();
      await guardUp(site);
      await site.sendMessage(`token ${GITHUB_TOKEN} please`);
      const dialog = guardUi(site.page).dialog();
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText('ghp_');
      await expect(dialog).not.toContainText(GITHUB_TOKEN);
      await dialog.getByRole('button', { name: /^Send/ }).click();
      await site.waitForReply();
      expect(await sentTexts(site, recorder)).toMatch(/token \[[A-Z_]+_1\] please/);
      recorder.assertNoneContain([GITHUB_TOKEN]);
    });

    test('review dialog: allow once sends the value as typed, with nothing scrubbed on the wire', async ({ sites, recorder }) => {
      const site = sites[siteId];
      await site.goto();
      await guardUp(site);
      await site.sendMessage(`token ${GITHUB_TOKEN} please`);
      const dialog = guardUi(site.page).dialog();
      await dialog.getByRole('radio', { name: 'Allow once' }).check();
      await dialog.getByRole('button', { name: /^Send/ }).click();
      await site.waitForReply();
      expect(await sentTexts(site, recorder)).toContain(`token ${GITHUB_TOKEN} please`);
    });

    test('review dialog: cancel (Esc) and edit leave the composer exactly as typed and send nothing', async ({ sites, recorder }) => {
      const site = sites[siteId];
      await site.goto();
      await guardUp(site);
      const typed = `token ${GITHUB_TOKEN}\nsecond line`;
      await site.typeMessage(typed);
      await site.send();
      const dialog = guardUi(site.page).dialog();
      await expect(dialog).toBeVisible();
      await site.page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      expect(await site.editorStateText()).toBe(typed);

      await site.send({ via: 'click' });
      await expect(dialog).toBeVisible();
      await dialog.getByRole('button', { name: 'Edit message' }).click();
      await expect(dialog).toBeHidden();
      expect(await site.editorStateText()).toBe(typed);
      await site.page.waitForTimeout(300);
      expect(recorder.all({ site: siteId }).filter((request) => /conversation|completion|stream-generate/.test(request.kind))).toHaveLength(0);
      recorder.assertNoneContain([GITHUB_TOKEN]);
    });

    test('a blocked type (private key) stops the send with a message and leaves the text as typed', async ({ sites, recorder }) => {
      const site = sites[siteId];
      await site.goto();
      await guardUp(site);
      const typed = PRIVATE_KEY_LINES.join('\n');
      await site.typeMessage(typed);
      await site.send();
      await expect(guardUi(site.page).notices().filter({ hasText: 'Not sent' })).toBeVisible();
      expect(await site.editorStateText()).toBe(typed);
      await site.page.waitForTimeout(300);
      recorder.assertNoneContain([PRIVATE_KEY_LINES[1]!]);
    });

    test('when every rewrite technique fails, the send is held, nothing reaches the backend and the text stays as typed', async ({ sites, recorder }) => {
      const site = sites[siteId];
      await site.goto();
      await guardUp(site);
      const typed = `Write to ${EMAIL} or call ${PHONE}`;
      await site.typeMessage(typed);
      // A page that puts its composer back after every change it did not make itself: the paste, insertText and retry
      // techniques all change the DOM, and all are undone before the guard re-reads it to verify.
      await site.editor().evaluate((editor) => {
        const saved = editor.innerHTML;
        const options = { childList: true, subtree: true, characterData: true };
        const observer = new MutationObserver(() => {
          if (editor.innerHTML === saved) return;
          observer.disconnect();
          editor.innerHTML = saved;
          observer.observe(editor, options);
        });
        observer.observe(editor, options);
      });
      await site.send();
      await expect(guardUi(site.page).notices().filter({ hasText: 'Not sent' })).toBeVisible();
      await expect(guardUi(site.page).notices().filter({ hasText: 'Not sent' })).toContainText(/could not safely (?:replace|rewrite)/);
      expect(await site.composerText()).toBe(typed);
      await site.page.waitForTimeout(500);
      expect(recorder.all({ site: siteId }).filter((request) => /conversation|completion|stream-generate/.test(request.kind))).toHaveLength(0);
      recorder.assertNoneContain([EMAIL, PHONE]);
    });

    test('Enter during IME composition passes through untouched', async ({ sites }) => {
      const site = sites[siteId];
      await site.goto();
      await guardUp(site);
      await site.typeMessage(`token ${GITHUB_TOKEN}`);
      // The guard must neither cancel nor stop it: a listener on the editor itself still receives it.
      const reached = await site.editor().evaluate((editor) => {
        let seen = false;
        const probe = (event: Event) => {
          seen = true;
          event.stopImmediatePropagation(); // keep the replica's own Enter handling out of this probe
        };
        editor.addEventListener('keydown', probe, { capture: true, once: true });
        const event = new KeyboardEvent('keydown', { key: 'Enter', keyCode: 229, isComposing: true, bubbles: true, cancelable: true });
        editor.dispatchEvent(event);
        return seen && !event.defaultPrevented;
      });
      expect(reached).toBe(true);
      await site.page.waitForTimeout(200);
      await expect(guardUi(site.page).dialog()).toHaveCount(0);
    });

    test('pasted text is redacted before it lands in the composer', async ({ sites, recorder }) => {
      const site = sites[siteId];
      await site.goto();
      await guardUp(site);
      await site.pasteText(`contact: ${EMAIL}\nphone: ${PHONE}`);
      await expect.poll(() => site.editorStateText()).toContain('[EMAIL_1]');
      const inComposer = await site.editorStateText();
      expect(inComposer).not.toContain(EMAIL);
      expect(inComposer).toContain('[PHONE_1]');
      await site.send();
      await site.waitForReply();
      recorder.assertNoneContain([EMAIL, PHONE]);
    });

    test('an uploaded .env is replaced by a redacted copy before the site reads it', async ({ sites, recorder }) => {
      const site = sites[siteId];
      await site.goto();
      await guardUp(site);
      await site.uploadFiles([{ name: '.env', content: `ADMIN_EMAIL=${EMAIL}\nSUPPORT_PHONE=${PHONE}\n` }]);
      await expect(guardUi(site.page).notices().filter({ hasText: '.env' })).toBeVisible();
      await expect(site.attachmentChips()).toHaveCount(1);
      await site.sendMessage('see the file');
      await site.waitForReply();
      expect(recorder.allOutboundText()).toContain('ADMIN_EMAIL=[EMAIL_1]');
      recorder.assertNoneContain([EMAIL, PHONE]);
    });

    test('an unreadable upload (PDF) is refused with a notice by default', async ({ sites }) => {
      const site = sites[siteId];
      await site.goto();
      await guardUp(site);
      await site.uploadFiles([{ name: 'report.pdf', mimeType: 'application/pdf', content: '%PDF-1.7 binary' }]);
      await expect(guardUi(site.page).notices().filter({ hasText: 'report.pdf' })).toBeVisible();
      await expect(site.attachmentChips()).toHaveCount(0);
    });
  });
}
