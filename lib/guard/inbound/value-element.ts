/**
 * <chatwarden-value>: shows a restored original to the user and to nobody else. The original lives only in a closed
 * shadow root (absent from the page's innerText/textContent); the light DOM holds the placeholder text the site wrote,
 * unrendered, so the site's own scripts keep reading exactly what they rendered. The title names the placeholder only.
 *
 * The original is not even a text node in that root: it is CSS generated content (`::before { content: "…" }`) from a
 * constructed sheet adopted by the closed root. Text nodes in a closed root are still reachable by window.find() and
 * Selection.modify() (a page could find "@" and extend the selection word by word); generated content is not in the DOM
 * at all, yet it is painted and exposed to assistive technology. The cost: a user's own copy of a selection leaves the
 * value out.
 */

const VALUE_CSS =
  'span { text-decoration: underline dotted; text-decoration-thickness: 1px; text-underline-offset: 2px; ' +
  'background: rgba(234, 179, 8, 0.16); border-radius: 2px; padding: 0 1px; white-space: pre-wrap; }';

/** One constructed sheet shared by every value's shadow root (cheaper than a style per root; not subject to CSP). */
let sharedSheet: CSSStyleSheet | null | undefined;

function valueSheet(): CSSStyleSheet | null {
  if (sharedSheet !== undefined) return sharedSheet;
  try {
    sharedSheet = new CSSStyleSheet();
    sharedSheet.replaceSync(VALUE_CSS);
  } catch {
    sharedSheet = null;
  }
  return sharedSheet;
}

/** One sheet per distinct original (`span::before { content: "…" }`), shared by all its values. */
const contentSheets = new Map<string, CSSStyleSheet | null>();

/** A CSS string literal for any text: everything but plain characters as a hex escape, so nothing can break out. */
export function cssStringLiteral(text: string): string {
  let out = '"';
  for (const char of text) {
    out += /[A-Za-z0-9 @._+-]/.test(char) ? char : `\\${(char.codePointAt(0) ?? 0).toString(16)} `;
  }
  return `${out}"`;
}

function contentSheet(original: string): CSSStyleSheet | null {
  const cached = contentSheets.get(original);
  if (cached !== undefined) return cached;
  let sheet: CSSStyleSheet | null;
  try {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(`span::before { content: ${cssStringLiteral(original)}; }`);
  } catch {
    sheet = null;
  }
  contentSheets.set(original, sheet);
  return sheet;
}

/**
 * Detached values kept for reuse: renderers that re-render a streaming reply wholesale (innerHTML per chunk) would
 * otherwise make the restorer build hundreds of shadow roots per frame. Keyed by everything the element shows.
 */
const pool = new Map<string, Element[]>();
const MAX_POOLED = 2000;
let pooled = 0;

/** Keep a value that left the page for reuse. */
export function releaseRestoredValue(element: Element): void {
  const key = poolKeys.get(element);
  if (key === undefined || element.isConnected || pooled >= MAX_POOLED) return;
  const list = pool.get(key) ?? [];
  list.push(element);
  pool.set(key, list);
  pooled++;
}

/** Forget pooled values (the vault changed, so the originals they show may be stale). */
export function clearRestoredValuePool(): void {
  pool.clear();
  pooled = 0;
  contentSheets.clear();
}

const poolKeys = new WeakMap<Element, string>();

export function createRestoredValue(doc: Document, raw: string, placeholder: string, original: string): Element {
  const key = `${raw}\u0000${placeholder}\u0000${original}`;
  const list = pool.get(key);
  while (list && list.length > 0) {
    const reused = list.pop() as Element;
    pooled--;
    if (!reused.isConnected && reused.ownerDocument === doc) return reused;
  }
  const host = doc.createElement('chatwarden-value');
  host.setAttribute('title', `restored by ChatWarden from ${placeholder}`);
  host.setAttribute('data-placeholder', placeholder);
  host.textContent = raw;
  const shadow = host.attachShadow({ mode: 'closed' });
  const span = doc.createElement('span');
  const base = valueSheet();
  const content = contentSheet(original);
  if (base && content) {
    shadow.adoptedStyleSheets = [base, content];
  } else {
    // No constructable stylesheets: fall back to a text node (still absent from the page's innerText/textContent).
    span.style.cssText = 'text-decoration: underline dotted; background: rgba(234, 179, 8, 0.16);';
    span.textContent = original;
  }
  shadow.append(span);
  poolKeys.set(host, key);
  return host;
}
