/**
 * A small modal question in the page (copy a flagged command? follow a link that would send data?). Rendered into an
 * open shadow root by lib/guard/inbound/confirm.ts; focus starts on the safe choice and Escape cancels.
 */
import { useEffect, useRef } from 'preact/hooks';

export interface ConfirmDialogProps {
  title: string;
  /** Lines of explanation (plain text). */
  lines: string[];
  /** Shown in a monospace box, e.g. the real link target. */
  detail?: string;
  confirmLabel: string;
  cancelLabel: string;
  onDone: (confirmed: boolean) => void;
}

export const CONFIRM_DIALOG_CSS = `
:host { all: initial; }
.cw-backdrop { position: fixed; inset: 0; background: rgba(0,0,0,.35); display: flex; align-items: center; justify-content: center; z-index: 2147483647; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
.cw-dialog { background: #fff; color: #1f1f1f; max-width: min(560px, 92vw); border-radius: 10px; padding: 16px 18px; box-shadow: 0 10px 40px rgba(0,0,0,.3); }
h2 { font-size: 16px; margin: 0 0 8px; }
p { margin: 4px 0; }
pre { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; white-space: pre-wrap; word-break: break-all; background: #f4f4f4; padding: 6px 8px; border-radius: 6px; max-height: 10em; overflow: auto; }
.cw-actions { display: flex; justify-content: flex-end; gap: 8px; margin-top: 12px; }
button { font: inherit; border-radius: 6px; padding: 4px 12px; cursor: pointer; border: 1px solid #888; background: #fff; color: #1f1f1f; }
button.cw-danger { border-color: #c62828; color: #c62828; }
button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
`;

export function ConfirmDialog({ title, lines, detail, confirmLabel, cancelLabel, onDone }: ConfirmDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <div
      class="cw-backdrop"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone(false);
      }}
    >
      <div class="cw-dialog" role="alertdialog" aria-modal="true" aria-labelledby="cw-confirm-title">
        <h2 id="cw-confirm-title">{title}</h2>
        {lines.map((line, index) => (
          <p key={index}>{line}</p>
        ))}
        {detail && <pre>{detail}</pre>}
        <div class="cw-actions">
          <button type="button" ref={cancelRef} onClick={() => onDone(false)}>
            {cancelLabel}
          </button>
          <button type="button" class="cw-danger" onClick={() => onDone(true)}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
