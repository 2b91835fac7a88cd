// ChatGPT replica client: a real ProseMirror composer, the /prepare draft preflight, /f/conversation with the v1
// delta-encoded event stream, file uploads through /backend-api/files, and both live message markups.

import { EditorState, Plugin, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, EditorView } from 'prosemirror-view';
import { schema } from 'prosemirror-schema-basic';
import { Schema } from 'prosemirror-model';
import { keymap } from '@tiptap/pm/keymap';
import { baseKeymap, splitBlock } from '@tiptap/pm/commands';
import { history as undoHistory, undo, redo } from '@tiptap/pm/history';
import { AttachmentTray, acceptDrops, acceptFileInput, type Attachment } from '../shared/attachments';
import { h, requireElement } from '../shared/dom';
import { renderMarkdown } from '../shared/markdown';
import { installReplicaHook } from '../shared/replica-hook';
import { readServerSentEvents } from '../shared/sse';

type Markup = 'classic' | 'list' | 'search-unit';

const params = new URLSearchParams(location.search);
const markup: Markup = (['classic', 'list', 'search-unit'] as const).find((m) => m === params.get('markup')) ?? 'classic';

// Plain paragraphs and hard breaks: the composer holds plain text, like the real one.
const composerSchema = new Schema({
  nodes: { doc: schema.spec.nodes.get('doc')!, paragraph: schema.spec.nodes.get('paragraph')!, text: schema.spec.nodes.get('text')!, hard_break: schema.spec.nodes.get('hard_break')! },
});

const form = requireElement<HTMLFormElement>('form[data-type="unified-composer"]');
const thread = requireElement<HTMLElement>('#thread');
const mount = requireElement<HTMLElement>('#prompt-textarea');
const submitButton = requireElement<HTMLButtonElement>('#composer-submit-button');
const fileInput = requireElement<HTMLInputElement>('#upload-files');
const photoInput = requireElement<HTMLInputElement>('#upload-photos');
const chips = requireElement<HTMLElement>('.replica-chips', form);

const hook = installReplicaHook({
  site: 'chatgpt',
  editorText: () => editorText(),
  streaming: false,
  completedReplies: 0,
  lastError: undefined,
  markup,
});

let conversationId: string | undefined;
let parentMessageId = 'client-created-root';
let turnNumber = 0;
let activeStream: AbortController | undefined;
let prepareTimer: ReturnType<typeof setTimeout> | undefined;
let preparedOnce = false;

const placeholder = new Plugin({
  props: {
    decorations(state) {
      const first = state.doc.firstChild;
      if (state.doc.childCount !== 1 || !first || first.content.size > 0) return null;
      return DecorationSet.create(state.doc, [
        Decoration.node(0, first.nodeSize, { class: 'placeholder', 'data-placeholder': 'Ask anything' }),
      ]);
    },
  },
});

function editorText(state: EditorState = view.state): string {
  const lines: string[] = [];
  state.doc.forEach((paragraph) => lines.push(paragraph.textBetween(0, paragraph.content.size, '\n', '\n')));
  return lines.join('\n');
}

const view: EditorView = new EditorView(
  { mount },
  {
    state: EditorState.create({
      schema: composerSchema,
      plugins: [
        undoHistory(),
        keymap({ 'Mod-z': undo, 'Mod-y': redo, 'Shift-Enter': splitBlock }),
        keymap(baseKeymap),
        placeholder,
      ],
    }),
    attributes: {
      id: 'prompt-textarea',
      class: 'ProseMirror',
      role: 'textbox',
      'aria-label': 'Chat with ChatGPT',
      'data-composer-markdown': 'true',
      translate: 'no',
    },
    handleKeyDown(editorView, event) {
      // Enter sends; Shift+Enter is a newline; nothing sends while an IME composition is open.
      if (event.key !== 'Enter' || event.shiftKey) return false;
      if (event.isComposing || event.keyCode === 229 || editorView.composing) return false;
      event.preventDefault();
      void send();
      return true;
    },
    dispatchTransaction(transaction: Transaction) {
      view.updateState(view.state.apply(transaction));
      if (transaction.docChanged) {
        updateSubmitState();
        schedulePrepare();
      }
    },
  },
);

