/**
 * Helpers for scanning large texts in windows: window layout with overlapping borders, and yielding to the event loop
 * between windows so a content script never blocks the page for long (no task over ~50 ms).
 */

/**
 * Windows of `size` characters stepping by `size`, each widened by `overlap` on both sides (clamped to the text), so a
 * span up to `overlap` long that starts in a window's core lies whole inside that window, with `overlap` characters of
 * context on each side. The engine keeps a span only from the window whose core holds its start. Given the text, inner edges are moved outwards (by up to `overlap` more)
 * to the nearest whitespace, so a window never starts or ends inside a token: a rule whose match depends on what
 * precedes it (e.g. "not preceded by a word character") then sees the same context as in a whole-text scan.
 */
export function windows(length: number, size: number, overlap: number, text?: string): Array<[number, number, number, number]> {
  const step = Math.max(256, size);
  const result: Array<[number, number, number, number]> = [];
  for (let from = 0; from < length; from += step) {
    let start = Math.max(0, from - overlap);
    let end = Math.min(length, from + step + overlap);
    if (text !== undefined) {
      start = snapBackToSpace(text, start, Math.max(0, start - overlap));
      end = snapForwardToSpace(text, end, Math.min(length, end + overlap));
    }
    // [start, end) is scanned; [from, from + step) is the core whose spans this window decides (cores tile the text).
    result.push([start, end, from, end >= length ? length : Math.min(length, from + step)]);
    if (end >= length) break;
  }
  return result;
}

const isSpace = (code: number) => code === 32 || code === 10 || code === 13 || code === 9 || code === 12;

function snapBackToSpace(text: string, index: number, limit: number): number {
  for (let i = index; i > limit; i--) if (isSpace(text.charCodeAt(i - 1))) return i;
  return index;
}

function snapForwardToSpace(text: string, index: number, limit: number): number {
  for (let i = index; i < limit; i++) if (isSpace(text.charCodeAt(i))) return i;
  return index;
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

