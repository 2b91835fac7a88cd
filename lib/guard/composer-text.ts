/**
 * Reading and rewriting the composer's text in ways the sites' editors accept (research chat-sites.md §6):
 * ProseMirror/Tiptap (ChatGPT, Claude) take a synthetic paste, Quill (Gemini) takes execCommand('insertText') line by
 * line with insertParagraph between lines. Every write is verified by re-reading; the caller fails closed on mismatch.
 */
import type { EditorKind } from '../adapters/types';
import { markOwn } from './own-events';

const BLOCK_TAGS = new Set([
  'P', 'DIV', 'LI', 'UL', 'OL', 'PRE', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'TR', 'SECTION',
]);

// Numeric node types: this module also runs on DOM implementations that have no global `Node` (unit tests).
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function isBlock(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE && BLOCK_TAGS.has((node as Element).tagName);
}

function isTextField(element: Element): element is HTMLTextAreaElement | HTMLInputElement {
  return element.tagName === 'TEXTAREA' || element.tagName === 'INPUT';
}

/** A `<br>` that only keeps an empty or ending line open (ProseMirror's trailing break, Quill's `<p><br></p>`). */
function isPlaceholderBreak(br: Element): boolean {
  if (br.classList.contains('ProseMirror-trailingBreak')) return true;
  let next = br.nextSibling;
  while (next && next.nodeType === TEXT_NODE && next.textContent === '') next = next.nextSibling;
  return next === null && br.parentElement !== null && isBlock(br.parentElement);
}

function inlineText(node: Node): string {
  let text = '';
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === TEXT_NODE) text += (child as Text).data;
    else if (child.nodeType === ELEMENT_NODE) {
      const element = child as Element;
      if (element.tagName === 'BR') {
        if (!isPlaceholderBreak(element)) text += '\n';
      } else if (isBlock(element)) {
        text += `\n${blockLines(element).join('\n')}\n`;
      } else text += inlineText(element);
    }
  }
  return text;
}

function blockLines(block: Element): string[] {
  const children = Array.from(block.childNodes).filter(
    (child) => !(child.nodeType === TEXT_NODE && (child as Text).data.trim() === ''),
  );
  if (children.length > 0 && children.every(isBlock)) return children.flatMap((child) => blockLines(child as Element));
  return inlineText(block).split('\n');
}

/** The composer's text, one line per paragraph or hard break (no blank line between paragraphs). */
export function readComposerText(composer: Element): string {
  if (isTextField(composer)) return composer.value;
  return blockLines(composer).join('\n').replace(/\u00a0/g, ' ');
}

/** Whitespace-insensitive form used to verify a rewrite (editors normalize spaces and trailing blank lines). */
export function normalizeForCompare(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n+$/, '')
    .replace(/^\n+/, '');
}

export function textMatches(actual: string, expected: string): boolean {
  return normalizeForCompare(actual) === normalizeForCompare(expected);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One `<p>` per line, so editors that collapse blank lines in plain-text pastes keep them. */
export function linesToHtml(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '<p></p>' : `<p>${escapeHtml(line)}</p>`))
    .join('');
}

function selectAllIn(composer: HTMLElement): void {
  composer.focus();
  const selection = composer.ownerDocument.getSelection();
  if (!selection) return;
  const range = composer.ownerDocument.createRange();
  range.selectNodeContents(composer);
  selection.removeAllRanges();
  selection.addRange(range);
}

/** Dispatches a synthetic paste the editor's own handler reads (MASK dispatchPaste); true if the editor took it. */
export function dispatchSyntheticPaste(target: HTMLElement, text: string, html?: string): boolean {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  if (html !== undefined) data.setData('text/html', html);
  const event = markOwn(
    new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }),
  );
  target.dispatchEvent(event);
  // Editors that handle a paste cancel the native one; an unhandled synthetic paste inserts nothing.
  return event.defaultPrevented;
}

function insertLines(text: string): void {
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (index > 0) document.execCommand('insertParagraph', false);
    if (line !== '') document.execCommand('insertText', false, line);
  });
}

type Technique = (composer: HTMLElement, text: string) => Promise<void>;

/**
 * Focus first and let a task pass: after a click elsewhere (the send button), editors such as Quill restore their own
 * saved selection on focus, asynchronously, which would otherwise land on top of ours.
 */
async function focusAndSelectAll(composer: HTMLElement): Promise<void> {
  if (composer.ownerDocument.activeElement !== composer && !composer.contains(composer.ownerDocument.activeElement)) {
    composer.focus();
    await settle();
  }
  selectAllIn(composer);
}

const pasteTechnique: Technique = async (composer, text) => {
  await focusAndSelectAll(composer);
  dispatchSyntheticPaste(composer, text, linesToHtml(text));
};

const insertTextTechnique: Technique = async (composer, text) => {
  await focusAndSelectAll(composer);
  document.execCommand('selectAll', false);
  // Quill drops '\n' passed to insertText (GV), so lines go one by one.
  if (text === '') document.execCommand('delete', false);
  else insertLines(text);
};

const TECHNIQUES: Record<EditorKind, Technique[]> = {
  // Each list ends with a second try of the first technique: a late framework re-render can undo one attempt.
  prosemirror: [pasteTechnique, insertTextTechnique, pasteTechnique],
  quill: [insertTextTechnique, pasteTechnique, insertTextTechnique],
};

/** Frameworks (React state, Angular zones, Quill's MutationObserver) catch up after a task. */
export function settle(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface WriteResult {
  ok: boolean;
  technique: number;
  actual: string;
}

/**
 * Replaces the composer's whole text and verifies it by re-reading. Tries each technique of the editor kind in turn;
 * `ok: false` means none produced the expected text (the caller restores the original and holds the send).
 */
export async function writeComposerText(composer: HTMLElement, text: string, editor: EditorKind): Promise<WriteResult> {
  if (composer instanceof HTMLTextAreaElement) {
    // Legacy <textarea> composer: the native setter plus an input event is what React listens to.
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
    setter?.call(composer, text);
    composer.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    return { ok: composer.value === text, technique: 0, actual: composer.value };
  }
  let actual = readComposerText(composer);
  const techniques = TECHNIQUES[editor];
  for (let index = 0; index < techniques.length; index++) {
    await techniques[index]!(composer, text);
    await settle();
    actual = readComposerText(composer);
    if (textMatches(actual, text)) return { ok: true, technique: index, actual };
  }
  return { ok: false, technique: -1, actual };
}

/** Inserts text at the caret (pastes and drops after redaction) through the editor's own paste handling. */
export function insertAtCaret(target: HTMLElement, text: string): void {
  if (dispatchSyntheticPaste(target, text)) return;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement) {
    target.setRangeText(text, target.selectionStart ?? target.value.length, target.selectionEnd ?? target.value.length, 'end');
    target.dispatchEvent(new Event('input', { bubbles: true }));
    return;
  }
  if (text.includes('\n')) insertLines(text);
  else document.execCommand('insertText', false, text);
}
