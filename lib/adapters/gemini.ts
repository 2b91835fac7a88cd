/**
 * gemini.google.com. Sources: research/chat-sites.md. The composer is Quill inside Angular; its `.ql-clipboard`
 * sibling is contenteditable too and must never be taken for the composer (PA-fx). Replica: test/replicas/gemini.
 */
import type { SiteAdapter } from './types';

const REPLICA = 'test/replicas/gemini';

export const geminiAdapter: SiteAdapter = {
  site: 'gemini',
  label: 'Gemini',
  hosts: ['gemini.google.com'],
  editor: 'quill',
  requiredRoles: ['composer'],
  selectors: {
    composer: [
      {
        selector: 'rich-textarea div.ql-editor[contenteditable="true"][role="textbox"]',
        source: 'PA-fx 2026-10 / GV chatInput',
        fixture: REPLICA,
      },
      { selector: 'rich-textarea div.ql-editor[contenteditable="true"]', source: 'OCP 2026-02' },
      { selector: 'div.ql-editor[contenteditable="true"]', source: 'GV chatInput' },
    ],
    send: [
      { selector: 'button.send-button[aria-label="Send message"]', source: 'OCP 2026-02', fixture: REPLICA },
      { selector: 'button.send-button', source: 'GV vimMode.ts', fixture: REPLICA },
      { selector: 'button[data-send-button]', source: 'GV vimMode.ts' },
      { selector: 'button.update-button', source: 'GV (edit mode)' },
    ],
    stop: [
      { selector: 'button[aria-label="Stop response"]', source: 'OCP', fixture: REPLICA },
      { selector: 'button[data-test-id*="stop"]', source: 'GV responseNotification' },
    ],
    userTurn: [
      { selector: 'user-query', source: 'GV selectors.ts', fixture: REPLICA },
      { selector: '.user-query-bubble-with-background', source: 'PA-fx 2026-10' },
    ],
    assistantTurn: [
      { selector: 'model-response message-content .markdown', source: 'PA-rt adapters-intl answer()', fixture: REPLICA },
      { selector: 'model-response', source: 'GV selectors.ts' },
      { selector: '[aria-label="Gemini response"]', source: 'PA-fx 2026-10' },
    ],
    streaming: [
      { selector: 'button[aria-label="Stop response"]', source: 'OCP', fixture: REPLICA },
      { selector: 'model-response [aria-busy="true"]', source: 'GV' },
    ],
    fileInput: [
      // Created lazily after the upload menu is opened (PA-doc 2026-09-22); absence is normal until then.
      { selector: 'input[type="file"]:not([capture])', source: 'PA-rt attach', fixture: REPLICA },
    ],
  },
  accept: { composer: (element) => !element.classList.contains('ql-clipboard') },
  conversationIdFromUrl(url) {
    // /app/<id>, /u/<n>/app/<id>, /gem/<gem>/<id>; /app alone is a new chat.
    const match = /\/(?:app|gem\/[^/]+)\/([0-9a-zA-Z_-]{6,})/.exec(url.pathname);
    return match?.[1] ?? null;
  },
};
