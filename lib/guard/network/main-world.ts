/**
 * The MAIN-world network safety net: wraps fetch, XMLHttpRequest and navigator.sendBeacon so every request to a site's
 * own chat API has its user-text fields scrubbed (through the isolated world's engine and vault) before it leaves. Runs
 * at document_start, before any page script, so it captures the pristine originals and sets up the private channel
 * first.
 *
 * Rules it keeps (../shared research chat-sites.md, "Technique notes" and Gemini's fragility lessons):
 * - the fetch wrapper is a regular function returning a promise, never `async` (zone.js on Gemini), and calls the
 *   original with its receiver;
 * - only text fields change; every other byte of the body stays as the page wrote it (body-plan.ts);
 * - requests to anything else pass straight through, untouched and unawaited;
 * - if scrubbing is impossible (bridge down, timeout, scrub error, body it cannot parse), the request fails like a
 *   network error unless the policy's failMode is 'open'.
 */
import { matchEndpoint, type BodyFormat, type NetworkEndpoint } from './endpoints';
import { planFormDataEntry, planTextBody, type TextPlan } from './body-plan';
import { HANDSHAKE_TYPE, parseIsolatedToMain, type FailMode, type MainToIsolated } from './protocol';

export interface NetworkGuardOptions {
  /** How long a request waits for the isolated guard to come up before failing closed. */
  readyTimeoutMs?: number;
  /** How long a scrub may take once the guard is up. */
  scrubTimeoutMs?: number;
}

/** A body the guard can rewrite: the text fields' plan plus how to rebuild a body of the page's original type. */
interface PreparedBody {
  strings: string[];
  rebuild(scrubbed: readonly string[]): BodyInit;
}

type Decision = { kind: 'original' } | { kind: 'rewrite'; body: BodyInit } | { kind: 'block'; reason: string };

class UnreadableBody extends Error {}

