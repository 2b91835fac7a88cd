// The window hook tests read through page.evaluate: the editor's own model text and the streaming state.
// Only the replicas expose it; the guard must never rely on it (the real sites have nothing like it).

export interface ReplicaHook {
  site: 'chatgpt' | 'claude' | 'gemini';
  /** Text of the editor's model (ProseMirror doc / Quill delta), paragraphs joined by \n, no trailing newline. */
  editorText(): string;
  /** True between send and the end of the reply stream. */
  streaming: boolean;
  /** Replies whose stream has ended (complete, stopped or failed). */
  completedReplies: number;
  /** Last network or parse error, for diagnosing a failed reply. */
  lastError: string | undefined;
  /** Message markup variant in use (ChatGPT only has more than one). */
  markup: string;
}

declare global {
  interface Window {
    __chatReplica?: ReplicaHook;
  }
}

export function installReplicaHook(hook: ReplicaHook): ReplicaHook {
  window.__chatReplica = hook;
  document.documentElement.dataset.replica = hook.site;
  return hook;
}
