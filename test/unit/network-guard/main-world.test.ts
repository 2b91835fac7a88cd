import { describe, expect, it, vi } from 'vitest';
import { installNetworkGuard } from '../../../lib/guard/network/main-world';
import { HANDSHAKE_TYPE, type IsolatedToMain, type MainToIsolated } from '../../../lib/guard/network/protocol';

/**
 * A fake page window: just enough of fetch, XHR and a MessageChannel to drive the MAIN-world guard in Node. Port
 * messages are delivered as trusted events (a browser does; Node's MessagePort marks them untrusted).
 */
class FakeEventTarget {
  readonly listeners = new Map<string, Array<(event: unknown) => void>>();
  addEventListener(type: string, listener: (event: unknown) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  emit(type: string, event: unknown): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

class FakePort extends FakeEventTarget {
  peer!: FakePort;
  postMessage(data: unknown): void {
    const peer = this.peer;
    const copy = structuredClone(data);
    setTimeout(() => peer.emit('message', { data: copy, isTrusted: true }), 0);
  }
  start(): void {}
}

class FakeChannel {
  readonly port1 = new FakePort();
  readonly port2 = new FakePort();
  constructor() {
    this.port1.peer = this.port2;
    this.port2.peer = this.port1;
  }
}

interface XhrCall {
  method: string;
  url: string;
  body: unknown;
}

function setup(options: { readyTimeoutMs?: number; scrubTimeoutMs?: number } = {}) {
  const fetchCalls: Array<{ receiver: unknown; args: unknown[] }> = [];
  const xhrCalls: XhrCall[] = [];
  let handshakePort: FakePort | null = null;
  let handshakeCount = 0;

  function fakeFetch(this: unknown, ...args: unknown[]): Promise<Response> {
    fetchCalls.push({ receiver: this, args });
    return Promise.resolve(new Response('ok'));
  }

  const beaconCalls: Array<{ receiver: unknown; url: unknown; data: unknown }> = [];
  /** What the browser's sendBeacon answers (false: over its queue limit). */
  const beaconAnswer = { value: true };
  class FakeNavigator {
    sendBeacon(url: unknown, data?: unknown): boolean {
      beaconCalls.push({ receiver: this, url, data });
      return beaconAnswer.value;
    }
  }

  class FakeXhr {
    method = '';
    url = '';
    open(method: string, url: string): void {
      this.method = method;
      this.url = url;
    }
    send(body?: unknown): void {
      xhrCalls.push({ method: this.method, url: this.url, body });
    }
    abort(): void {}
  }

  const win = {
    fetch: fakeFetch,
    Request,
    Response,
    Blob,
    FormData,
    URLSearchParams,
    TextDecoder,
    TextEncoder,
    ReadableStream,
    URL,
    Promise,
    MessageChannel: FakeChannel,
    MessagePort: FakePort,
    EventTarget: FakeEventTarget,
    XMLHttpRequest: FakeXhr,
    Navigator: FakeNavigator,
    navigator: new FakeNavigator(),
    location: { href: 'https://chatgpt.com/c/abc', origin: 'https://chatgpt.com' },
    setTimeout,
    clearTimeout,
    postMessage(message: { type?: string }, _origin: string, transfer: FakePort[]) {
      if (message.type === HANDSHAKE_TYPE) {
        handshakeCount++;
        handshakePort = transfer[0] ?? null;
      }
    },
  };
  installNetworkGuard(win as unknown as Window & typeof globalThis, options);

  /** The isolated world's side of the port, scripted by the test. */
  const isolated = {
    requests: [] as MainToIsolated[],
    respond: (request: MainToIsolated): IsolatedToMain | null => ({
      type: 'scrubbed',
      id: request.id,
      strings: request.strings.map((text) => text.replaceAll('bob@example.com', '[EMAIL_1]')),
    }),
    send(message: IsolatedToMain) {
      handshakePort!.postMessage(message);
    },
  };
  handshakePort!.addEventListener('message', (event) => {
    const request = (event as { data: MainToIsolated }).data;
    isolated.requests.push(request);
    const answer = isolated.respond(request);
    if (answer) handshakePort!.postMessage(answer);
  });

  const page = win as unknown as { fetch: typeof fetch; XMLHttpRequest: typeof FakeXhr; navigator: { sendBeacon(url: string, data?: BodyInit | null): boolean } };
  return { page, win, fetchCalls, xhrCalls, beaconCalls, beaconAnswer, isolated, handshakeCount: () => handshakeCount };
}

const conversationBody = (text: string) =>
  JSON.stringify({ action: 'next', messages: [{ id: 'm', author: { role: 'user' }, content: { content_type: 'text', parts: [text] } }], model: 'auto' });

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

async function ready(isolated: ReturnType<typeof setup>['isolated'], failMode: 'closed' | 'open' = 'closed', active = true) {
  isolated.send({ type: 'config', active, failMode });
  await tick();
}

describe('installNetworkGuard', () => {
  it('should hand over exactly one port at install', () => {
    const { handshakeCount } = setup();
    expect(handshakeCount()).toBe(1);
  });

  it('should pass other requests straight to the original fetch, same receiver and arguments, unawaited', () => {
    const { page, fetchCalls } = setup();
    const init = { method: 'POST', body: conversationBody('bob@example.com') };
    const receiver = { marker: true };
    void page.fetch.call(receiver, 'https://chatgpt.com/backend-api/me', init);
    expect(fetchCalls).toHaveLength(1);
    expect(fetchCalls[0]!.receiver).toBe(receiver);
    expect(fetchCalls[0]!.args[1]).toBe(init);
  });

  it('should not be an async function, and should scrub a guarded fetch keeping the other init fields', async () => {
    const { page, fetchCalls, isolated } = setup();
    expect(page.fetch.constructor.name).toBe('Function');
    expect(Object.isFrozen(page.fetch)).toBe(true);
    await ready(isolated);
    const headers = { 'content-type': 'application/json' };
    const response = page.fetch('/backend-api/f/conversation', { method: 'POST', headers, body: conversationBody('hi bob@example.com'), credentials: 'include' });
    expect(response).toBeInstanceOf(Promise);
    await response;
    expect(fetchCalls).toHaveLength(1);
    const init = fetchCalls[0]!.args[1] as RequestInit;
    expect(init.body).toBe(conversationBody('hi [EMAIL_1]'));
    expect(init.headers).toBe(headers);
    expect(init.credentials).toBe('include');
    expect(isolated.requests[0]!.strings).toEqual(['hi bob@example.com']);
  });

  it('should fail closed with a network error when the isolated world cannot scrub', async () => {
    const { page, fetchCalls, isolated } = setup();
    await ready(isolated);
    isolated.respond = (request) => ({ type: 'scrub-failed', id: request.id });
    await expect(page.fetch('/backend-api/f/conversation', { method: 'POST', body: conversationBody('bob@example.com') })).rejects.toThrow(TypeError);
    expect(fetchCalls).toHaveLength(0);
  });

  it('should fail closed when the guard never comes up, and open when policy says so', async () => {
    const closed = setup({ readyTimeoutMs: 30 });
    closed.isolated.respond = () => null;
    await expect(closed.page.fetch('/backend-api/f/conversation', { method: 'POST', body: conversationBody('bob@example.com') })).rejects.toThrow(/could not scrub/);
    expect(closed.fetchCalls).toHaveLength(0);

    const open = setup({ scrubTimeoutMs: 30 });
    await ready(open.isolated, 'open');
    open.isolated.respond = () => null;
    await open.page.fetch('/backend-api/f/conversation', { method: 'POST', body: conversationBody('bob@example.com') });
    expect((open.fetchCalls[0]!.args[1] as RequestInit).body).toBe(conversationBody('bob@example.com'));
  });

  it('should reject a scrub answer with the wrong number of strings', async () => {
    const { page, fetchCalls, isolated } = setup();
    await ready(isolated);
    isolated.respond = (request) => ({ type: 'scrubbed', id: request.id, strings: [] });
    await expect(page.fetch('/backend-api/f/conversation', { method: 'POST', body: conversationBody('bob@example.com') })).rejects.toThrow();
    expect(fetchCalls).toHaveLength(0);
  });

  it('should let a body without user text through without waiting for the guard', async () => {
    const { page, fetchCalls, isolated } = setup({ readyTimeoutMs: 10_000 });
    isolated.respond = () => null;
    await page.fetch('/backend-api/f/conversation/prepare', { method: 'POST', body: '{"client_prepare_source":"x"}' });
    expect(fetchCalls).toHaveLength(1);
  });

  it('should pass requests untouched while protection is off for the tab', async () => {
    const { page, fetchCalls, isolated } = setup();
    await ready(isolated, 'closed', false);
    await page.fetch('/backend-api/f/conversation', { method: 'POST', body: conversationBody('bob@example.com') });
    expect(isolated.requests).toHaveLength(0);
    expect((fetchCalls[0]!.args[1] as RequestInit).body).toBe(conversationBody('bob@example.com'));
  });

  it('should keep the body type: URLSearchParams, Blob, bytes and Request inputs', async () => {
    const { page, fetchCalls, isolated } = setup();
    await ready(isolated);
    const geminiUrl = 'https://gemini.google.com/_/BardChatUi/data/assistant.lamda.BardFrontendService/StreamGenerate?rt=c';
    const freq = JSON.stringify([null, JSON.stringify([['mail bob@example.com'], ['en']])]);
    await page.fetch(geminiUrl, { method: 'POST', body: new URLSearchParams({ 'f.req': freq, at: 't' }) });
    const params = (fetchCalls[0]!.args[1] as RequestInit).body as URLSearchParams;
    expect(params).toBeInstanceOf(URLSearchParams);
    expect(JSON.parse(JSON.parse(params.get('f.req')!)[1])[0][0]).toBe('mail [EMAIL_1]');
    expect(params.get('at')).toBe('t');

    await page.fetch('/backend-api/f/conversation', { method: 'POST', body: new Blob([conversationBody('bob@example.com')], { type: 'application/json' }) });
    const blob = (fetchCalls[1]!.args[1] as RequestInit).body as Blob;
    expect(blob.type).toBe('application/json');
    expect(await blob.text()).toBe(conversationBody('[EMAIL_1]'));

    await page.fetch('/backend-api/f/conversation', { method: 'POST', body: new TextEncoder().encode(conversationBody('bob@example.com')) });
    expect(new TextDecoder().decode((fetchCalls[2]!.args[1] as RequestInit).body as Uint8Array)).toBe(conversationBody('[EMAIL_1]'));

    const request = new Request('https://claude.ai/api/organizations/o/chat_conversations/c/completion', {
      method: 'POST',
      body: JSON.stringify({ prompt: 'bob@example.com', model: 'm' }),
    });
    await page.fetch(request);
    const sent = fetchCalls[3]!;
    expect(sent.args[0]).toBe(request);
    // A Request's body is read as bytes and sent back as bytes (its headers, content-type included, stay on it).
    expect(new TextDecoder().decode((sent.args[1] as RequestInit).body as Uint8Array)).toBe('{"prompt":"[EMAIL_1]","model":"m"}');
  });

  it('should defer an XHR send until the scrub returns, and fail it like a network error when it cannot', async () => {
    const { page, xhrCalls, isolated } = setup();
    await ready(isolated);
    const xhr = new page.XMLHttpRequest();
    xhr.open('POST', '/backend-api/f/conversation');
    xhr.send(conversationBody('bob@example.com'));
    expect(xhrCalls).toHaveLength(0);
    await vi.waitFor(() =>
      expect(xhrCalls).toEqual([{ method: 'POST', url: '/backend-api/f/conversation', body: conversationBody('[EMAIL_1]') }]),
    );

    isolated.respond = (request) => ({ type: 'scrub-failed', id: request.id });
    const failing = new page.XMLHttpRequest();
    failing.open('POST', '/backend-api/f/conversation');
    failing.send(conversationBody('bob@example.com'));
    await vi.waitFor(() => expect(xhrCalls).toHaveLength(2));
    expect(xhrCalls[1]!.url).toBe('chatwarden-blocked:request');
    expect(xhrCalls[1]!.body).toBeUndefined();
  });

  it('should not send an XHR the page aborted while it was being scrubbed', async () => {
    const { page, xhrCalls, isolated } = setup();
    await ready(isolated);
    const xhr = new page.XMLHttpRequest();
    xhr.open('POST', '/backend-api/f/conversation');
    xhr.send(conversationBody('bob@example.com'));
    xhr.abort();
    await vi.waitFor(() => expect(isolated.requests).toHaveLength(1));
    await tick(50);
    expect(xhrCalls).toHaveLength(0);
  });

  it('should pass a beacon to any other address straight through, with the browser\'s own answer', () => {
    const { page, beaconCalls, beaconAnswer } = setup();
    beaconAnswer.value = false;
    expect(page.navigator.sendBeacon('https://chatgpt.com/ces/v1/t', conversationBody('bob@example.com'))).toBe(false);
    expect(beaconCalls).toEqual([{ receiver: page.navigator, url: 'https://chatgpt.com/ces/v1/t', data: conversationBody('bob@example.com') }]);
  });

  it('should scrub a beacon to a chat API before the native sendBeacon sends it, string or Blob', async () => {
    const { page, beaconCalls, isolated } = setup();
    expect(Object.isFrozen(page.navigator.sendBeacon)).toBe(true);
    await ready(isolated);
    expect(page.navigator.sendBeacon('/backend-api/f/conversation', conversationBody('hi bob@example.com'))).toBe(true);
    expect(beaconCalls).toHaveLength(0);
    await vi.waitFor(() => expect(beaconCalls).toHaveLength(1));
    expect(beaconCalls[0]).toEqual({ receiver: page.navigator, url: '/backend-api/f/conversation', data: conversationBody('hi [EMAIL_1]') });

    page.navigator.sendBeacon('/backend-api/f/conversation/prepare', new Blob([conversationBody('bob@example.com')], { type: 'application/json' }));
    await vi.waitFor(() => expect(beaconCalls).toHaveLength(2));
    const blob = beaconCalls[1]!.data as Blob;
    expect(blob.type).toBe('application/json');
    expect(await blob.text()).toBe(conversationBody('[EMAIL_1]'));
    expect(isolated.requests).toHaveLength(2);
  });

  it('should drop a beacon to a chat API it cannot scrub (fail closed), and send it as is when policy says open', async () => {
    const closed = setup();
    await ready(closed.isolated);
    closed.isolated.respond = (request) => ({ type: 'scrub-failed', id: request.id });
    expect(closed.page.navigator.sendBeacon('/backend-api/f/conversation', conversationBody('bob@example.com'))).toBe(true);
    await vi.waitFor(() => expect(closed.isolated.requests).toHaveLength(1));
    await tick(50);
    expect(closed.beaconCalls).toHaveLength(0);

    const open = setup();
    await ready(open.isolated, 'open');
    open.isolated.respond = (request) => ({ type: 'scrub-failed', id: request.id });
    open.page.navigator.sendBeacon('/backend-api/f/conversation', conversationBody('bob@example.com'));
    await vi.waitFor(() => expect(open.beaconCalls).toHaveLength(1));
    expect(open.beaconCalls[0]!.data).toBe(conversationBody('bob@example.com'));
  });

  it('should refuse a synchronous XHR carrying user text (it cannot wait for the scrub)', async () => {
    const { page, xhrCalls, isolated } = setup();
    await ready(isolated);
    const xhr = new page.XMLHttpRequest();
    (xhr.open as (method: string, url: string, async: boolean) => void)('POST', '/backend-api/f/conversation', false);
    expect(() => xhr.send(conversationBody('bob@example.com'))).toThrow(/synchronous/);
    expect(xhrCalls).toHaveLength(0);
  });
});
