/**
 * The outbound guard of one chat tab: catches sends (Enter, send clicks, form submits), pastes, drops and file choices in
 * the capture phase at window level, before the site's own handlers, and decides per policy what reaches the site.
 * Invariant: a held, blocked or cancelled send leaves the composer exactly as the user typed it.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isProvisionalConversationId } from '../adapters/sites';
import { checkHealth, describeHealthFailure, type HealthReport } from '../adapters/health';
import { queryRole, queryRoleAll, queryRoleNear } from '../adapters/query';
import type { SiteAdapter } from '../adapters/types';
import { scan } from '../detection';
import type { Finding, ScanPolicy } from '../detection/types';
import type { GuardChannel, GuardStatus } from '../messaging/protocol';
import { sendToBackground } from '../messaging/protocol';
import { defaultPolicy, toScanPolicy } from '../policy/defaults';
import type { Policy } from '../policy/types';
import type { ReviewItem, ReviewResult, TokenInfo } from '../../components/review-dialog/types';
import { redactAllowing } from './allowlist';
import { insertAtCaret, readComposerText, settle, writeComposerText } from './composer-text';
import { ConversationVault } from './conversation';
import { decide, mayExceedTokenBudget, planFindings, withoutAllowed, type GuardPlan, type PlannedFinding } from './decide';
import { readTextFile, redactedFile } from './files';
import { isOwn, markOwn } from './own-events';
import { PageUi } from './page-ui';
import { newEventId, sendReport, type ReportItem } from './report';

/** How long values the user allowed once stay exempt from the network scrub (the send's own requests). */
const ALLOW_ONCE_MS = 120_000;
/** How long to wait for the composer to render before declaring the adapter unhealthy. */
const HEALTH_GRACE_MS = 8000;

/** A paste or drop redacted into the composer and not sent yet: what undo puts back. */
interface UndoableInsert {
  /** The text as pasted/dropped. */
  original: string;
  /** The redacted text inserted in its place. */
  redacted: string;
  /** Ids of its 'redacted' records. */
  recordIds: string[];
}

function describeTypes(findings: PlannedFinding[]): string {
  const types = [...new Set(findings.map((planned) => planned.finding.type.replace(/_/g, ' ').toLowerCase()))];
  return types.join(', ');
}

export class OutboundGuard {
  readonly ui = new PageUi();
  readonly conversation: ConversationVault;
  policy: Policy = defaultPolicy();
  private scanPolicy: ScanPolicy = toScanPolicy(this.policy);
  private ready = false;
  private readyPromise: Promise<void> = Promise.resolve();
  paused = false;
  private health: HealthReport | null = null;
  private healthDeadline = Date.now() + HEALTH_GRACE_MS;
  private engineError: string | null = null;
  private sending = false;
  /** Set while the guard itself clicks send or dispatches Enter, so its own listeners let that through. */
  private releasing = false;
  private readonly pendingFileInputs = new WeakSet<HTMLInputElement>();
  private readonly allowedOnce = new Map<string, number>();
  /** The user's always-allow list (raw values, pushed by the background; applies only while policy.userMayOverride). */
  private alwaysAllowed = new Set<string>();
  /** Undoable pastes/drops by event id (the part of their records' ids before ':'). Cleared when a send goes out. */
  private readonly undoable = new Map<string, UndoableInsert>();
  private lastStatus = '';

  constructor(
    readonly adapter: SiteAdapter,
    private readonly ctx: ContentScriptContext,
  ) {
    this.conversation = new ConversationVault(adapter);
  }

  get scanPolicyForNetwork(): ScanPolicy {
    return this.scanPolicy;
  }

  /** Whether the guard intercepts at all (site enabled by policy, not paused by the user). */
  get active(): boolean {
    return this.policy.enabled && this.policy.sites[this.adapter.site] !== false && !this.paused;
  }

  start(): void {
    const options = { capture: true };
    this.ctx.addEventListener(window, 'keydown', (event) => this.onKeyDown(event), options);
    this.ctx.addEventListener(window, 'click', (event) => this.onClick(event), options);
    this.ctx.addEventListener(window, 'submit', (event) => this.onSubmit(event), options);
    this.ctx.addEventListener(window, 'paste', (event) => this.onPaste(event), options);
    this.ctx.addEventListener(window, 'drop', (event) => this.onDrop(event), options);
    this.ctx.addEventListener(window, 'input', (event) => this.onFileInput(event), options);
    this.ctx.addEventListener(window, 'change', (event) => this.onFileInput(event), options);
    this.ctx.addEventListener(window, 'wxt:locationchange', () => this.onNavigation());
    this.ctx.onInvalidated(() => this.ui.destroy());
    this.readyPromise = this.initialize();
  }

