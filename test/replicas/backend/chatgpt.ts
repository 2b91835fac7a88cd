// chatgpt.com backend: /prepare, /f/conversation (v1 delta-encoded event stream), /files; and the decoder that
// pulls the user's text out of recorded bodies.

import { randomUUID } from 'node:crypto';
import type { ReplyQueue } from './reply-script';
import { jsonResponse, type BackendRequest, type RecordedRequest, type ReplicaResponse } from './types';
import { multipartTexts, parseJson } from './decode';

interface ConversationBody {
  conversation_id?: string;
  messages?: { content?: { parts?: unknown[] } }[];
  partial_query?: { content?: { parts?: unknown[] } };
}

export function classifyChatGpt(method: string, url: URL): string {
  if (method === 'POST' && url.pathname === '/backend-api/f/conversation/prepare') return 'prepare';
  if (method === 'POST' && /^\/backend-api\/(f\/)?conversation$/.test(url.pathname)) return 'conversation';
  if (method === 'POST' && url.pathname === '/backend-api/files') return 'files';
  if (url.pathname.startsWith('/backend-api/')) return 'api-other';
  return 'page';
}

function stringParts(parts: unknown[] | undefined): string[] {
  return (parts ?? []).filter((part): part is string => typeof part === 'string');
}

/** The user text a recorded ChatGPT request carries. */
export function decodeChatGpt(request: RecordedRequest): string[] {
  if (request.kind === 'prepare') return stringParts(parseJson<ConversationBody>(request.body)?.partial_query?.content?.parts);
  if (request.kind === 'conversation') {
    return (parseJson<ConversationBody>(request.body)?.messages ?? []).flatMap((message) => stringParts(message.content?.parts));
  }
  if (request.kind === 'files') return multipartTexts(request);
  return [];
}

function sse(event: string | undefined, data: unknown): string {
  return `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
}

export function handleChatGpt(request: BackendRequest, kind: string, replies: ReplyQueue): ReplicaResponse {
  if (kind === 'prepare') return jsonResponse({ status: 'ok', conduit_token: `replica-conduit-${randomUUID()}` });
  if (kind === 'files') return jsonResponse({ status: 'success', file_id: `file-${randomUUID().replace(/-/g, '').slice(0, 22)}` });
  if (kind !== 'conversation') return jsonResponse({});

  const body = parseJson<ConversationBody>(request.body) ?? {};
  const prompt = (body.messages ?? []).flatMap((message) => stringParts(message.content?.parts)).join('\n');
  const { chunks, delayMs } = replies.take('chatgpt', prompt);
  const conversationId = body.conversation_id ?? randomUUID();
  const messageId = randomUUID();
  const head =
    sse('delta_encoding', '"v1"') +
    sse('delta', {
      p: '',
      o: 'add',
      v: {
        message: {
          id: messageId,
          author: { role: 'assistant', name: null, metadata: {} },
          create_time: Date.now() / 1000,
          content: { content_type: 'text', parts: [''] },
          status: 'in_progress',
          end_turn: null,
          metadata: { model_slug: 'gpt-5-replica' },
          recipient: 'all',
          channel: 'final',
        },
        conversation_id: conversationId,
        error: null,
      },
      c: 0,
    });
  // First chunk: a full append op; middle chunks: the {"v": ...} shorthand; last chunk: inside a patch that also
  // finishes the message, as the live stream does.
  const parts = chunks.map((chunk, index) => {
    if (index === chunks.length - 1) {
      return sse('delta', {
        p: '',
        o: 'patch',
        v: [
          { p: '/message/content/parts/0', o: 'append', v: chunk },
          { p: '/message/status', o: 'replace', v: 'finished_successfully' },
          { p: '/message/end_turn', o: 'replace', v: true },
          { p: '/message/metadata', o: 'append', v: { is_complete: true, finish_details: { type: 'stop', stop_tokens: [200002] } } },
        ],
      });
    }
    if (index === 0) return sse('delta', { p: '/message/content/parts/0', o: 'append', v: chunk });
    return sse('delta', { v: chunk });
  });
  parts.push(sse(undefined, { type: 'message_stream_complete', conversation_id: conversationId }) + sse(undefined, '[DONE]'));
  return {
    status: 200,
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' },
    head,
    parts,
    delayMs,
    stream: true,
  };
}
