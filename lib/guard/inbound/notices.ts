/**
 * What the inbound guard adds to the page around a turn: the finding notice (after the turn), a badge before a flagged
 * code block, a box in place of a blocked image. Each is a `chatwarden-*` element with an open shadow root (style
 * isolation); the restorer and the serializer skip them. Hosts are re-inserted if the site's renderer drops them.
 */
import { h, render } from 'preact';
import { FINDING_NOTICE_CSS, FindingNotice } from '../../../components/finding-notice/finding-notice';
import type { FindingNoticeProps } from '../../../components/finding-notice/types';

function shadowHost(tag: string, css: string): { host: HTMLElement; mount: HTMLElement } {
  const host = document.createElement(tag);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  const mount = document.createElement('div');
  shadow.append(style, mount);
  return { host, mount };
}

export class TurnNotice {
  private readonly host: HTMLElement;
  private readonly mount: HTMLElement;

  constructor() {
    ({ host: this.host, mount: this.mount } = shadowHost('chatwarden-notice', FINDING_NOTICE_CSS));
    this.host.setAttribute('data-chatwarden-notice', 'finding');
  }

  /** Show (or update) the notice after `turn`. */
  show(turn: Element, props: FindingNoticeProps): void {
    const alert = props.findings.some((finding) => finding.kind === 'exfil-link');
    this.host.setAttribute('role', alert ? 'alert' : 'status');
    this.host.setAttribute('aria-live', alert ? 'assertive' : 'polite');
    this.host.setAttribute('data-kinds', [...new Set(props.findings.map((finding) => finding.kind))].join(' '));
    render(h(FindingNotice, props), this.mount);
    if (turn.nextElementSibling !== this.host) turn.after(this.host);
  }

  /** Whether the notice still sits right after `turn` (a re-render may have dropped it). */
  isShownAfter(turn: Element): boolean {
    return turn.nextElementSibling === this.host;
  }

  remove(): void {
    render(null, this.mount);
    this.host.remove();
  }
}

const BADGE_CSS = `
:host { all: initial; display: block; margin: 4px 0 2px; font: 12px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; }
span { display: inline-block; background: #fde7e9; color: #8a1020; border: 1px solid #e3a1a8; border-radius: 4px; padding: 1px 6px; }
`;

/** The badge in front of a code block with findings; its text lists them. */
export function showCodeBadge(pre: Element, messages: string[]): void {
  let badge = pre.previousElementSibling;
  if (!badge || badge.tagName !== 'CHATWARDEN-CODE-BADGE') {
    const created = shadowHost('chatwarden-code-badge', BADGE_CSS);
    created.host.setAttribute('role', 'note');
    pre.before(created.host);
    badge = created.host;
    render(h('span', null, ''), created.mount);
    badgeMounts.set(badge, created.mount);
  }
  const label = `⚠ ChatWarden: unsafe code — ${messages[0] ?? ''}${messages.length > 1 ? ` (+${messages.length - 1} more)` : ''}`;
  badge.setAttribute('aria-label', label);
  const mount = badgeMounts.get(badge);
  if (mount) render(h('span', { title: messages.join('\n') }, label), mount);
}

const badgeMounts = new WeakMap<Element, HTMLElement>();

const IMAGE_BOX_CSS = `
:host { all: initial; display: inline-block; vertical-align: middle; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; }
span { display: inline-block; border: 1px dashed #c62828; color: #8a1020; background: #fff4f4; border-radius: 6px; padding: 6px 10px; }
`;

/**
 * Hide an image the exfiltration rules blocked (the request never left: declarativeNetRequest) and say why in its place.
 * The <img> is hidden, not removed: the site's renderer owns it and would fail removing a node that is gone.
 */
export function replaceBlockedImage(image: HTMLImageElement, text: string): void {
  image.style.setProperty('display', 'none', 'important');
  image.setAttribute('data-chatwarden-blocked', 'image');
  const next = image.nextElementSibling;
  if (next?.tagName === 'CHATWARDEN-IMAGE-BLOCKED') return;
  const { host, mount } = shadowHost('chatwarden-image-blocked', IMAGE_BOX_CSS);
  host.setAttribute('role', 'img');
  host.setAttribute('aria-label', text);
  render(h('span', null, text), mount);
  image.after(host);
}
