/**
 * The background's one PolicyService. Every part of the service worker that reads or changes policy must use this
 * instance: a second instance would not see changes made through the first (it reads Dexie only on load()).
 */
import { PolicyService } from '../policy/policy-service';

let shared: PolicyService | undefined;
let loaded: Promise<unknown> | undefined;

export function getPolicyService(): PolicyService {
  shared ??= new PolicyService();
  return shared;
}

/** The shared service after its first load() (started once, on first call). */
export async function getLoadedPolicyService(): Promise<PolicyService> {
  const service = getPolicyService();
  loaded ??= service.load().catch((error: unknown) => console.error('[chatwarden] policy load failed', error));
  await loaded;
  return service;
}
