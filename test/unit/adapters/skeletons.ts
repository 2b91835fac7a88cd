/**
 * Page skeletons from research/chat-sites.md (2026-10 structure of each site, as the replicas render them once their
 * editors mount). Used to check every adapter role resolves, and that look-alikes are not taken.
 */
export const CHATGPT_PAGE = `
<main><div id="thread">
 <article data-testid="conversation-turn-1" data-turn="user">
  <div data-message-author-role="user" data-message-id="u1">
   <div data-user-message-bubble="true"><div class="whitespace-pre-wrap">Mail me at [EMAIL_1]</div></div></div></article>
 <article data-testid="conversation-turn-2" data-turn="assistant">
  <div data-message-author-role="assistant" data-message-id="a1" data-content-search-unit-key="k2">
   <div class="markdown prose" data-markdown-text-style="assistant-message"><p>Sure, [EMAIL_1].</p>
   <div contenteditable="true" class="ProseMirror canvas-editor">canvas</div></div></div></article>
</div>
<form data-type="unified-composer" data-chatgpt-composer class="w-full">
 <input type="file" id="upload-files" multiple hidden><input type="file" id="upload-photos" accept="image/*" multiple hidden>
 <div id="prompt-textarea" contenteditable="true" role="textbox" class="ProseMirror"><p>hello</p></div>
 <button id="composer-submit-button" data-testid="send-button" aria-label="Send prompt" type="button">↑</button>
</form></main>`;

export const CLAUDE_PAGE = `
<nav><button aria-label="Send message">sidebar look-alike</button></nav>
<div data-testid="chat-column"><div data-testid="transcript-list"><div role="feed">
 <div data-testid="transcript-row"><div data-user-scope><div data-testid="user-message"><p>My key is [API_KEY_1]</p></div></div></div>
 <div data-testid="transcript-row"><div data-reply-scope><div data-testid="assistant-message" data-is-streaming="false">
   <div data-perf-reply-text class="standard-markdown"><p>Got [API_KEY_1].</p></div></div></div></div>
</div></div>
<fieldset>
 <input type="file" data-testid="file-upload" multiple hidden>
 <div contenteditable="true" role="textbox" data-testid="chat-input" class="tiptap ProseMirror"><p>hi</p></div>
 <button type="button" data-testid="chat-input-send" aria-label="Send message">↑</button>
</fieldset></div>`;

export const GEMINI_PAGE = `
<chat-window><div id="chat-history"><infinite-scroller data-test-id="chat-history-container">
  <user-query><div class="query-text"><p class="query-text-line">Call me at [PHONE_1]</p></div></user-query>
  <model-response><message-content><div class="markdown markdown-main-panel"><p>Calling [PHONE_1].</p></div></message-content></model-response>
 </infinite-scroller></div>
 <rich-textarea class="ql-container ql-bubble">
  <div class="ql-clipboard" contenteditable="true" tabindex="-1"></div>
  <div class="ql-editor textarea" contenteditable="true" role="textbox" aria-label="Enter a prompt here"><p>hey</p></div>
 </rich-textarea>
 <button class="send-button" aria-label="Send message" aria-disabled="false">send</button>
 <input type="file" accept="image/*">
</chat-window>`;
