// Claude replica client: a real Tiptap composer, long pastes turned into attachment chips, the completion request
// with attachments[].extracted_content, and a content_block_delta SSE reply rendered as it arrives.

import { Editor, Extension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { Placeholder } from '@tiptap/extensions';
import { AttachmentTray, acceptDrops, acceptFileInput, type Attachment } from '../shared/attachments';
import { h, requireElement } from '../shared/dom';
import { renderMarkdown } from '../shared/markdown';
import { installReplicaHook } from '../shared/replica-hook';
import { readServerSentEvents } from '../shared/sse';

/** Pastes longer than this become a "Pasted content" attachment instead of inline text, like the real site. */
const LONG_PASTE_CHARS = 4000;
const ORGANIZATION_ID = '8c1d5e2a-2f4b-4c61-9a0e-6f1f1d2a7b10';
const ROOT_PARENT = '00000000-0000-4000-8000-000000000000';

const hook = installReplicaHook({
  site: 'claude',
  editorText: () => editorText(),
  streaming: false,
  completedReplies: 0,
  lastError: undefined,
  markup: 'default',
});

const fieldset = requireElement<HTMLFieldSetElement>('fieldset');
const feed = requireElement<HTMLElement>('[data-testid="transcript-list"] [role="feed"]');
const sendButton = requireElement<HTMLButtonElement>('[data-testid="chat-input-send"]');
const stopButton = requireElement<HTMLButtonElement>('[data-testid="chat-input-stop"]');
const fileInput = requireElement<HTMLInputElement>('input[data-testid="file-upload"]');
const tray = new AttachmentTray(requireElement<HTMLElement>('.replica-chips', fieldset), () => updateSendState());

let conversationId: string | undefined;
let parentMessageId = ROOT_PARENT;
let activeStream: AbortController | undefined;
let turnKey = 0;

const NewlineOnShiftEnter = Extension.create({
  name: 'replicaNewlineOnShiftEnter',
  addKeyboardShortcuts() {
    return { 'Shift-Enter': ({ editor }) => editor.commands.splitBlock() };
  },
});

const editor = new Editor({
  element: requireElement<HTMLElement>('#claude-editor-mount'),
  extensions: [
    StarterKit.configure({ heading: false, codeBlock: false, blockquote: false, horizontalRule: false }),
    Placeholder.configure({ placeholder: 'How can I help you today?' }),
    NewlineOnShiftEnter,
  ],
  editorProps: {
    attributes: {
      'data-testid': 'chat-input',
      role: 'textbox',
      'aria-label': 'Write your prompt to Claude',
      'aria-multiline': 'true',
      translate: 'no',
    },
    handleKeyDown(view, event) {
      // Enter sends; Shift+Enter is a new paragraph; nothing sends while an IME composition is open.
      if (event.key !== 'Enter' || event.shiftKey) return false;
      if (event.isComposing || event.keyCode === 229 || view.composing) return false;
      event.preventDefault();
      void send();
      return true;
    },
    handlePaste(_view, event) {
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (text.length <= LONG_PASTE_CHARS) return false;
      const file = new File([text], 'Pasted content.txt', { type: 'text/plain' });
      void tray.add({ id: crypto.randomUUID(), file, text, pasted: true });
      return true;
    },
  },
  onUpdate: () => updateSendState(),
});

function editorText(): string {
  return editor.state.doc.textBetween(0, editor.state.doc.content.size, '\n', '\n');
}

acceptFileInput(fileInput, (files) => void tray.addFiles(files));
acceptDrops(fieldset, (files) => void tray.addFiles(files));
requireElement<HTMLButtonElement>('[data-testid="chat-input-attach"]').addEventListener('click', () => fileInput.click());
sendButton.addEventListener('click', () => void send());
stopButton.addEventListener('click', () => activeStream?.abort());

function updateSendState(): void {
  sendButton.disabled = editorText().trim() === '' && tray.items.length === 0;
}

function setStreaming(streaming: boolean): void {
  hook.streaming = streaming;
  sendButton.hidden = streaming;
  stopButton.hidden = !streaming;
  updateSendState();
}

function addRow(content: HTMLElement, last: boolean): void {
  feed.querySelector('[data-last-message]')?.removeAttribute('data-last-message');
  feed.append(
    h(
      'div',
      { 'data-testid': 'transcript-row', 'data-perf-row-streaming': 'false', ...(last ? { 'data-last-message': 'true' } : {}) },
      h('div', { role: 'article' }, content),
    ),
  );
}

function addUserTurn(text: string, attachments: Attachment[]): void {
  turnKey += 1;
  const bubble = h('div', { 'data-testid': 'user-message', class: 'replica-user' });
  for (const line of text.split('\n')) bubble.append(h('p', { class: 'whitespace-pre-wrap break-words' }, line));
  for (const attachment of attachments) {
    bubble.append(h('div', { class: 'replica-chip', 'data-replica-attachment': attachment.file.name }, attachment.pasted ? 'Pasted content' : attachment.file.name));
  }
  addRow(h('div', { 'data-user-scope': '' }, h('div', { 'data-turn-key': `t${turnKey}` }, bubble)), false);
}

function addAssistantTurn(): { container: HTMLElement; body: HTMLElement } {
  turnKey += 1;
  const body = h('div', { 'data-perf-reply-text': '', class: 'standard-markdown' });
  const container = h(
    'div',
    { 'data-testid': 'assistant-message', 'data-turn-key': `t${turnKey}`, 'data-is-streaming': 'true', class: 'replica-assistant' },
    h('div', { class: 'prose' }, body),
  );
  addRow(h('div', { 'data-reply-scope': '' }, container), true);
  container.closest('[data-testid="transcript-row"]')?.setAttribute('data-perf-row-streaming', 'true');
  return { container, body };
}

async function send(): Promise<void> {
  if (activeStream) return;
  const text = editorText();
  if (text.trim() === '' && tray.items.length === 0) return;
  const attachments = tray.take();
  editor.commands.clearContent(true);

  const controller = new AbortController();
  activeStream = controller;
  addUserTurn(text, attachments);
  const { container, body } = addAssistantTurn();
  setStreaming(true);
  const humanMessageId = crypto.randomUUID();
  const assistantMessageId = crypto.randomUUID();
  let reply = '';
  try {
    if (!conversationId) {
      // A new chat is created first, then the URL moves to /chat/<uuid>.
      conversationId = crypto.randomUUID();
      await fetch(`/api/organizations/${ORGANIZATION_ID}/chat_conversations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ uuid: conversationId, name: '', include_conversation_preferences: true }),
      });
      history.pushState({}, '', `/chat/${conversationId}`);
    }
    const response = await fetch(`/api/organizations/${ORGANIZATION_ID}/chat_conversations/${conversationId}/completion`, {
      method: 'POST',
      signal: controller.signal,
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'anthropic-client-platform': 'web_claude_ai' },
      body: JSON.stringify({
        prompt: text,
        parent_message_uuid: parentMessageId,
        timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        personalized_styles: [{ type: 'default', key: 'Default', name: 'Normal', nameKey: 'normal_style_name', prompt: 'Normal', summary: 'Default responses from Claude', summaryKey: 'normal_style_summary', isDefault: true }],
        locale: 'en-US',
        model: 'claude-sonnet-4-5-20250929',
        tools: [],
        turn_message_uuids: { human_message_uuid: humanMessageId, assistant_message_uuid: assistantMessageId },
        attachments: attachments
          .filter((a) => a.text !== undefined)
          .map((a) => ({ file_name: a.pasted ? '' : a.file.name, file_type: a.file.type || 'text/plain', file_size: a.file.size, extracted_content: a.text })),
        files: attachments.filter((a) => a.text === undefined).map((a) => a.remoteId ?? a.id),
        sync_sources: [],
        rendering_mode: 'messages',
      }),
    });
    if (!response.ok || !response.body) throw new Error(`completion request failed: ${response.status}`);
    for await (const { data } of readServerSentEvents(response.body)) {
      const event = JSON.parse(data) as { type: string; delta?: { type: string; text?: string }; message?: { uuid?: string } };
      if (event.type === 'content_block_delta' && event.delta?.type === 'text_delta') {
        reply += event.delta.text ?? '';
        body.innerHTML = renderMarkdown(reply);
      } else if (event.type === 'message_stop') {
        break;
      }
    }
    parentMessageId = assistantMessageId;
  } catch (error) {
    if (!controller.signal.aborted) {
      hook.lastError = String(error);
      body.textContent = 'Claude could not respond. (replica)';
    }
  } finally {
    container.setAttribute('data-is-streaming', 'false');
    container.closest('[data-testid="transcript-row"]')?.setAttribute('data-perf-row-streaming', 'false');
    activeStream = undefined;
    hook.completedReplies += 1;
    setStreaming(false);
  }
}