  private async initialize(): Promise<void> {
    try {
      const hello = await sendToBackground('cs-bg:hello', { site: this.adapter.site });
      this.applyPolicy(hello.policy);
      this.paused = hello.paused;
      this.setAlwaysAllowed(hello.allowed ?? []);
    } catch (error) {
      // No background answer: keep the strict defaults rather than guarding nothing.
      this.engineError = null;
      console.warn('[ChatWarden] background unavailable, using default policy', error);
    }
    await this.conversation.sync().catch(() => undefined);
    this.ready = true;
    this.watchHealth();
  }

  whenReady(): Promise<void> {
    return this.readyPromise;
  }

  applyPolicy(policy: Policy): void {
    this.policy = policy;
    this.scanPolicy = toScanPolicy(policy);
    this.refreshStatus();
    // Compiling a policy's scanner takes ~100 ms once: do it while idle, not inside the first Enter.
    const warm = () => this.plan('warm-up');
    if (typeof requestIdleCallback === 'function') requestIdleCallback(warm, { timeout: 2000 });
    else this.ctx.setTimeout(warm, 0);
  }

  setAlwaysAllowed(values: string[]): void {
    this.alwaysAllowed = new Set(values.filter((value): value is string => typeof value === 'string' && value !== ''));
  }

  /** Whether the user chose to always allow this value (and policy lets users override). */
  isAlwaysAllowed(value: string): boolean {
    return this.policy.userMayOverride && this.alwaysAllowed.has(value);
  }

  /** Redacts these findings with the conversation's vault, leaving always-allowed values as they are. */
  private redactFindings(text: string, toRedact: PlannedFinding[]) {
    return redactAllowing(text, this.conversation.vault, toRedact.map((planned) => planned.finding), (value) => this.isAlwaysAllowed(value));
  }

  setPaused(paused: boolean): void {
    this.paused = paused;
    this.refreshStatus();
  }

  // ---- health and status -------------------------------------------------------------------------------------

