import { useState } from 'preact/hooks';
import { sendUiApp, type PolicySnapshot } from '../../lib/messaging/ui-protocol';
import { t } from '../../lib/ui/i18n';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { SettingControl } from './setting-control';
import { errorMessage } from './use-policy';

/** Retention and "delete all data" (behind a confirm dialog). */
export function DataSection({ snapshot, onChanged }: { snapshot: PolicySnapshot; onChanged: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);

  const deleteAll = async () => {
    setConfirming(false);
    try {
      await sendUiApp('ui-app:delete-all-data', { confirm: true });
      setResult({ ok: true, message: t('optionsDeleteDone') });
    } catch (failure) {
      setResult({ ok: false, message: errorMessage(failure) });
    }
    onChanged();
  };

  return (
    <div class="stack">
      <div class="settings-grid">
        <fieldset>
          <legend>{t('optionsGroupRetention')}</legend>
          <SettingControl
            snapshot={snapshot}
            onSaved={onChanged}
            path="vaultRetentionHours"
            label={t('settingVaultRetention')}
            hint={t('settingVaultRetentionHint')}
            spec={{ kind: 'number', min: 1, max: 24 * 365, unit: t('unitHours') }}
          />
          <SettingControl
            snapshot={snapshot}
            onSaved={onChanged}
            path="auditRetentionDays"
            label={t('settingAuditRetention')}
            hint={t('settingAuditRetentionHint')}
            spec={{ kind: 'number', min: 1, max: 3650, unit: t('unitDays') }}
          />
        </fieldset>
      </div>
      <div class="card danger-zone">
        <h3>{t('optionsDeleteHeading')}</h3>
        <p class="small muted">{t('optionsDeleteExplain')}</p>
        <button type="button" class="btn btn-danger" onClick={() => setConfirming(true)}>
          {t('optionsDeleteButton')}
        </button>
        {result && (
          <p class={result.ok ? 'alert alert-ok' : 'alert alert-error'} role={result.ok ? 'status' : 'alert'}>
            {result.message}
          </p>
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('optionsDeleteConfirmTitle')}
        confirmLabel={t('optionsDeleteConfirmButton')}
        danger
        onConfirm={() => void deleteAll()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('optionsDeleteConfirmBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
