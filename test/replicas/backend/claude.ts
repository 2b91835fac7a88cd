// claude.ai backend: conversation creation and the completion SSE (content_block_delta events).

import { randomUUID } from 'node:crypto';
import type { ReplyQueue } from './reply-script';
import { jsonResponse, type BackendRequest, type RecordedRequest, type ReplicaResponse } from './types';
import { parseJson } from './decode';

interface CompletionBody {
  prompt?: string;
  attachments?: { file_name?: string; extracted_content?: string }[];
  turn_message_uuids?: { human_message_uuid?: string; assistant_message_uuid?: string };
}

export function classifyClaude(method: string, url: URL): string {
  if (method === 'POST' && /^\/api\/organizations\/[^/]+\/chat_conversations\/[^/]+\/(retry_)?completion$/.test(url.pathname)) return 'completion';
  if (method === 'POST' && /^\/api\/organizations\/[^/]+\/chat_conversations$/.test(url.pathname)) return 'create-conversation';
  if (url.pathname.startsWith('/api/')) return 'api-other';
  return 'page';
}

/** The user text a recorded Claude request carries: the prompt and every attachment's extracted content. */
export function decodeClaude(request: RecordedRequest): string[] {
  if (request.kind === 'create-conversation') {
    const name = parseJson<{ name?: string }>(request.body)?.name;
    return name ? [name] : [];
  }
  if (request.kind !== 'completion') return [];
  const body = parseJson<CompletionBody>(request.body) ?? {};
  return [body.prompt ?? '', ...(body.attachments ?? []).map((attachment) => attachment.extracted_content ?? '')].filter((text) => text !== '');
}

function sse(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export function handleClaude(request: BackendRequest, kind: string, replies: ReplyQueue): ReplicaResponse {
  if (kind === 'create-conversation') {
    const body = parseJson<{ uuid?: string; name?: string }>(request.body) ?? {};
    return jsonResponse({ uuid: body.uuid ?? randomUUID(), name: body.name ?? '', summary: '', model: null, created_at: new Date().toISOString() }, 201);
  }
  if (kind !== 'completion') return jsonResponse({});

  const body = parseJson<CompletionBody>(request.body) ?? {};
  const { chunks, delayMs } = replies.take('claude', body.prompt ?? '');
  const now = new Date().toISOString();
  const head =
    sse('message_start', {
      type: 'message_start',
      message: {
        id: `chatcompl_${randomUUID().replace(/-/g, '').slice(0, 24)}`,
        type: 'message',
        role: 'assistant',
        model: '',
        parent_uuid: body.turn_message_uuids?.human_message_uuid ?? randomUUID(),
        uuid: body.turn_message_uuids?.assistant_message_uuid ?? randomUUID(),
        content: [],
        stop_reason: null,
        stop_sequence: null,
      },
    }) +
    sse('content_block_start', { type: 'content_block_start', index: 0, content_block: { start_timestamp: now, stop_timestamp: null, type: 'text', text: '', citations: [] } });
  const parts = chunks.map((text) => sse('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }));
  parts.push(
    sse('content_block_stop', { type: 'content_block_stop', index: 0, stop_timestamp: new Date().toISOString() }) +
      sse('message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null } }) +
      sse('message_limit', { type: 'message_limit', message_limit: { type: 'within_limit', resetsAt: null, remaining: null, perModelLimit: null } }) +
      sse('message_stop', { type: 'message_stop' }),
  );
  return {
    status: 200,
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' },
    head,
    parts,
    delayMs,
    stream: true,
  };
}