  private watchHealth(): void {
    let scheduled = false;
    const check = () => {
      scheduled = false;
      // SPAs change the URL from page scripts the isolated world cannot hook; DOM changes come with it, so the
      // conversation key follows within one throttle period (wxt:locationchange polls more slowly).
      void this.conversation.sync();
      this.checkHealthNow();
    };
    const observer = new MutationObserver(() => {
      if (scheduled) return;
      scheduled = true;
      this.ctx.setTimeout(check, 300);
    });
    // Attributes too: a re-render can swap the composer's identifying attributes without replacing nodes.
    observer.observe(document.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['id', 'class', 'contenteditable', 'role', 'data-testid', 'data-type'],
    });
    this.ctx.onInvalidated(() => observer.disconnect());
    this.checkHealthNow();
    // Re-check when the grace period ends even if the DOM went quiet.
    this.ctx.setTimeout(() => this.checkHealthNow(), HEALTH_GRACE_MS + 50);
  }

  private onNavigation(): void {
    void this.conversation.sync();
    // An SPA route change re-renders the composer: give it the grace period again.
    this.healthDeadline = Date.now() + HEALTH_GRACE_MS;
    this.checkHealthNow();
  }

  checkHealthNow(): HealthReport {
    this.health = checkHealth(this.adapter, this.overrides());
    this.refreshStatus();
    return this.health;
  }

  private overrides() {
    return this.policy.selectorOverrides[this.adapter.site];
  }

  /** Why the page is not protected, or null when it is. During the grace period a missing composer is not yet a failure. */
  private unprotectedReason(): string | null {
    if (this.engineError) return `The detection engine failed (${this.engineError}).`;
    if (this.health && !this.health.ok && Date.now() >= this.healthDeadline) {
      return describeHealthFailure(this.adapter, this.health);
    }
    return null;
  }

  private refreshStatus(): void {
    let status: GuardStatus = 'protected';
    let reason: string | undefined;
    if (!this.policy.enabled || this.policy.sites[this.adapter.site] === false) status = 'disabled';
    else if (this.paused) status = 'paused';
    else {
      const unprotected = this.unprotectedReason();
      if (unprotected) {
        status = 'unprotected';
        reason = unprotected;
      }
    }
    this.ui.setBanner(status === 'unprotected' ? { text: reason ?? '', held: this.policy.failMode !== 'open' } : null);
    const key = `${status}|${reason ?? ''}`;
    if (key === this.lastStatus || !this.ready) return;
    this.lastStatus = key;
    document.documentElement.dataset.chatwardenStatus = status;
    sendToBackground('cs-bg:status', { status, ...(reason ? { reason } : {}) }).catch(() => undefined);
  }

  // ---- element lookup -----------------------------------------------------------------------------------------

  findComposer(): HTMLElement | null {
    return (queryRole(this.adapter, 'composer', this.overrides())?.element as HTMLElement | undefined) ?? null;
  }

  private composerFromEvent(event: Event): HTMLElement | null {
    const composer = this.findComposer();
    if (!composer) return null;
    return event.composedPath().includes(composer) ? composer : null;
  }

  private sendButtonFromEvent(event: Event): HTMLElement | null {
    const path = event.composedPath();
    const buttons = queryRoleAll(this.adapter, 'send', this.overrides()).map((match) => match.element);
    const button = buttons.find((candidate) => path.includes(candidate)) as HTMLElement | undefined;
    if (!button) return null;
    // ChatGPT's send button turns into the stop button while a reply streams: a stop click is never a send.
    const stops = queryRoleAll(this.adapter, 'stop', this.overrides()).map((match) => match.element);
    return stops.includes(button) ? null : button;
  }

  private isUiEvent(event: Event): boolean {
    return event.composedPath().some((node) => node instanceof HTMLElement && node.tagName === 'CHATWARDEN-UI');
  }

  // ---- scanning -----------------------------------------------------------------------------------------------

  /** Scans and plans; on an engine error records it (banner, badge) and returns null. */
  private plan(text: string): GuardPlan | null {
    try {
      const findings: Finding[] = text.trim() === '' ? [] : scan(text, this.scanPolicy);
      if (this.engineError) {
        this.engineError = null;
        this.refreshStatus();
      }
      return withoutAllowed(planFindings(text, findings, this.scanPolicy), (value) => this.isAlwaysAllowed(value));
    } catch (error) {
      this.engineError = error instanceof Error ? error.message : String(error);
      this.refreshStatus();
      return null;
    }
  }

  private stop(event: Event): void {
    event.preventDefault();
    event.stopImmediatePropagation();
  }

  // ---- sends --------------------------------------------------------------------------------------------------

  private onKeyDown(event: KeyboardEvent): void {
    if (this.releasing || isOwn(event) || !this.active || this.isUiEvent(event)) return;
    if (event.key !== 'Enter' || event.shiftKey || event.altKey) return;
    // IME composition: Enter commits the candidate, it does not send (gwdg/chat-ai PR#167).
    if (event.isComposing || event.keyCode === 229) return;
    const composer = this.composerFromEvent(event);
    if (!composer) {
      if (this.unprotectedReason() && this.isEditable(event.target)) this.holdUnprotected(event);
      return;
    }
    this.interceptSend(event, composer);
  }

  private onClick(event: MouseEvent): void {
    if (this.releasing || isOwn(event) || !this.active || this.isUiEvent(event)) return;
    const button = this.sendButtonFromEvent(event);
    if (!button) return;
    const composer = this.findComposer();
    if (!composer) {
      if (this.unprotectedReason()) this.holdUnprotected(event);
      return;
    }
    this.interceptSend(event, composer);
  }

  private onSubmit(event: Event): void {
    if (this.releasing || isOwn(event) || !this.active) return;
    const composer = this.findComposer();
    if (!composer || !(event.target instanceof HTMLFormElement) || !event.target.contains(composer)) return;
    this.interceptSend(event, composer);
  }

  private isEditable(target: EventTarget | null): boolean {
    return (
      target instanceof HTMLElement &&
      (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement)
    );
  }

  /** Fail closed (or open, by policy) when the page cannot be guarded. Returns true when the event was held. */
  private holdUnprotected(event: Event): boolean {
    // The last check may be stale (throttled): decide on the page as it is now.
    if (this.health && !this.health.ok) this.checkHealthNow();
    const reason = this.unprotectedReason();
    if (!reason) return false;
    if (this.policy.failMode === 'open') {
      this.ui.notify('warning', `Sent without ChatWarden checks. ${reason}`);
      return false;
    }
    this.stop(event);
    this.ui.notify('error', `Not sent: ChatWarden cannot check this message. ${reason} Your text is unchanged.`);
    return true;
  }

  private interceptSend(event: Event, composer: HTMLElement): void {
    if (this.sending) {
      // A send is already being checked (dialog open, rewrite in progress): never let a second one slip past.
      this.stop(event);
      return;
    }
    if (!this.ready) {
      this.stop(event);
      void this.readyPromise.then(() => this.runSend(composer));
      return;
    }
    const text = readComposerText(composer);
    const plan = this.plan(text);
    if (!plan) {
      this.holdUnprotected(event);
      return;
    }
    if (this.unprotectedReason() && this.holdUnprotected(event)) return;
    const decision = decide(plan);
    const needsTokenCount = mayExceedTokenBudget(text, this.policy);
    // Fast path: nothing to change, the site gets its own trusted event untouched.
    if (decision === 'pass' && !needsTokenCount) {
      this.settleUndoable();
      return;
    }
    if (decision === 'warn' && !needsTokenCount) {
      this.warnAndReport('typed', plan);
      this.settleUndoable();
      return;
    }
    this.stop(event);
    void this.runSend(composer, text, plan);
  }

  private warnAndReport(channel: GuardChannel, plan: GuardPlan): void {
    this.ui.notify('warning', `Sent as typed, but it contains: ${describeTypes(plan.warn)}.`);
    this.report(
      channel,
      plan.warn.map((planned) => ({ planned, outcome: 'warned', placeholder: null })),
    );
  }

  private async countTokens(text: string): Promise<TokenInfo | undefined> {
    try {
      const { tokens, encoding } = await sendToBackground('cs-bg:count-tokens', { text });
      return { count: tokens, limit: this.policy.maxPromptTokens, encoding };
    } catch {
      return undefined;
    }
  }

  /** The review dialog's items, numbered by their index in `findings`. */
  private reviewItems(findings: PlannedFinding[]): ReviewItem[] {
    return findings.map((planned, id) => ({
      id,
      type: planned.finding.type,
      message: planned.finding.message,
      masked: planned.masked,
      action: planned.action,
      canAllow: this.policy.userMayOverride && planned.action === 'review',
    }));
  }

  private async runSend(composer: HTMLElement, knownText?: string, knownPlan?: GuardPlan) {
    this.sending = true;
    try {
      if (!this.active) {
        // Held only because the guard was still starting, and policy or the user turned it off for this tab.
        await this.release(composer);
        return;
      }
      await this.conversation.sync();
      const text = knownText ?? readComposerText(composer);
      const plan = knownPlan ?? this.plan(text);
      if (!plan) {
        if (this.policy.failMode === 'open') await this.release(composer);
        else this.ui.notify('error', 'Not sent: the detection engine failed. Your text is unchanged.');
        return;
      }
      const decision = decide(plan);

      let tokens: TokenInfo | undefined;
      if (mayExceedTokenBudget(text, this.policy)) {
        tokens = await this.countTokens(text);
        if (tokens && tokens.count > tokens.limit && this.policy.tokenLimitAction === 'block') {
          this.ui.notify(
            'error',
            `Not sent: ${tokens.count.toLocaleString('en')} tokens is over the limit of ${tokens.limit.toLocaleString('en')}. Your text is unchanged.`,
          );
          return;
        }
        if (tokens && tokens.count <= tokens.limit) tokens = undefined;
        else if (tokens) this.ui.notify('warning', `This prompt is ${tokens.count.toLocaleString('en')} tokens, over the limit of ${tokens.limit.toLocaleString('en')}.`);
      }

      if (decision === 'block') {
        this.ui.notify(
          'error',
          `Not sent: your organization blocks sending ${describeTypes(plan.block)}. Remove it and try again. Your text is unchanged.`,
        );
        this.report('typed', plan.block.map((planned) => ({ planned, outcome: 'blocked', placeholder: null })));
        composer.focus();
        return;
      }

      let toRedact = [...plan.redact, ...plan.review];
      const report: ReportItem[] = plan.warn.map((planned) => ({ planned, outcome: 'warned', placeholder: null }));
      if (decision === 'review') {
        const reviewed = [...plan.review, ...plan.redact];
        const result: ReviewResult = await this.ui.review({
          title: 'Review before sending',
          items: this.reviewItems(reviewed),
          requireJustification: this.policy.requireJustification,
          proceedLabel: 'Send',
          ...(tokens ? { tokens } : {}),
        });
        if (result.choice !== 'send') {
          this.afterCancel(composer, reviewed, result.choice);
          return;
        }
        const allowed = reviewed.filter((_, id) => result.allowed.includes(id) && this.reviewItems(reviewed)[id]!.canAllow);
        toRedact = reviewed.filter((planned) => !allowed.includes(planned));
        for (const planned of allowed) {
          this.allowedOnce.set(planned.value, Date.now() + ALLOW_ONCE_MS);
          report.push({ planned, outcome: 'override', placeholder: null, justification: result.justification });
        }
      }

      if (toRedact.length > 0) {
        const redacted = this.redactFindings(text, toRedact);
        const write = await writeComposerText(composer, redacted.text, this.adapter.editor);
        if (!write.ok) {
          await this.restoreOriginal(composer, text);
          return;
        }
        this.conversation.changed();
        await this.conversation.persist();
        for (const replacement of redacted.replacements) {
          const planned = toRedact.find((candidate) => candidate.finding === replacement.finding);
          if (planned) report.push({ planned, outcome: 'redacted', placeholder: replacement.placeholder });
        }
        const placeholders = [...new Set(redacted.replacements.map((replacement) => replacement.placeholder))];
        this.ui.notify('info', `Replaced ${placeholders.length === 1 ? '1 item' : `${placeholders.length} items`}: ${placeholders.join(', ')}`);
      }
      if (plan.warn.length > 0) this.ui.notify('warning', `Sent as typed, but it contains: ${describeTypes(plan.warn)}.`);
      await this.release(composer);
      this.settleUndoable();
      this.report('typed', report);
    } catch (error) {
      console.warn('[ChatWarden] send check failed', error);
      this.ui.notify('error', 'Not sent: ChatWarden could not check this message. Your text is unchanged.');
    } finally {
      this.sending = false;
    }
  }

  private afterCancel(composer: HTMLElement, findings: PlannedFinding[], choice: 'edit' | 'cancel'): void {
    composer.focus();
    if (choice === 'edit') {
      this.selectInComposer(composer, findings[0]);
      this.ui.notify('info', 'Edit your message, then send again.');
    } else {
      this.ui.notify('info', 'Not sent. Your text is unchanged.');
    }
  }

  /** Puts the selection on a finding so the user can edit it directly (best effort: plain-text offsets to DOM). */
  private selectInComposer(composer: HTMLElement, planned: PlannedFinding | undefined): void {
    if (!planned) return;
    const walker = document.createTreeWalker(composer, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = (node as Text).data.indexOf(planned.value);
      if (index < 0) continue;
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + planned.value.length);
      const selection = document.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
  }

  /** The rewrite could not be verified: put the user's text back and hold the send. */
  private async restoreOriginal(composer: HTMLElement, original: string): Promise<void> {
    const restored = await writeComposerText(composer, original, this.adapter.editor);
    this.ui.notify(
      'error',
      restored.ok
        ? 'Not sent: ChatWarden could not safely replace the sensitive text in the message box. Your text is unchanged.'
        : 'Not sent: ChatWarden could not safely rewrite the message box. Please check your text before sending.',
    );
  }

  /** Lets the (now checked) send go ahead exactly once: the site's send button, else a synthetic Enter. */
  private async release(composer: HTMLElement): Promise<void> {
    await settle(30);
    let button: HTMLElement | null = null;
    for (let waited = 0; waited <= 1500; waited += 50) {
      button = queryRoleNear(this.adapter, 'send', this.overrides(), composer) as HTMLElement | null;
      if (button && !(button as HTMLButtonElement).disabled && button.getAttribute('aria-disabled') !== 'true') break;
      await settle(50);
    }
    this.releasing = true;
    try {
      if (button && !(button as HTMLButtonElement).disabled) button.click();
      else {
        composer.focus();
        composer.dispatchEvent(
          markOwn(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 13, which: 13, bubbles: true, cancelable: true, composed: true })),
        );
      }
    } finally {
      this.releasing = false;
    }
  }

  // ---- paste and drop -----------------------------------------------------------------------------------------

  private onPaste(event: ClipboardEvent): void {
    if (isOwn(event) || !this.active || this.isUiEvent(event) || !event.clipboardData) return;
    const target = event.target instanceof HTMLElement ? event.target : null;
    if (!target || !this.isEditable(target)) return;
    const files = Array.from(event.clipboardData.files);
    if (files.length > 0) {
      this.stop(event);
      void this.processFiles(files, 'paste').then((kept) => {
        if (kept.length === 0) return;
        const data = new DataTransfer();
        for (const file of kept) data.items.add(file);
        target.dispatchEvent(markOwn(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true })));
      });
      return;
    }
    const text = event.clipboardData.getData('text/plain');
    if (!text) return;
    this.guardIncomingText(event, target, text, 'paste', (redacted) => insertAtCaret(target, redacted));
  }

  private onDrop(event: DragEvent): void {
    if (isOwn(event) || !this.active || this.isUiEvent(event) || !event.dataTransfer) return;
    const target = event.target instanceof HTMLElement ? event.target : null;
    if (!target) return;
    // True when the page handled (cancelled) the synthetic drop.
    const redispatch = (data: DataTransfer) =>
      !target.dispatchEvent(
        markOwn(
          new DragEvent('drop', {
            dataTransfer: data,
            clientX: event.clientX,
            clientY: event.clientY,
            screenX: event.screenX,
            screenY: event.screenY,
            bubbles: true,
            cancelable: true,
            composed: true,
          }),
        ),
      );
    const files = Array.from(event.dataTransfer.files);
    if (files.length > 0) {
      this.stop(event);
      void this.processFiles(files, 'drop').then((kept) => {
        if (kept.length === 0) return;
        const data = new DataTransfer();
        for (const file of kept) data.items.add(file);
        redispatch(data);
      });
      return;
    }
    const text = event.dataTransfer.getData('text/plain');
    if (!text) return;
    this.guardIncomingText(event, target, text, 'drop', (redacted) => {
      const data = new DataTransfer();
      data.setData('text/plain', redacted);
      if (redispatch(data)) return;
      // The editor ignored the synthetic drop (no position under the pointer): insert at the caret instead.
      const editable = (target.closest('[contenteditable="true"], textarea, input') as HTMLElement | null) ?? target;
      editable.focus();
      insertAtCaret(editable, redacted);
    });
  }

  /** Pasted or dropped text: scanned before it lands; redacted text goes in through the editor's own handling. */
  private guardIncomingText(
    event: Event,
    target: HTMLElement,
    text: string,
    channel: 'paste' | 'drop',
    insert: (text: string) => void,
  ): void {
    const plan = this.plan(text);
    if (!plan) {
      if (this.policy.failMode !== 'open') {
        this.stop(event);
        this.ui.notify('error', `Not ${channel === 'paste' ? 'pasted' : 'dropped'}: ChatWarden could not check it.`);
      }
      return;
    }
    const decision = decide(plan);
    const needsTokenCount = mayExceedTokenBudget(text, this.policy);
    if (decision === 'pass' && !needsTokenCount) return;
    if (decision === 'warn' && !needsTokenCount) {
      this.ui.notify('warning', `Pasted as is, but it contains: ${describeTypes(plan.warn)}.`);
      this.report(channel, plan.warn.map((planned) => ({ planned, outcome: 'warned', placeholder: null })));
      return;
    }
    this.stop(event);
    if (decision === 'block') {
      this.ui.notify('error', `Not ${channel === 'paste' ? 'pasted' : 'dropped'}: your organization blocks ${describeTypes(plan.block)}.`);
      this.report(channel, plan.block.map((planned) => ({ planned, outcome: 'blocked', placeholder: null })));
      return;
    }
    if (decision === 'redact' && !needsTokenCount) {
      // Synchronous, so the caret and selection are exactly where the user pasted.
      insert(this.redactIncoming(text, plan, plan.redact, [], channel));
      return;
    }
    void this.reviewIncoming(target, text, plan, channel, needsTokenCount, insert);
  }

  private redactIncoming(
    text: string,
    plan: GuardPlan,
    toRedact: PlannedFinding[],
    extraReport: ReportItem[],
    channel: GuardChannel,
  ): string {
    const report: ReportItem[] = [
      ...extraReport,
      ...plan.warn.map((planned): ReportItem => ({ planned, outcome: 'warned', placeholder: null })),
    ];
    if (toRedact.length === 0) {
      this.report(channel, report);
      return text;
    }
    void this.conversation.sync();
    const redacted = this.redactFindings(text, toRedact);
    this.conversation.changed();
    for (const replacement of redacted.replacements) {
      const planned = toRedact.find((candidate) => candidate.finding === replacement.finding);
      if (planned) report.push({ planned, outcome: 'redacted', placeholder: replacement.placeholder });
    }
    const placeholders = [...new Set(redacted.replacements.map((replacement) => replacement.placeholder))];
    const eventId = newEventId();
    const ids = report.map((_, index) => `${eventId}:${index}`);
    const undoIds = ids.filter((_, index) => report[index]!.outcome === 'redacted');
    if (undoIds.length > 0 && redacted.text !== text) {
      this.undoable.set(eventId, { original: text, redacted: redacted.text, recordIds: undoIds });
    }
    const undo = {
      label: 'Undo',
      onAction: () =>
        void this.undoRedaction(`${eventId}:0`).then((result) => {
          if (!result.ok) this.ui.notify('error', `Could not undo: ${result.error ?? 'unknown error'}`);
        }),
    };
    const message = `Replaced in the ${channel === 'paste' ? 'pasted' : 'dropped'} text: ${placeholders.join(', ')}`;
    if (this.undoable.has(eventId)) this.ui.notify('info', message, undo);
    else this.ui.notify('info', message);
    this.report(channel, report, { eventId, undoable: new Set(this.undoable.has(eventId) ? undoIds : []) });
    return redacted.text;
  }

  private async reviewIncoming(
    target: HTMLElement,
    text: string,
    plan: GuardPlan,
    channel: 'paste' | 'drop',
    needsTokenCount: boolean,
    insert: (text: string) => void,
  ): Promise<void> {
    let tokens: TokenInfo | undefined;
    if (needsTokenCount) {
      tokens = await this.countTokens(text);
      if (tokens && tokens.count > tokens.limit && this.policy.tokenLimitAction === 'block') {
        this.ui.notify('error', `Not pasted: ${tokens.count.toLocaleString('en')} tokens is over the limit of ${tokens.limit.toLocaleString('en')}.`);
        return;
      }
      if (tokens && tokens.count <= tokens.limit) tokens = undefined;
      else if (tokens) this.ui.notify('warning', `This text is ${tokens.count.toLocaleString('en')} tokens, over the limit of ${tokens.limit.toLocaleString('en')}.`);
    }
    const reviewed = [...plan.review, ...plan.redact];
    if (plan.review.length === 0) {
      target.focus();
      insert(this.redactIncoming(text, plan, plan.redact, [], channel));
      return;
    }
    const items = this.reviewItems(reviewed);
    const result = await this.ui.review({
      title: channel === 'paste' ? 'Review before pasting' : 'Review before dropping',
      items,
      requireJustification: this.policy.requireJustification,
      proceedLabel: channel === 'paste' ? 'Paste' : 'Insert',
      ...(tokens ? { tokens } : {}),
    });
    target.focus();
    if (result.choice !== 'send') {
      this.ui.notify('info', 'Nothing was inserted.');
      return;
    }
    const allowed = reviewed.filter((_, id) => result.allowed.includes(id) && items[id]!.canAllow);
    for (const planned of allowed) this.allowedOnce.set(planned.value, Date.now() + ALLOW_ONCE_MS);
    const overrides = allowed.map(
      (planned): ReportItem => ({ planned, outcome: 'override', placeholder: null, justification: result.justification }),
    );
    insert(this.redactIncoming(text, plan, reviewed.filter((planned) => !allowed.includes(planned)), overrides, channel));
  }

  // ---- file uploads -------------------------------------------------------------------------------------------

  private onFileInput(event: Event): void {
    if (isOwn(event) || !this.active) return;
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== 'file') return;
    // The site must not see the original files: stop both `input` and `change` until the copies are ready.
    event.stopImmediatePropagation();
    if (this.pendingFileInputs.has(input)) return;
    const files = Array.from(input.files ?? []);
    if (files.length === 0) return;
    this.pendingFileInputs.add(input);
    void this.processFiles(files, 'upload')
      .then((kept) => {
        const data = new DataTransfer();
        for (const file of kept) data.items.add(file);
        input.files = data.files;
        if (kept.length === 0) {
          input.value = '';
          return;
        }
        input.dispatchEvent(markOwn(new Event('input', { bubbles: true, composed: true })));
        input.dispatchEvent(markOwn(new Event('change', { bubbles: true })));
      })
      .finally(() => {
        // The re-dispatched events fire synchronously above; later user choices are new uploads.
        this.pendingFileInputs.delete(input);
      });
  }

  /** Reads each file locally and returns what the site may get: originals, redacted copies, or nothing. */
  async processFiles(files: File[], channel: GuardChannel): Promise<File[]> {
    await this.whenReady();
    await this.conversation.sync();
    const kept: File[] = [];
    for (const file of files) {
      const read = await readTextFile(file);
      if (!read.readable) {
        if (this.policy.unreadableUploads === 'allow') {
          kept.push(file);
          this.ui.notify('warning', `"${file.name}" was attached without checks: ChatWarden cannot read it (${read.reason}).`);
        } else {
          this.ui.notify('error', `"${file.name}" was not attached: ChatWarden cannot read it (${read.reason}) and your organization blocks unchecked files.`);
        }
        continue;
      }
      if (this.policy.uploads === 'allow') {
        kept.push(file);
        continue;
      }
      const plan = this.plan(read.text);
      if (!plan) {
        if (this.policy.failMode === 'open') kept.push(file);
        this.ui.notify('error', `"${file.name}" ${this.policy.failMode === 'open' ? 'was attached unchecked' : 'was not attached'}: the detection engine failed.`);
        continue;
      }
      const decision = decide(plan);
      if (decision === 'pass') {
        kept.push(file);
        continue;
      }
      if (decision === 'block' || (this.policy.uploads === 'block' && decision !== 'warn')) {
        const types = describeTypes(decision === 'block' ? plan.block : plan.findings);
        this.ui.notify('error', `"${file.name}" was not attached: it contains ${types}.`);
        this.report(channel, plan.findings.map((planned) => ({ planned, outcome: 'blocked', placeholder: null })));
        continue;
      }
      // Review findings in files are redacted: a file has no caret to review against.
      const toRedact = [...plan.redact, ...plan.review];
      const report: ReportItem[] = plan.warn.map((planned) => ({ planned, outcome: 'warned', placeholder: null }));
      if (toRedact.length === 0) {
        kept.push(file);
        this.report(channel, report);
        continue;
      }
      const redacted = this.redactFindings(read.text, toRedact);
      this.conversation.changed();
      for (const replacement of redacted.replacements) {
        const planned = toRedact.find((candidate) => candidate.finding === replacement.finding);
        if (planned) report.push({ planned, outcome: 'redacted', placeholder: replacement.placeholder });
      }
      kept.push(redactedFile(file, redacted.text));
      const count = new Set(redacted.replacements.map((replacement) => replacement.placeholder)).size;
      this.ui.notify('info', `"${file.name}" was attached with ${count === 1 ? '1 item' : `${count} items`} replaced by placeholders.`);
      this.report(channel, report);
    }
    await this.conversation.persist();
    return kept;
  }

  /** Reports what the guard did; every record gets an id `<event>:<index>` (the popup's undo/always-allow refer to it). */
  report(channel: GuardChannel, items: ReportItem[], options: { eventId?: string; undoable?: ReadonlySet<string> } = {}): void {
    const key = this.conversation.key;
    const eventId = options.eventId ?? newEventId();
    sendReport(this.adapter.site, isProvisionalConversationId(key) ? null : key, channel, items, {
      ids: items.map((_, index) => `${eventId}:${index}`),
      ...(options.undoable ? { undoable: options.undoable } : {}),
      vaultKey: key,
    });
  }

  // ---- undo -----------------------------------------------------------------------------------------------------

  /** A send went out: nothing pasted before it can be undone any more. */
  private settleUndoable(): void {
    if (this.undoable.size === 0) return;
    const ids = [...this.undoable.values()].flatMap((entry) => entry.recordIds);
    this.undoable.clear();
    sendToBackground('cs-bg:redactions-settled', { ids }).catch(() => undefined);
  }

  /**
   * Puts the exact original of a redacted paste/drop back into the composer, replacing the redacted text it inserted,
   * if that text is still there unchanged. Verified by re-reading (writeComposerText); on failure the composer is put
   * back as it was. Not an allow: the next send is scanned again.
   */
  async undoRedaction(recordId: string): Promise<{ ok: boolean; error?: string }> {
    const eventId = String(recordId).split(':')[0] ?? '';
    const entry = this.undoable.get(eventId);
    if (!entry) return { ok: false, error: 'This redaction can no longer be undone (already sent or undone).' };
    if (this.sending || this.ui.reviewOpen) return { ok: false, error: 'A send is being checked; try again in a moment.' };
    const composer = this.findComposer();
    if (!composer) return { ok: false, error: 'The message box was not found.' };
    const current = readComposerText(composer);
    const at = current.indexOf(entry.redacted);
    if (at < 0) return { ok: false, error: 'The redacted text is no longer in the message box (edited or sent).' };
    const next = current.slice(0, at) + entry.original + current.slice(at + entry.redacted.length);
    this.sending = true;
    try {
      const write = await writeComposerText(composer, next, this.adapter.editor);
      if (!write.ok) {
        await writeComposerText(composer, current, this.adapter.editor);
        return { ok: false, error: 'ChatWarden could not rewrite the message box.' };
      }
    } finally {
      this.sending = false;
    }
    this.undoable.delete(eventId);
    sendToBackground('cs-bg:redactions-settled', { ids: entry.recordIds, undone: true }).catch(() => undefined);
    composer.focus();
    this.ui.notify('info', 'Undone: your original text is back in the message box. It will be checked again when you send.');
    return { ok: true };
  }

  // ---- network scrub (called through the MAIN-world bridge) ------------------------------------------------------

  /** Values the user allowed once and that the network scrub must leave alone for the send they belong to. */
  isAllowedOnce(value: string): boolean {
    const until = this.allowedOnce.get(value);
    if (until === undefined) return false;
    if (until < Date.now()) {
      this.allowedOnce.delete(value);
      return false;
    }
    return true;
  }
}
