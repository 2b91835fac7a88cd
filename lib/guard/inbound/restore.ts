/**
 * Display-only restore: placeholders in rendered replies (and the user's own sent turns) are shown as the originals,
 * each inside a <chatwarden-value> whose closed shadow root holds the original, so page scripts reading the DOM see only
 * the placeholder (design brief invariant 3). Only text nodes are touched: never attributes (href, src), never code the
 * page runs, never editable regions, never a token that sits inside a URL written out in the text.
 *
 * Renderers re-render under us (React updates a text node we split, or replaces it). The restorer keeps, per block, the
 * raw text it last saw and the edits it made; when the block's raw text changes it reverts its edits and redoes them.
 */
import { blocksUnder, isInsideSkipped, ownRuns, pieceAt, type TextRun } from './text-runs';

export interface RestoreSpan {
  start: number;
  end: number;
  /** Canonical placeholder, e.g. [EMAIL_1] (the text may hold email_1 or \[EMAIL\_1\]). */
  placeholder: string;
  original: string;
}

/** Placeholders in `text` with their originals from the current conversation's vault. */
export type FindPlaceholders = (text: string) => RestoreSpan[];

/** Builds the element that displays `original` in place of `raw` (value-element.ts in the page). */
export type CreateRestoredValue = (doc: Document, raw: string, placeholder: string, original: string) => Element;

interface Edit {
  host: Text;
  before: string;
  after: string;
  inserted: Node[];
}

interface BlockState {
  texts: string[];
  edits: Edit[];
  generation: number;
}

/**
 * A token inside a URL spelled out in text (`https://x.example/?q=[EMAIL_1]`, a markdown `](…)` target not yet
 * rendered) stays a placeholder: restoring it would put the original into something the user may click or copy.
 */
