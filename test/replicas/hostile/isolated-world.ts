// Runs code in ChatWarden's own isolated world on a chat page (the world its content scripts live in), through the
// DevTools protocol. Test-only: it stands in for "the extension's content script did X" (a control request the egress
// monitor must see) and for fault injection (make the engine throw) without adding hooks to the extension.

import type { BrowserContext, Page } from '@playwright/test';

interface ExecutionContextDescription {
  id: number;
  name: string;
  origin: string;
  auxData?: { type?: string; isDefault?: boolean; frameId?: string };
}

/**
 * Evaluates `expression` in the top frame's ChatWarden isolated world and returns its (awaited) JSON value.
 * Throws when the page has no such world (the content scripts did not run).
 */
export async function evaluateInExtensionWorld<T>(context: BrowserContext, page: Page, extensionId: string, expression: string): Promise<T> {
  const cdp = await context.newCDPSession(page);
  try {
    const contexts: ExecutionContextDescription[] = [];
    cdp.on('Runtime.executionContextCreated', (event: { context: ExecutionContextDescription }) => contexts.push(event.context));
    // Runtime.enable reports every existing context before it returns.
    await cdp.send('Runtime.enable');
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const world = contexts.find(
      (candidate) =>
        candidate.auxData?.type === 'isolated' &&
        candidate.origin === `chrome-extension://${extensionId}` &&
        candidate.auxData.frameId === frameTree.frame.id,
    );
    if (!world) throw new Error(`no ChatWarden isolated world on ${page.url()}`);
    const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
      contextId: world.id,
      expression,
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value?: T }; exceptionDetails?: { text: string; exception?: { description?: string } } };
    if (exceptionDetails) throw new Error(`isolated-world evaluation failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  } finally {
    await cdp.detach().catch(() => {});
  }
}
