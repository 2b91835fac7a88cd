import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { Restorer, isInUrlContext, type RestoreSpan } from '../../../lib/guard/inbound/restore';

const VAULT: Record<string, string> = { EMAIL_1: 'bob@example.com', PHONE_2: '+1 555 0100' };

/** Stand-in for lib/anonymize findPlaceholders: case-insensitive, brackets optional, markdown escapes allowed. */
function findPlaceholders(text: string): RestoreSpan[] {
  const spans: RestoreSpan[] = [];
  for (const match of text.matchAll(/\\?\[?\b([A-Za-z]+)\\?_(\d+)\b\\?\]?/g)) {
    const key = `${match[1]!.toUpperCase()}_${match[2]}`;
    const original = VAULT[key];
    if (original) spans.push({ start: match.index!, end: match.index! + match[0].length, placeholder: `[${key}]`, original });
  }
  return spans;
}

/** Test double of the closed-shadow element: the original sits in a data attribute the assertions can read. */
function createValue(doc: Document, raw: string, placeholder: string, original: string): Element {
  const element = doc.createElement('chatwarden-value');
  element.setAttribute('data-placeholder', placeholder);
  element.setAttribute('data-test-original', original);
  element.textContent = raw;
  return element;
}

function setup(html: string) {
  const { document } = parseHTML(`<html><body><div id="turn">${html}</div></body></html>`);
  const turn = document.getElementById('turn') as unknown as Element;
  const restorer = new Restorer(findPlaceholders, createValue);
  return { document, turn, restorer, restore: () => restorer.process(turn, turn) };
}

/** What the user sees: text with each restored value shown as its original. */
function displayed(root: Element): string {
  let out = '';
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += (child as Text).data;
      else if ((child as Element).tagName === 'CHATWARDEN-VALUE') out += (child as Element).getAttribute('data-test-original');
      else walk(child);
    }
  };
  walk(root);
  return out;
}

const values = (root: Element) => Array.from(root.querySelectorAll('chatwarden-value'));

