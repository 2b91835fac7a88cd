/**
 * What the guard needs to know about one chat site. Adapters are data plus a few pure helpers: the only place in the
 * codebase that knows a site's selectors (see ../shared research chat-sites.md for where each candidate comes from).
 */
import type { AdapterRole, SiteId } from '../policy/types';

export type { AdapterRole, SiteId };

/** One candidate selector, newest first in its list. `source` names the research tag and date; `fixture` the replica. */
export interface SelectorCandidate {
  selector: string;
  source: string;
  /** Which replica fixture exercises it (test/replicas/...), or why none does. */
  fixture?: string;
}

/** How text is written into the composer in a way the editor's own state accepts. */
export type EditorKind = 'prosemirror' | 'quill';

export interface SiteAdapter {
  site: SiteId;
  /** Human name for notices. */
  label: string;
  hosts: string[];
  editor: EditorKind;
  selectors: Record<AdapterRole, SelectorCandidate[]>;
  /**
   * Extra filter for candidates of a role (e.g. Gemini's `.ql-clipboard` sibling is also contenteditable; contenteditables
   * inside an answer are Canvas editors, not the composer).
   */
  accept?: Partial<Record<AdapterRole, (element: Element) => boolean>>;
  /** Conversation id from the URL, or null on a new chat that has no id yet. */
  conversationIdFromUrl(url: URL): string | null;
  /** Roles whose absence means the page cannot be guarded (fail closed). Others are reported but tolerated. */
  requiredRoles: AdapterRole[];
}
