/** Formatting helpers shared by the popup and the options page. */

/** 14:03 today, or "21 Nov, 14:03" on another day (the user's locale). */
export function formatTime(epochMs: number, now: number = Date.now()): string {
  const date = new Date(epochMs);
  const sameDay = new Date(now).toDateString() === date.toDateString();
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return sameDay ? time : `${date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })}, ${time}`;
}

/** A short, stable rendering of a policy value for tables (never more than ~80 characters). */
export function formatPolicyValue(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    const items = value.map((item) =>
      typeof item === 'object' && item !== null && 'label' in item ? String((item as { label: unknown }).label) : String(item),
    );
    const joined = items.join(', ');
    return joined.length > 80 ? `${joined.slice(0, 77)}…` : joined;
  }
  if (typeof value === 'object') {
    const json = JSON.stringify(value);
    return json === '{}' ? '—' : json.length > 80 ? `${json.slice(0, 77)}…` : json;
  }
  return String(value);
}

/** The date part of an <input type="date"> value as epoch ms at local midnight (start) or end of day (end). */
export function dateInputToEpoch(value: string, edge: 'start' | 'end'): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  return edge === 'start'
    ? new Date(year, month - 1, day, 0, 0, 0, 0).getTime()
    : new Date(year, month - 1, day, 23, 59, 59, 999).getTime();
}

/** A file name for a download: chatwarden-audit-2026-11-21.csv */
export function downloadName(base: string, extension: string, now: Date = new Date()): string {
  const stamp = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return `chatwarden-${base}-${stamp}.${extension}`;
}