describe('Restorer', () => {
  it('should show the original in place of a placeholder and keep the raw text in the light DOM', () => {
    const { turn, restore } = setup('<p>Sure, I will mail [EMAIL_1] today.</p>');
    expect(restore()).toBe(true);
    expect(values(turn)).toHaveLength(1);
    expect(displayed(turn)).toBe('Sure, I will mail bob@example.com today.');
    expect(turn.textContent).toBe('Sure, I will mail [EMAIL_1] today.');
    expect(values(turn)[0]!.getAttribute('data-placeholder')).toBe('[EMAIL_1]');
  });

  it('should restore a placeholder split across text nodes and inline elements', () => {
    const { document, turn, restore } = setup('<p id="p"></p><p>Call <em>PHONE</em>_2 now</p>');
    const paragraph = document.getElementById('p') as unknown as Element;
    paragraph.append(document.createTextNode('Mail [EMA'), document.createTextNode('IL_1] please'));
    restore();
    expect(displayed(turn)).toBe('Mail bob@example.com pleaseCall +1 555 0100 now');
    expect(values(turn)).toHaveLength(2);
  });

  it('should tolerate case changes and markdown-escaped brackets', () => {
    const { turn, restore } = setup('<p>a email_1 b \\[EMAIL\\_1\\] c</p>');
    restore();
    expect(displayed(turn)).toBe('a bob@example.com b bob@example.com c');
  });

  it('should never restore into attributes, URLs written in text, code the page runs or editable fields', () => {
    const { turn, restore } = setup(
      '<p><a href="https://x.example/?q=[EMAIL_1]">[EMAIL_1]</a> <img src="https://x.example/[EMAIL_1].png" alt="[EMAIL_1]"></p>' +
        '<p>see https://attacker.example/log?d=[EMAIL_1] and ![x](https://a.example/[EMAIL_1])</p>' +
        '<script>var a = "[EMAIL_1]"</script><style>/* [EMAIL_1] */</style>' +
        '<textarea>[EMAIL_1]</textarea><div contenteditable="true"><p>[EMAIL_1]</p></div>',
    );
    restore();
    expect(values(turn)).toHaveLength(1);
    const link = turn.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://x.example/?q=[EMAIL_1]');
    expect(displayed(link)).toBe('bob@example.com');
    expect(turn.querySelector('img')!.getAttribute('src')).toBe('https://x.example/[EMAIL_1].png');
    expect(turn.querySelector('img')!.getAttribute('alt')).toBe('[EMAIL_1]');
    expect(turn.querySelector('script')!.textContent).toBe('var a = "[EMAIL_1]"');
    expect(turn.querySelector('textarea')!.textContent).toBe('[EMAIL_1]');
    expect(turn.querySelector('[contenteditable] p')!.textContent).toBe('[EMAIL_1]');
    expect(displayed(turn.querySelectorAll('p')[1]!)).toContain('log?d=[EMAIL_1]');
  });

  it('should redo its work when the renderer rewrites a text node it split', () => {
    const { document, turn, restore } = setup('<p id="p"></p>');
    const paragraph = document.getElementById('p') as unknown as Element;
    const streamed = document.createTextNode('Sure, [EMAIL_1]');
    paragraph.append(streamed);
    restore();
    // The renderer (React) keeps its own node and sets its full text on the next chunk.
    streamed.data = 'Sure, [EMAIL_1]. And [PHONE_2] too.';
    restore();
    expect(displayed(turn)).toBe('Sure, bob@example.com. And +1 555 0100 too.');
    expect(values(turn)).toHaveLength(2);
    expect(turn.textContent).toBe('Sure, [EMAIL_1]. And [PHONE_2] too.');
  });

  it('should handle a renderer that replaces the whole block content', () => {
    const { document, turn, restore } = setup('<p id="p">one [EMAIL_1]</p>');
    restore();
    const paragraph = document.getElementById('p') as unknown as Element;
    paragraph.innerHTML = 'two [EMAIL_1] and [EMAIL_1]';
    restore();
    expect(displayed(turn)).toBe('two bob@example.com and bob@example.com');
    expect(values(turn)).toHaveLength(2);
  });

  it('should stop between blocks at the deadline and finish on the next call', () => {
    const { turn, restorer } = setup('<p>a [EMAIL_1]</p><p>b [EMAIL_1]</p><p>c [PHONE_2]</p>');
    expect(restorer.process(turn, turn, 0)).toBe(false);
    expect(values(turn).length).toBeLessThan(3);
    expect(restorer.process(turn, turn)).toBe(true);
    expect(values(turn)).toHaveLength(3);
    expect(displayed(turn)).toBe('a bob@example.comb bob@example.comc +1 555 0100');
  });

  it('should be idempotent and undoable', () => {
    const { turn, restore, restorer } = setup('<ul><li>a [EMAIL_1] b [PHONE_2]</li></ul>');
    restore();
    const once = turn.innerHTML;
    restore();
    expect(turn.innerHTML).toBe(once);
    restorer.revertAll(turn);
    expect(values(turn)).toHaveLength(0);
    expect(turn.textContent).toBe('a [EMAIL_1] b [PHONE_2]');
  });
});

describe('isInUrlContext', () => {
  it('should recognise tokens inside spelled-out URLs', () => {
    const text = 'go https://x.example/?q=[EMAIL_1] or [EMAIL_1] or ](http://y/[EMAIL_1]';
    expect(isInUrlContext(text, text.indexOf('[EMAIL_1]'))).toBe(true);
    expect(isInUrlContext(text, text.indexOf('or [EMAIL_1]') + 3)).toBe(false);
    expect(isInUrlContext(text, text.lastIndexOf('[EMAIL_1]'))).toBe(true);
    expect(isInUrlContext('token=[EMAIL_1]', 6)).toBe(true);
  });
});

describe('cssStringLiteral', () => {
  it('should escape everything that could end the string or the rule', async () => {
    const { cssStringLiteral } = await import('../../../lib/guard/inbound/value-element');
    expect(cssStringLiteral('alice.smith@acme-corp.com')).toBe('"alice.smith@acme-corp.com"');
    expect(cssStringLiteral('a"b\\c\nd}')).toBe('"a\\22 b\\5c c\\a d\\7d "');
    expect(cssStringLiteral('é😀')).toBe('"\\e9 \\1f600 "');
  });
});
