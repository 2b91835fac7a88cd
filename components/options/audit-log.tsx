import { useCallback, useEffect, useState } from 'preact/hooks';
import { ACTIONS, SITE_IDS } from '../../lib/policy/types';
import { sendUiApp } from '../../lib/messaging/ui-protocol';
import type { AuditRecord, ChainVerification } from '../../lib/storage/audit-log';
import { downloadName, formatTime } from '../../lib/ui/format';
import { t } from '../../lib/ui/i18n';
import { auditQueryFor, EMPTY_AUDIT_FILTERS, type AuditFilters } from '../../lib/ui/policy-rows';
import { downloadText } from './download';
import { errorMessage } from './use-policy';

const KINDS = ['secret', 'pii', 'custom', 'hidden-text', 'injection', 'exfil-link', 'unsafe-code', 'token-limit'];
const AUDIT_ACTIONS = [...ACTIONS, 'held'];

/** The local audit log: filters, the events (types and fingerprints, never values), chain check, CSV/JSON export. */
export function AuditLogView({ refreshKey }: { refreshKey: number }) {
  const [filters, setFilters] = useState<AuditFilters>(EMPTY_AUDIT_FILTERS);
  const [events, setEvents] = useState<AuditRecord[] | null>(null);
  const [total, setTotal] = useState(0);
  const [chain, setChain] = useState<ChainVerification | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (current: AuditFilters) => {
    try {
      const [list, verification] = await Promise.all([
        sendUiApp('ui-app:list-audit', { query: auditQueryFor(current) }),
        sendUiApp('ui-app:verify-audit', {}),
      ]);
      setEvents(list.events);
      setTotal(list.total);
      setChain(verification);
      setError(null);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, []);

  useEffect(() => {
    void load(filters);
  }, [filters, load, refreshKey]);

  const set = (key: keyof AuditFilters) => (event: Event) =>
    setFilters((current) => ({ ...current, [key]: (event.currentTarget as HTMLInputElement | HTMLSelectElement).value }));

  const exportAs = async (format: 'csv' | 'json') => {
    try {
      const { content } = await sendUiApp('ui-app:export-audit', { format });
      downloadText(content, downloadName('audit', format), format === 'csv' ? 'text/csv' : 'application/json');
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <div class="stack">
      <div class="audit-toolbar">
        <ChainStatus chain={chain} total={total} />
        <div class="row">
          <button type="button" class="btn" onClick={() => void exportAs('csv')}>
            {t('optionsAuditExportCsv')}
          </button>
          <button type="button" class="btn" onClick={() => void exportAs('json')}>
            {t('optionsAuditExportJson')}
          </button>
        </div>
      </div>

      <form class="audit-filters" aria-label={t('optionsAuditFilters')} onSubmit={(event) => event.preventDefault()}>
        <FilterSelect id="filter-site" label={t('optionsAuditSite')} value={filters.site} options={SITE_IDS} onChange={set('site')} />
        <FilterSelect id="filter-kind" label={t('optionsAuditKind')} value={filters.kind} options={KINDS} onChange={set('kind')} />
        <div class="filter">
          <label for="filter-type">{t('optionsAuditType')}</label>
          <input id="filter-type" type="text" class="mono" placeholder="EMAIL" value={filters.type} onChange={set('type')} />
        </div>
        <FilterSelect id="filter-action" label={t('optionsAuditAction')} value={filters.action} options={AUDIT_ACTIONS} onChange={set('action')} />
        <div class="filter">
          <label for="filter-from">{t('optionsAuditFrom')}</label>
          <input id="filter-from" type="date" value={filters.from} onChange={set('from')} />
        </div>
        <div class="filter">
          <label for="filter-to">{t('optionsAuditTo')}</label>
          <input id="filter-to" type="date" value={filters.to} onChange={set('to')} />
        </div>
        <button type="button" class="btn btn-small filter-reset" onClick={() => setFilters(EMPTY_AUDIT_FILTERS)}>
          {t('optionsAuditClearFilters')}
        </button>
      </form>

      {error && (
        <p class="error-text" role="alert">
          {error}
        </p>
      )}
      {events !== null && events.length === 0 && <p class="empty muted">{total === 0 ? t('optionsAuditEmpty') : t('optionsAuditNoMatch')}</p>}
      {events !== null && events.length > 0 && (
        <div class="table-scroll audit-scroll">
          <table class="audit-table" data-rows={String(events.length)}>
            <caption class="visually-hidden">{t('optionsAuditCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('optionsAuditWhen')}</th>
                <th scope="col">{t('optionsAuditSite')}</th>
                <th scope="col">{t('optionsAuditKind')}</th>
                <th scope="col">{t('optionsAuditType')}</th>
                <th scope="col">{t('optionsAuditAction')}</th>
                <th scope="col">{t('optionsAuditChannel')}</th>
                <th scope="col">{t('optionsAuditFingerprint')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.seq} data-seq={String(event.seq)}>
                  <td>{formatTime(event.at)}</td>
                  <td>{event.site}</td>
                  <td>{event.kind}</td>
                  <td class="mono">{event.type}</td>
                  <td>
                    {event.action}
                    {event.overridden && <span class="badge badge-org"> {t('optionsAuditOverridden')}</span>}
                  </td>
                  <td>{event.channel}</td>
                  <td class="mono small" title={event.fingerprint}>
                    {event.fingerprint ? `${event.fingerprint.slice(0, 12)}…` : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function ChainStatus({ chain, total }: { chain: ChainVerification | null; total: number }) {
  if (!chain) return <p class="muted small">{t('optionsAuditVerifying')}</p>;
  return chain.ok ? (
    <p class="chain chain-ok" data-chain="ok" role="status">
      <span aria-hidden="true">✓ </span>
      {t('optionsAuditChainOk', String(total))}
    </p>
  ) : (
    <p class="chain chain-broken" data-chain="broken" role="alert">
      <span aria-hidden="true">⚠ </span>
      {t('optionsAuditChainBroken', [String(chain.firstBrokenSeq ?? '?'), chain.reason ?? ''])}
    </p>
  );
}

function FilterSelect({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: readonly string[];
  onChange: (event: Event) => void;
}) {
  return (
    <div class="filter">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={onChange}>
        <option value="">{t('optionsAuditAny')}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </div>
  );
}
