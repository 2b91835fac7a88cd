/**
 * Mounts the guard's in-page UI (banner, notices, review dialog) in a shadow root on <html>. The root is open so tests
 * and assistive tech can reach it; it only ever holds masked previews, never a detected value.
 */
import { render, h } from 'preact';
import { OVERLAY_CSS, Overlay, type OverlayState } from '../../components/review-dialog/overlay';
import type { Banner, NoticeAction, NoticeTone, ReviewRequest, ReviewResult } from '../../components/review-dialog/types';

const NOTICE_MS: Record<NoticeTone, number> = { info: 5000, warning: 8000, error: 12000 };

export class PageUi {
  private host: HTMLElement | null = null;
  private mountPoint: HTMLElement | null = null;
  private state: OverlayState = { banner: null, notices: [], review: null };
  private nextNoticeId = 1;

  private ensureMounted(): HTMLElement {
    if (this.mountPoint && this.host?.isConnected) return this.mountPoint;
    this.host = document.createElement('chatwarden-ui');
    this.host.style.cssText = 'all: initial; position: fixed; z-index: 2147483647;';
    const shadow = this.host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = OVERLAY_CSS;
    this.mountPoint = document.createElement('div');
    shadow.append(style, this.mountPoint);
    // Keys typed in the dialog are ours: keep site-wide shortcuts from acting on them.
    for (const type of ['keydown', 'keyup', 'keypress', 'input', 'paste']) {
      this.host.addEventListener(type, (event) => event.stopPropagation());
    }
    document.documentElement.append(this.host);
    return this.mountPoint;
  }

  private update(): void {
    const mountPoint = this.ensureMounted();
    render(h(Overlay, { state: this.state, onDismissNotice: (id: number) => this.dismiss(id) }), mountPoint);
  }

  setBanner(banner: Banner | null): void {
    if (banner?.text === this.state.banner?.text && banner?.held === this.state.banner?.held) return;
    this.state = { ...this.state, banner };
    if (banner || this.host) this.update();
  }

  /** Shows a toast; one with an action (a button such as "Undo") stays longer so it can be reached by keyboard. */
  notify(tone: NoticeTone, text: string, action?: NoticeAction): void {
    const id = this.nextNoticeId++;
    this.state = { ...this.state, notices: [...this.state.notices.slice(-3), { id, tone, text, ...(action ? { action } : {}) }] };
    this.update();
    setTimeout(() => this.dismiss(id), action ? Math.max(NOTICE_MS[tone], 15000) : NOTICE_MS[tone]);
  }

  private dismiss(id: number): void {
    if (!this.state.notices.some((notice) => notice.id === id)) return;
    this.state = { ...this.state, notices: this.state.notices.filter((notice) => notice.id !== id) };
    this.update();
  }

  get reviewOpen(): boolean {
    return this.state.review !== null;
  }

  review(request: ReviewRequest): Promise<ReviewResult> {
    return new Promise((resolve) => {
      const previousFocus = document.activeElement as HTMLElement | null;
      this.state = {
        ...this.state,
        review: {
          request,
          onDone: (result) => {
            this.state = { ...this.state, review: null };
            this.update();
            previousFocus?.focus();
            resolve(result);
          },
        },
      };
      this.update();
    });
  }

  destroy(): void {
    if (this.mountPoint) render(null, this.mountPoint);
    this.host?.remove();
    this.host = null;
    this.mountPoint = null;
  }
}
