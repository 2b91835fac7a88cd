/**
 * The sites' own API endpoints whose request bodies the MAIN-world network guard scrubs, and which string fields of
 * each body carry user text. Data only: the MAIN world and the unit tests both read it. Sources: ../shared research
 * chat-sites.md, "Network" section of each site (ALC, CUE, GAPI, IDX).
 */
import type { SiteId } from '../../policy/types';

/**
 * A path into a JSON document: object keys and array indexes; `*` matches any single key or index.
 * A path selects string leaves only; other values at that path are left alone.
 */
export type JsonPath = ReadonlyArray<string | number>;

export type BodyFormat =
  /** The body is a JSON document; `fields` are paths into it. */
  | { kind: 'json'; fields: readonly JsonPath[] }
  /**
   * Gemini's batchexecute-style form: `f.req=<urlencoded JSON>` where `outer[1]` is itself a JSON string. `fields` are
   * paths into that inner JSON (urlencoded string or FormData with an `f.req` entry).
   */
  | { kind: 'gemini-freq'; fields: readonly JsonPath[] };

export interface NetworkEndpoint {
  site: SiteId;
  /** Short name for messages and tests. */
  name: string;
  host: string;
  /** Matched against the URL's pathname (query excluded; Claude added query strings in 2026-08, ALC). */
  path: RegExp;
  methods: readonly string[];
  body: BodyFormat;
}

const CHATGPT_MESSAGE_TEXT: readonly JsonPath[] = [
  ['messages', '*', 'content', 'parts', '*'],
  ['messages', '*', 'content', 'parts', '*', 'text'],
  ['messages', '*', 'content', 'text'],
];

/** `/prepare` sends the composer draft while the user is still typing (IDX): the same message shape under partial_query. */
const CHATGPT_DRAFT_TEXT: readonly JsonPath[] = [
  ['partial_query', 'content', 'parts', '*'],
  ['partial_query', 'content', 'parts', '*', 'text'],
  ['partial_query', 'content', 'text'],
];

export const NETWORK_ENDPOINTS: readonly NetworkEndpoint[] = [
  {
    site: 'chatgpt',
    name: 'chatgpt-prepare',
    host: 'chatgpt.com',
    path: /^\/backend-api\/(?:f\/)?conversation\/prepare\/?$/,
    methods: ['POST'],
    body: { kind: 'json', fields: [...CHATGPT_DRAFT_TEXT, ...CHATGPT_MESSAGE_TEXT] },
  },
  {
    site: 'chatgpt',
    // `/f/conversation` since 2025-26; the legacy `/conversation` is still matched by KCG.
    name: 'chatgpt-conversation',
    host: 'chatgpt.com',
    path: /^\/backend-api\/(?:f\/)?conversation\/?$/,
    methods: ['POST'],
    body: { kind: 'json', fields: [...CHATGPT_MESSAGE_TEXT, ...CHATGPT_DRAFT_TEXT] },
  },
  {
    site: 'claude',
    name: 'claude-completion',
    host: 'claude.ai',
    path: /^\/api\/organizations\/[^/]+\/chat_conversations\/[^/]+\/(?:retry_)?completion\/?$/,
    methods: ['POST'],
    body: { kind: 'json', fields: [['prompt'], ['attachments', '*', 'extracted_content']] },
  },
  {
    site: 'gemini',
    name: 'gemini-stream-generate',
    host: 'gemini.google.com',
    // Optional `/u/N` account prefix (unnamed public code).
    path: /^(?:\/u\/\d+)?\/_\/BardChatUi\/data\/assistant\.lamda\.BardFrontendService\/StreamGenerate\/?$/,
    methods: ['POST'],
    // inner[0][0] is the prompt (ALC, GAPI); inner[0][3][i][2] carries an attached file's text where the page inlines
    // it (the replica does). A false positive there breaks one send visibly; a miss would leak silently.
    body: { kind: 'gemini-freq', fields: [[0, 0], [0, 3, '*', 2]] },
  },
];

/** The endpoint a request goes to, or null when the guard leaves it alone. `url` must be absolute. */
export function matchEndpoint(url: string, method: string): NetworkEndpoint | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  const upperMethod = method.toUpperCase();
  const pathname = normalizePathname(parsed.pathname);
  for (const endpoint of NETWORK_ENDPOINTS) {
    if (parsed.hostname !== endpoint.host) continue;
    if (!endpoint.methods.includes(upperMethod)) continue;
    if (endpoint.path.test(pathname)) return endpoint;
  }
  return null;
}

/** Servers treat `%63onversation` and `//` like the plain path; so does the matcher, so a script cannot dodge it that way. */
function normalizePathname(pathname: string): string {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // Malformed escapes: match the raw path.
  }
  return decoded.replace(/\/{2,}/g, '/');
}
