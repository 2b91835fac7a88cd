import type { ReplyFindingRecord } from '../../lib/messaging/inbound-protocol';
import { formatTime } from '../../lib/ui/format';
import { t } from '../../lib/ui/i18n';
import { REPLY_KIND_LABEL } from '../../lib/ui/popup-model';

/** What the reply inspection flagged in this tab: kind badge, message, site, when. Page content only, never secrets. */
export function ReplyFindingsList({ rows }: { rows: ReplyFindingRecord[] }) {
  return (
    // Focusable: the list scrolls when long, and keyboard users must be able to scroll it.
    <ul class="reply-findings" tabIndex={0} aria-labelledby="replies-title">
      {rows.map((row) => (
        <li
          key={`${row.time}|${row.turn}|${row.kind}|${row.type}|${row.rule}|${row.target ?? ''}`}
          class="reply-finding"
          data-kind={row.kind}
          data-type={row.type}
        >
          <div class="reply-finding-main">
            <span class={`kind-badge kind-${row.kind}`}>{t(REPLY_KIND_LABEL[row.kind])}</span>
            {row.cwe && <span class="small muted cwe">{row.cwe}</span>}
            <span class="small muted reply-turn">{t('popupReplyTurn', row.turn + 1)}</span>
          </div>
          <p class="reply-message small">{row.message}</p>
          {row.target && <p class="small reply-target">{t('popupReplyTarget', row.target)}</p>}
          {row.preview && (
            <p class="small reply-preview">
              {t('popupReplyRevealed')} <code>{row.preview}</code>
            </p>
          )}
          <div class="redaction-meta small muted">
            <span class="reply-site">{row.host}</span>
            <time dateTime={new Date(row.time).toISOString()}>{formatTime(row.time)}</time>
          </div>
        </li>
      ))}
    </ul>
  );
}
