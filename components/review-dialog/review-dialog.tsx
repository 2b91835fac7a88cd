/**
 * The review dialog: lists what was found (masked), lets the user keep each finding redacted or allow it once where
 * policy permits (with a justification where required), then send, edit or cancel. Keyboard: focus is trapped inside,
 * Esc cancels, every control is a labelled native element.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReviewRequest, ReviewResult } from './types';

export interface ReviewDialogProps {
  request: ReviewRequest;
  onDone: (result: ReviewResult) => void;
}

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function ReviewDialog({ request, onDone }: ReviewDialogProps) {
  const [allowed, setAllowed] = useState<Set<number>>(new Set());
  const [justification, setJustification] = useState('');
  const dialogRef = useRef<HTMLDivElement>(null);
  const proceedRef = useRef<HTMLButtonElement>(null);

  const needsJustification = request.requireJustification && allowed.size > 0 && justification.trim().length === 0;

  useEffect(() => {
    proceedRef.current?.focus();
  }, []);

  const finish = (choice: ReviewResult['choice']) =>
    onDone({ choice, allowed: choice === 'send' ? [...allowed] : [], justification: justification.trim() });

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      finish('cancel');
      return;
    }
    if (event.key !== 'Tab' || !dialogRef.current) return;
    const focusables = Array.from(dialogRef.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    if (focusables.length === 0) return;
    const root = dialogRef.current.getRootNode() as ShadowRoot | Document;
    const index = focusables.indexOf(root.activeElement as HTMLElement);
    const nextIndex = event.shiftKey
      ? index <= 0
        ? focusables.length - 1
        : index - 1
      : index === focusables.length - 1
        ? 0
        : index + 1;
    event.preventDefault();
    focusables[nextIndex]!.focus();
  };

  const toggle = (id: number, allow: boolean) =>
    setAllowed((previous) => {
      const next = new Set(previous);
      if (allow) next.add(id);
      else next.delete(id);
      return next;
    });

  const redactedCount = request.items.length - allowed.size;
  const tokens = request.tokens;
  return (
    <div class="cw-backdrop">
      <div
        ref={dialogRef}
        class="cw-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="cw-review-title"
        aria-describedby="cw-review-desc"
        data-chatwarden-dialog="review"
        onKeyDown={onKeyDown}
      >
        <h2 id="cw-review-title">{request.title}</h2>
        <p id="cw-review-desc">
          {request.items.length > 0
            ? 'Sensitive data was found. Redacted items are replaced by placeholders; the original stays on this device.'
            : 'Please review before continuing.'}
        </p>
        {tokens && (
          <p class={tokens.count > tokens.limit && tokens.limit > 0 ? 'cw-tokens cw-over' : 'cw-tokens'} data-chatwarden-tokens>
            {tokens.count.toLocaleString('en')} tokens ({tokens.encoding})
            {tokens.limit > 0 ? ` of ${tokens.limit.toLocaleString('en')} allowed` : ''}
          </p>
        )}
        {request.items.length > 0 && (
          <ul class="cw-findings" aria-label="Findings">
            {request.items.map((item) => {
              const isAllowed = allowed.has(item.id);
              const name = `cw-choice-${item.id}`;
              return (
                <li key={item.id} data-chatwarden-finding-type={item.type}>
                  <div class="cw-finding-head">
                    <strong>{item.type.replace(/_/g, ' ').toLowerCase()}</strong> <code>{item.masked}</code>
                  </div>
                  <div class="cw-finding-message">{item.message}</div>
                  <fieldset class="cw-choice">
                    <legend class="cw-sr">{`What to do with ${item.masked}`}</legend>
                    <label>
                      <input type="radio" name={name} checked={!isAllowed} onChange={() => toggle(item.id, false)} />
                      Keep redacted
                    </label>
                    <label title={item.canAllow ? '' : 'Your organization does not allow sending this'}>
                      <input
                        type="radio"
                        name={name}
                        checked={isAllowed}
                        disabled={!item.canAllow}
                        onChange={() => toggle(item.id, true)}
                      />
                      Allow once
                    </label>
                  </fieldset>
                </li>
              );
            })}
          </ul>
        )}
        {request.requireJustification && allowed.size > 0 && (
          <label class="cw-justification">
            Why does this need to be sent as typed? (required, kept in the audit log)
            <textarea
              rows={2}
              value={justification}
              onInput={(event) => setJustification((event.currentTarget as HTMLTextAreaElement).value)}
            />
          </label>
        )}
        <div class="cw-actions">
          <button type="button" class="cw-secondary" onClick={() => finish('cancel')}>
            Cancel
          </button>
          <button type="button" class="cw-secondary" onClick={() => finish('edit')}>
            Edit message
          </button>
          <button
            ref={proceedRef}
            type="button"
            class="cw-primary"
            disabled={needsJustification}
            onClick={() => finish('send')}
          >
            {redactedCount > 0 ? `${request.proceedLabel} with ${redactedCount} redacted` : request.proceedLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
