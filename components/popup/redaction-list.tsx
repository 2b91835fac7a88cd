import { useEffect, useState } from 'preact/hooks';
import { sendUiToBackground, type RedactionRecord } from '../../lib/messaging/protocol';
import { sendUiApp } from '../../lib/messaging/ui-protocol';
import { formatTime } from '../../lib/ui/format';
import { t, type MessageKey } from '../../lib/ui/i18n';

const CHANNEL_LABEL: Record<RedactionRecord['channel'], MessageKey> = {
  typed: 'channelTyped',
  paste: 'channelPaste',
  drop: 'channelDrop',
  upload: 'channelUpload',
  network: 'channelNetwork',
};

const OUTCOME_LABEL: Record<RedactionRecord['outcome'], MessageKey> = {
  redacted: 'outcomeRedacted',
  blocked: 'outcomeBlocked',
  warned: 'outcomeWarned',
  override: 'outcomeOverride',
  held: 'outcomeHeld',
};

/**
 * The tab's redactions. A revealed original lives in this component's state only (gone when the popup closes);
 * it is fetched from the background's vault for the tab's conversation.
 */
export function RedactionList({
  tabId,
  rows,
  userMayOverride,
  onChanged,
}: {
  tabId: number;
  rows: RedactionRecord[];
  userMayOverride: boolean;
  onChanged: () => void;
}) {
  const [revealed, setRevealed] = useState<Record<string, string | null>>({});
  const [revealError, setRevealError] = useState<string | null>(null);
  const [actionNote, setActionNote] = useState<string | null>(null);

  // Undo (a paste/drop still in the composer) and always-allow act in the guard and the background; the UI only
  // names the record, never a value.
  const act = async (type: 'ui-bg:undo-redaction' | 'ui-bg:always-allow', id: string) => {
    try {
      const reply = await sendUiToBackground(type, { tabId, id });
      if (!reply.ok) throw new Error(reply.error ?? type);
      setActionNote(t(type === 'ui-bg:undo-redaction' ? 'popupUndone' : 'popupAllowed'));
      setRevealError(null);
      onChanged();
    } catch (failure) {
      setRevealError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  // Forget every revealed value when the popup goes away or the tab changes.
  useEffect(() => () => setRevealed({}), [tabId]);

  const toggleReveal = async (placeholder: string) => {
    if (placeholder in revealed) {
      const { [placeholder]: _, ...rest } = revealed;
      setRevealed(rest);
      return;
    }
    try {
      const { value } = await sendUiApp('ui-app:reveal', { tabId, placeholder });
      setRevealed((current) => ({ ...current, [placeholder]: value }));
      setRevealError(null);
    } catch (failure) {
      setRevealError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  return (
    <>
      {revealError && (
        <p class="error-text" role="alert">
          {revealError}
        </p>
      )}
      {actionNote && (
        <p class="small" role="status">
          {actionNote}
        </p>
      )}
      <ul class="redactions">
        {rows.map((row) => {
          const key = `${row.time}|${row.placeholder ?? row.masked}|${row.outcome}`;
          const placeholder = row.placeholder;
          const shown = placeholder !== null && placeholder in revealed;
          const value = placeholder ? revealed[placeholder] : undefined;
          return (
            <li key={key} class="redaction" data-type={row.type}>
              <div class="redaction-main">
                <span class="redaction-type">{row.type}</span>
                {placeholder && <code class="placeholder">{placeholder}</code>}
                <span class={`outcome outcome-${row.undone ? 'undone' : row.outcome}`}>
                  {t(row.undone ? 'outcomeUndone' : OUTCOME_LABEL[row.outcome])}
                </span>
              </div>
              <div class="redaction-meta small muted">
                <code class="masked" aria-label={t('popupMaskedLabel')}>
                  {row.masked}
                </code>
                <span>{formatTime(row.time)}</span>
                <span>{t(CHANNEL_LABEL[row.channel])}</span>
              </div>
              {shown && (
                <div class="revealed" data-revealed="true">
                  {value === null ? (
                    <span class="small muted">{t('popupRevealGone')}</span>
                  ) : (
                    <>
                      <span class="visually-hidden">{t('popupRevealedLabel')}</span>
                      <code>{value}</code>
                    </>
                  )}
                </div>
              )}
              <div class="redaction-actions">
                <button
                  type="button"
                  class="btn btn-small"
                  disabled={!placeholder}
                  aria-pressed={shown}
                  onClick={() => placeholder && void toggleReveal(placeholder)}
                >
                  {shown ? t('popupHide') : t('popupReveal')}
                </button>
                <span class="tooltip-wrap" title={row.undoable ? undefined : t('popupUndoUnavailable')}>
                  <button
                    type="button"
                    class="btn btn-small"
                    disabled={!row.undoable || !row.id}
                    aria-describedby={row.undoable ? undefined : 'undo-unavailable'}
                    onClick={() => row.id && void act('ui-bg:undo-redaction', row.id)}
                  >
                    {t('popupUndo')}
                  </button>
                </span>
                {row.id && placeholder && row.outcome === 'redacted' && !row.undone && (
                  <span class="tooltip-wrap" title={userMayOverride ? undefined : t('popupAllowUnavailable')}>
                    <button
                      type="button"
                      class="btn btn-small"
                      disabled={!userMayOverride}
                      aria-describedby={userMayOverride ? undefined : 'allow-unavailable'}
                      onClick={() => row.id && void act('ui-bg:always-allow', row.id)}
                    >
                      {t('popupAlwaysAllow')}
                    </button>
                  </span>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      <p id="undo-unavailable" class="visually-hidden">
        {t('popupUndoUnavailable')}
      </p>
      <p id="allow-unavailable" class="visually-hidden">
        {t('popupAllowUnavailable')}
      </p>
    </>
  );
}
