import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

describe('test harness', () => {
  it('gives lib/ a fake browser with managed storage', async () => {
    await fakeBrowser.storage.managed.set({ enabled: false });
    expect(await fakeBrowser.storage.managed.get('enabled')).toEqual({ enabled: false });
  });
});
