// Gemini replica client: a real Quill editor inside rich-textarea, StreamGenerate sent by XMLHttpRequest with the
// f.req form body, and cumulative length-prefixed reply frames rendered progressively.

import Quill from 'quill';
import { AttachmentTray, acceptDrops, acceptFileInput } from '../shared/attachments';
import { h, requireElement } from '../shared/dom';
import { renderMarkdown } from '../shared/markdown';
import { installReplicaHook } from '../shared/replica-hook';

declare global {
  interface Window {
    WIZ_global_data?: { SNlM0e: string; cfb2h: string; FdrFJe: string };
  }
}

const STREAM_GENERATE = '/_/BardChatUi/data/assistant.lamda.BardFrontendService/StreamGenerate';

const hook = installReplicaHook({
  site: 'gemini',
  editorText: () => editorText(),
  streaming: false,
  completedReplies: 0,
  lastError: undefined,
  markup: 'default',
});

const scroller = requireElement<HTMLElement>('infinite-scroller[data-test-id="chat-history-container"]');
const richTextarea = requireElement<HTMLElement>('rich-textarea');
const sendButton = requireElement<HTMLButtonElement>('button.send-button');
const stopButton = requireElement<HTMLButtonElement>('button[aria-label="Stop response"]');
const fileInput = requireElement<HTMLInputElement>('input.replica-file-input');
const dropzone = requireElement<HTMLElement>('.xap-uploader-dropzone');
const tray = new AttachmentTray(requireElement<HTMLElement>('.replica-chips', dropzone), () => updateSendState());

let metadata: [string, string, string] | null = null;
let requestCounter = 100000 + Math.floor(Math.random() * 90000);
let activeRequest: XMLHttpRequest | undefined;

richTextarea.classList.add('ql-container', 'ql-bubble');
const quill = new Quill(richTextarea, {
  formats: [],
  modules: {
    keyboard: {
      bindings: {
        // Option bindings run before Quill's own Enter handler; Quill skips them during IME composition.
        sendOnEnter: {
          key: 'Enter',
          shiftKey: false,
          handler: () => {
            void send();
            return false;
          },
        },
      },
    },
  },
});
quill.root.classList.add('textarea');
quill.root.setAttribute('role', 'textbox');
quill.root.setAttribute('aria-label', 'Enter a prompt here');
quill.root.setAttribute('aria-multiline', 'true');
quill.root.setAttribute('data-placeholder', 'Ask Gemini');
// Gemini's Quill build keeps the legacy hidden clipboard container next to the editor.
richTextarea.append(h('div', { class: 'ql-clipboard', contenteditable: 'true', tabindex: '-1' }));
quill.on('text-change', () => updateSendState());

function editorText(): string {
  return quill.getText().replace(/\n$/, '');
}

acceptFileInput(fileInput, (files) => void tray.addFiles(files));
acceptDrops(dropzone, (files) => void tray.addFiles(files));
requireElement<HTMLButtonElement>('button.upload-card-button').addEventListener('click', () => fileInput.click());
sendButton.addEventListener('click', () => {
  if (sendButton.getAttribute('aria-disabled') !== 'true') void send();
});
stopButton.addEventListener('click', () => activeRequest?.abort());

function updateSendState(): void {
  const empty = editorText().trim() === '' && tray.items.length === 0;
  sendButton.setAttribute('aria-disabled', String(empty || hook.streaming));
}

function setStreaming(streaming: boolean): void {
  hook.streaming = streaming;
  sendButton.hidden = streaming;
  stopButton.hidden = !streaming;
  updateSendState();
}

function addUserQuery(text: string, fileNames: string[]): void {
  const textBox = h('div', { class: 'query-text' });
  for (const line of text.split('\n')) textBox.append(h('p', { class: 'query-text-line' }, line));
  for (const name of fileNames) textBox.append(h('div', { class: 'replica-chip', 'data-replica-attachment': name }, name));
  scroller.append(
    h(
      'user-query',
      {},
      h('user-query-content', {}, h('div', { class: 'query-content' }, h('span', { class: 'user-query-bubble-with-background replica-user' }, textBox))),
    ),
  );
}

