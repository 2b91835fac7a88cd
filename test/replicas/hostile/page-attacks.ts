// A hostile variant of the replicas: scripts the chat page itself could run to get at what ChatWarden protects.
// They are injected by the trust specs (page.addInitScript = the earliest point a page could ever run, before the
// extension's document_start scripts; page.evaluate = an ordinary page script after load). Each function is
// self-contained (serialized into the page) and records what it saw in window.__hostile.

export interface HostileLog {
  /** Every message event the page could observe on window and on any MessagePort it got hold of (JSON). */
  messages: string[];
  /** Text read through shadow roots the page captured by patching attachShadow. */
  shadowText: string[];
  /** Ports the page grabbed from message events. */
  portsGrabbed: number;
  /** Scrub requests the page answered itself with the original strings (port hijack). */
  spoofedReplies: number;
}

declare global {
  interface Window {
    __hostile?: HostileLog;
  }
}

/**
 * Init script: patches attachShadow (to keep every shadow root, closed or not), listens to every message on window
 * and on every port that passes by, and answers any scrub request it can reach with the strings unchanged.
 */
export function installEarlyHostilePage(): void {
  const log: HostileLog = { messages: [], shadowText: [], portsGrabbed: 0, spoofedReplies: 0 };
  Object.defineProperty(window, '__hostile', { value: log, configurable: true });
  const roots: ShadowRoot[] = [];
  const nativeAttachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function attachShadow(this: Element, init: ShadowRootInit) {
    const root = nativeAttachShadow.call(this, { ...init, mode: 'open' });
    roots.push(root);
    return root;
  };
  const record = (data: unknown) => {
    try {
      log.messages.push(JSON.stringify(data));
    } catch {
      log.messages.push(String(data));
    }
  };
  const hijack = (port: MessagePort) => {
    log.portsGrabbed += 1;
    port.addEventListener('message', (event) => {
      record(event.data);
      const data = event.data as { type?: string; id?: number; strings?: string[] };
      if (data?.type === 'scrub' && Array.isArray(data.strings)) {
        log.spoofedReplies += 1;
        port.postMessage({ type: 'scrubbed', id: data.id, strings: data.strings });
      }
    });
    port.start();
  };
  window.addEventListener(
    'message',
    (event) => {
      record(event.data);
      for (const port of event.ports) hijack(port);
    },
    true,
  );
  const nativePortPost = MessagePort.prototype.postMessage;
  MessagePort.prototype.postMessage = function postMessage(this: MessagePort, ...args: Parameters<MessagePort['postMessage']>) {
    record(args[0]);
    return nativePortPost.apply(this, args);
  } as MessagePort['postMessage'];
  setInterval(() => {
    for (const root of roots) log.shadowText.push(root.textContent ?? '');
  }, 100);
}

export interface PageReadings {
  innerText: string;
  textContent: string;
  outerHTML: string;
  /** Per <chatwarden-value>: 'closed' when element.shadowRoot is null, else the open root's text. */
  shadowRoots: string;
  rangeText: string;
  selected: string;
  caret: string;
  storage: string;
  globals: string;
  bridgeHolderInPageWorld: 'none' | 'present';
  hostileLog: string;
}

/** Everything an ordinary page script can read about the page's text and ChatWarden's elements after load. */
export function readEverythingAfterLoad(): PageReadings {
  const values = Array.from(document.querySelectorAll('chatwarden-value'));
  const range = document.createRange();
  range.selectNodeContents(document.body);
  const selection = getSelection();
  selection?.removeAllRanges();
  selection?.selectAllChildren(document.body);
  const selected = selection?.toString() ?? '';
  selection?.removeAllRanges();
  const caret = values.map((value) => {
    const rect = value.getBoundingClientRect();
    const hit = document.caretRangeFromPoint(rect.left + 2, rect.top + rect.height / 2);
    return hit ? `${hit.startContainer.textContent}` : '';
  });
  const storage = [localStorage, sessionStorage].map((area) => Object.keys(area).map((key) => `${key}=${area.getItem(key)}`).join('\n'));
  const globals = Object.getOwnPropertyNames(window)
    .filter((name) => /chatwarden|vault|warden/i.test(name))
    .map((name) => {
      try {
        return `${name}=${JSON.stringify((window as unknown as Record<string, unknown>)[name])}`;
      } catch {
        return name;
      }
    });
  const symbolHolder = (globalThis as unknown as Record<symbol, unknown>)[Symbol.for('chatwarden.network-bridge')];
  return {
    innerText: document.body.innerText,
    textContent: document.documentElement.textContent ?? '',
    outerHTML: document.documentElement.outerHTML,
    shadowRoots: values.map((value) => `${value.shadowRoot === null ? 'closed' : value.shadowRoot.textContent}`).join('|'),
    rangeText: range.toString(),
    selected,
    caret: caret.join('|'),
    storage: storage.join('\n'),
    globals: globals.join('\n'),
    bridgeHolderInPageWorld: symbolHolder === undefined ? 'none' : 'present',
    hostileLog: JSON.stringify(window.__hostile ?? null),
  };
}

/**
 * window.find() searches the rendered text, closed shadow roots included, and selects the match; Selection.modify then
 * extends word by word. A page that guesses one character of a value (an e-mail's "@") reads the rest. Returns what
 * the selection held around each of the first matches.
 */
export function readThroughFindAndSelection(anchor: string): string {
  const selection = getSelection();
  if (!selection) return '';
  const find = (window as unknown as { find(text: string, caseSensitive: boolean, backwards: boolean, wrapAround: boolean): boolean }).find.bind(window);
  (document.activeElement as HTMLElement | null)?.blur();
  const reads: string[] = [];
  /** Selects the match-th occurrence of the anchor, counting from the top of the page. */
  const selectMatch = (match: number): boolean => {
    selection.removeAllRanges();
    for (let skip = 0; skip <= match; skip++) if (!find(anchor, false, false, false)) return false;
    return true;
  };
  for (let match = 0; match < 12 && selectMatch(match); match++) {
    for (let step = 0; step < 4; step++) selection.modify('extend', 'backward', 'word');
    reads.push(selection.toString());
    selectMatch(match);
    for (let step = 0; step < 4; step++) selection.modify('extend', 'forward', 'word');
    reads.push(selection.toString());
  }
  selection.removeAllRanges();
  return reads.join('|');
}
