/**
 * chatgpt.com. Sources: research/chat-sites.md (tags in each `source`). Both the classic and the 2026-07+ turn markup are
 * live (A/B), so both stay in the lists. Replica: test/replicas/chatgpt (ProseMirror composer).
 */
import type { SiteAdapter } from './types';

const REPLICA = 'test/replicas/chatgpt';

/** Contenteditables inside an answer are Canvas editors, never the composer (PA-rt core.js findComposer). */
function outsideAnswers(element: Element): boolean {
  return !element.closest('[data-message-author-role="assistant"], [data-turn="assistant"], li[data-message-role]');
}

export const chatgptAdapter: SiteAdapter = {
  site: 'chatgpt',
  label: 'ChatGPT',
  hosts: ['chatgpt.com'],
  editor: 'prosemirror',
  requiredRoles: ['composer'],
  selectors: {
    composer: [
      {
        selector: 'form[data-chatgpt-composer] div.ProseMirror[contenteditable="true"][role="textbox"]',
        source: 'PA-fx 2026-10',
        fixture: REPLICA,
      },
      { selector: 'div.ProseMirror#prompt-textarea[contenteditable="true"]', source: 'OCP/KCG 2026-02', fixture: REPLICA },
      { selector: 'form[data-type="unified-composer"] [contenteditable="true"]', source: 'OCP 2025-05' },
      { selector: '#prompt-textarea', source: 'KCG 2026-07 (may be a <textarea> on old builds)' },
    ],
    send: [
      { selector: '#composer-submit-button', source: 'ALC 2026-08', fixture: REPLICA },
      { selector: 'button[data-testid="send-button"]', source: 'CJS/PG 2026-08', fixture: REPLICA },
      { selector: 'form[data-type="unified-composer"] button[type="submit"]', source: 'OCP 2025-05' },
      { selector: 'button[aria-label="Send message"]', source: 'OCP (English UI only)' },
    ],
    stop: [
      { selector: 'button[data-testid="stop-button"]', source: 'CJS 2026-08', fixture: REPLICA },
      { selector: 'button[aria-label="Stop streaming"]', source: 'PA-rt generation.js' },
      { selector: 'button[aria-label="Stop generating"]', source: 'OCP' },
      { selector: 'button[aria-label="Stop"]', source: 'OCP' },
    ],
    userTurn: [
      { selector: '[data-message-author-role="user"]', source: 'PA-rt history-adapters (classic)', fixture: REPLICA },
      { selector: 'li[data-message-role="user"]', source: 'CJS 01d9b982 (2026-07 variant)' },
      { selector: '[data-user-message-bubble]', source: 'PA-fx 2026-10' },
    ],
    assistantTurn: [
      { selector: '[data-message-author-role="assistant"] .markdown', source: 'EXP main.tsx (classic)', fixture: REPLICA },
      { selector: 'li[data-message-role="assistant"]', source: 'CJS 01d9b982 (2026-07 variant)' },
      {
        selector: '[data-content-search-unit-key] [data-markdown-text-style="assistant-message"]',
        source: 'PA-fx 2026-09+',
      },
      { selector: 'article[data-testid^="conversation-turn-"][data-turn="assistant"]', source: 'PA-rt adapters-intl2' },
    ],
    streaming: [
      // ChatGPT has no streaming attribute: the stop button is the signal (CJS isIdle).
      { selector: 'button[data-testid="stop-button"]', source: 'CJS 2026-08', fixture: REPLICA },
    ],
    fileInput: [
      { selector: 'input[type="file"]#upload-files', source: 'unnamed public code 2026', fixture: REPLICA },
      { selector: 'input[type="file"]#upload-photos', source: 'PA-rt adapters-intl2 attach' },
      { selector: 'form[data-type="unified-composer"] input[type="file"]', source: 'PA-fx 2026-10' },
    ],
  },
  accept: { composer: outsideAnswers },
  conversationIdFromUrl(url) {
    // /c/<id>, /g/<gpt>/c/<id>; new chats first get /c/local-chatgpt%3A<id> then /c/<server-id> (PA-doc 2026-09-30).
    const match = /\/c\/([^/?#]+)/.exec(url.pathname);
    return match?.[1] ? decodeURIComponent(match[1]) : null;
  },
};
