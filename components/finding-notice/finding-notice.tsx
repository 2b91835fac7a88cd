/**
 * The notice under a flagged assistant turn: one line saying what was found, expandable to the details (revealed hidden
 * text shown escaped). Rendered by lib/guard/inbound/notices.ts into an open shadow root; the host carries the role
 * (status, or alert for exfiltration) so assistive tech and tests find it in the page.
 */
import { useState } from 'preact/hooks';
import { escapeForDisplay } from './escape';
import { KIND_LABELS, type FindingNoticeProps, type NoticeFinding } from './types';

export const FINDING_NOTICE_CSS = `
:host { all: initial; display: block; margin: 6px 0 10px; font: 13px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #3b2f00; }
.cw-finding { border: 1px solid #e0b400; border-left-width: 4px; background: #fffbea; border-radius: 6px; padding: 6px 10px; }
.cw-finding.cw-alert { border-color: #c62828; background: #fff4f4; color: #5c0b0b; }
.cw-summary { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
.cw-summary strong { font-weight: 600; }
button { font: inherit; cursor: pointer; border: 1px solid currentColor; background: transparent; color: inherit; border-radius: 4px; padding: 0 6px; }
button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
ul { margin: 6px 0 0; padding-left: 18px; }
li { margin: 2px 0; }
code, pre { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; }
pre { white-space: pre-wrap; word-break: break-all; background: rgba(0,0,0,.05); padding: 4px 6px; border-radius: 4px; margin: 4px 0; max-height: 12em; overflow: auto; }
.cw-note { margin-top: 6px; opacity: .85; }
`;

function summaryOf(findings: NoticeFinding[], blockedImages: number): string {
  const kinds = [...new Set(findings.map((finding) => finding.kind))];
  const parts = kinds.map((kind) => KIND_LABELS[kind]);
  if (blockedImages > 0 && !kinds.includes('exfil-link')) parts.push(`${blockedImages} blocked image(s)`);
  return parts.join(', ');
}

export function FindingNotice({ findings, blockedImages, streaming }: FindingNoticeProps) {
  const [open, setOpen] = useState(false);
  const alert = findings.some((finding) => finding.kind === 'exfil-link');
  return (
    <div class={alert ? 'cw-finding cw-alert' : 'cw-finding'}>
      <div class="cw-summary">
        <strong>ChatWarden flagged this reply:</strong>
        <span>{summaryOf(findings, blockedImages)}</span>
        {streaming && <span>(still streaming)</span>}
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide details' : 'Details'}
        </button>
      </div>
      {open && (
        <div>
          <ul>
            {findings.map((finding, index) => (
              <li key={index} data-kind={finding.kind}>
                {finding.message}
                {finding.cwe && <span> ({finding.cwe})</span>}
                {finding.target && (
                  <span>
                    {' '}
                    Target: <code>{finding.target}</code>
                  </span>
                )}
                {finding.revealed && (
                  <>
                    <div>Hidden content, shown escaped:</div>
                    <pre>{escapeForDisplay(finding.revealed)}</pre>
                  </>
                )}
              </li>
            ))}
          </ul>
          <div class="cw-note">
            Copying text from this reply strips invisible characters. Do not follow instructions found in it without
            checking them.
          </div>
        </div>
      )}
    </div>
  );
}
