import type { EffectivePolicy } from '../../lib/policy/policy-service';
import { formatPolicyValue } from '../../lib/ui/format';
import { t } from '../../lib/ui/i18n';
import { policyRows } from '../../lib/ui/policy-rows';
import { LockIcon, SourceBadge } from '../ui/source-badge';

/** Every field of the effective policy with its source; locked ones carry a padlock and the reason. */
export function PolicyTable({ effective }: { effective: EffectivePolicy }) {
  const rows = policyRows(effective);
  return (
    <div class="table-scroll">
      <table class="policy-table">
        <caption class="visually-hidden">{t('optionsPolicyCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('optionsColumnField')}</th>
            <th scope="col">{t('optionsColumnValue')}</th>
            <th scope="col">{t('optionsColumnSource')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.path} data-path={row.path} data-locked={row.locked ? 'true' : 'false'}>
              <th scope="row" class="mono field-name">
                {row.path}
              </th>
              <td class="mono">{formatPolicyValue(row.value)}</td>
              <td>
                <span class="source-cell">
                  <SourceBadge source={row.source} />
                  {row.locked && <LockIcon source={row.source} />}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
