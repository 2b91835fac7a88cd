/** One in-page confirmation at a time, in its own open shadow root on <html> (the site's CSS cannot hide it). */
import { h, render } from 'preact';
import { CONFIRM_DIALOG_CSS, ConfirmDialog, type ConfirmDialogProps } from '../../../components/finding-notice/confirm-dialog';

let current: Promise<boolean> | null = null;

export function askConfirm(props: Omit<ConfirmDialogProps, 'onDone'>): Promise<boolean> {
  if (current) return Promise.resolve(false);
  const host = document.createElement('chatwarden-confirm');
  host.style.cssText = 'all: initial; position: fixed; z-index: 2147483647;';
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = CONFIRM_DIALOG_CSS;
  const mount = document.createElement('div');
  shadow.append(style, mount);
  // Keys typed in the dialog are ours: keep the site's shortcuts from acting on them.
  for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (event) => event.stopPropagation());
  document.documentElement.append(host);
  const previousFocus = document.activeElement as HTMLElement | null;
  current = new Promise<boolean>((resolve) => {
    render(
      h(ConfirmDialog, {
        ...props,
        onDone: (confirmed: boolean) => {
          render(null, mount);
          host.remove();
          current = null;
          previousFocus?.focus?.();
          resolve(confirmed);
        },
      }),
      mount,
    );
  });
  return current;
}
