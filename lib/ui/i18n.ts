/**
 * The UI's strings come from the extension's messages (public/_locales/<lang>/messages.json). Keys are typed from the
 * English file, so a missing string is a compile error, not a blank label.
 */
import { browser } from 'wxt/browser';

export type MessageKey = keyof typeof import('../../public/_locales/en/messages.json');

/** The message for `key` with $1…$9 substitutions; the key itself if the browser has no such message (unit tests). */
export function t(key: MessageKey, substitutions?: string | number | Array<string | number>): string {
  const subs =
    substitutions === undefined ? undefined : (Array.isArray(substitutions) ? substitutions : [substitutions]).map(String);
  let message = '';
  try {
    message = browser.i18n.getMessage(key, subs);
  } catch {
    message = '';
  }
  return message || key;
}
