/**
 * Adapter health: which roles resolve on the current page. A missing required role (the composer) means the guard cannot
 * protect sends, so the guard holds them (fail closed) and says which role failed.
 */
import { queryRole, type SelectorOverrides } from './query';
import type { AdapterRole, SiteAdapter } from './types';

const ALL_ROLES: AdapterRole[] = ['composer', 'send', 'stop', 'userTurn', 'assistantTurn', 'fileInput', 'streaming'];

export interface HealthReport {
  site: SiteAdapter['site'];
  ok: boolean;
  /** Required roles that matched nothing. */
  failed: AdapterRole[];
  /** Per role, the selector that matched (null: none). Optional roles are often absent (no turns on a new chat). */
  matched: Partial<Record<AdapterRole, string | null>>;
  checkedAt: number;
}

export function checkHealth(adapter: SiteAdapter, overrides: SelectorOverrides, root: ParentNode = document): HealthReport {
  const matched: HealthReport['matched'] = {};
  for (const role of ALL_ROLES) matched[role] = queryRole(adapter, role, overrides, root)?.selector ?? null;
  const failed = adapter.requiredRoles.filter((role) => !matched[role]);
  return { site: adapter.site, ok: failed.length === 0, failed, matched, checkedAt: Date.now() };
}

export function describeHealthFailure(adapter: SiteAdapter, report: HealthReport): string {
  const roles = report.failed.map((role) => (role === 'composer' ? 'the message box' : role)).join(', ');
  return `ChatWarden cannot find ${roles} on ${adapter.label}: the page layout may have changed.`;
}
