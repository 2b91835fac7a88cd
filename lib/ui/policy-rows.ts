/**
 * The options page's view of the effective policy: one row per field, and per key for keyed fields, each with its
 * source and whether the user may change it. Pure, unit-tested.
 */
import type { EffectivePolicy } from '../policy/policy-service';
import { isPathLocked } from '../policy/merge';
import type { Finding } from '../detection/types';
import type { AuditQuery } from '../storage/audit-log';
import type { Policy, PolicySource } from '../policy/types';
import { dateInputToEpoch } from './format';

export interface PolicyRow {
  path: string;
  value: unknown;
  source: PolicySource;
  locked: boolean;
}

const KEYED = new Set(['actions', 'types', 'inspection', 'sites']);

export function policyRows(effective: EffectivePolicy): PolicyRow[] {
  const rows: PolicyRow[] = [];
  const policy = effective.policy as unknown as Record<string, unknown>;
  for (const [field, value] of Object.entries(policy)) {
    if (KEYED.has(field)) {
      for (const [key, keyValue] of Object.entries(value as Record<string, unknown>)) {
        const path = `${field}.${key}`;
        rows.push({ path, value: keyValue, source: effective.sources[path] ?? 'default', locked: isPathLocked(effective.locked, path) });
      }
      continue;
    }
    rows.push({ path: field, value, source: effective.sources[field] ?? 'default', locked: isPathLocked(effective.locked, field) });
  }
  return rows;
}

/** Source and lock of one path (for a settings control). */
export function fieldState(effective: EffectivePolicy, path: string): { source: PolicySource; locked: boolean } {
  return { source: effective.sources[path] ?? 'default', locked: isPathLocked(effective.locked, path) };
}

/** The value at a dotted path of the policy (`actions.pii`). */
export function valueAt(policy: Policy, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), policy);
}

/** A user-settings partial that sets one dotted path (`actions.pii` → { actions: { pii } }). */
export function partialFor(path: string, value: unknown): Record<string, unknown> {
  const keys = path.split('.');
  return keys.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Record<string, unknown>;
}

export interface TextSegment {
  text: string;
  finding?: Finding;
}

/** Splits text into plain and highlighted runs for the try-it box (findings are sorted and non-overlapping). */
export function highlightSegments(text: string, findings: readonly Finding[]): TextSegment[] {
  const segments: TextSegment[] = [];
  let at = 0;
  for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
    if (finding.start < at || finding.end > text.length) continue;
    if (finding.start > at) segments.push({ text: text.slice(at, finding.start) });
    segments.push({ text: text.slice(finding.start, finding.end), finding });
    at = finding.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}

export interface AuditFilters {
  site: string;
  kind: string;
  type: string;
  action: string;
  /** yyyy-mm-dd from <input type="date">, or ''. */
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FILTERS: AuditFilters = { site: '', kind: '', type: '', action: '', from: '', to: '' };

export function auditQueryFor(filters: AuditFilters, limit = 500): AuditQuery {
  const query: AuditQuery = { limit };
  if (filters.site) query.site = filters.site;
  if (filters.kind) query.kind = filters.kind;
  const type = filters.type.trim().toUpperCase();
  if (type) query.type = type;
  if (filters.action) query.action = filters.action;
  const from = dateInputToEpoch(filters.from, 'start');
  const to = dateInputToEpoch(filters.to, 'end');
  if (from !== undefined) query.from = from;
  if (to !== undefined) query.to = to;
  return query;
}
