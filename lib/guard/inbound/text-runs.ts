/**
 * The text of a rendered reply as runs: one run per stretch of inline text inside a block element, with a map from
 * run offsets back to the text nodes. Placeholders are found in a run's joined text, so a token split across text
 * nodes (stream chunks, `<em>` from markdown underscores) is still one match.
 */

/** Elements that end a run: a placeholder never spans two of them. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

/** Never restore into these: code the page runs, form fields, embedded documents, and our own UI. */
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'IFRAME', 'OBJECT', 'EMBED',
  'CANVAS', 'SVG', 'MATH', 'TITLE',
]);

export const RESTORED_TAG = 'CHATWARDEN-VALUE';

export type RunPiece =
  | { kind: 'text'; node: Text; start: number }
  | { kind: 'restored'; node: Element; start: number; raw: string };

export interface TextRun {
  /** The block element that owns this run (its state is kept per block). */
  block: Element;
  pieces: RunPiece[];
  text: string;
}

export function isBlock(element: Element): boolean {
  return BLOCK_TAGS.has(element.tagName.toUpperCase());
}

/** True for elements whose text must never be touched (and whose subtree is skipped). */
export function isSkipped(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  if (SKIPPED_TAGS.has(tag)) return true;
  // Our own UI (notices, badges, dialogs), except restored values, which the run reads as their raw text.
  if (tag.startsWith('CHATWARDEN-') && tag !== RESTORED_TAG) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

/** True when `node` sits in an editable or skipped region (checked up to, not beyond, `stop`). */
export function isInsideSkipped(node: Node, stop: Node | null = null): boolean {
  for (let current: Node | null = node; current && current !== stop; current = current.parentNode) {
    if (current.nodeType === 1 && isSkipped(current as Element)) return true;
  }
  return false;
}

/** The block that owns an inline node: its nearest block ancestor (itself if it is a block), bounded by `root`. */
export function owningBlock(node: Node, root: Element): Element {
  for (let current: Node | null = node; current; current = current.parentNode) {
    if (current === root) return root;
    if (current.nodeType === 1 && isBlock(current as Element)) return current as Element;
  }
  return root;
}

/**
 * The runs a block owns: its inline text, not that of nested blocks (they own their own runs).
 * `rawOf` gives the raw text a restored value stands for (kept privately by the restorer).
 */
export function ownRuns(block: Element, rawOf: (element: Element) => string | undefined): TextRun[] {
  const runs: TextRun[] = [];
  let current: TextRun | null = null;
  const close = () => {
    if (current && current.pieces.length > 0) runs.push(current);
    current = null;
  };
  const open = (): TextRun => (current ??= { block, pieces: [], text: '' });
  const pushText = (node: Text) => {
    const run = open();
    run.pieces.push({ kind: 'text', node, start: run.text.length });
    run.text += node.data;
  };
  const pushRestored = (node: Element, raw: string) => {
    const run = open();
    run.pieces.push({ kind: 'restored', node, start: run.text.length, raw });
    run.text += raw;
  };
  const visit = (parent: Node) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        pushText(child as Text);
      } else if (child.nodeType === 1) {
        const element = child as Element;
        if (element.tagName.toUpperCase() === RESTORED_TAG) {
          const raw = rawOf(element);
          if (raw !== undefined) pushRestored(element, raw);
          else close();
        } else if (isSkipped(element) || isBlock(element)) {
          close();
        } else {
          visit(element);
        }
      }
    }
  };
  visit(block);
  close();
  return runs;
}

/** Every block under `root` (and the block owning `root`) that may own text. */
export function blocksUnder(root: Element, turn: Element): Element[] {
  const blocks = new Set<Element>([owningBlock(root, turn)]);
  const walk = (element: Element) => {
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
      if (isSkipped(child)) continue;
      if (isBlock(child)) blocks.add(child);
      walk(child);
    }
  };
  walk(root);
  return [...blocks];
}

/** The text piece holding run offset `offset` (for a span start: the piece where it begins). */
export function pieceAt(run: TextRun, offset: number, preferEnd = false): number {
  for (let index = run.pieces.length - 1; index >= 0; index--) {
    const piece = run.pieces[index] as RunPiece;
    if (preferEnd ? piece.start < offset : piece.start <= offset) return index;
  }
  return 0;
}
