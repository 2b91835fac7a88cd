// Scripted replies: a test queues what the next reply on a site streams; otherwise the backend echoes the prompt.

import type { ScriptedReply, SiteId } from './types';

export const DEFAULT_CHUNK_DELAY_MS = 15;

export class ReplyQueue {
  private readonly queues = new Map<SiteId, ScriptedReply[]>();

  /** Queues the reply for the next send on `site` (FIFO when called more than once). */
  scriptNext(site: SiteId, reply: ScriptedReply): void {
    if (reply.chunks.length === 0) throw new Error('a scripted reply needs at least one chunk');
    const queue = this.queues.get(site) ?? [];
    queue.push({ ...reply, chunks: [...reply.chunks] });
    this.queues.set(site, queue);
  }

  /** The scripted reply for this send, or the default echo of what the backend received. */
  take(site: SiteId, receivedPrompt: string): Required<ScriptedReply> {
    const scripted = this.queues.get(site)?.shift();
    if (scripted) return { chunks: scripted.chunks, delayMs: scripted.delayMs ?? DEFAULT_CHUNK_DELAY_MS };
    return { chunks: splitIntoWordChunks(echoText(receivedPrompt)), delayMs: DEFAULT_CHUNK_DELAY_MS };
  }

  clear(): void {
    this.queues.clear();
  }

  pending(site: SiteId): number {
    return this.queues.get(site)?.length ?? 0;
  }
}

/** The default reply: the prompt exactly as the backend received it (placeholders included). */
export function echoText(receivedPrompt: string): string {
  return `You said: ${receivedPrompt}`;
}

/** Splits text into about `count` chunks of similar length, at arbitrary positions (may split words and placeholders). */
export function splitIntoChunks(text: string, count: number): string[] {
  const size = Math.max(1, Math.ceil(text.length / Math.max(1, count)));
  const chunks: string[] = [];
  for (let index = 0; index < text.length; index += size) chunks.push(text.slice(index, index + size));
  return chunks.length > 0 ? chunks : [''];
}

/** Splits after every few words so the echo streams like a model, with the text reassembling exactly. */
export function splitIntoWordChunks(text: string, wordsPerChunk = 3): string[] {
  const words = text.match(/\S+\s*|\s+/g) ?? [''];
  const chunks: string[] = [];
  for (let index = 0; index < words.length; index += wordsPerChunk) chunks.push(words.slice(index, index + wordsPerChunk).join(''));
  return chunks;
}

/** Splits so that the first chunk ends `offset` characters into `marker` (e.g. in the middle of "[EMAIL_1]"). */
export function splitInside(text: string, marker: string, offset = Math.floor(marker.length / 2)): string[] {
  const at = text.indexOf(marker);
  if (at === -1) throw new Error(`splitInside: "${marker}" is not in the reply text`);
  return [text.slice(0, at + offset), text.slice(at + offset)];
}
