// gemini.google.com backend: StreamGenerate (f.req form body in, cumulative length-prefixed frames out).

import { randomBytes } from 'node:crypto';
import type { ReplyQueue } from './reply-script';
import { jsonResponse, type BackendRequest, type RecordedRequest, type ReplicaResponse } from './types';

export const STREAM_GENERATE_PATH = '/_/BardChatUi/data/assistant.lamda.BardFrontendService/StreamGenerate';

export function classifyGemini(method: string, url: URL): string {
  // An optional /u/N account prefix appears on the live site.
  const path = url.pathname.replace(/^\/u\/\d+/, '');
  if (method === 'POST' && path === STREAM_GENERATE_PATH) return 'stream-generate';
  if (path.startsWith('/_/')) return 'api-other';
  return 'page';
}

/** inner = JSON.parse(JSON.parse(f.req)[1]); inner[0] = [prompt, 0, null, files, ...]. */
export function decodeGeminiInner(body: string): unknown[] | undefined {
  const fReq = new URLSearchParams(body).get('f.req');
  if (!fReq) return undefined;
  try {
    const outer = JSON.parse(fReq) as unknown[];
    return typeof outer[1] === 'string' ? (JSON.parse(outer[1]) as unknown[]) : undefined;
  } catch {
    return undefined;
  }
}

/** The user text a recorded Gemini request carries: inner[0][0] and the text of attached files (inner[0][3][i][2]). */
export function decodeGemini(request: RecordedRequest): string[] {
  if (request.kind !== 'stream-generate') return [];
  const first = decodeGeminiInner(request.body)?.[0];
  if (!Array.isArray(first)) return [];
  const files = Array.isArray(first[3]) ? (first[3] as unknown[][]) : [];
  return [first[0], ...files.map((file) => (Array.isArray(file) ? file[2] : undefined))].filter(
    (text): text is string => typeof text === 'string' && text !== '',
  );
}

/** One length-prefixed frame: the length counts the UTF-16 code units of the JSON that follows the newline. */
export function geminiFrame(rows: unknown[]): string {
  const json = JSON.stringify(rows);
  return `${json.length}\n${json}\n`;
}

export function handleGemini(request: BackendRequest, kind: string, replies: ReplyQueue): ReplicaResponse {
  if (kind !== 'stream-generate') return jsonResponse([]);
  const inner = decodeGeminiInner(request.body);
  const first = inner?.[0];
  const prompt = Array.isArray(first) && typeof first[0] === 'string' ? first[0] : '';
  const previous = Array.isArray(inner?.[2]) ? (inner[2] as string[]) : [];
  const conversationId = previous[0] || `c_${randomBytes(8).toString('hex')}`;
  const responseId = `r_${randomBytes(8).toString('hex')}`;
  const choiceId = `rc_${randomBytes(8).toString('hex')}`;
  const { chunks, delayMs } = replies.take('gemini', prompt);
  let soFar = '';
  // Every frame repeats the whole text so far (cumulative), as the live stream does.
  const parts = chunks.map((chunk) => {
    soFar += chunk;
    const payload = [null, [conversationId, responseId], null, null, [[choiceId, [soFar], null, null, null, null, null, null, [1], 'und']]];
    return geminiFrame([['wrb.fr', null, JSON.stringify(payload)]]);
  });
  parts.push(geminiFrame([['di', 88], ['af.httprm', 87, '-2788813154345624848', 6]]) + geminiFrame([['e', 4, null, null, 1234]]));
  return {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache, no-store, max-age=0, must-revalidate' },
    head: ")]}'\n\n",
    parts,
    delayMs,
    stream: true,
  };
}
