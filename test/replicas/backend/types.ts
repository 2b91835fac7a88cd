// Node-side types shared by the replica backends, the recorder and the Playwright harness.

export type SiteId = 'chatgpt' | 'claude' | 'gemini';

export const SITE_HOSTS: Record<SiteId, string> = {
  chatgpt: 'chatgpt.com',
  claude: 'claude.ai',
  gemini: 'gemini.google.com',
};

/** One request as the browser sent it, before any reply. */
export interface RecordedRequest {
  /** Which replica received it, or 'external' for any other host (e.g. an exfiltration image). */
  site: SiteId | 'external';
  /**
   * What it is. chatgpt: 'prepare' | 'conversation' | 'files'; claude: 'create-conversation' | 'completion';
   * gemini: 'stream-generate'; every site: 'document' | 'asset' | 'api-other'; external hosts: 'external'.
   */
  kind: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  /** Request body as UTF-8 text ('' when there is none). */
  body: string;
  /** Date.now() when the route saw it. */
  time: number;
  /** Playwright resource type: document, script, fetch, xhr, image, ... */
  resourceType: string;
  /** 'service-worker' when the extension's (or a page's) service worker made it. */
  initiator: 'page' | 'service-worker';
}

/** A reply a test scripts for the next send on a site. */
export interface ScriptedReply {
  /** The reply text in stream order: each chunk is one event/frame on the wire, so a chunk may end mid-placeholder. */
  chunks: string[];
  /** Pause before each chunk after the first, in ms (default 15). */
  delayMs?: number;
}

/** What a replica backend answers; `parts` are written to the wire one by one, `delayMs` apart, when streamed. */
export interface ReplicaResponse {
  status: number;
  headers: Record<string, string>;
  /** Written immediately (e.g. SSE preamble). */
  head?: string;
  parts: string[];
  delayMs: number;
  /** True for replies the real site streams; the harness streams them over a real connection when it can. */
  stream: boolean;
}

export interface BackendRequest {
  method: string;
  url: URL;
  body: string;
}

export function jsonResponse(value: unknown, status = 200): ReplicaResponse {
  return { status, headers: { 'content-type': 'application/json' }, parts: [JSON.stringify(value)], delayMs: 0, stream: false };
}
