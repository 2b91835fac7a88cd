// Page object shared by the three replicas: drive the real editor like a user and read what the page shows.

import type { BrowserContext, Locator, Page } from '@playwright/test';
import type { ReplicaSession } from '../../replicas/backend/replica-backend';
import { splitIntoWordChunks } from '../../replicas/backend/reply-script';
import { SITE_HOSTS, type SiteId } from '../../replicas/backend/types';

export interface FileSpec {
  name: string;
  /** Default: text/plain. */
  mimeType?: string;
  content: string | Buffer;
}

export interface SiteSelectors {
  editor: string;
  sendButton: string;
  stopButton: string;
  /** The text of user turns. */
  userText: string;
  /** The rendered body of assistant turns. */
  assistantBody: string;
  attachmentChip: string;
  fileInput: string;
}

function toPayload(files: FileSpec[]) {
  return files.map((file) => ({
    name: file.name,
    mimeType: file.mimeType ?? 'text/plain',
    base64: Buffer.from(file.content).toString('base64'),
  }));
}

export abstract class ChatSitePage {
  abstract readonly site: SiteId;
  abstract readonly selectors: SiteSelectors;
  /** Path opened by goto() when none is given. */
  protected abstract readonly homePath: string;
  private currentPage: Page | undefined;
  private repliesBeforeSend: number | undefined;

  constructor(
    protected readonly context: BrowserContext,
    protected readonly session: ReplicaSession,
  ) {}

  get origin(): string {
    return `https://${SITE_HOSTS[this.site]}`;
  }

  /** The tab this site is open in (goto() first). */
  get page(): Page {
    if (!this.currentPage) throw new Error(`${this.site}: call goto() first`);
    return this.currentPage;
  }

  /** Opens the replica on its real hostname (reusing this site's tab) and waits for the editor. */
  async goto(path = this.homePath): Promise<Page> {
    // Each site gets its own tab, separate from the `page` fixture's.
    if (!this.currentPage || this.currentPage.isClosed()) this.currentPage = await this.context.newPage();
    await this.currentPage.goto(this.origin + path);
    await this.editor().waitFor({ state: 'visible' });
    await this.currentPage.waitForFunction(() => window.__chatReplica !== undefined);
    this.repliesBeforeSend = undefined;
    return this.currentPage;
  }

  editor(): Locator {
    return this.page.locator(this.selectors.editor);
  }

  sendButton(): Locator {
    return this.page.locator(this.selectors.sendButton);
  }

  stopButton(): Locator {
    return this.page.locator(this.selectors.stopButton);
  }

  attachmentChips(): Locator {
    return this.page.locator(this.selectors.attachmentChip);
  }

  userMessages(): Locator {
    return this.page.locator(this.selectors.userText);
  }

  assistantMessages(): Locator {
    return this.page.locator(this.selectors.assistantBody);
  }

  /** Focuses the editor with the caret at the end of its content. */
  async focusEditor(): Promise<void> {
    await this.editor().click();
    await this.page.keyboard.press('Control+End');
  }

  /** Types with the real keyboard into the editor; newlines become Shift+Enter (a new line, not a send). */
  async typeMessage(text: string, { delayMs = 0 }: { delayMs?: number } = {}): Promise<void> {
    await this.focusEditor();
    const lines = text.split('\n');
    for (const [index, line] of lines.entries()) {
      if (index > 0) await this.page.keyboard.press('Shift+Enter');
      if (line) await this.page.keyboard.type(line, { delay: delayMs });
    }
  }

  /** Pastes text as a synthetic ClipboardEvent carrying a DataTransfer, which ProseMirror and Quill handle. */
  async pasteText(text: string): Promise<void> {
    await this.focusEditor();
    await this.editor().evaluate((editor, pasted) => {
      const clipboardData = new DataTransfer();
      clipboardData.setData('text/plain', pasted);
      editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true, composed: true }));
    }, text);
  }

  /** Drops files on the composer (dragenter, dragover, drop with a real DataTransfer of File objects). */
  async dropFiles(files: FileSpec[]): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle((specs) => {
      const transfer = new DataTransfer();
      for (const spec of specs) {
        const bytes = Uint8Array.from(atob(spec.base64), (char) => char.charCodeAt(0));
        transfer.items.add(new File([bytes], spec.name, { type: spec.mimeType }));
      }
      return transfer;
    }, toPayload(files));
    const target = this.editor();
    for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer });
    await dataTransfer.dispose();
  }

  /** Chooses files through the site's own file input, as the file picker would. */
  async uploadFiles(files: FileSpec[]): Promise<void> {
    await this.page.locator(this.selectors.fileInput).setInputFiles(
      files.map((file) => ({ name: file.name, mimeType: file.mimeType ?? 'text/plain', buffer: Buffer.from(file.content) })),
    );
  }

  /** Sends what the composer holds: Enter in the editor (default) or a click on the send button. */
  async send({ via = 'enter' }: { via?: 'enter' | 'click' } = {}): Promise<void> {
    this.repliesBeforeSend = await this.page.evaluate(() => window.__chatReplica?.completedReplies ?? 0);
    if (via === 'click') {
      await this.sendButton().click();
    } else {
      await this.focusEditor();
      await this.page.keyboard.press('Enter');
    }
  }

  /** typeMessage + send. */
  async sendMessage(text: string, options: { via?: 'enter' | 'click' } = {}): Promise<void> {
    await this.typeMessage(text);
    await this.send(options);
  }

  /** Waits until the reply to the last send() has finished streaming; returns its visible text. */
  async waitForReply({ timeout = 20_000 }: { timeout?: number } = {}): Promise<string> {
    const before = this.repliesBeforeSend ?? 0;
    await this.page.waitForFunction(
      (count) => {
        const hook = window.__chatReplica;
        return hook !== undefined && hook.completedReplies > count && !hook.streaming;
      },
      before,
      { timeout },
    );
    const error = await this.page.evaluate(() => window.__chatReplica?.lastError);
    if (error) throw new Error(`${this.site} replica reply failed: ${error}`);
    return this.lastAssistantText();
  }

  /** True while a reply streams (the replica's own state). */
  async isStreaming(): Promise<boolean> {
    return this.page.evaluate(() => window.__chatReplica?.streaming ?? false);
  }

  async lastAssistantText(): Promise<string> {
    const last = this.assistantMessages().last();
    return (await last.count()) === 0 ? '' : last.innerText();
  }

  async lastUserText(): Promise<string> {
    const last = this.userMessages().last();
    return (await last.count()) === 0 ? '' : last.innerText();
  }

  /** What the editor's DOM shows (innerText, trailing newline trimmed). */
  async composerText(): Promise<string> {
    return (await this.editor().innerText()).replace(/\n$/, '');
  }

  /** The editor's own model text (ProseMirror doc / Quill contents), paragraphs joined by \n. */
  async editorStateText(): Promise<string> {
    return this.page.evaluate(() => {
      if (!window.__chatReplica) throw new Error('replica hook missing');
      return window.__chatReplica.editorText();
    });
  }

  /**
   * Scripts the next reply on this site. An array is streamed chunk by chunk (each chunk one event/frame on the wire,
   * `delayMs` apart; chunks may split a placeholder); a string is streamed a few words per chunk.
   */
  scriptNextReply(reply: string[] | string, { delayMs }: { delayMs?: number } = {}): void {
    const chunks = typeof reply === 'string' ? splitIntoWordChunks(reply) : reply;
    this.session.replies.scriptNext(this.site, { chunks, ...(delayMs === undefined ? {} : { delayMs }) });
  }
}
