/**
 * The conversation's pseudonym vault on the page side: an in-memory copy (so restore and the network scrub stay
 * synchronous) of the state the background keeps encrypted. Keyed by the conversation id in the URL; a new chat uses a
 * provisional key until the site gives it an id, then the vault is re-keyed (design brief, invariant 5).
 */
import { isProvisionalConversationId } from '../adapters/sites';
import type { SiteAdapter } from '../adapters/types';
import { PseudonymVault } from '../anonymize';
import { sendToBackground } from '../messaging/protocol';

function provisionalKey(): string {
  return `new:${crypto.randomUUID()}`;
}

export class ConversationVault {
  vault = new PseudonymVault();
  key: string = provisionalKey();
  /** Whether this page added anything to the vault under the current key (an untouched provisional vault is not kept). */
  private touched = false;
  private switching: Promise<void> = Promise.resolve();
  private putTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly adapter: SiteAdapter) {}

  /** Resolves once the vault matches the URL's conversation. Cheap when nothing changed. */
  sync(url: string = location.href): Promise<void> {
    const id = this.adapter.conversationIdFromUrl(new URL(url));
    const target = id ?? null;
    if (target === this.key || (target === null && isProvisionalConversationId(this.key))) return this.switching;
    this.switching = this.switching.then(() => this.switchTo(target)).catch(() => undefined);
    return this.switching;
  }

  private async switchTo(id: string | null): Promise<void> {
    const site = this.adapter.site;
    if (id === null) {
      // A new chat: start empty under a provisional key.
      this.vault = new PseudonymVault();
      this.key = provisionalKey();
      this.touched = false;
      return;
    }
    const from = this.key;
    const fromProvisional = isProvisionalConversationId(from);
    const { state } = await sendToBackground('cs-bg:vault-get', { site, conversation: id });
    if (state) {
      this.vault = PseudonymVault.fromJSON(state);
    } else if (fromProvisional && this.touched) {
      // The chat we were redacting in just got its id: keep the in-memory vault and move the stored one.
      await sendToBackground('cs-bg:vault-rekey', { site, from, to: id });
      this.key = id;
      // A put still in flight for the provisional key may land after the move: write the current state under the id.
      await this.persist();
    } else {
      this.vault = new PseudonymVault();
    }
    this.key = id;
  }

  /** Call after anything added placeholders: persists soon, coalescing bursts (network scrubs of every draft). */
  changed(): void {
    this.touched = true;
    clearTimeout(this.putTimer);
    this.putTimer = setTimeout(() => void this.persist(), 50);
  }

  async persist(): Promise<void> {
    clearTimeout(this.putTimer);
    await sendToBackground('cs-bg:vault-put', {
      site: this.adapter.site,
      conversation: this.key,
      state: this.vault.toJSON(),
    }).catch(() => undefined);
  }
}
