/**
 * Isolated-world half of the network bridge (see protocol.ts for the handshake).
 *
 * Two steps, because the port must be caught before page scripts run but the scrubber (engine + conversation vault)
 * only exists once the guard has started:
 *  1. captureNetworkBridgePort() runs at document_start (entrypoints/network-bridge.content.ts) and parks the port,
 *     queueing scrub requests, on a global of the isolated world (shared by this extension's content scripts, invisible
 *     to the page).
 *  2. startNetworkBridge(scrub) is called by the guard (startGuard) and answers the queue and everything after.
 */
import {
  HANDSHAKE_TYPE,
  parseMainToIsolated,
  type FailMode,
  type IsolatedToMain,
  type MainToIsolated,
} from './protocol';

export type NetworkScrub = (strings: string[]) => string[];

export interface NetworkBridgeOptions {
  /** From policy.failMode: 'open' lets a request through when scrubbing is impossible. Default 'closed'. */
  failMode?: FailMode;
  /** false = protection off for this tab (site disabled or paused): the MAIN world lets requests through. Default true. */
  active?: boolean;
}

export interface NetworkBridgeHandle {
  /** Whether a port from the MAIN world was caught at document_start. */
  readonly connected: boolean;
  /** Policy changed or the user paused the tab. */
  setMode(options: NetworkBridgeOptions): void;
  /** Swap the scrubber (e.g. the conversation changed and the guard rebuilt it). */
  setScrub(scrub: NetworkScrub): void;
}

type Reply = (message: IsolatedToMain) => void;

interface BridgeHolder {
  port: MessagePort | null;
  /** Requests that arrived before the guard started; answered in order by startNetworkBridge. */
  queue: MainToIsolated[];
  onRequest: ((request: MainToIsolated) => void) | null;
  /** Set by startNetworkBridge when it ran before the port arrived (both at document_start). */
  onConnect: (() => void) | null;
  /** Set by startNetworkBridge: answers a request from this frame's or a child frame's MAIN world. */
  answer: ((request: MainToIsolated, reply: Reply) => void) | null;
  mode: Required<NetworkBridgeOptions> | null;
  /** Child frames (same-origin about:blank iframes) scrubbed by this frame's guard: they get its config too. */
  children: Set<Reply>;
}

const HOLDER_KEY = Symbol.for('chatwarden.network-bridge');
/** Queue bound before the guard starts: the MAIN world times those requests out anyway (fail closed). */
const MAX_QUEUED = 64;

function holderOf(scope: typeof globalThis): BridgeHolder | undefined {
  return (scope as unknown as Record<symbol, BridgeHolder | undefined>)[HOLDER_KEY];
}

/**
 * Catch the MAIN world's port. Must run at document_start in the isolated world: the first handshake wins, and it is
 * kept from every listener registered after this one (the page's).
 */
export function captureNetworkBridgePort(target: Window = window, scope: typeof globalThis = globalThis): void {
  if (holderOf(scope)) return;
  const holder: BridgeHolder = {
    port: null,
    queue: [],
    onRequest: null,
    onConnect: null,
    answer: null,
    mode: null,
    children: new Set(),
  };
  Object.defineProperty(scope, HOLDER_KEY, { value: holder, enumerable: false, configurable: false, writable: false });

  const onHandshake = (event: MessageEvent) => {
    if (event.source !== target || !event.isTrusted) return;
    const data = event.data as { type?: unknown } | null;
    if (typeof data !== 'object' || data === null || data.type !== HANDSHAKE_TYPE) return;
    const port = event.ports[0];
    if (!port) return;
    event.stopImmediatePropagation();
    target.removeEventListener('message', onHandshake, true);
    holder.port = port;
    // A same-origin child frame (a page script's about:blank iframe has pristine fetch/XHR, so the MAIN-world guard
    // runs there too) has no guard of its own: the top frame's guard scrubs for it.
    const top = topHolder(target);
    if (top) {
      const reply: Reply = (message) => port.postMessage(message);
      top.children.add(reply);
      if (top.mode) reply({ type: 'config', ...top.mode });
      port.onmessage = (portEvent: MessageEvent) => {
        const request = parseMainToIsolated(portEvent.data);
        if (!request) return;
        if (top.answer) top.answer(request, reply);
        else reply({ type: 'scrub-failed', id: request.id });
      };
      return;
    }
    port.onmessage = (portEvent: MessageEvent) => {
      const request = parseMainToIsolated(portEvent.data);
      if (!request) return;
      if (holder.onRequest) holder.onRequest(request);
      else if (holder.queue.length < MAX_QUEUED) holder.queue.push(request);
    };
    holder.onConnect?.();
  };
  target.addEventListener('message', onHandshake, true);
}

/** The top frame's holder when this is a same-origin child frame, else null. */
function topHolder(target: Window): BridgeHolder | null {
  try {
    if (target.top === target || !target.top) return null;
    return holderOf(target.top as unknown as typeof globalThis) ?? null;
  } catch {
    return null; // cross-origin parent
  }
}

function send(port: MessagePort, message: IsolatedToMain): void {
  port.postMessage(message);
}

/**
 * Start answering the MAIN world's scrub requests with `scrub` (synchronous redaction with the engine and the current
 * conversation's vault; it must return only scrubbed text, never vault values). Call once per page from startGuard.
 */
export function startNetworkBridge(
  scrub: NetworkScrub,
  options: NetworkBridgeOptions = {},
  scope: typeof globalThis = globalThis,
): NetworkBridgeHandle {
  const holder = holderOf(scope);
  let currentScrub = scrub;
  let mode: Required<NetworkBridgeOptions> = { failMode: options.failMode ?? 'closed', active: options.active ?? true };

  const sendConfig = () => {
    const config: IsolatedToMain = { type: 'config', active: mode.active, failMode: mode.failMode };
    if (holder?.port) send(holder.port, config);
    for (const child of holder?.children ?? []) child(config);
  };

  const answer = (request: MainToIsolated, reply: Reply) => {
    let scrubbed: string[];
    try {
      scrubbed = currentScrub(request.strings);
    } catch {
      reply({ type: 'scrub-failed', id: request.id });
      return;
    }
    if (!Array.isArray(scrubbed) || scrubbed.length !== request.strings.length) {
      reply({ type: 'scrub-failed', id: request.id });
      return;
    }
    reply({ type: 'scrubbed', id: request.id, strings: scrubbed.map(String) });
  };
  const answerOwn = (request: MainToIsolated) => {
    const port = holder?.port;
    if (port) answer(request, (message) => send(port, message));
  };

  if (holder) {
    holder.answer = answer;
    holder.mode = mode;
    holder.onRequest = answerOwn;
    holder.onConnect = sendConfig;
    sendConfig();
    for (const request of holder.queue.splice(0)) answerOwn(request);
  }

  return {
    get connected() {
      return Boolean(holder?.port);
    },
    setMode(next) {
      mode = { failMode: next.failMode ?? mode.failMode, active: next.active ?? mode.active };
      if (holder) holder.mode = mode;
      sendConfig();
    },
    setScrub(next) {
      currentScrub = next;
    },
  };
}
