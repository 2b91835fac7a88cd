import { defineContentScript } from 'wxt/utils/define-content-script';
import { geminiAdapter } from '../lib/adapters/gemini';
import { startGuard } from '../lib/guard';

export default defineContentScript({
  matches: ['https://gemini.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    // Sets <html data-chatwarden-guard="gemini"> once the guard listens.
    startGuard(ctx, geminiAdapter);
  },
});
