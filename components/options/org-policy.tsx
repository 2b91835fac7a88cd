import { useState } from 'preact/hooks';
import type { PolicyFieldError } from '../../lib/policy/types';
import { sendUiApp, type PolicySnapshot } from '../../lib/messaging/ui-protocol';
import { downloadName, formatTime } from '../../lib/ui/format';
import { t } from '../../lib/ui/i18n';
import { downloadText } from './download';
import { errorMessage } from './use-policy';

type ImportOutcome = { ok: true; version: number; warnings: PolicyFieldError[] } | { ok: false; errors: PolicyFieldError[] };

/** Import (file or paste) and export of the organization policy. A rejected import leaves the policy in force. */
export function OrgPolicy({ snapshot, onChanged }: { snapshot: PolicySnapshot; onChanged: () => void }) {
  const [text, setText] = useState('');
  const [label, setLabel] = useState<string | undefined>(undefined);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { org, managed } = snapshot.effective;

  const readFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setText(await file.text());
    setLabel(file.name);
    setOutcome(null);
  };

  const importPolicy = async () => {
    setFailure(null);
    try {
      const result = await sendUiApp('ui-app:import-org-policy', { json: text, label: label ?? t('optionsOrgPastedLabel') });
      setOutcome(result.ok ? { ok: true, version: result.org.version, warnings: result.warnings } : { ok: false, errors: result.errors });
    } catch (error) {
      setFailure(errorMessage(error));
    }
    onChanged();
  };

  const exportPolicy = async () => {
    setFailure(null);
    try {
      const { json } = await sendUiApp('ui-app:export-org-policy', {});
      if (json) downloadText(json, downloadName('org-policy', 'json'), 'application/json');
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  const removePolicy = async () => {
    try {
      await sendUiApp('ui-app:remove-org-policy', {});
      setOutcome(null);
    } catch (error) {
      setFailure(errorMessage(error));
    }
    onChanged();
  };

  return (
    <div class="stack">
      <div class="org-status" data-org-version={org ? String(org.version) : ''}>
        {org ? (
          <p>
            {t('optionsOrgInForce', [String(org.version), formatTime(org.importedAt)])}
            {org.label && <span class="muted"> · {org.label}</span>}
          </p>
        ) : (
          <p class="muted">{t('optionsOrgNone')}</p>
        )}
        {managed.active && <p class="small muted">{t('optionsOrgManagedNote')}</p>}
      </div>

      <div class="import-box">
        <label for="org-file" class="file-label">
          {t('optionsOrgChooseFile')}
        </label>
        <input id="org-file" type="file" accept="application/json,.json" onChange={(event) => void readFile(event.currentTarget as HTMLInputElement)} />
        <label for="org-json">{t('optionsOrgPasteLabel')}</label>
        <textarea
          id="org-json"
          rows={7}
          class="mono"
          spellcheck={false}
          placeholder='{ "actions": { "secret": "block" } }'
          value={text}
          onInput={(event) => {
            setText((event.currentTarget as HTMLTextAreaElement).value);
            setLabel(undefined);
          }}
        />
        <div class="row">
          <button type="button" class="btn btn-primary" disabled={text.trim() === ''} onClick={() => void importPolicy()}>
            {t('optionsOrgImport')}
          </button>
          <button type="button" class="btn" disabled={!org} onClick={() => void exportPolicy()}>
            {t('optionsOrgExport')}
          </button>
          <button type="button" class="btn btn-danger" disabled={!org} onClick={() => void removePolicy()}>
            {t('optionsOrgRemove')}
          </button>
        </div>
      </div>

      {outcome?.ok === true && (
        <div class="alert alert-ok" role="status">
          {t('optionsOrgImported', String(outcome.version))}
          {outcome.warnings.length > 0 && <FieldErrorList errors={outcome.warnings} />}
        </div>
      )}
      {outcome?.ok === false && (
        <div class="alert alert-error" role="alert" data-testid="org-import-errors">
          <p>
            <strong>{t('optionsOrgRejected')}</strong> {org ? t('optionsOrgKeptVersion', String(org.version)) : t('optionsOrgKeptNone')}
          </p>
          <FieldErrorList errors={outcome.errors} />
        </div>
      )}
      {failure && (
        <p class="error-text" role="alert">
          {failure}
        </p>
      )}
    </div>
  );
}

export function FieldErrorList({ errors }: { errors: PolicyFieldError[] }) {
  return (
    <ul class="field-errors">
      {errors.map((error) => (
        <li key={`${error.field}:${error.message}`}>
          <code>{error.field}</code>: {error.message}
        </li>
      ))}
    </ul>
  );
}
