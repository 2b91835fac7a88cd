/**
 * Helpers for scanning large texts in windows: window layout with overlapping borders, and yielding to the event loop
 * between windows so a content script never blocks the page for long (no task over ~50 ms).
 */

/**
 * Windows of `size` characters stepping by `size`, each widened by `overlap` on both sides (clamped to the text), so a
 * span up to 2 × overlap long lies whole inside at least one window. The engine drops spans touching an inner window
 * edge (they may be cut) and dedupes the rest.
 */
export function windows(length: number, size: number, overlap: number): Array<[number, number]> {
  const step = Math.max(256, size);
  const result: Array<[number, number]> = [];
  for (let from = 0; from < length; from += step) {
    result.push([Math.max(0, from - overlap), Math.min(length, from + step + overlap)]);
    if (from + step + overlap >= length) break;
  }
  return result;
}

export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  if (typeof MessageChannel === 'function' && typeof setImmediate !== 'function') {
    // Browsers clamp nested setTimeout to 4 ms; a message task does not.
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
}

export function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? Object.assign(new Error('The scan was aborted'), { name: 'AbortError' });
}

