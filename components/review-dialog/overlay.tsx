/**
 * Everything the guard shows in the page: the "not protected" banner, short notices (toasts) and the review dialog.
 * Rendered by lib/guard/page-ui.ts into a shadow root so the site's CSS cannot restyle or hide it.
 */
import { ReviewDialog } from './review-dialog';
import type { Banner, Notice, ReviewRequest, ReviewResult } from './types';

export interface OverlayState {
  banner: Banner | null;
  notices: Notice[];
  review: { request: ReviewRequest; onDone: (result: ReviewResult) => void } | null;
}

export interface OverlayProps {
  state: OverlayState;
  onDismissNotice: (id: number) => void;
}

export function Overlay({ state, onDismissNotice }: OverlayProps) {
  return (
    <>
      {state.banner && (
        <div class={state.banner.held ? 'cw-banner cw-held' : 'cw-banner'} role="alert" data-chatwarden-banner>
          <strong>This page is not protected by ChatWarden.</strong> {state.banner.text}{' '}
          {state.banner.held ? 'Sending is held until this is fixed.' : 'Messages are sent without checks.'}
        </div>
      )}
      <div class="cw-notices">
        {state.notices.map((notice) => (
          <div
            key={notice.id}
            class={`cw-notice cw-${notice.tone}`}
            role={notice.tone === 'error' ? 'alert' : 'status'}
            data-chatwarden-notice={notice.tone}
          >
            <span>{notice.text}</span>
            {notice.action && (
              <button
                type="button"
                class="cw-notice-action"
                data-chatwarden-notice-action
                onClick={() => {
                  notice.action?.onAction();
                  onDismissNotice(notice.id);
                }}
              >
                {notice.action.label}
              </button>
            )}
            <button type="button" aria-label="Dismiss notice" onClick={() => onDismissNotice(notice.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
      {state.review && <ReviewDialog key={state.review.request.title} request={state.review.request} onDone={state.review.onDone} />}
    </>
  );
}

export const OVERLAY_CSS = `
:host { all: initial; }
* { box-sizing: border-box; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
.cw-banner { position: fixed; top: 0; left: 0; right: 0; z-index: 2147483647; padding: 8px 16px; font-size: 14px;
  background: #fff4d6; color: #3d2c00; border-bottom: 2px solid #c98a00; }
.cw-banner.cw-held { background: #ffe3e0; color: #5c0b00; border-bottom-color: #c62828; }
.cw-notices { position: fixed; bottom: 96px; right: 16px; z-index: 2147483647; display: flex; flex-direction: column;
  gap: 8px; max-width: 420px; }
.cw-notice { display: flex; gap: 8px; align-items: flex-start; padding: 10px 12px; border-radius: 8px; font-size: 13px;
  background: #1f2937; color: #f9fafb; box-shadow: 0 4px 16px rgba(0,0,0,.25); }
.cw-notice.cw-warning { background: #7c4a00; }
.cw-notice.cw-error { background: #8e1b1b; }
.cw-notice span { flex: 1; white-space: pre-line; }
.cw-notice button { background: none; border: 0; color: inherit; font-size: 16px; cursor: pointer; }
.cw-notice button.cw-notice-action { font-size: 13px; font-weight: 600; text-decoration: underline; padding: 0 4px; }
.cw-notice button:focus-visible { outline: 2px solid #93c5fd; outline-offset: 2px; }
.cw-backdrop { position: fixed; inset: 0; z-index: 2147483647; background: rgba(0,0,0,.45); display: flex;
  align-items: center; justify-content: center; }
.cw-dialog { background: #fff; color: #111; width: min(560px, 92vw); max-height: 86vh; overflow: auto; border-radius: 12px;
  padding: 20px; box-shadow: 0 12px 48px rgba(0,0,0,.35); font-size: 14px; }
.cw-dialog h2 { margin: 0 0 8px; font-size: 18px; }
.cw-tokens { color: #374151; } .cw-over { color: #b91c1c; font-weight: 600; }
.cw-findings { list-style: none; padding: 0; margin: 12px 0; display: flex; flex-direction: column; gap: 10px; }
.cw-findings li { border: 1px solid #e5e7eb; border-radius: 8px; padding: 8px 10px; }
.cw-finding-message { color: #4b5563; font-size: 12px; margin: 4px 0; }
.cw-choice { border: 0; padding: 0; margin: 0; display: flex; gap: 16px; }
.cw-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.cw-justification { display: flex; flex-direction: column; gap: 4px; margin: 8px 0; }
.cw-justification textarea { font: inherit; padding: 6px; }
.cw-actions { display: flex; justify-content: flex-end; gap: 8px; margin-top: 12px; }
.cw-actions button { font: inherit; padding: 8px 14px; border-radius: 8px; cursor: pointer; border: 1px solid #d1d5db; }
.cw-primary { background: #1d4ed8; color: #fff; border-color: #1d4ed8 !important; }
.cw-primary:disabled { opacity: .5; cursor: not-allowed; }
.cw-secondary { background: #fff; color: #111; }
button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
code { background: #f3f4f6; padding: 1px 4px; border-radius: 4px; }
`;
