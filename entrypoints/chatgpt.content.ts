import { defineContentScript } from 'wxt/utils/define-content-script';
import { chatgptAdapter } from '../lib/adapters/chatgpt';
import { startGuard } from '../lib/guard';

export default defineContentScript({
  matches: ['https://chatgpt.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    // Sets <html data-chatwarden-guard="chatgpt"> once the guard listens.
    startGuard(ctx, chatgptAdapter);
  },
});
