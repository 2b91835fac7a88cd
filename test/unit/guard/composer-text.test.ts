import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { linesToHtml, normalizeForCompare, readComposerText, textMatches } from '../../../lib/guard/composer-text';

function editor(inner: string): Element {
  const { document } = parseHTML(`<!doctype html><html><body><div id="e" contenteditable="true">${inner}</div></body></html>`);
  return document.getElementById('e') as unknown as Element;
}

describe('readComposerText', () => {
  it('should read ProseMirror paragraphs as lines and ignore the trailing break', () => {
    expect(readComposerText(editor('<p>one</p><p>two <strong>bold</strong></p><p><br class="ProseMirror-trailingBreak"></p><p>four</p>'))).toBe(
      'one\ntwo bold\n\nfour',
    );
  });

  it('should read hard breaks inside a paragraph as new lines', () => {
    expect(readComposerText(editor('<p>a<br>b<br class="ProseMirror-trailingBreak"></p>'))).toBe('a\nb');
  });

  it("should read Quill's empty lines (<p><br></p>) as empty lines", () => {
    expect(readComposerText(editor('<p>first</p><p><br></p><p>third</p>'))).toBe('first\n\nthird');
  });

  it('should read lists and nested blocks line by line', () => {
    expect(readComposerText(editor('<ul><li><p>x</p></li><li><p>y</p></li></ul><p>z</p>'))).toBe('x\ny\nz');
  });
});

describe('verification helpers', () => {
  it('should compare modulo spacing and trailing blank lines, but not content or line structure', () => {
    expect(textMatches('a  [EMAIL_1]\u00a0\nb\n\n', 'a [EMAIL_1]\nb')).toBe(true);
    expect(textMatches('a bob@example.com\nb', 'a [EMAIL_1]\nb')).toBe(false);
    expect(textMatches('a b', 'a\nb')).toBe(false);
    expect(normalizeForCompare('\n\nx\n')).toBe('x');
  });

  it('should escape HTML when building paste markup', () => {
    expect(linesToHtml('<b>&\n\nok')).toBe('<p>&lt;b&gt;&amp;</p><p></p><p>ok</p>');
  });
});
