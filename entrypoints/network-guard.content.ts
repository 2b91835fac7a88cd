/**
 * MAIN world, document_start: the network safety net (lib/guard/network/main-world.ts). Runs before any page script,
 * so it wraps fetch/XHR with pristine originals and hands the private port to the isolated world first.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { installNetworkGuard } from '../lib/guard/network/main-world';

export default defineContentScript({
  matches: ['https://chatgpt.com/*', 'https://claude.ai/*', 'https://gemini.google.com/*'],
  world: 'MAIN',
  runAt: 'document_start',
  // Same-origin about:blank iframes have pristine fetch/XHR a page script could use; wrap them too.
  allFrames: true,
  matchAboutBlank: true,
  main() {
    installNetworkGuard(window);
  },
});