export function installNetworkGuard(win: Window & typeof globalThis, options: NetworkGuardOptions = {}): void {
  const readyTimeoutMs = options.readyTimeoutMs ?? 10_000;
  const scrubTimeoutMs = options.scrubTimeoutMs ?? 5_000;

  // Pristine originals, captured before any page script can replace them.
  const nativeFetch = win.fetch;
  const NativeRequest = win.Request;
  const NativeResponse = win.Response;
  const NativeBlob = win.Blob;
  const NativeFormData = win.FormData;
  const NativeURLSearchParams = win.URLSearchParams;
  const NativeTextDecoder = win.TextDecoder;
  const NativeTextEncoder = win.TextEncoder;
  const NativeReadableStream = win.ReadableStream;
  const NativeMessageChannel = win.MessageChannel;
  const NativeURL = win.URL;
  const NativePromise = win.Promise;
  const xhrPrototype = win.XMLHttpRequest.prototype;
  const nativeOpen = xhrPrototype.open;
  const nativeSend = xhrPrototype.send;
  const nativeAbort = xhrPrototype.abort;
  // Absent in some runtimes (and in the unit tests' fake window): then there is nothing to wrap.
  const navigatorPrototype: Navigator | undefined = win.Navigator?.prototype;
  const nativeSendBeacon: Navigator['sendBeacon'] | undefined = navigatorPrototype?.sendBeacon;
  const portPostMessage = win.MessagePort.prototype.postMessage;
  const portStart = win.MessagePort.prototype.start;
  const addListener = win.EventTarget.prototype.addEventListener;
  const windowPostMessage = win.postMessage;
  const setTimer = win.setTimeout.bind(win);
  const clearTimer = win.clearTimeout.bind(win);
  const apply = Reflect.apply;

  // ---- Bridge (MAIN half) ----
  const bridgeState: { up: boolean; active: boolean; failMode: FailMode } = { up: false, active: true, failMode: 'closed' };
  const pending = new Map<number, { resolve(strings: string[]): void; reject(reason: Error): void; expected: number }>();
  let nextId = 1;

  const channel = new NativeMessageChannel();
  const port = channel.port1;
  apply(addListener, port, [
    'message',
    (event: MessageEvent) => {
      if (!event.isTrusted) return;
      const message = parseIsolatedToMain(event.data);
      if (!message) return;
      if (message.type === 'config') {
        bridgeState.up = true;
        bridgeState.active = message.active;
        bridgeState.failMode = message.failMode;
        return;
      }
      const waiter = pending.get(message.id);
      if (!waiter) return;
      pending.delete(message.id);
      if (message.type === 'scrubbed' && message.strings.length === waiter.expected) waiter.resolve(message.strings);
      else waiter.reject(new Error('scrub failed'));
    },
  ]);
  apply(portStart, port, []);
  // Handed over once, now, while no page script exists; the isolated listener keeps it from later listeners.
  apply(windowPostMessage, win, [{ type: HANDSHAKE_TYPE }, '/', [channel.port2]]);

  const requestScrub = (strings: string[]): Promise<string[]> =>
    new NativePromise((resolve, reject) => {
      const id = nextId++;
      const timer = setTimer(
        () => {
          pending.delete(id);
          reject(new Error(bridgeState.up ? 'scrub timed out' : 'guard not ready'));
        },
        bridgeState.up ? scrubTimeoutMs : readyTimeoutMs,
      );
      pending.set(id, {
        expected: strings.length,
        resolve: (scrubbed) => {
          clearTimer(timer);
          resolve(scrubbed);
        },
        reject: (reason) => {
          clearTimer(timer);
          reject(reason);
        },
      });
      const message: MainToIsolated = { type: 'scrub', id, strings };
      apply(portPostMessage, port, [message]);
    });

  // ---- Bodies ----
  const decodeUtf8 = (bytes: ArrayBuffer | ArrayBufferView): string => {
    try {
      return new NativeTextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      throw new UnreadableBody('body is not UTF-8 text');
    }
  };

  const textPlanOrThrow = (format: BodyFormat, text: string): TextPlan => {
    const plan = planTextBody(format, text);
    if (!plan) throw new UnreadableBody('body does not have the expected shape');
    return plan;
  };

  /** Reads any BodyInit the page may pass; resolves null when there is no body. */
  const prepareBody = async (format: BodyFormat, body: unknown): Promise<PreparedBody | null> => {
    if (body === null || body === undefined) return null;
    if (typeof body === 'string') {
      const plan = textPlanOrThrow(format, body);
      return { strings: plan.strings, rebuild: (scrubbed) => plan.apply(scrubbed) };
    }
    if (body instanceof NativeURLSearchParams) {
      const plan = textPlanOrThrow(format, body.toString());
      return { strings: plan.strings, rebuild: (scrubbed) => new NativeURLSearchParams(plan.apply(scrubbed)) };
    }
    if (body instanceof NativeFormData) return prepareFormData(format, body);
    if (body instanceof NativeBlob) {
      const plan = textPlanOrThrow(format, decodeUtf8(await body.arrayBuffer()));
      const type = body.type;
      return { strings: plan.strings, rebuild: (scrubbed) => new NativeBlob([plan.apply(scrubbed)], { type }) };
    }
    if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
      const plan = textPlanOrThrow(format, decodeUtf8(body));
      return { strings: plan.strings, rebuild: (scrubbed) => new NativeTextEncoder().encode(plan.apply(scrubbed)) };
    }
    if (NativeReadableStream && body instanceof NativeReadableStream) {
      const bytes = await new NativeResponse(body).arrayBuffer();
      const plan = textPlanOrThrow(format, decodeUtf8(bytes));
      return { strings: plan.strings, rebuild: (scrubbed) => new NativeTextEncoder().encode(plan.apply(scrubbed)) };
    }
    throw new UnreadableBody('unsupported body type');
  };

  const prepareFormData = (format: BodyFormat, form: FormData): PreparedBody => {
    const entries = Array.from(form.entries());
    const plans: Array<TextPlan | null> = entries.map(([name, value]) => {
      if (typeof value !== 'string') return null;
      const plan = planFormDataEntry(format, name, value);
      if (plan === null) throw new UnreadableBody('form field does not have the expected shape');
      return plan === 'untouched' ? null : plan;
    });
    const strings = plans.flatMap((plan) => plan?.strings ?? []);
    return {
      strings,
      rebuild: (scrubbed) => {
        const rebuilt = new NativeFormData();
        let offset = 0;
        entries.forEach(([name, value], position) => {
          const plan = plans[position];
          if (plan) {
            rebuilt.append(name, plan.apply(scrubbed.slice(offset, offset + plan.strings.length)));
            offset += plan.strings.length;
          } else if (typeof value === 'string') {
            rebuilt.append(name, value);
          } else {
            rebuilt.append(name, value, value.name);
          }
        });
        return rebuilt;
      },
    };
  };

  /** The shared decision for fetch and XHR: pass as is, rewrite, or block. Never rejects. */
  const decide = async (endpoint: NetworkEndpoint, readBody: () => Promise<PreparedBody | null>): Promise<Decision> => {
    if (bridgeState.up && !bridgeState.active) return { kind: 'original' };
    try {
      const prepared = await readBody();
      // Nothing a user typed: no reason to wait for (or depend on) the guard.
      if (!prepared || prepared.strings.every((text) => text.trim() === '')) return { kind: 'original' };
      const scrubbed = await requestScrub(prepared.strings);
      if (!bridgeState.active) return { kind: 'original' };
      if (scrubbed.every((text, position) => text === prepared.strings[position])) return { kind: 'original' };
      return { kind: 'rewrite', body: prepared.rebuild(scrubbed) };
    } catch (error) {
      if (bridgeState.up && !bridgeState.active) return { kind: 'original' };
      if (bridgeState.failMode === 'open') return { kind: 'original' };
      const reason = error instanceof Error ? error.message : 'scrub failed';
      return { kind: 'block', reason: `${endpoint.name}: ${reason}` };
    }
  };

  // baseURI, not location: an about:blank child frame resolves relative URLs against its parent's address.
  const absoluteUrl = (url: string | URL): string => new NativeURL(String(url), win.document?.baseURI ?? win.location.href).href;

  // ---- fetch ----
  const guardedFetch = function fetch(this: unknown, input?: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    let endpoint: NetworkEndpoint | null = null;
    try {
      const isRequest = input instanceof NativeRequest;
      const url = isRequest ? (input as Request).url : absoluteUrl(input as string | URL);
      const method = init?.method ?? (isRequest ? (input as Request).method : 'GET');
      endpoint = matchEndpoint(url, method);
    } catch {
      endpoint = null;
    }
    // eslint-disable-next-line prefer-rest-params
    if (!endpoint) return apply(nativeFetch, this, arguments) as Promise<Response>;

    const receiver = this;
    // eslint-disable-next-line prefer-rest-params
    const originalArguments = arguments;
    const matched = endpoint;
    const hasInitBody = init !== undefined && init !== null && 'body' in init && init.body != null;
    const readBody = (): Promise<PreparedBody | null> => {
      if (hasInitBody) return prepareBody(matched.body, init.body);
      if (input instanceof NativeRequest) {
        return input
          .clone()
          .arrayBuffer()
          .then((bytes) => (bytes.byteLength === 0 ? null : prepareBody(matched.body, bytes)));
      }
      return Promise.resolve(null);
    };
    const PagePromise = win.Promise;
    return new PagePromise<Response>((resolve, reject) => {
      void decide(matched, readBody).then((decision) => {
        if (decision.kind === 'block') {
          reject(new TypeError(`Failed to fetch (ChatWarden blocked a request it could not scrub: ${decision.reason})`));
          return;
        }
        const call: Promise<Response> =
          decision.kind === 'original'
            ? apply(nativeFetch, receiver, originalArguments)
            : apply(nativeFetch, receiver, [input, { ...(init ?? {}), body: decision.body }]);
        call.then(resolve, reject);
      });
    });
  };

  // ---- XMLHttpRequest ----
  interface XhrState {
    method: string;
    url: string;
    async: boolean;
    endpoint: NetworkEndpoint | null;
    aborted: boolean;
  }
  const xhrStates = new WeakMap<XMLHttpRequest, XhrState>();

  const guardedOpen = function open(this: XMLHttpRequest, method: string, url: string | URL): void {
    let state: XhrState | null = null;
    try {
      const absolute = absoluteUrl(url);
      // eslint-disable-next-line prefer-rest-params
      const isAsync = arguments.length < 3 || Boolean(arguments[2]);
      state = { method: String(method), url: absolute, async: isAsync, endpoint: matchEndpoint(absolute, String(method)), aborted: false };
    } catch {
      state = null;
    }
    // eslint-disable-next-line prefer-rest-params
    apply(nativeOpen, this, arguments);
    if (state) xhrStates.set(this, state);
    else xhrStates.delete(this);
  };

  /** Fail like a network error (status 0, `error` event) without the extension touching the network. */
  const failXhr = (xhr: XMLHttpRequest, state: XhrState) => {
    apply(nativeOpen, xhr, [state.method, 'chatwarden-blocked:request', true]);
    apply(nativeSend, xhr, []);
  };

  const guardedSend = function send(this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null): void {
    const state = xhrStates.get(this);
    // eslint-disable-next-line prefer-rest-params
    if (!state?.endpoint || body === null || body === undefined) return apply(nativeSend, this, arguments);
    const xhr = this;
    const endpoint = state.endpoint;
    if (!state.async) {
      // A synchronous send cannot wait for the isolated world: only bodies without user text may go.
      let prepared: PreparedBody | null = null;
      let readable = typeof body === 'string';
      if (readable) {
        try {
          const plan = textPlanOrThrow(endpoint.body, body as string);
          prepared = { strings: plan.strings, rebuild: (scrubbed) => plan.apply(scrubbed) };
        } catch {
          readable = false;
        }
      }
      const harmless = readable && (!prepared || prepared.strings.every((text) => text.trim() === ''));
      if (harmless || (bridgeState.up && !bridgeState.active) || bridgeState.failMode === 'open') {
        // eslint-disable-next-line prefer-rest-params
        return apply(nativeSend, this, arguments);
      }
      throw new DOMException('ChatWarden blocked a synchronous request it could not scrub', 'NetworkError');
    }
    // eslint-disable-next-line prefer-rest-params
    const originalArguments = arguments;
    void decide(endpoint, () => prepareBody(endpoint.body, body)).then((decision) => {
      // The page aborted or re-opened the request while it was being scrubbed: that request no longer exists.
      if (state.aborted || xhrStates.get(xhr) !== state) return;
      if (decision.kind === 'original') apply(nativeSend, xhr, originalArguments);
      else if (decision.kind === 'rewrite') apply(nativeSend, xhr, [decision.body]);
      else failXhr(xhr, state);
    });
  };

  const guardedAbort = function abort(this: XMLHttpRequest): void {
    const state = xhrStates.get(this);
    if (state) state.aborted = true;
    // eslint-disable-next-line prefer-rest-params
    apply(nativeAbort, this, arguments);
  };

  // ---- navigator.sendBeacon ----
  // A beacon is a POST that cannot be awaited: the call only says whether it was queued. A beacon to a chat API whose
  // body carries user text is reported as queued, scrubbed, then sent with the native sendBeacon; if scrubbing fails
  // (fail closed) it is dropped, which a page cannot tell from a beacon lost in transit. Anything else goes through
  // unchanged and synchronously, so its return value is the browser's own.
  const guardedSendBeacon = function sendBeacon(this: Navigator, url: string | URL, data?: BodyInit | null): boolean {
    let endpoint: NetworkEndpoint | null = null;
    try {
      endpoint = matchEndpoint(absoluteUrl(url), 'POST');
    } catch {
      endpoint = null;
    }
    // eslint-disable-next-line prefer-rest-params
    if (!endpoint || data === null || data === undefined) return apply(nativeSendBeacon!, this, arguments) as boolean;
    const receiver = this;
    // eslint-disable-next-line prefer-rest-params
    const originalArguments = arguments;
    const matched = endpoint;
    void decide(matched, () => prepareBody(matched.body, data)).then((decision) => {
      if (decision.kind === 'original') apply(nativeSendBeacon!, receiver, originalArguments);
      else if (decision.kind === 'rewrite') apply(nativeSendBeacon!, receiver, [url, decision.body]);
    });
    return true;
  };

  // Look like the originals to code that inspects them (name, length), then freeze: a page script can wrap them again
  // (zone.js does) but cannot reach or alter what they close over.
  for (const [wrapper, original] of [
    [guardedFetch, nativeFetch],
    [guardedOpen, nativeOpen],
    [guardedSend, nativeSend],
    [guardedAbort, nativeAbort],
    ...(typeof nativeSendBeacon === 'function' ? ([[guardedSendBeacon, nativeSendBeacon]] as const) : []),
  ] as const) {
    Object.defineProperty(wrapper, 'name', { value: original.name, configurable: true });
    Object.defineProperty(wrapper, 'length', { value: original.length, configurable: true });
    Object.freeze(wrapper);
  }
  Object.defineProperty(win, 'fetch', { value: guardedFetch, writable: true, configurable: true, enumerable: true });
  for (const [name, wrapper] of [
    ['open', guardedOpen],
    ['send', guardedSend],
    ['abort', guardedAbort],
  ] as const) {
    Object.defineProperty(xhrPrototype, name, { value: wrapper, writable: true, configurable: true, enumerable: true });
  }
  if (navigatorPrototype && typeof nativeSendBeacon === 'function') {
    Object.defineProperty(navigatorPrototype, 'sendBeacon', { value: guardedSendBeacon, writable: true, configurable: true, enumerable: true });
  }
}
