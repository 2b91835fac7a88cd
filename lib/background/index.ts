/**
 * Service-worker wiring. Each concern registers its own handlers; entrypoints/background.ts only calls startBackground().
 * All of them share one PolicyService (policy-instance.ts), so a change made in the options page reaches the guard,
 * the badge and the exfiltration rules at once.
 * - guard-handlers.ts: content scripts ↔ background (vault, audit, badge, tokens, per-tab redactions)
 * - ui-handlers.ts: popup/options ↔ background (policy, settings, audit log, reveal)
 * - inbound-handlers.ts: declarativeNetRequest rules that stop exfiltration images before they are requested,
 *   and the per-tab reply findings the popup lists
 */
import { applyExfilRules, registerInboundHandlers } from './inbound-handlers';
import { registerGuardHandlers } from './guard-handlers';
import { getLoadedPolicyService } from './policy-instance';
import { registerUiHandlers } from './ui-handlers';

export function startBackground(): void {
  registerInboundHandlers();
  registerGuardHandlers();
  registerUiHandlers();
  void getLoadedPolicyService().then((service) => {
    const apply = () =>
      applyExfilRules(service.getEffective().policy).catch((error: unknown) =>
        console.error('[chatwarden] could not apply the exfiltration image rules', error),
      );
    void apply();
    service.onChange(() => void apply());
  });
}
