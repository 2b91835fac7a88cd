import type { SiteSelectors } from './chat-site-page';
import { ChatSitePage } from './chat-site-page';

/** ChatGPT message markups that are live at the same time (A/B): see chat-sites.md. */
export type ChatGptMarkup = 'classic' | 'list' | 'search-unit';

export class ChatGptPage extends ChatSitePage {
  readonly site = 'chatgpt' as const;
  protected readonly homePath = '/';
  readonly selectors: SiteSelectors = {
    editor: '#prompt-textarea.ProseMirror',
    sendButton: '#composer-submit-button[data-testid="send-button"]',
    stopButton: 'button[data-testid="stop-button"]',
    userText: '[data-user-message-bubble] .whitespace-pre-wrap',
    assistantBody: '.markdown',
    attachmentChip: 'form[data-type="unified-composer"] .replica-chip',
    fileInput: '#upload-files',
  };

  /** Opens the replica with one of the message markups (classic article turns by default). */
  async gotoWithMarkup(markup: ChatGptMarkup): Promise<void> {
    await this.goto(`/?markup=${markup}`);
  }
}
