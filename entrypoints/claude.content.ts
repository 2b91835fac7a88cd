import { defineContentScript } from 'wxt/utils/define-content-script';
import { claudeAdapter } from '../lib/adapters/claude';
import { startGuard } from '../lib/guard';

export default defineContentScript({
  matches: ['https://claude.ai/*'],
  runAt: 'document_idle',
  main(ctx) {
    // Sets <html data-chatwarden-guard="claude"> once the guard listens.
    startGuard(ctx, claudeAdapter);
  },
});
