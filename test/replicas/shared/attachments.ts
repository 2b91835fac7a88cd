// Attachment chips shared by the replicas: files from the file input or a drop, with text files read in the page.

import { h } from './dom';

export interface Attachment {
  id: string;
  file: File;
  /** File content when the file is text-like (what the real sites extract and send). */
  text: string | undefined;
  /** Set by a replica when it uploaded the file (ChatGPT's file id). */
  remoteId?: string;
  /** Pasted text turned into an attachment (Claude's long-paste chip). */
  pasted?: boolean;
}

const TEXT_EXTENSIONS = /\.(txt|md|csv|tsv|json|log|env|ini|cfg|conf|ya?ml|xml|html?|js|ts|py|sh|sql|pem|key)$/i;

export function isTextFile(file: File): boolean {
  return file.type.startsWith('text/') || /json|xml|yaml|javascript/.test(file.type) || TEXT_EXTENSIONS.test(file.name);
}

export class AttachmentTray {
  readonly items: Attachment[] = [];

  constructor(
    private readonly container: HTMLElement,
    private readonly onAdded: (attachment: Attachment) => Promise<void> | void = () => {},
  ) {}

  async addFiles(files: Iterable<File>): Promise<void> {
    for (const file of files) {
      const attachment: Attachment = {
        id: crypto.randomUUID(),
        file,
        text: isTextFile(file) ? await file.text() : undefined,
      };
      await this.add(attachment);
    }
  }

  async add(attachment: Attachment): Promise<void> {
    this.items.push(attachment);
    this.render();
    await this.onAdded(attachment);
  }

  /** Hands the attachments to a send and empties the tray, as the sites do. */
  take(): Attachment[] {
    const taken = this.items.splice(0, this.items.length);
    this.render();
    return taken;
  }

  private render(): void {
    this.container.replaceChildren(
      ...this.items.map((attachment) =>
        h(
          'div',
          { class: 'replica-chip', 'data-replica-attachment': attachment.file.name, title: attachment.file.name },
          h('span', { class: 'replica-chip-name' }, attachment.pasted ? 'Pasted content' : attachment.file.name),
          h('span', { class: 'replica-chip-size' }, `${attachment.file.size} B`),
        ),
      ),
    );
    this.container.hidden = this.items.length === 0;
  }
}

/** Lets files be dropped on a zone (dragover must be cancelled for the drop to fire). */
export function acceptDrops(zone: HTMLElement, onFiles: (files: File[]) => void): void {
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('replica-drag-over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('replica-drag-over'));
  zone.addEventListener('drop', (event) => {
    zone.classList.remove('replica-drag-over');
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length === 0) return;
    event.preventDefault();
    onFiles(files);
  });
}

/** Wires a hidden file input to the tray; the input is reset so the same file can be chosen twice. */
export function acceptFileInput(input: HTMLInputElement, onFiles: (files: File[]) => void): void {
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length > 0) onFiles(files);
  });
}
