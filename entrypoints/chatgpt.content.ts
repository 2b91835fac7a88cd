import { defineContentScript } from 'wxt/utils/define-content-script';

export default defineContentScript({
  matches: ['https://chatgpt.com/*'],
  runAt: 'document_idle',
  main() {
    document.documentElement.dataset.chatwardenGuard = 'chatgpt';
  },
});
