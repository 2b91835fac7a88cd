// A small markdown-ish renderer for replica replies. It covers what tests feed through the stream (paragraphs,
// fences, inline code, links, images, bold) and escapes raw HTML, as the real sites' renderers do.

const SAFE_URL = /^https?:\/\//i;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function renderInline(escaped: string): string {
  // Code spans first, so links inside them stay literal.
  return escaped
    .split(/(`[^`\n]+`)/)
    .map((part) => {
      if (part.length > 2 && part.startsWith('`') && part.endsWith('`')) return `<code>${part.slice(1, -1)}</code>`;
      return part
        .replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, (whole, alt: string, url: string) =>
          SAFE_URL.test(url) ? `<img src="${url}" alt="${alt}">` : whole,
        )
        .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (whole, label: string, url: string) =>
          SAFE_URL.test(url) ? `<a href="${url}" target="_blank" rel="noopener noreferrer">${label}</a>` : whole,
        )
        .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
    })
    .join('');
}

function renderBlock(block: string): string {
  const heading = /^(#{1,6}) (.*)$/.exec(block);
  if (heading && !block.includes('\n')) {
    const level = heading[1]!.length;
    return `<h${level}>${renderInline(escapeHtml(heading[2]!))}</h${level}>`;
  }
  const lines = block.split('\n');
  if (lines.every((line) => /^[-*] /.test(line))) {
    return `<ul>${lines.map((line) => `<li>${renderInline(escapeHtml(line.slice(2)))}</li>`).join('')}</ul>`;
  }
  return `<p>${lines.map((line) => renderInline(escapeHtml(line))).join('<br>')}</p>`;
}

/** Renders the text received so far; an unterminated fence (mid-stream) renders as an open code block. */
export function renderMarkdown(text: string): string {
  const html: string[] = [];
  const fence = /```([\w+-]*)[^\n]*\n([\s\S]*?)(?:\n```|$)/g;
  let cursor = 0;
  for (let match = fence.exec(text); match; match = fence.exec(text)) {
    html.push(renderProse(text.slice(cursor, match.index)));
    const language = match[1] ? ` class="language-${escapeHtml(match[1])}"` : '';
    html.push(`<pre><code${language}>${escapeHtml(match[2] ?? '')}</code></pre>`);
    cursor = match.index + match[0].length;
    if (match[0].length === 0) break;
  }
  html.push(renderProse(text.slice(cursor)));
  return html.join('');
}

function renderProse(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((block) => block.replace(/^\n+|\n+$/g, ''))
    .filter((block) => block.length > 0)
    .map(renderBlock)
    .join('');
}
