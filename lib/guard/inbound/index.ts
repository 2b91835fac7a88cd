/**
 * The inbound guard: what happens to assistant replies (and the user's own sent turns) once they are in the page.
 *  - Restore: placeholders shown as the originals, display-only (restore.ts, value-element.ts).
 *  - Inspection: each assistant turn inspected while it streams (throttled) and when it settles; flagged turns carry
 *    `data-chatwarden-finding="kind …"` and a notice; flagged code blocks a badge; exfiltration images a box in place
 *    (the request itself is stopped by the background's declarativeNetRequest rules, exfil-blocker.ts); exfiltration
 *    links confirm their real target before they are followed.
 *  - Copy: copying from a reply strips invisible characters; copying a flagged command asks first.
 *
 * Work is batched: mutations mark turns dirty, a frame (or a 120 ms timer in background tabs) processes only those,
 * within a time budget, carrying the rest to the next frame.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { queryRole, queryRoleAll } from '../../adapters/query';
import type { SiteAdapter } from '../../adapters/types';
import { findPlaceholders, type PseudonymVault } from '../../anonymize';
import { SITE_CONTENT_HOSTS, normalizeHost } from '../../background/exfil-blocker';
import {
  exfilUrlVerdict,
  inspect,
  inspectCodeBlock,
  stripInvisible,
  type InspectionFinding,
  type InspectionKind,
} from '../../inspection';
import {
  escapedPreview,
  sendInboundToBackground,
  type ReplyFindingInput,
} from '../../messaging/inbound-protocol';
import type { Policy } from '../../policy/types';
import type { NoticeFinding } from '../../../components/finding-notice/types';
import { askConfirm } from './confirm';
import { TurnNotice, replaceBlockedImage, showCodeBadge } from './notices';
import { Restorer } from './restore';
import { codeLanguage, codeText, turnToMarkdown } from './serialize';
import { clearRestoredValuePool, createRestoredValue, releaseRestoredValue } from './value-element';

export interface InboundDeps {
  /** The current conversation's vault (null before it is loaded). */
  getVault: () => PseudonymVault | null | undefined;
  /** The effective policy. */
  getPolicy: () => Policy;
}

export interface InboundHandle {
  /** Re-run restore and inspection on every turn (policy or conversation changed). */
  refresh(): void;
  /** Undo restores, remove notices, stop observing. */
  stop(): void;
}

type TurnRole = 'assistant' | 'user';

interface TurnState {
  role: TurnRole;
  notice: TurnNotice | null;
  lastInspectAt: number;
  inspectTimer: ReturnType<typeof setTimeout> | undefined;
  lastMarkdown: string;
  lastStreaming: boolean;
  kinds: InspectionKind[];
  /** Code blocks with unsafe-code findings, with their messages (copy asks first). */
  flaggedCode: Map<Element, string[]>;
  /** Images replaced by a "blocked" box. */
  blockedImages: Element[];
  /** What was last reported to the background for this turn (the popup's "Reply findings"); '' = nothing. */
  reportedKey: string;
}

/** Per-frame budget: well under the 50 ms long-task line even with the page's own work in the same frame. */
const FRAME_BUDGET_MS = 12;
const INSPECT_INTERVAL_MS = 400;
const STREAMING_RECHECK_MS = 1000;
const VAULT_POLL_MS = 1000;

export function startInbound(ctx: ContentScriptContext, adapter: SiteAdapter, deps: InboundDeps): InboundHandle {
  const guard = new InboundGuard(adapter, deps);
  guard.start();
  ctx.onInvalidated(() => guard.stop());
  return guard;
}

class InboundGuard implements InboundHandle {
  private readonly restorer: Restorer;
  private readonly observer: MutationObserver;
  private readonly turns = new Map<Element, TurnState>();
  private readonly pending = new Set<Node>();
  private readonly flaggedLinks = new WeakMap<Element, { host: string; href: string }>();
  private frame: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private vaultPoll: ReturnType<typeof setInterval> | undefined;
  private vaultKey = '';
  private lastPolicy: Policy | null = null;
  private stopped = false;
  private readonly vaultIds = new WeakMap<object, number>();
  private nextVaultId = 1;

