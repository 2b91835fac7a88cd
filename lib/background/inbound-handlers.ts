/**
 * Background side of the inbound guard: the exfiltration-image rules (exfil-blocker.ts). Registered from
 * lib/background/index.ts. The defaults go in at once so a chat tab is covered before the stored policy is read;
 * whoever owns the effective policy calls applyExfilRules(policy) on start and on every change (calls are serialised).
 */
import { defaultPolicy } from '../policy/defaults';
import { applyExfilRules } from './exfil-blocker';

export { applyExfilRules };

export function registerInboundHandlers(): void {
  applyExfilRules(defaultPolicy()).catch((error: unknown) => {
    console.error('ChatWarden: could not install the exfiltration image rules', error);
  });
}
