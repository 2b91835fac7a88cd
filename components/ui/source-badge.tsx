import { t } from '../../lib/ui/i18n';
import { SOURCE_LABEL } from '../../lib/ui/popup-model';
import type { PolicySource } from '../../lib/policy/types';

/** Where a policy value comes from: managed, org, user or default. */
export function SourceBadge({ source }: { source: PolicySource }) {
  return <span class={`badge badge-${source}`} data-source={source}>{t(SOURCE_LABEL[source])}</span>;
}

/** A padlock with its reason as accessible text and tooltip. */
export function LockIcon({ source }: { source: PolicySource }) {
  const reason = source === 'managed' ? t('lockedByManaged') : t('lockedByOrg');
  return (
    <span class="lock" title={reason} data-locked="true">
      <svg aria-hidden="true" width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round">
        <rect x="4" y="11" width="16" height="10" rx="2" />
        <path d="M8 11V7a4 4 0 0 1 8 0v4" />
      </svg>
      <span class="visually-hidden">{reason}</span>
    </span>
  );
}
