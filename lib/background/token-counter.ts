/**
 * Prompt token counts for the guard's token budget, computed here in the service worker so the chat page's main thread
 * never parses the 2 MB rank table. The ranks load on the first count, not at service-worker start.
 */
import type { Tiktoken } from 'js-tiktoken/lite';
import type { TokenCount } from '../messaging/protocol';

const ENCODING = 'o200k_base' as const;
let encoder: Promise<Tiktoken> | null = null;

function loadEncoder(): Promise<Tiktoken> {
  encoder ??= Promise.all([import('js-tiktoken/lite'), import('js-tiktoken/ranks/o200k_base')])
    .then(([{ Tiktoken }, ranks]) => new Tiktoken(ranks.default))
    .catch((error: unknown) => {
      encoder = null;
      throw error;
    });
  return encoder;
}

/** Starts loading the ranks in the background (a tab whose policy has a token budget said hello). */
export function warmTokenCounter(): void {
  loadEncoder().catch(() => undefined);
}

export async function countTokens(text: string): Promise<TokenCount> {
  const tiktoken = await loadEncoder();
  // Special-token text typed by a user is counted as ordinary text, never as a control token.
  return { tokens: tiktoken.encode(text, [], []).length, encoding: ENCODING };
}
