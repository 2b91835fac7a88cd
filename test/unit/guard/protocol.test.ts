import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listen, sendToBackground, type ContentToBackground, type Handlers } from '../../../lib/messaging/protocol';
import { defaultPolicy } from '../../../lib/policy/defaults';

const handlers = {
  'cs-bg:hello': async () => ({ policy: defaultPolicy(), paused: false }),
  'cs-bg:count-tokens': async () => {
    throw new Error('tokenizer exploded');
  },
} as unknown as Handlers<ContentToBackground>;

describe('typed messaging', () => {
  it('should route a typed message to its handler and return the reply', async () => {
    listen<ContentToBackground>('cs-bg:', handlers, () => true);
    const reply = await sendToBackground('cs-bg:hello', { site: 'chatgpt' });
    expect(reply.paused).toBe(false);
    expect(reply.policy.failMode).toBe('closed');
  });

  it('should reject a refused sender, an unknown type and a failing handler with a clear error', async () => {
    listen<ContentToBackground>('cs-bg:', handlers, () => false);
    await expect(sendToBackground('cs-bg:hello', { site: 'chatgpt' })).rejects.toThrow(/sender not allowed/);
    fakeBrowser.runtime.onMessage.removeAllListeners();
    listen<ContentToBackground>('cs-bg:', handlers, () => true);
    await expect(sendToBackground('cs-bg:status', { status: 'protected' })).rejects.toThrow(/unknown message/);
    await expect(sendToBackground('cs-bg:count-tokens', { text: 'x' })).rejects.toThrow(/tokenizer exploded/);
  });

  it('should leave messages of other prefixes to other listeners', async () => {
    const stop = listen<ContentToBackground>('cs-bg:', handlers, () => true);
    const other = (message: unknown) => ((message as { type: string }).type === 'ui-bg:x' ? Promise.resolve('ui answer') : undefined);
    fakeBrowser.runtime.onMessage.addListener(other);
    expect(await fakeBrowser.runtime.sendMessage({ type: 'ui-bg:x', payload: {} })).toBe('ui answer');
    stop();
  });

  it('should answer through sendResponse when the browser passes one (Chrome)', async () => {
    listen<ContentToBackground>('cs-bg:', handlers, () => true);
    const listener = (fakeBrowser.runtime.onMessage as unknown as { trigger: (...args: unknown[]) => Promise<unknown[]> }).trigger;
    let answered: unknown;
    const results = await listener({ type: 'cs-bg:hello', payload: { site: 'claude' } }, {}, (reply: unknown) => (answered = reply));
    expect(results).toContain(true); // keeps the channel open
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(answered).toMatchObject({ paused: false });
  });
});