export function isInUrlContext(text: string, start: number): boolean {
  let tokenStart = start;
  const limit = Math.max(0, start - 2048);
  while (tokenStart > limit && !/\s/.test(text[tokenStart - 1] as string)) tokenStart--;
  const token = text.slice(tokenStart, start);
  return /[a-z][a-z0-9+.-]*:\/\/|\]\(|mailto:|www\.|(?:^|[/?&#])[\w.-]*=$/i.test(token);
}

export class Restorer {
  private readonly states = new WeakMap<Element, BlockState>();
  private readonly raws = new WeakMap<Element, string>();
  /** Bumped when the vault changes: every block is looked up again on its next visit. */
  private generation = 0;
  /** The raw text (placeholder as the reply wrote it) a restored value stands for. */
  readonly rawOf = (element: Element): string | undefined => this.raws.get(element);

  /** Values currently created; detached ones are handed back to `releaseValue` for reuse. */
  private readonly live = new Set<Element>();

  constructor(
    private readonly findPlaceholders: FindPlaceholders,
    private readonly createValue: CreateRestoredValue,
    private readonly releaseValue: (element: Element) => void = () => {},
  ) {}

  /** Hand back values that left the page (the renderer replaced their block) so they can be reused. */
  collectDetached(): void {
    for (const value of this.live) {
      if (value.isConnected) continue;
      this.live.delete(value);
      this.releaseValue(value);
    }
  }

  /**
   * Restore under `root` (a node inside `turn`, or the turn itself). Stops between blocks once `deadline`
   * (performance.now() time) has passed and returns false: call again later, finished blocks are skipped cheaply.
   */
  process(root: Element, turn: Element, deadline = Number.POSITIVE_INFINITY): boolean {
    if (isInsideSkipped(root)) return true;
    for (const block of blocksUnder(root, turn)) {
      this.processBlock(block);
      if (performance.now() > deadline) return false;
    }
    return true;
  }

  /** The vault changed (new entries, another conversation): recompute blocks on their next visit. */
  invalidate(): void {
    this.generation++;
  }

  /** Undo every edit under `root` (the guard stops, or the user paused it). */
  revertAll(root: Element): void {
    for (const block of blocksUnder(root, root)) {
      const state = this.states.get(block);
      if (state) this.revert(state);
      this.states.delete(block);
    }
  }

  private processBlock(block: Element): void {
    const runs = ownRuns(block, this.rawOf);
    const texts = runs.map((run) => run.text);
    const state = this.states.get(block);
    if (
      state &&
      state.generation === this.generation &&
      sameTexts(state.texts, texts) &&
      state.edits.every((edit) => isIntact(edit, block))
    ) {
      return;
    }
    if (state) this.revert(state);
    const fresh = state ? ownRuns(block, this.rawOf) : runs;
    const edits: Edit[] = [];
    for (const run of fresh) this.restoreRun(run, edits);
    const restoredTexts = ownRuns(block, this.rawOf).map((run) => run.text);
    this.states.set(block, { texts: restoredTexts, edits, generation: this.generation });
  }

  private restoreRun(run: TextRun, edits: Edit[]): void {
    if (!/[A-Za-z]_?\\?_?\d/.test(run.text)) return; // no TYPE_N shape at all: skip the vault lookup
    let spans: RestoreSpan[];
    try {
      spans = this.findPlaceholders(run.text);
    } catch {
      return; // restore is a convenience: a failure leaves the placeholder visible, never breaks the page
    }
    const ordered = spans
      .filter((span) => span.end > span.start && span.start >= 0 && span.end <= run.text.length)
      .filter((span) => !isInUrlContext(run.text, span.start))
      .sort((a, b) => b.start - a.start);
    let floor = Number.POSITIVE_INFINITY;
    // Right to left, so the offsets of spans still to do stay valid.
    for (const span of ordered) {
      if (span.end > floor) continue; // overlapping spans: keep the rightmost
      if (this.restoreSpan(run, span, edits)) floor = span.start;
    }
  }

  private restoreSpan(run: TextRun, span: RestoreSpan, edits: Edit[]): boolean {
    const first = pieceAt(run, span.start);
    const last = pieceAt(run, span.end, true);
    const pieces = run.pieces.slice(first, last + 1);
    if (pieces.some((piece) => piece.kind !== 'text')) return false;
    const firstPiece = pieces[0];
    const lastPiece = pieces[pieces.length - 1];
    if (!firstPiece || !lastPiece || firstPiece.kind !== 'text' || lastPiece.kind !== 'text') return false;
    const startNode = firstPiece.node;
    const parent = startNode.parentNode;
    if (!parent) return false;
    const doc = startNode.ownerDocument;
    const raw = run.text.slice(span.start, span.end);
    const value = this.createValue(doc, raw, span.placeholder, span.original);
    this.raws.set(value, raw);
    this.live.add(value);
    const startOffset = span.start - firstPiece.start;
    const endOffset = span.end - lastPiece.start;

    if (first === last) {
      const before = startNode.data;
      const tailText = before.slice(endOffset);
      const after = before.slice(0, startOffset);
      const inserted: Node[] = [value];
      if (tailText) inserted.push(doc.createTextNode(tailText));
      startNode.data = after;
      insertAfter(parent, startNode, inserted);
      edits.push({ host: startNode, before, after, inserted });
      return true;
    }
    // Spans several text nodes: the value goes where the token starts; the other nodes lose their part of it.
    for (const piece of pieces.slice(1, -1)) {
      if (piece.kind !== 'text') continue;
      edits.push({ host: piece.node, before: piece.node.data, after: '', inserted: [] });
      piece.node.data = '';
    }
    const endNode = lastPiece.node;
    const endBefore = endNode.data;
    endNode.data = endBefore.slice(endOffset);
    edits.push({ host: endNode, before: endBefore, after: endNode.data, inserted: [] });
    const startBefore = startNode.data;
    startNode.data = startBefore.slice(0, startOffset);
    insertAfter(parent, startNode, [value]);
    edits.push({ host: startNode, before: startBefore, after: startNode.data, inserted: [value] });
    return true;
  }

  private revert(state: BlockState): void {
    for (let index = state.edits.length - 1; index >= 0; index--) {
      const edit = state.edits[index] as Edit;
      for (const node of edit.inserted) {
        node.parentNode?.removeChild(node);
        if (this.live.delete(node as Element)) this.releaseValue(node as Element);
      }
      // If the renderer rewrote the node since, its text is the truth: leave it.
      if (edit.host.data === edit.after) edit.host.data = edit.before;
    }
    state.edits = [];
  }
}

function insertAfter(parent: Node, reference: Node, nodes: Node[]): void {
  const next = reference.nextSibling;
  for (const node of nodes) parent.insertBefore(node, next);
}

function sameTexts(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((text, index) => text === b[index]);
}

function isIntact(edit: Edit, block: Element): boolean {
  return edit.host.data === edit.after && edit.inserted.every((node) => block.contains(node));
}