  constructor(
    private readonly adapter: SiteAdapter,
    private readonly deps: InboundDeps,
  ) {
    this.restorer = new Restorer((text) => {
      const vault = this.deps.getVault();
      if (!vault || vault.size === 0) return [];
      return findPlaceholders(text, vault).map((match) => ({
        start: match.start,
        end: match.end,
        placeholder: match.placeholder,
        original: match.value,
      }));
    }, createRestoredValue, releaseRestoredValue);
    this.observer = new MutationObserver((records) => this.onMutations(records));
  }

  start(): void {
    this.observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    window.addEventListener('copy', this.onCopy, true);
    window.addEventListener('click', this.onClick, true);
    window.addEventListener('auxclick', this.onClick, true);
    this.vaultKey = this.currentVaultKey();
    this.lastPolicy = this.deps.getPolicy();
    this.vaultPoll = setInterval(() => this.checkVault(), VAULT_POLL_MS);
    this.pending.add(document.documentElement);
    this.schedule();
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.observer.disconnect();
    window.removeEventListener('copy', this.onCopy, true);
    window.removeEventListener('click', this.onClick, true);
    window.removeEventListener('auxclick', this.onClick, true);
    clearInterval(this.vaultPoll);
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    clearTimeout(this.timer);
    for (const [turn, state] of this.turns) {
      clearTimeout(state.inspectTimer);
      state.notice?.remove();
      turn.removeAttribute('data-chatwarden-finding');
      this.restorer.revertAll(turn);
    }
    this.turns.clear();
  }

  refresh(): void {
    this.restorer.invalidate();
    clearRestoredValuePool();
    for (const [turn, state] of this.turns) {
      this.pending.add(turn);
      state.lastMarkdown = '';
    }
    this.pending.add(document.documentElement);
    this.schedule();
  }

  // ---- Scheduling ----

