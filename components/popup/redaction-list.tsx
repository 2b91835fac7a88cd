import { useEffect, useState } from 'preact/hooks';
import type { RedactionRecord } from '../../lib/messaging/protocol';
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
export function RedactionList({ tabId, rows }: { tabId: number; rows: RedactionRecord[] }) {
  const [revealed, setRevealed] = useState<Record<string, string | null>>({});
  const [revealError, setRevealError] = useState<string | null>(null);
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
                <span class={`outcome outcome-${row.outcome}`}>{t(OUTCOME_LABEL[row.outcome])}</span>
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
                {/* The guard has no undo or allowlist API yet: shown, disabled, with the reason. */}
                <span class="tooltip-wrap" title={t('popupUndoUnavailable')}>
                  <button type="button" class="btn btn-small" disabled aria-describedby="undo-unavailable">
                    {t('popupUndo')}
                  </button>
                </span>
                <span class="tooltip-wrap" title={t('popupAllowUnavailable')}>
                  <button type="button" class="btn btn-small" disabled aria-describedby="allow-unavailable">
                    {t('popupAlwaysAllow')}
                  </button>
                </span>
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
