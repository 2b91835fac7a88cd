import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureNetworkBridgePort, startNetworkBridge } from '../../../lib/guard/network/bridge-isolated';
import { HANDSHAKE_TYPE, type IsolatedToMain } from '../../../lib/guard/network/protocol';

/** A window stand-in: the test plays the browser and delivers `message` events to the capture listener. */
function fakeWindow() {
  const listeners = new Set<(event: unknown) => void>();
  const target = {
    addEventListener: (_type: string, listener: (event: unknown) => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: (event: unknown) => void) => listeners.delete(listener),
    deliver(event: Record<string, unknown>) {
      let stopped = false;
      for (const listener of [...listeners]) {
        if (stopped) break;
        listener({ ...event, stopImmediatePropagation: () => (stopped = true) });
      }
      return stopped;
    },
    listenerCount: () => listeners.size,
  };
  return target;
}

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

function setup() {
  const win = fakeWindow();
  const scope = {} as typeof globalThis;
  captureNetworkBridgePort(win as unknown as Window, scope);
  const channel = new MessageChannel();
  channels.push(channel);
  const fromIsolated: IsolatedToMain[] = [];
  channel.port1.onmessage = (event) => fromIsolated.push(event.data as IsolatedToMain);
  const handshake = (port: MessagePort, source: unknown = win) =>
    win.deliver({ source, isTrusted: true, data: { type: HANDSHAKE_TYPE }, ports: [port] });
  return { win, scope, channel, fromIsolated, handshake };
}

describe('network bridge, isolated half', () => {
  it('should take the first handshake, hide it from later listeners and ignore any later one', () => {
    const { win, channel, handshake } = setup();
    expect(handshake(channel.port2)).toBe(true);
    expect(win.listenerCount()).toBe(0);
    const spoof = new MessageChannel();
    channels.push(spoof);
    expect(handshake(spoof.port2)).toBe(false);
  });

  it('should ignore handshakes from other windows or untrusted events', () => {
    const { win, channel } = setup();
    win.deliver({ source: {}, isTrusted: true, data: { type: HANDSHAKE_TYPE }, ports: [channel.port2] });
    win.deliver({ source: win, isTrusted: false, data: { type: HANDSHAKE_TYPE }, ports: [channel.port2] });
    expect(win.listenerCount()).toBe(1);
  });

  it('should queue requests until the guard starts, then answer them with scrubbed text only', async () => {
    const { scope, channel, fromIsolated, handshake } = setup();
    handshake(channel.port2);
    channel.port1.postMessage({ type: 'scrub', id: 1, strings: ['mail bob@example.com'] });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fromIsolated).toEqual([]);
    const handle = startNetworkBridge((strings) => strings.map((text) => text.replace('bob@example.com', '[EMAIL_1]')), { failMode: 'open' }, scope);
    expect(handle.connected).toBe(true);
    await vi.waitFor(() => expect(fromIsolated).toHaveLength(2));
    expect(fromIsolated[0]).toEqual({ type: 'config', active: true, failMode: 'open' });
    expect(fromIsolated[1]).toEqual({ type: 'scrubbed', id: 1, strings: ['mail [EMAIL_1]'] });
    handle.setMode({ active: false });
    await vi.waitFor(() => expect(fromIsolated.at(-1)).toEqual({ type: 'config', active: false, failMode: 'open' }));
  });

  it('should answer scrub-failed when the scrubber throws or miscounts, and drop malformed requests', async () => {
    const { scope, channel, fromIsolated, handshake } = setup();
    handshake(channel.port2);
    let mode: 'throw' | 'short' = 'throw';
    startNetworkBridge(() => {
      if (mode === 'throw') throw new Error('engine failed');
      return [];
    }, {}, scope);
    channel.port1.postMessage({ type: 'scrub', id: 7, strings: ['x'] });
    await vi.waitFor(() => expect(fromIsolated.at(-1)).toEqual({ type: 'scrub-failed', id: 7 }));
    mode = 'short';
    channel.port1.postMessage({ type: 'scrub', id: 8, strings: ['x'] });
    await vi.waitFor(() => expect(fromIsolated.at(-1)).toEqual({ type: 'scrub-failed', id: 8 }));
    const count = fromIsolated.length;
    channel.port1.postMessage({ type: 'scrub', id: 9, strings: [42] });
    channel.port1.postMessage({ type: 'scrub', id: 'x', strings: [] });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fromIsolated).toHaveLength(count);
  });
});