  private onMutations(records: MutationRecord[]): void {
    for (const record of records) this.pending.add(record.target);
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped || this.frame !== undefined) return;
    this.frame = requestAnimationFrame(() => this.flush());
    // Background tabs get no frames; a reply streaming there must still be processed.
    this.timer = setTimeout(() => this.flush(), 120);
  }

  private flush(): void {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    clearTimeout(this.timer);
    this.frame = undefined;
    if (this.stopped) return;
    const started = performance.now();
    for (const record of this.observer.takeRecords()) this.pending.add(record.target);
    this.restorer.collectDetached();

    const roles = this.currentTurns();
    const dirty = new Map<Element, Set<Element>>();
    const markDirty = (turn: Element, root: Element) => {
      let roots = dirty.get(turn);
      if (!roots) dirty.set(turn, (roots = new Set()));
      roots.add(root);
    };
    for (const node of this.pending) {
      const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
      if (!element) continue;
      // Mutations outside every turn are not ours to handle: a turn they add is new and is picked up below.
      const turn = this.turnOf(element, roles);
      if (turn) markDirty(turn, element);
    }
    this.pending.clear();
    for (const [turn] of roles) if (!this.turns.has(turn)) markDirty(turn, turn);

    let outOfTime = false;
    for (const [turn, roots] of dirty) {
      const role = roles.get(turn) as TurnRole;
      let state = this.turns.get(turn);
      if (!state) {
        state = {
          role,
          notice: null,
          lastInspectAt: 0,
          inspectTimer: undefined,
          lastMarkdown: '',
          lastStreaming: false,
          kinds: [],
          flaggedCode: new Map(),
          blockedImages: [],
          reportedKey: '',
        };
        this.turns.set(turn, state);
      }
      if (outOfTime) {
        for (const root of roots) this.pending.add(root);
        continue;
      }
      if (this.deps.getPolicy().enabled) {
        for (const root of roots) {
          if (outOfTime || !this.restorer.process(root, turn, started + FRAME_BUDGET_MS)) {
            // Carry the rest to the next frame: no task of ours grows with the size of the reply.
            this.pending.add(root);
            outOfTime = true;
          }
        }
      }
      if (role === 'assistant') this.scheduleInspect(turn, state);
      if (performance.now() - started > FRAME_BUDGET_MS) outOfTime = true;
    }
    // Our own edits produced records; they are not news.
    this.observer.takeRecords();
    this.forgetDetachedTurns();
    if (this.pending.size > 0) this.schedule();
  }

  private currentTurns(): Map<Element, TurnRole> {
    const overrides = this.deps.getPolicy().selectorOverrides?.[this.adapter.site];
    const roles = new Map<Element, TurnRole>();
    for (const match of queryRoleAll(this.adapter, 'userTurn', overrides)) roles.set(match.element, 'user');
    for (const match of queryRoleAll(this.adapter, 'assistantTurn', overrides)) {
      // A candidate may match an ancestor of the body; never treat editable regions (the composer) as a turn.
      if (!match.element.closest('[contenteditable="true"]')) roles.set(match.element, 'assistant');
    }
    return roles;
  }

  private turnOf(element: Element, roles: Map<Element, TurnRole>): Element | null {
    for (let current: Element | null = element; current; current = current.parentElement) {
      if (roles.has(current)) return current;
    }
    return null;
  }

  private forgetDetachedTurns(): void {
    for (const [turn, state] of this.turns) {
      if (turn.isConnected) continue;
      clearTimeout(state.inspectTimer);
      state.notice?.remove();
      this.turns.delete(turn);
    }
  }

  private currentVaultKey(): string {
    const vault = this.deps.getVault();
    if (!vault) return 'none';
    let id = this.vaultIds.get(vault);
    if (id === undefined) this.vaultIds.set(vault, (id = this.nextVaultId++));
    return `${id}:${vault.size}`;
  }

  /** The vault (new entries, another conversation) or the policy object changed: redo restore and inspection. */
  private checkVault(): void {
    const key = this.currentVaultKey();
    const policy = this.deps.getPolicy();
    if (key === this.vaultKey && policy === this.lastPolicy) return;
    this.vaultKey = key;
    this.lastPolicy = policy;
    this.refresh();
  }

  // ---- Inspection ----

  private isStreaming(): boolean {
    const overrides = this.deps.getPolicy().selectorOverrides?.[this.adapter.site];
    return queryRole(this.adapter, 'streaming', overrides) !== null;
  }

  private scheduleInspect(turn: Element, state: TurnState): void {
    if (state.inspectTimer !== undefined) return;
    const delay = Math.max(0, state.lastInspectAt + INSPECT_INTERVAL_MS - performance.now());
    state.inspectTimer = setTimeout(() => {
      state.inspectTimer = undefined;
      if (this.stopped || !turn.isConnected) return;
      state.lastInspectAt = performance.now();
      this.inspectTurn(turn, state);
    }, delay);
  }

  private inspectTurn(turn: Element, state: TurnState): void {
    const policy = this.deps.getPolicy();
    const streaming = this.isStreaming();
    if (streaming) {
      // The end of the stream may bring no mutation inside the turn: look again once it settles.
      setTimeout(() => {
        if (!this.stopped && turn.isConnected) this.scheduleInspect(turn, state);
      }, STREAMING_RECHECK_MS);
    }
    if (!policy.enabled) {
      this.clearFlags(turn, state);
      return;
    }
    const vault = this.deps.getVault();
    const entries = vault?.entries() ?? [];
    const siteHosts = [
      ...SITE_CONTENT_HOSTS[this.adapter.site],
      ...policy.allowedImageHosts.map(normalizeHost).filter((host): host is string => host !== null),
    ];
    const exfilOptions = {
      siteHosts,
      placeholders: entries.map((entry) => `[${entry.name}]`),
      sensitiveValues: entries.map((entry) => entry.value),
    };
    const families = policy.inspection;
    const markdown = turnToMarkdown(turn, this.restorer.rawOf);
    // Nothing new since the last look (a re-check while streaming): keep the verdict, unless our marks were dropped.
    const marksIntact =
      [...state.flaggedCode.keys()].every((pre) => pre.isConnected && pre.previousElementSibling?.tagName === 'CHATWARDEN-CODE-BADGE') &&
      state.blockedImages.every((image) => image.isConnected && image.nextElementSibling?.tagName === 'CHATWARDEN-IMAGE-BLOCKED') &&
      (state.kinds.length === 0 || (turn.hasAttribute('data-chatwarden-finding') && state.notice?.isShownAfter(turn)));
    if (markdown === state.lastMarkdown && streaming === state.lastStreaming && marksIntact) return;
    state.lastMarkdown = markdown;
    state.lastStreaming = streaming;

    let findings: InspectionFinding[] = [];
    try {
      findings = inspect(markdown, { families, format: 'markdown', ...exfilOptions });
    } catch (error) {
      console.error('ChatWarden: reply inspection failed', error);
    }
    const notice: NoticeFinding[] = findings.map(toNoticeFinding);
    const report: ReplyFindingInput[] = findings.map(toReportFinding);

    // Code blocks: badge each one with findings; copying it asks first.
    state.flaggedCode.clear();
    if (families.unsafeCode) {
      for (const pre of Array.from(turn.querySelectorAll('pre'))) {
        let codeFindings: InspectionFinding[] = [];
        try {
          codeFindings = inspectCodeBlock(codeText(pre, this.restorer.rawOf), codeLanguage(pre));
        } catch {
          codeFindings = [];
        }
        if (codeFindings.length === 0) {
          pre.removeAttribute('data-chatwarden-finding');
          if (pre.previousElementSibling?.tagName === 'CHATWARDEN-CODE-BADGE') pre.previousElementSibling.remove();
          continue;
        }
        const messages = codeFindings.map((finding) => finding.message);
        state.flaggedCode.set(pre, messages);
        pre.setAttribute('data-chatwarden-finding', 'unsafe-code');
        showCodeBadge(pre, messages);
        if (!notice.some((finding) => finding.kind === 'unsafe-code')) notice.push(...codeFindings.map(toNoticeFinding));
        report.push(...codeFindings.map(toReportFinding));
      }
    }

    let blockedImages = 0;
    state.blockedImages = [];
    if (families.exfiltration) {
      for (const image of Array.from(turn.querySelectorAll('img'))) {
        const src = image.getAttribute('src');
        if (!src) continue;
        const absolute = absoluteUrl(src);
        if (!absolute || absolute.origin === location.origin) continue;
        const verdict = exfilUrlVerdict(absolute.href, { ...exfilOptions, context: 'image' });
        const host = verdict.host || absolute.hostname;
        if (verdict.exfil) {
          replaceBlockedImage(image, `Image blocked: would send data to ${host}`);
          state.blockedImages.push(image);
          blockedImages++;
          if (!notice.some((finding) => finding.kind === 'exfil-link' && finding.target === host)) {
            notice.push({ kind: 'exfil-link', message: `An image would have sent data to ${host} when displayed; it was blocked.`, target: host });
            report.push({ kind: 'exfil-link', type: 'EXFIL_IMAGE', rule: 'inbound.exfil-image', message: `An image would have sent data to ${host}; it was blocked.`, target: host });
          }
        } else if (!hostAllowed(absolute.hostname, siteHosts) && /^https?:$/.test(absolute.protocol)) {
          // Blocked by the image rules anyway (not an allowed host): say so instead of a broken image.
          replaceBlockedImage(image, `Image blocked: ${host} is not an allowed image host`);
          state.blockedImages.push(image);
          blockedImages++;
        }
      }
      for (const link of Array.from(turn.querySelectorAll('a[href]'))) {
        const absolute = absoluteUrl(link.getAttribute('href') ?? '');
        if (!absolute || !/^https?:$/.test(absolute.protocol)) continue;
        const verdict = exfilUrlVerdict(absolute.href, { ...exfilOptions, context: 'link' });
        if (!verdict.exfil) continue;
        const host = verdict.host || absolute.hostname;
        this.flaggedLinks.set(link, { host, href: absolute.href });
        link.setAttribute('data-chatwarden-finding', 'exfil-link');
        if (!notice.some((finding) => finding.kind === 'exfil-link' && finding.target === host)) {
          notice.push({ kind: 'exfil-link', message: `A link would send data to ${host}; ChatWarden asks before it opens.`, target: host });
          report.push({ kind: 'exfil-link', type: 'EXFIL_LINK', rule: 'inbound.exfil-link', message: `A link would send data to ${host}; ChatWarden asks before it opens.`, target: host });
        }
      }
    }

    const kinds = [...new Set(notice.map((finding) => finding.kind))];
    state.kinds = kinds;
    if (!streaming) this.reportFindings(turn, state, report);
    if (kinds.length === 0) {
      this.clearFlags(turn, state);
      return;
    }
    turn.setAttribute('data-chatwarden-finding', kinds.join(' '));
    state.notice ??= new TurnNotice();
    state.notice.show(turn, { findings: notice, blockedImages, streaming });
    this.observer.takeRecords();
  }

  /**
   * Tells the background what a settled turn was flagged for (the popup lists it), once per change. No raw values:
   * kind, type, rule, message, CWE, target host and a short escaped preview of revealed hidden text.
   */
  private reportFindings(turn: Element, state: TurnState, report: ReplyFindingInput[]): void {
    const seen = new Set<string>();
    const unique = report.filter((finding) => {
      const key = `${finding.kind}|${finding.type}|${finding.rule}|${finding.target ?? ''}|${finding.preview ?? ''}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const key = [...seen].sort().join('\n');
    if (key === state.reportedKey) return;
    state.reportedKey = key;
    const turnIndex = queryRoleAll(this.adapter, 'assistantTurn', this.deps.getPolicy().selectorOverrides?.[this.adapter.site])
      .map((match) => match.element)
      .filter((element) => !element.closest('[contenteditable="true"]'))
      .indexOf(turn);
    let conversation: string | null = null;
    try {
      conversation = this.adapter.conversationIdFromUrl(new URL(location.href));
    } catch {
      conversation = null;
    }
    void sendInboundToBackground('cs-in:reply-findings', {
      site: this.adapter.site,
      conversation,
      turn: Math.max(0, turnIndex),
      findings: unique,
    }).catch(() => {
      // The background is restarting or the extension was reloaded: report again on the next change.
      if (state.reportedKey === key) state.reportedKey = '';
    });
  }

  private clearFlags(turn: Element, state: TurnState): void {
    turn.removeAttribute('data-chatwarden-finding');
    state.notice?.remove();
    state.notice = null;
    state.kinds = [];
  }

  // ---- Copy and link guards ----

  private assistantTurnOf(node: Node | null): [Element, TurnState] | null {
    for (let current: Node | null = node; current; current = current.parentNode) {
      const state = this.turns.get(current as Element);
      if (state?.role === 'assistant') return [current as Element, state];
    }
    return null;
  }

  private readonly onCopy = (event: ClipboardEvent): void => {
    const selection = document.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    const touched = [...this.turns].filter(([turn, state]) => state.role === 'assistant' && range.intersectsNode(turn));
    if (touched.length === 0) return;
    const text = selection.toString();
    const cleaned = stripInvisible(text);
    const flagged = touched.flatMap(([, state]) =>
      [...state.flaggedCode].filter(([pre]) => range.intersectsNode(pre)).map(([, messages]) => messages),
    );
    if (flagged.length > 0) {
      event.preventDefault();
      event.stopImmediatePropagation();
      void this.confirmCopy(cleaned, flagged.flat());
      return;
    }
    if (cleaned !== text && event.clipboardData) {
      event.preventDefault();
      event.stopImmediatePropagation();
      event.clipboardData.setData('text/plain', cleaned);
    }
  };

  private async confirmCopy(text: string, messages: string[]): Promise<boolean> {
    const confirmed = await askConfirm({
      title: 'Copy a flagged command?',
      lines: ['ChatWarden flagged this code:', ...messages.slice(0, 4), 'Invisible characters are removed from the copy.'],
      confirmLabel: 'Copy anyway',
      cancelLabel: 'Cancel',
    });
    if (confirmed) await navigator.clipboard.writeText(text).catch(() => undefined);
    return confirmed;
  }

  private readonly onClick = (event: MouseEvent): void => {
    const target = event.target as Element | null;
    if (!target || typeof target.closest !== 'function') return;
    const link = target.closest('a[href]');
    const flaggedLink = link ? this.flaggedLinks.get(link) : undefined;
    if (flaggedLink) {
      event.preventDefault();
      event.stopImmediatePropagation();
      void askConfirm({
        title: 'This link would send data away',
        lines: [
          `It points to ${flaggedLink.host}, outside this chat site, and carries data in its address.`,
          'Its real target:',
        ],
        detail: flaggedLink.href,
        confirmLabel: 'Open anyway',
        cancelLabel: 'Stay here',
      }).then((confirmed) => {
        if (confirmed) window.open(flaggedLink.href, '_blank', 'noopener,noreferrer');
      });
      return;
    }
    const button = target.closest('button, [role="button"]');
    if (!button || !isCopyControl(button)) return;
    const flagged = this.copyTargetOf(button);
    if (!flagged) return;
    // The site's copy button would copy the raw text (invisible characters included, no question asked): do it here.
    event.preventDefault();
    event.stopImmediatePropagation();
    const { text, messages } = flagged;
    if (messages.length > 0) void this.confirmCopy(stripInvisible(text), messages);
    else void navigator.clipboard.writeText(stripInvisible(text)).catch(() => undefined);
  };

  /** The flagged code block or turn a site's copy button belongs to, if any. */
  private copyTargetOf(button: Element): { text: string; messages: string[] } | null {
    let current: Element | null = button;
    for (let depth = 0; current && depth < 10; depth++, current = current.parentElement) {
      for (const [turn, state] of this.turns) {
        if (state.role !== 'assistant' || state.kinds.length === 0) continue;
        for (const [pre, messages] of state.flaggedCode) {
          if (current.contains(pre)) return { text: codeText(pre, this.restorer.rawOf), messages };
        }
        if (current.contains(turn) || turn.contains(current)) {
          // A whole-turn copy: flagged code inside asks; hidden text only needs stripping.
          const messages = [...state.flaggedCode.values()].flat();
          if (messages.length === 0 && !state.kinds.includes('hidden-text')) return null;
          return { text: turnToMarkdown(turn, this.restorer.rawOf), messages };
        }
      }
      if (current.querySelector('pre') || this.assistantTurnOf(current)) break;
    }
    return null;
  }
}

function toNoticeFinding(finding: InspectionFinding): NoticeFinding {
  return {
    kind: finding.kind,
    message: finding.message,
    ...(finding.revealed ? { revealed: finding.revealed } : {}),
    ...(finding.target ? { target: finding.target } : {}),
    ...(finding.cwe ? { cwe: finding.cwe } : {}),
  };
}

function toReportFinding(finding: InspectionFinding): ReplyFindingInput {
  return {
    kind: finding.kind,
    type: finding.type,
    rule: finding.rule,
    message: finding.message,
    ...(finding.cwe ? { cwe: finding.cwe } : {}),
    ...(finding.target ? { target: finding.target } : {}),
    ...(finding.revealed ? { preview: escapedPreview(finding.revealed) } : {}),
  };
}

function isCopyControl(button: Element): boolean {
  const label = `${button.getAttribute('aria-label') ?? ''} ${button.getAttribute('data-testid') ?? ''} ${button.getAttribute('title') ?? ''}`;
  return /copy/i.test(label) || /^\s*copy(?: code)?\s*$/i.test(button.textContent ?? '');
}

function absoluteUrl(url: string): URL | null {
  try {
    return new URL(url, location.href);
  } catch {
    return null;
  }
}

function hostAllowed(host: string, allowed: string[]): boolean {
  const lower = host.toLowerCase();
  return allowed.some((entry) => lower === entry || lower.endsWith(`.${entry}`));
}
