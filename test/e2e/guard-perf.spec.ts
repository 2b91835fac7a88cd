// Speed budget (issue item 11): the guard adds under 10 ms to a send of a 4 KB prompt. Measures the guard's
// synchronous work in the Enter handler on the real ChatGPT replica, with and without findings.

import { test, expect } from './fixtures';

const RUNS = 15;

function prompt4k(withFindings: boolean): string {
  const line = 'The quarterly report covers revenue, churn and the hiring plan for the platform team. ';
  let text = '';
  let index = 0;
  while (text.length < 4096) {
    text += withFindings && index % 10 === 3 ? `Contact person${index}@acme-corp.com about it. ` : line;
    index++;
  }
  return text.slice(0, 4096);
}

test('the guard decides on a 4 KB prompt in under 10 ms', async ({ sites, recorder }) => {
  const site = sites.chatgpt;
  await site.goto();
  await expect(site.page.locator('html')).toHaveAttribute('data-chatwarden-status', 'protected', { timeout: 15_000 });
  await site.page.waitForTimeout(500); // the guard warms its scanner while idle after start

  // Clean prompt: the guard scans and lets the site's own event through (measured with a later listener that stops it).
  await typeInto(site.editor(), prompt4k(false));
  const clean = await site.editor().evaluate((editor, runs) => {
    const durations: number[] = [];
    const stopper = (event: Event) => event.stopImmediatePropagation();
    window.addEventListener('keydown', stopper, true); // registered after the guard's: runs right after it
    for (let run = 0; run < runs; run++) {
      const event = new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true, cancelable: true });
      const start = performance.now();
      editor.dispatchEvent(event);
      durations.push(performance.now() - start);
    }
    window.removeEventListener('keydown', stopper, true);
    return durations.sort((a, b) => a - b);
  }, RUNS);
  await clear(site.editor());

  // Prompt with findings: the guard scans, decides and cancels the event (then rewrites and sends asynchronously).
  const withFindings: number[] = [];
  const endToEnd: number[] = [];
  for (let run = 0; run < 5; run++) {
    await typeInto(site.editor(), prompt4k(true));
    const before = recorder.all({ site: 'chatgpt', kind: 'conversation' }).length;
    const started = Date.now();
    withFindings.push(
      await site.editor().evaluate((editor) => {
        const event = new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true, cancelable: true });
        const start = performance.now();
        editor.dispatchEvent(event);
        return performance.now() - start;
      }),
    );
    await recorder.waitFor({ site: 'chatgpt', kind: 'conversation' }, { count: before + 1 });
    endToEnd.push(Date.now() - started);
    await site.waitForReply();
  }
  withFindings.sort((a, b) => a - b);
  const median = (values: number[]) => values[Math.floor(values.length / 2)]!;
  console.log(`guard Enter handler, 4 KB clean: median ${median(clean).toFixed(2)} ms, max ${clean.at(-1)!.toFixed(2)} ms`);
  console.log(`guard Enter handler, 4 KB with 10 emails: median ${median(withFindings).toFixed(2)} ms, max ${withFindings.at(-1)!.toFixed(2)} ms`);
  console.log(`Enter to request with rewrite (includes the deliberate settle waits): median ${median(endToEnd.sort((a, b) => a - b))} ms`);
  expect(median(clean)).toBeLessThan(10);
  expect(median(withFindings)).toBeLessThan(10);
  recorder.assertNoneContain(['person3@acme-corp.com']);
});

async function typeInto(editor: import('@playwright/test').Locator, text: string): Promise<void> {
  // Typed input (not a paste, which the guard would already redact): ProseMirror takes execCommand insertText.
  await editor.evaluate((element, value) => {
    (element as HTMLElement).focus();
    document.execCommand('insertText', false, value);
  }, text);
}

async function clear(editor: import('@playwright/test').Locator): Promise<void> {
  await editor.evaluate((element) => {
    (element as HTMLElement).focus();
    document.execCommand('selectAll');
    document.execCommand('delete');
  });
}