const tray = new AttachmentTray(chips, uploadFile);
acceptFileInput(fileInput, (files) => void tray.addFiles(files));
acceptFileInput(photoInput, (files) => void tray.addFiles(files));
acceptDrops(form, (files) => void tray.addFiles(files).then(updateSubmitState));
requireElement<HTMLButtonElement>('.replica-attach', form).addEventListener('click', () => fileInput.click());
fileInput.addEventListener('change', () => setTimeout(updateSubmitState));

submitButton.addEventListener('click', () => {
  if (submitButton.dataset.testid === 'stop-button') activeStream?.abort();
  else void send();
});
form.addEventListener('submit', (event) => event.preventDefault());

function updateSubmitState(): void {
  if (activeStream) return;
  submitButton.disabled = editorText().trim() === '' && tray.items.length === 0;
}

function setStreaming(streaming: boolean): void {
  hook.streaming = streaming;
  submitButton.dataset.testid = streaming ? 'stop-button' : 'send-button';
  submitButton.setAttribute('aria-label', streaming ? 'Stop streaming' : 'Send prompt');
  submitButton.textContent = streaming ? '\u25A0' : '\u2191';
  submitButton.disabled = false;
  if (!streaming) updateSubmitState();
}

function timezoneFields() {
  return {
    timezone_offset_min: new Date().getTimezoneOffset(),
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
}

// The draft preflight: debounced while typing, it carries the unsent draft in partial_query.
function schedulePrepare(): void {
  clearTimeout(prepareTimer);
  prepareTimer = setTimeout(() => {
    const draft = editorText();
    if (draft.trim() === '') return;
    void fetch('/backend-api/f/conversation/prepare', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'oai-language': 'en-US' },
      body: JSON.stringify({
        action: 'next',
        fork_from_shared_post: false,
        ...(conversationId ? { conversation_id: conversationId } : {}),
        parent_message_id: parentMessageId,
        model: 'auto',
        client_prepare_state: preparedOnce ? 'success' : 'none',
        ...timezoneFields(),
        conversation_mode: { kind: 'primary_assistant' },
        system_hints: [],
        partial_query: { id: crypto.randomUUID(), author: { role: 'user' }, content: { content_type: 'text', parts: [draft] } },
        supports_buffering: true,
        supported_encodings: ['v1'],
        client_prepare_source: 'composer_editor_state',
        client_prepare_dispatch: 'debounced',
      }),
    })
      .then(() => (preparedOnce = true))
      .catch((error: unknown) => (hook.lastError = String(error)));
  }, 300);
}

// The real site uploads a file as soon as it is attached; the send only references it.
async function uploadFile(attachment: Attachment): Promise<void> {
  const body = new FormData();
  body.append('file', attachment.file, attachment.file.name);
  body.append('use_case', 'my_files');
  try {
    const response = await fetch('/backend-api/files', { method: 'POST', body });
    const result = (await response.json()) as { file_id?: string };
    attachment.remoteId = result.file_id;
  } catch (error) {
    hook.lastError = String(error);
  }
}

function clearComposer(): void {
  const { state } = view;
  view.dispatch(state.tr.delete(0, state.doc.content.size));
}

/** Adds a turn in the selected markup and returns the element the message body goes into. */
function addTurn(role: 'user' | 'assistant', messageId: string): HTMLElement {
  turnNumber += 1;
  const body =
    role === 'user'
      ? h('div', { class: 'whitespace-pre-wrap' })
      : h('div', {
          class: 'markdown prose',
          ...(markup === 'classic' ? {} : { 'data-markdown-text-style': 'assistant-message' }),
        });
  const inner =
    role === 'user'
      ? h('div', { 'data-user-message-bubble': 'true', class: 'replica-user' }, body)
      : h('div', { class: 'replica-assistant' }, h('h4', { class: 'sr-only', 'data-conversation-role': 'assistant' }, 'ChatGPT said:'), body);
  let turn: HTMLElement;
  if (markup === 'classic') {
    turn = h(
      'article',
      { 'data-testid': `conversation-turn-${turnNumber}`, 'data-turn': role },
      h('div', { 'data-message-author-role': role, 'data-message-id': messageId, 'data-content-search-unit-key': `k${turnNumber}` }, inner),
    );
  } else if (markup === 'list') {
    let list = thread.querySelector('ol');
    if (!list) thread.append((list = h('ol', { class: 'replica-list' })));
    list.append((turn = h('li', { 'data-message-role': role, 'data-message-id': messageId }, inner)));
    return body;
  } else {
    turn = h('div', { 'data-content-search-unit-key': `k${turnNumber}` }, inner);
  }
  thread.append(turn);
  return body;
}