function addModelResponse(): { response: HTMLElement; body: HTMLElement; footer: HTMLElement } {
  const body = h('div', { class: 'markdown markdown-main-panel', 'aria-live': 'polite' });
  const footer = h('div', { class: 'response-footer' });
  const response = h(
    'model-response',
    { 'aria-busy': 'true' },
    h('response-container', {}, h('div', { class: 'response-container-content replica-assistant' }, h('message-content', { 'aria-label': 'Gemini response' }, body)), footer),
  );
  scroller.append(response);
  return { response, body, footer };
}

/** Parses every complete frame received so far and returns the newest cumulative text. */
function latestText(responseText: string): { text: string | undefined; ids: [string, string, string] | undefined } {
  let text: string | undefined;
  let ids: [string, string, string] | undefined;
  let cursor = responseText.startsWith(")]}'") ? 4 : 0;
  for (;;) {
    while (cursor < responseText.length && /\s/.test(responseText[cursor]!)) cursor += 1;
    const lengthMatch = /^\d+/.exec(responseText.slice(cursor, cursor + 12));
    if (!lengthMatch) break;
    const length = Number(lengthMatch[0]);
    const start = cursor + lengthMatch[0].length + 1;
    if (start + length > responseText.length) break; // frame not complete yet
    const rows = JSON.parse(responseText.slice(start, start + length)) as unknown[][];
    cursor = start + length;
    for (const row of rows) {
      if (row[0] !== 'wrb.fr' || typeof row[2] !== 'string') continue;
      const payload = JSON.parse(row[2]) as [unknown, [string, string] | null, unknown, unknown, [string, string[]][] | null];
      const candidate = payload[4]?.[0];
      if (candidate?.[1]?.[0] !== undefined) text = candidate[1][0];
      if (payload[1] && candidate) ids = [payload[1][0], payload[1][1], candidate[0]];
    }
  }
  return { text, ids };
}

async function send(): Promise<void> {
  if (activeRequest) return;
  const prompt = editorText();
  if (prompt.trim() === '' && tray.items.length === 0) return;
  const attachments = tray.take();
  quill.setText('');

  addUserQuery(prompt, attachments.map((a) => a.file.name));
  const { response, body, footer } = addModelResponse();
  setStreaming(true);

  // inner[0] = [prompt, 0, null, files, ...]; files carry [[url], name, text] (text is the replica's simple field).
  const files = attachments.length > 0 ? attachments.map((a) => [[`replica-file://${a.id}`], a.file.name, a.text ?? null]) : null;
  const inner = [[prompt, 0, null, files, null, null, 0], ['en'], metadata ?? ['', '', ''], null, null, null, [1], 1, null, null, 1, 0];
  const wiz = window.WIZ_global_data;
  const query = new URLSearchParams({ bl: wiz?.cfb2h ?? '', 'f.sid': wiz?.FdrFJe ?? '', hl: 'en', _reqid: String((requestCounter += 100000)), rt: 'c' });
  const form = `f.req=${encodeURIComponent(JSON.stringify([null, JSON.stringify(inner)]))}&at=${encodeURIComponent(wiz?.SNlM0e ?? '')}&`;

  const xhr = new XMLHttpRequest();
  activeRequest = xhr;
  const render = () => {
    let parsed: ReturnType<typeof latestText>;
    try {
      parsed = latestText(xhr.responseText);
    } catch (error) {
      hook.lastError = String(error);
      return;
    }
    const { text, ids } = parsed;
    if (text !== undefined) body.innerHTML = renderMarkdown(text);
    if (ids && metadata?.[0] !== ids[0]) {
      metadata = ids;
      history.pushState({}, '', `/app/${ids[0].replace(/^c_/, '')}`);
    }
  };
  await new Promise<void>((resolve) => {
    xhr.open('POST', `${STREAM_GENERATE}?${query.toString()}`);
    xhr.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded;charset=UTF-8');
    xhr.setRequestHeader('X-Same-Domain', '1');
    xhr.onprogress = render;
    xhr.onload = () => {
      if (xhr.status !== 200) hook.lastError = `StreamGenerate failed: ${xhr.status}`;
      render();
    };
    xhr.onerror = () => {
      hook.lastError = 'StreamGenerate network error';
      body.textContent = 'Something went wrong. (replica)';
    };
    xhr.onloadend = () => resolve();
    xhr.send(form);
  });
  response.setAttribute('aria-busy', 'false');
  footer.classList.add('complete');
  activeRequest = undefined;
  hook.completedReplies += 1;
  setStreaming(false);
}
