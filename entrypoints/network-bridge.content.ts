/**
 * Isolated world, document_start: catches the MAIN-world network guard's port before page scripts run and parks it
 * until the site's guard calls startNetworkBridge (lib/guard/network/bridge-isolated.ts).
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { captureNetworkBridgePort } from '../lib/guard/network/bridge-isolated';

export default defineContentScript({
  matches: ['https://chatgpt.com/*', 'https://claude.ai/*', 'https://gemini.google.com/*'],
  runAt: 'document_start',
  // Child frames' MAIN-world guards are answered by the top frame's guard (bridge-isolated.ts).
  allFrames: true,
  matchAboutBlank: true,
  main() {
    captureNetworkBridgePort();
  },
});
