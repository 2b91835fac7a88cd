import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendUiToBackground, type RedactionRecord } from '../../lib/messaging/protocol';
import type { ReplyFindingRecord } from '../../lib/messaging/inbound-protocol';
import { sendUiApp, type PolicySnapshot, type TabContext } from '../../lib/messaging/ui-protocol';
import { t, type MessageKey } from '../../lib/ui/i18n';
import { dominantSource, protectionView, redactionRows, replyFindingRows, type GuardState } from '../../lib/ui/popup-model';
import { SourceBadge } from '../ui/source-badge';
import { RedactionList } from './redaction-list';
import { ReplyFindingsList } from './reply-findings-list';

interface PopupData {
  tab: TabContext;
  snapshot: PolicySnapshot;
  guard: GuardState;
  redactions: RedactionRecord[];
  replyFindings: ReplyFindingRecord[];
}

const REFRESH_MS = 1500;

/** The tab the popup is about: `?tab=<id>` (tests open the popup page in a tab), else the active tab. */
async function currentTabId(): Promise<number | null> {
  const override = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(override) && override > 0) return override;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

async function load(tabId: number): Promise<PopupData> {
  const [tab, snapshot, guard, list, replies] = await Promise.all([
    sendUiApp('ui-app:tab-context', { tabId }),
    sendUiApp('ui-app:get-policy', {}),
    sendUiToBackground('ui-bg:tab-guard-state', { tabId }),
    sendUiToBackground('ui-bg:tab-redactions', { tabId }),
    sendUiApp('ui-app:tab-reply-findings', { tabId }),
  ]);
  return { tab, snapshot, guard, redactions: list.redactions, replyFindings: replies.findings };
}

const STATE_ICON: Record<string, string> = {
  protected: '✓',
  paused: 'II',
  unprotected: '!',
  'not-guarded': '–',
  disabled: '×',
  'site-disabled': '×',
  starting: '…',
};

export function PopupApp() {
  const [tabId, setTabId] = useState<number | null | undefined>(undefined);
  const [data, setData] = useState<PopupData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pauseError, setPauseError] = useState<string | null>(null);

  const refresh = useCallback(async (id: number) => {
    try {
      setData(await load(id));
      setError(null);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }, []);

  useEffect(() => {
    void currentTabId().then(setTabId, () => setTabId(null));
  }, []);

  useEffect(() => {
    if (typeof tabId !== 'number') return;
    void refresh(tabId);
    const timer = setInterval(() => void refresh(tabId), REFRESH_MS);
    return () => clearInterval(timer);
  }, [tabId, refresh]);

  const togglePause = async (paused: boolean) => {
    if (typeof tabId !== 'number') return;
    setPauseError(null);
    try {
      const result = await sendUiToBackground('ui-bg:set-paused', { tabId, paused });
      if (!result.ok) setPauseError(result.error ?? t('popupPauseRefused'));
    } catch (failure) {
      setPauseError(failure instanceof Error ? failure.message : String(failure));
    }
    await refresh(tabId);
  };

  return (
    <main class="popup" aria-busy={data === null && error === null}>
      <header class="popup-header">
        <img src="/icon/32.png" width="24" height="24" alt="" />
        <h1>{t('extName')}</h1>
        <button type="button" class="btn btn-small popup-settings" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popupOpenSettings')}
        </button>
      </header>

      {tabId === null && <p class="alert alert-error" role="alert">{t('popupNoTab')}</p>}
      {error && (
        <p class="alert alert-error" role="alert">
          {t('popupLoadError', error)}
        </p>
      )}
      {data === null && error === null && tabId !== null && <p class="muted popup-loading">{t('popupLoading')}</p>}
      {data && <PopupBody data={data} onTogglePause={togglePause} pauseError={pauseError} onChanged={() => tabId != null && void refresh(tabId)} />}
    </main>
  );
}

function PopupBody({
  data,
  onTogglePause,
  pauseError,
  onChanged,
}: {
  data: PopupData;
  onTogglePause: (paused: boolean) => void;
  pauseError: string | null;
  /** Reload after an action (undo, always allow) changed the tab's records. */
  onChanged: () => void;
}) {
  const { effective } = data.snapshot;
  const view = protectionView(data.tab, data.guard, effective);
  const source = dominantSource(effective);
  const rows = redactionRows(data.redactions);
  const replyRows = replyFindingRows(data.replyFindings);
  const onSite = data.tab.site !== null;
  const sourceDetail: MessageKey =
    source === 'managed' ? 'popupPolicyManaged' : source === 'org' ? 'popupPolicyOrg' : source === 'user' ? 'popupPolicyUser' : 'popupPolicyDefault';

  return (
    <>
      <section class={`status status-${view.state}`} aria-labelledby="status-title" data-state={view.state}>
        <span class="status-icon" aria-hidden="true">
          {STATE_ICON[view.state]}
        </span>
        <div>
          <h2 id="status-title">{t(view.title)}</h2>
          <p class="small">{data.tab.host ? t(view.detail, data.tab.host) : t(view.detail)}</p>
          {view.reason && <p class="small status-reason">{view.reason}</p>}
        </div>
      </section>

      {view.canShowPause && (
        <div class="pause-row">
          <label class="switch">
            <input
              type="checkbox"
              role="switch"
              checked={view.paused}
              disabled={!view.mayPause && !view.paused}
              onChange={(event) => onTogglePause((event.currentTarget as HTMLInputElement).checked)}
              aria-describedby={!view.mayPause ? 'pause-locked' : undefined}
            />
            <span>{t('popupPauseLabel')}</span>
          </label>
          {!view.mayPause && (
            <span id="pause-locked" class="small muted">
              {t('popupPauseNotAllowed')}
            </span>
          )}
          {pauseError && (
            <p class="error-text" role="alert">
              {pauseError}
            </p>
          )}
        </div>
      )}

      <section class="policy-line" aria-label={t('popupPolicyHeading')}>
        <span class="small muted">{t('popupPolicyHeading')}</span>
        <SourceBadge source={source} />
        <span class="small">
          {source === 'org' && effective.org ? t(sourceDetail, String(effective.org.version)) : t(sourceDetail)}
        </span>
      </section>

      {onSite && (
        <section aria-labelledby="redactions-title" class="popup-section">
          <h2 id="redactions-title">
            {t('popupRedactionsHeading')} <span class="count">{rows.length}</span>
          </h2>
          {rows.length === 0 ? (
            <p class="empty small muted">{t('popupRedactionsEmpty')}</p>
          ) : (
            <RedactionList
              tabId={data.tab.tabId}
              rows={rows}
              userMayOverride={effective.policy.userMayOverride}
              onChanged={onChanged}
            />
          )}
        </section>
      )}

      {onSite && (
        <section aria-labelledby="replies-title" class="popup-section">
          <h2 id="replies-title">
            {t('popupRepliesHeading')} <span class="count">{replyRows.length}</span>
          </h2>
          {replyRows.length === 0 ? (
            <p class="empty small muted">{t('popupRepliesEmpty')}</p>
          ) : (
            <ReplyFindingsList rows={replyRows} />
          )}
        </section>
      )}

      {effective.errors.some((issue) => issue.severity === 'error') && (
        <p class="alert alert-warn small" role="status">
          {t('popupPolicyProblems')}
        </p>
      )}
      <p class="small muted popup-footnote">{t('popupLocalOnly')}</p>
    </>
  );
}
