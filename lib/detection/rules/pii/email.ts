import type { Rule } from '../../types';

/** File extensions that look like TLDs in `icon@2x.png` or `pkg@1.2.3.tgz` (real TLDs that collide are kept out). */
const FILE_EXTENSIONS = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'ico', 'bmp', 'tif', 'tiff', 'avif', 'js', 'mjs', 'cjs', 'ts', 'tsx', 'jsx',
  'css', 'scss', 'less', 'html', 'htm', 'json', 'yaml', 'yml', 'xml', 'txt', 'pdf', 'zip', 'gz', 'tgz', 'tar', 'mp4',
  'mp3', 'wav', 'lock', 'log', 'map', 'wasm', 'vue', 'svelte', 'woff', 'woff2', 'ttf', 'otf', 'csv', 'tsv',
]);

const MAX_LOCAL_PART = 64;
/** The domain after the `@`: labels separated by dots, ending in an alphabetic TLD. Sticky: runs only at an `@`. */
export const EMAIL_DOMAIN = /[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}(?![\w-])/iy;

function isLocalPartCode(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) ||
    code === 95 || code === 46 || code === 37 || code === 43 || code === 45
  );
}

/**
 * Whether the local part starting at `start` is the userinfo of a URL (`scheme://user:password@host`,
 * `https://key@o1.ingest.sentry.io`): walking back over the token, a `://` comes before any path, query, space or quote.
 * Those are credentials or DSNs, which the connection-string and vendor rules report, not a mailbox.
 */
function inUrlUserinfo(text: string, start: number): boolean {
  for (let i = start - 1, limit = Math.max(0, start - 512); i >= limit; i--) {
    const code = text.charCodeAt(i);
    if (code === 47) return i >= 2 && text.charCodeAt(i - 1) === 47 && text.charCodeAt(i - 2) === 58; // "://"
    // Whitespace, quotes, brackets, `?`, `#`, `@`: the token (or the authority) ended without a scheme.
    if (code <= 32 || code === 34 || code === 39 || code === 96 || code === 60 || code === 62 || code === 63 || code === 35 || code === 64) return false;
  }
  return false;
}

/**
 * Anchored on each `@` (found with indexOf) instead of a regex that starts at every word: the local part is read
 * backwards (at most 64 characters), the domain with a sticky regex. Linear, and far cheaper on code-heavy text.
 */
function recognizeEmails(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  let lastEnd = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > lastEnd && at - start <= MAX_LOCAL_PART && isLocalPartCode(text.charCodeAt(start - 1))) start--;
    // Longer than 64 characters, or running into the previous address: not a local part.
    if (at - start > MAX_LOCAL_PART || (start > 0 && isLocalPartCode(text.charCodeAt(start - 1)))) continue;
    while (start < at && text.charCodeAt(start) === 46) start++;
    if (start === at || inUrlUserinfo(text, start)) continue;
    EMAIL_DOMAIN.lastIndex = at + 1;
    const domain = EMAIL_DOMAIN.exec(text);
    if (!domain) continue;
    const end = at + 1 + domain[0].length;
    spans.push({ start, end });
    lastEnd = end;
  }
  return spans;
}

export const emailRule: Rule = {
  id: 'email-address',
  kind: 'pii',
  type: 'EMAIL',
  description: 'Email address: identifies a person or mailbox and invites phishing and spam if it leaks.',
  recognize: recognizeEmails,
  innerPatterns: [EMAIL_DOMAIN],
  keywords: ['@'],
  confidence: 0.9,
  context: ['email', 'e-mail', 'mail', 'contact', 'reach', 'address', 'courriel'],
  // SSH remotes (git@github.com:org/repo) are not a person's mailbox.
  allowlist: [/^git@/i],
  validate: (value) => {
    const at = value.lastIndexOf('@');
    const local = value.slice(0, at);
    const domain = value.slice(at + 1).toLowerCase();
    if (local.endsWith('.') || local.includes('..')) return false;
    const labels = domain.split('.');
    if (labels.some((label) => label.length === 0 || label.length > 63 || label.startsWith('-') || label.endsWith('-'))) return false;
    if (FILE_EXTENSIONS.has(labels[labels.length - 1]!)) return false;
    // `logo@2x.webp`, `font@3x`: retina suffixes, not domains.
    if (/^\d+x$/.test(labels[0]!)) return false;
    return true;
  },
  examples: {
    positive: [
      { text: 'You can reach me at jane.doe+work@acme-corp.co.uk tomorrow.', match: 'jane.doe+work@acme-corp.co.uk' },
      'Send the report to MARKUS.WEBER@Beispiel-GmbH.DE please',
      '<a href="mailto:priya_r@mail.example.org">mail</a>',
    ],
    negative: [
      'git clone git@github.com:acme/widgets.git', // SSH remote
      'background: url(icons/logo@2x.png);', // retina asset
      'npm install left-pad@1.3.0', // package version
      'ssh deploy@10.0.4.12', // host is an IP, no TLD
      'Use the @Component decorator and @media queries.',
      'DATABASE_URL=postgres://app:s3cr3t.pw@db.internal.example.com:5432/orders', // URL credentials, not a mailbox
      'SENTRY_DSN=https://1f2e3d4c5b6a@o12345.ingest.sentry.io/678', // a DSN key
    ],
  },
};
