/**
 * Service-worker wiring. Each concern registers its own handlers; entrypoints/background.ts only calls startBackground().
 * - guard-handlers.ts: content scripts ↔ background (scan, vault, audit, badge, tokens)
 * - ui-handlers.ts: popup/options ↔ background (policy, redactions, audit log, settings)
 */
import { registerGuardHandlers } from './guard-handlers';
import { registerUiHandlers } from './ui-handlers';

export function startBackground(): void {
  registerGuardHandlers();
  registerUiHandlers();
}
