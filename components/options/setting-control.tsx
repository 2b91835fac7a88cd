import { useState } from 'preact/hooks';
import { sendUiApp, type PolicySnapshot } from '../../lib/messaging/ui-protocol';
import { t } from '../../lib/ui/i18n';
import { fieldState, partialFor, valueAt } from '../../lib/ui/policy-rows';
import { LockIcon, SourceBadge } from '../ui/source-badge';
import { errorMessage } from './use-policy';

export type ControlSpec =
  | { kind: 'toggle' }
  | { kind: 'select'; options: readonly string[] }
  | { kind: 'number'; min: number; max: number; unit?: string };

interface SettingControlProps {
  snapshot: PolicySnapshot;
  path: string;
  label: string;
  hint?: string;
  spec: ControlSpec;
  onSaved: () => void;
}

/** One user-changeable setting: its input (disabled when locked), source badge, lock reason and inline errors. */
export function SettingControl({ snapshot, path, label, hint, spec, onSaved }: SettingControlProps) {
  const { effective } = snapshot;
  const { source, locked } = fieldState(effective, path);
  const value = valueAt(effective.policy, path);
  const [error, setError] = useState<string | null>(null);
  const [draftNumber, setDraftNumber] = useState<string | null>(null);
  const id = `setting-${path.replace(/\./g, '-')}`;
  const describedBy = [hint ? `${id}-hint` : '', locked ? `${id}-lock` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');

  const save = async (next: unknown) => {
    setError(null);
    try {
      const result = await sendUiApp('ui-app:set-user-settings', { partial: partialFor(path, next) });
      if (!result.ok) setError(result.errors.map((issue) => `${issue.field}: ${issue.message}`).join('; '));
      else setDraftNumber(null);
    } catch (failure) {
      setError(errorMessage(failure));
    }
    onSaved();
  };

  const reset = async () => {
    setError(null);
    try {
      await sendUiApp('ui-app:reset-user-settings', { paths: [path] });
    } catch (failure) {
      setError(errorMessage(failure));
    }
    onSaved();
  };

  let input;
  if (spec.kind === 'toggle') {
    input = (
      <label class="switch">
        <input
          id={id}
          type="checkbox"
          role="switch"
          checked={value === true}
          disabled={locked}
          aria-describedby={describedBy || undefined}
          onChange={(event) => void save((event.currentTarget as HTMLInputElement).checked)}
        />
        <span>{label}</span>
      </label>
    );
  } else if (spec.kind === 'select') {
    input = (
      <>
        <label for={id}>{label}</label>
        <select
          id={id}
          value={String(value)}
          disabled={locked}
          aria-describedby={describedBy || undefined}
          onChange={(event) => void save((event.currentTarget as HTMLSelectElement).value)}
        >
          {spec.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      </>
    );
  } else {
    input = (
      <>
        <label for={id}>{label}</label>
        <span class="number-input">
          <input
            id={id}
            type="number"
            min={spec.min}
            max={spec.max}
            value={draftNumber ?? String(value)}
            disabled={locked}
            aria-describedby={describedBy || undefined}
            onInput={(event) => setDraftNumber((event.currentTarget as HTMLInputElement).value)}
            onChange={(event) => {
              const raw = (event.currentTarget as HTMLInputElement).value;
              const parsed = Number(raw);
              if (raw.trim() === '' || !Number.isFinite(parsed)) setError(t('optionsNumberInvalid'));
              else void save(parsed);
            }}
          />
          {spec.unit && <span class="muted small">{spec.unit}</span>}
        </span>
      </>
    );
  }

  return (
    <div class={`setting ${locked ? 'setting-locked' : ''}`} data-path={path} data-locked={locked ? 'true' : 'false'}>
      <div class="setting-input">{input}</div>
      <div class="setting-source">
        <SourceBadge source={source} />
        {locked && <LockIcon source={source} />}
        {!locked && source === 'user' && (
          <button type="button" class="btn-link small" onClick={() => void reset()}>
            {t('optionsResetSetting')}
          </button>
        )}
      </div>
      {hint && (
        <p id={`${id}-hint`} class="small muted setting-hint">
          {hint}
        </p>
      )}
      {locked && (
        <p id={`${id}-lock`} class="small muted setting-hint">
          {source === 'managed' ? t('lockedByManaged') : t('lockedByOrg')}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="error-text setting-hint" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