interface DeltaFrame {
  p?: string;
  o?: string;
  v?: unknown;
  c?: number;
}

/** Applies one v1 delta op to the message being streamed; returns the text of parts[0]. */
function applyDelta(message: { content: { parts: string[] } }, path: string, op: string, value: unknown): void {
  if (path === '/message/content/parts/0') {
    const current = message.content.parts[0] ?? '';
    if (op === 'append') message.content.parts[0] = current + String(value);
    else if (op === 'replace') message.content.parts[0] = String(value);
    else if (op === 'truncate') message.content.parts[0] = current.slice(0, Number(value));
  }
}

async function send(): Promise<void> {
  if (activeStream) return;
  const text = editorText();
  const attachments = tray.items.length > 0 ? tray.take() : [];
  if (text.trim() === '' && attachments.length === 0) return;
  clearComposer();

  const userMessageId = crypto.randomUUID();
  addTurn('user', userMessageId).textContent = text;
  const body = addTurn('assistant', 'pending');
  const controller = new AbortController();
  activeStream = controller;
  setStreaming(true);

  const message = {
    id: userMessageId,
    author: { role: 'user' },
    create_time: Date.now() / 1000,
    content: { content_type: 'text', parts: [text] },
    metadata: {
      attachments: attachments.map((a) => ({ id: a.remoteId ?? a.id, name: a.file.name, mime_type: a.file.type, size: a.file.size })),
      selected_github_repos: [],
      serialization_metadata: { custom_symbol_offsets: [] },
    },
  };
  const streamed = { content: { parts: [''] } };
  try {
    const response = await fetch('/backend-api/f/conversation', {
      method: 'POST',
      signal: controller.signal,
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'oai-language': 'en-US' },
      body: JSON.stringify({
        action: 'next',
        messages: [message],
        ...(conversationId ? { conversation_id: conversationId } : {}),
        parent_message_id: parentMessageId,
        model: 'auto',
        ...timezoneFields(),
        conversation_mode: { kind: 'primary_assistant' },
        enable_message_followups: true,
        system_hints: [],
        supports_buffering: true,
        supported_encodings: ['v1'],
        client_contextual_info: { is_dark_mode: false, time_since_loaded: Math.round(performance.now() / 1000), page_height: innerHeight, page_width: innerWidth, pixel_ratio: devicePixelRatio, screen_height: screen.height, screen_width: screen.width },
        paragen_cot_summary_display_override: 'allow',
        force_parallel_switch: 'auto',
        client_prepare_state: preparedOnce ? 'success' : 'none',
      }),
    });
    if (!response.ok || !response.body) throw new Error(`conversation request failed: ${response.status}`);
    let lastPath = '';
    let lastOp = '';
    for await (const { event, data } of readServerSentEvents(response.body)) {
      if (data === '[DONE]') break;
      if (event === 'delta_encoding') continue;
      const frame = JSON.parse(data) as DeltaFrame & { type?: string };
      if (frame.type === 'message_stream_complete') continue;
      if (event !== 'delta') continue;
      // Shorthand frames ({"v": ...}) repeat the last path and op.
      const path = frame.p ?? lastPath;
      const op = frame.o ?? lastOp;
      lastPath = path;
      lastOp = op;
      if (op === 'add' && path === '') {
        const added = frame.v as { message?: { id: string; content?: { parts?: string[] } }; conversation_id?: string };
        if (added.message) {
          streamed.content.parts = [...(added.message.content?.parts ?? [''])];
          body.closest('[data-message-id]')?.setAttribute('data-message-id', added.message.id);
          parentMessageId = added.message.id;
        }
        if (added.conversation_id && added.conversation_id !== conversationId) {
          conversationId = added.conversation_id;
          history.pushState({}, '', `/c/${conversationId}`);
        }
      } else if (op === 'patch' && Array.isArray(frame.v)) {
        for (const inner of frame.v as DeltaFrame[]) applyDelta(streamed, inner.p ?? '', inner.o ?? '', inner.v);
      } else {
        applyDelta(streamed, path, op, frame.v);
      }
      body.innerHTML = renderMarkdown(streamed.content.parts[0] ?? '');
    }
  } catch (error) {
    if (!controller.signal.aborted) {
      hook.lastError = String(error);
      body.textContent = 'Something went wrong. (replica)';
    }
  } finally {
    activeStream = undefined;
    hook.completedReplies += 1;
    setStreaming(false);
  }
}
