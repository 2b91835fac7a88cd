import type { SiteSelectors } from './chat-site-page';
import { ChatSitePage } from './chat-site-page';

export class GeminiPage extends ChatSitePage {
  readonly site = 'gemini' as const;
  protected readonly homePath = '/app';
  readonly selectors: SiteSelectors = {
    editor: 'rich-textarea div.ql-editor[contenteditable="true"]',
    sendButton: 'button.send-button[aria-label="Send message"]',
    stopButton: 'button[aria-label="Stop response"]',
    userText: 'user-query .query-text',
    assistantBody: 'model-response message-content .markdown',
    attachmentChip: '.xap-uploader-dropzone .replica-chip',
    fileInput: '.xap-uploader-dropzone input[type="file"]',
  };
}
