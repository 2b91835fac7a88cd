/**
 * The private channel between the MAIN-world network guard and the isolated-world guard.
 *
 * Handshake: at document_start, before any page script exists, the MAIN world creates a MessageChannel and posts one
 * end to the window once (HANDSHAKE_TYPE). The isolated world's document_start listener takes the first such message,
 * stops its propagation (so listeners added later, i.e. the page's, never see it) and keeps the port. Later handshakes
 * are ignored on both sides. From then on all traffic runs over the port, which page scripts cannot reach.
 *
 * What crosses: the page's own outgoing text (MAIN → isolated) and already-scrubbed text (isolated → MAIN). Vault
 * values never cross.
 */

export const HANDSHAKE_TYPE = 'chatwarden:network-bridge';

/** MAIN → isolated. */
export type MainToIsolated = { type: 'scrub'; id: number; strings: string[] };

export type FailMode = 'closed' | 'open';

/** Isolated → MAIN. */
export type IsolatedToMain =
  /** The guard is up (or changed mode). `active: false` = protection off for this tab (site disabled or paused). */
  | { type: 'config'; active: boolean; failMode: FailMode }
  | { type: 'scrubbed'; id: number; strings: string[] }
  | { type: 'scrub-failed'; id: number };

/** Upper bounds a message must respect to be processed (a malformed message is dropped, never half-applied). */
export const MAX_STRINGS_PER_REQUEST = 10_000;

export function isStringArray(value: unknown, maxLength = MAX_STRINGS_PER_REQUEST): value is string[] {
  return Array.isArray(value) && value.length <= maxLength && value.every((item) => typeof item === 'string');
}

export function parseMainToIsolated(data: unknown): MainToIsolated | null {
  if (typeof data !== 'object' || data === null) return null;
  const message = data as Record<string, unknown>;
  if (message.type !== 'scrub' || !Number.isSafeInteger(message.id) || !isStringArray(message.strings)) return null;
  return { type: 'scrub', id: message.id as number, strings: message.strings };
}

export function parseIsolatedToMain(data: unknown): IsolatedToMain | null {
  if (typeof data !== 'object' || data === null) return null;
  const message = data as Record<string, unknown>;
  switch (message.type) {
    case 'config':
      if (typeof message.active !== 'boolean' || (message.failMode !== 'closed' && message.failMode !== 'open')) {
        return null;
      }
      return { type: 'config', active: message.active, failMode: message.failMode };
    case 'scrubbed':
      if (!Number.isSafeInteger(message.id) || !isStringArray(message.strings)) return null;
      return { type: 'scrubbed', id: message.id as number, strings: message.strings };
    case 'scrub-failed':
      if (!Number.isSafeInteger(message.id)) return null;
      return { type: 'scrub-failed', id: message.id as number };
    default:
      return null;
  }
}
