/**
 * claude.ai. Sources: research/chat-sites.md. The composer is Tiptap (ProseMirror). Anchor on data-testid: Claude's
 * aria-labels are localized (PA-rt generation.js). Replica: test/replicas/claude (Tiptap composer).
 */
import type { SiteAdapter } from './types';

const REPLICA = 'test/replicas/claude';

export const claudeAdapter: SiteAdapter = {
  site: 'claude',
  label: 'Claude',
  hosts: ['claude.ai'],
  editor: 'prosemirror',
  requiredRoles: ['composer'],
  selectors: {
    composer: [
      { selector: 'div[data-testid="chat-input"][contenteditable="true"]', source: 'PA-fx 2026-10', fixture: REPLICA },
      { selector: 'fieldset div.tiptap.ProseMirror[contenteditable="true"]', source: 'PA-fx 2026-10 / CUE' },
      { selector: 'div[aria-label="Write your prompt to Claude"] div.ProseMirror', source: 'jcaMx README 2025-04' },
      { selector: 'div.ProseMirror[contenteditable="true"]', source: 'OCP 2026-02' },
    ],
    send: [
      { selector: 'button[data-testid="chat-input-send"]', source: 'PA-doc 2026-08-31', fixture: REPLICA },
      // Localized, and matches sidebar buttons: the guard picks the match nearest the composer (PA-doc).
      { selector: 'fieldset button[aria-label="Send message"]', source: 'OCP' },
      { selector: 'button[aria-label="Send message"]', source: 'OCP' },
    ],
    stop: [
      { selector: '[data-testid="chat-input-stop"]', source: 'PA-rt generation.js', fixture: REPLICA },
      { selector: 'button[aria-label="Stop response"]', source: 'OCP' },
    ],
    userTurn: [
      { selector: '[data-testid="user-message"]', source: 'PA-fx 2026-10', fixture: REPLICA },
      { selector: '[data-user-scope]', source: 'OB1 2026-05' },
    ],
    assistantTurn: [
      { selector: '[data-testid="assistant-message"]', source: 'PA-fx 2026-10', fixture: REPLICA },
      { selector: '[data-reply-scope] [data-perf-reply-text]', source: 'PA-doc 2026-10' },
      // TODO [2027-01-01]: remove; matched nothing on 2026-10-02 (PA-doc).
      { selector: '.font-claude-response', source: 'PA-rt adapters-intl (legacy)' },
    ],
    streaming: [
      { selector: '[data-is-streaming="true"]', source: 'OB1 2026-05', fixture: REPLICA },
      { selector: '[data-perf-row-streaming="true"]', source: 'PA-fx 2026-10' },
      { selector: '[data-testid="chat-input-stop"]', source: 'PA-rt generation.js' },
    ],
    fileInput: [
      { selector: 'input[type="file"][data-testid="file-upload"]', source: 'PA-rt adapters-intl attach', fixture: REPLICA },
      { selector: 'fieldset input[type="file"]', source: '⚠ inferred (PA-fx has no capture of its position)' },
    ],
  },
  conversationIdFromUrl(url) {
    // /chat/<uuid>; a new chat is /new until the first reply creates the conversation.
    const match = /\/chat\/([0-9a-f-]{8,})/i.exec(url.pathname);
    return match?.[1] ?? null;
  },
};
