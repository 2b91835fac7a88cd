import type { SiteSelectors } from './chat-site-page';
import { ChatSitePage } from './chat-site-page';

export class ClaudePage extends ChatSitePage {
  readonly site = 'claude' as const;
  protected readonly homePath = '/new';
  readonly selectors: SiteSelectors = {
    editor: 'fieldset [data-testid="chat-input"].ProseMirror',
    sendButton: 'button[data-testid="chat-input-send"]',
    stopButton: 'button[data-testid="chat-input-stop"]',
    userText: '[data-testid="user-message"]',
    assistantBody: '[data-testid="assistant-message"] [data-perf-reply-text]',
    attachmentChip: 'fieldset .replica-chip',
    fileInput: 'input[data-testid="file-upload"]',
  };
}
