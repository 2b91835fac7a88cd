/**
 * A rendered reply back to markdown-ish text for the inspection engine: images and links as `![alt](src)` and
 * `[text](href)` (their URLs are what exfiltration hides in), code blocks fenced with their language, elements the
 * page hides kept as a hidden-styled span (hidden markup), restored values as the raw placeholder the reply held.
 */
import { RESTORED_TAG, isBlock } from './text-runs';

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'BUTTON', 'SVG', 'TEXTAREA', 'INPUT', 'SELECT']);

export function codeLanguage(pre: Element): string {
  const code = pre.querySelector('code') ?? pre;
  const fromClass = /(?:^|\s)(?:language|lang)-([\w+#.-]+)/.exec(code.getAttribute('class') ?? '')?.[1];
  return fromClass ?? pre.getAttribute('data-language') ?? '';
}

/** The code text of a <pre>, without the site's header (language label, copy button). */
export function codeText(pre: Element, rawOf: (element: Element) => string | undefined): string {
  const code = pre.querySelector('code') ?? pre;
  return plainText(code, rawOf);
}

function plainText(root: Node, rawOf: (element: Element) => string | undefined): string {
  let out = '';
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += (child as Text).data;
      else if (child.nodeType === 1) {
        const element = child as Element;
        const tag = element.tagName.toUpperCase();
        if (tag === RESTORED_TAG) out += rawOf(element) ?? '';
        else if (tag === 'BR') out += '\n';
        else if (!SKIPPED.has(tag) && !tag.startsWith('CHATWARDEN-')) walk(element);
      }
    }
  };
  walk(root);
  return out;
}

function isHiddenByPage(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  const style = element.getAttribute('style') ?? '';
  return /display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0|opacity\s*:\s*0(?:\.0+)?\s*(?:;|$)/i.test(style);
}

export function turnToMarkdown(turn: Element, rawOf: (element: Element) => string | undefined): string {
  let out = '';
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        out += (child as Text).data;
        continue;
      }
      if (child.nodeType !== 1) continue;
      const element = child as Element;
      const tag = element.tagName.toUpperCase();
      if (tag === RESTORED_TAG) {
        out += rawOf(element) ?? '';
      } else if (SKIPPED.has(tag) || tag.startsWith('CHATWARDEN-')) {
        continue;
      } else if (tag === 'PRE') {
        out += `\n\`\`\`${codeLanguage(element)}\n${codeText(element, rawOf).replace(/\n$/, '')}\n\`\`\`\n`;
      } else if (tag === 'CODE') {
        out += `\`${plainText(element, rawOf)}\``;
      } else if (tag === 'IMG') {
        out += `![${element.getAttribute('alt') ?? ''}](${element.getAttribute('src') ?? ''})`;
      } else if (tag === 'A' && element.getAttribute('href')) {
        out += '[';
        walk(element);
        out += `](${element.getAttribute('href')})`;
      } else if (tag === 'BR') {
        out += '\n';
      } else if (isHiddenByPage(element)) {
        out += '<span style="display:none">';
        walk(element);
        out += '</span>';
      } else if (isBlock(element)) {
        out += '\n';
        walk(element);
        out += '\n';
      } else {
        walk(element);
      }
    }
  };
  walk(turn);
  return out.replace(/\n{3,}/g, '\n\n').trim();
}
