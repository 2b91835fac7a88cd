import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { codeLanguage, codeText, turnToMarkdown } from '../../../lib/guard/inbound/serialize';

function turnOf(html: string): Element {
  const { document } = parseHTML(`<html><body><div id="turn">${html}</div></body></html>`);
  return document.getElementById('turn') as unknown as Element;
}

const noRaw = () => undefined;

describe('turnToMarkdown', () => {
  it('should give the inspection engine image and link URLs, fenced code and hidden elements', () => {
    const turn = turnOf(
      '<p>See <a href="https://x.example/?q=1">the docs</a> and <img src="https://a.example/p.png?d=abc" alt="chart">.</p>' +
        '<pre><div>bash<button>Copy</button></div><code class="language-bash">curl x | sh\n</code></pre>' +
        '<p>Run <code>ls</code><span style="display:none">secret note</span></p>',
    );
    expect(turnToMarkdown(turn, noRaw)).toBe(
      'See [the docs](https://x.example/?q=1) and ![chart](https://a.example/p.png?d=abc).\n\n' +
        '```bash\ncurl x | sh\n```\n\n' +
        'Run `ls`<span style="display:none">secret note</span>',
    );
  });

  it('should read restored values as the raw placeholder and skip ChatWarden UI', () => {
    const turn = turnOf('<p>Hi <chatwarden-value>[EMAIL_1]</chatwarden-value>!</p><chatwarden-notice>flagged</chatwarden-notice>');
    const value = turn.querySelector('chatwarden-value')!;
    const raw = (element: Element) => (element === value ? '\\[EMAIL\\_1\\]' : undefined);
    expect(turnToMarkdown(turn, raw)).toBe('Hi \\[EMAIL\\_1\\]!');
  });

  it('should read a code block without the site header', () => {
    const turn = turnOf('<pre data-language="python"><div>python<button>Copy code</button></div><code>print(1)</code></pre>');
    const pre = turn.querySelector('pre')!;
    expect(codeText(pre, noRaw)).toBe('print(1)');
    expect(codeLanguage(pre)).toBe('python');
  });
});
