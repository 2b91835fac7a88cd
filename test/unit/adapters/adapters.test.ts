import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { chatgptAdapter } from '../../../lib/adapters/chatgpt';
import { claudeAdapter } from '../../../lib/adapters/claude';
import { geminiAdapter } from '../../../lib/adapters/gemini';
import { checkHealth } from '../../../lib/adapters/health';
import { queryRole, queryRoleNear } from '../../../lib/adapters/query';
import { isProvisionalConversationId, siteForUrl, SITE_ADAPTERS } from '../../../lib/adapters/sites';
import type { SiteAdapter } from '../../../lib/adapters/types';
import { CHATGPT_PAGE, CLAUDE_PAGE, GEMINI_PAGE } from './skeletons';

function page(html: string): Document {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document as unknown as Document;
}

const cases: Array<[string, SiteAdapter, string, string]> = [
  ['chatgpt', chatgptAdapter, CHATGPT_PAGE, 'hello'],
  ['claude', claudeAdapter, CLAUDE_PAGE, 'hi'],
  ['gemini', geminiAdapter, GEMINI_PAGE, 'hey'],
];

describe.each(cases)('%s adapter', (_name, adapter, html, composerText) => {
  it('should find the composer, send button, turns and file input on the site skeleton', () => {
    const document = page(html);
    expect(queryRole(adapter, 'composer', undefined, document)?.element.textContent).toBe(composerText);
    expect(queryRole(adapter, 'send', undefined, document)).not.toBeNull();
    expect(queryRole(adapter, 'userTurn', undefined, document)).not.toBeNull();
    expect(queryRole(adapter, 'assistantTurn', undefined, document)).not.toBeNull();
    expect(queryRole(adapter, 'fileInput', undefined, document)).not.toBeNull();
  });

  it('should report a healthy page, and name the composer when it is missing', () => {
    expect(checkHealth(adapter, undefined, page(html)).ok).toBe(true);
    const broken = checkHealth(adapter, undefined, page('<main><p>redesigned</p></main>'));
    expect(broken.ok).toBe(false);
    expect(broken.failed).toEqual(['composer']);
  });

  it('should try admin overrides first and survive invalid ones', () => {
    const document = page(`${html}<textarea id="admin-composer"></textarea>`);
    const overrides = { composer: ['[[[not css', '#admin-composer'] };
    const match = queryRole(adapter, 'composer', overrides, document);
    expect(match?.fromOverride).toBe(true);
    expect(match?.element.id).toBe('admin-composer');
  });

  it('should give every candidate a source, and tie the first composer candidate to a replica', () => {
    for (const candidates of Object.values(adapter.selectors)) {
      for (const candidate of candidates) expect(candidate.source.length).toBeGreaterThanOrEqual(2);
    }
    expect(adapter.selectors.composer[0]?.fixture).toMatch(/^test\/replicas\//);
  });
});

describe('adapter details', () => {
  it('should skip contenteditables inside ChatGPT answers (Canvas editors)', () => {
    const document = page(CHATGPT_PAGE.replace('id="prompt-textarea"', 'id="x"'));
    const match = queryRole(chatgptAdapter, 'composer', undefined, document);
    expect(match?.element.closest('[data-message-author-role="assistant"]') ?? null).toBeNull();
  });

  it("should never take Gemini's .ql-clipboard for the composer", () => {
    const match = queryRole(geminiAdapter, 'composer', undefined, page(GEMINI_PAGE));
    expect(match?.element.classList.contains('ql-clipboard')).toBe(false);
    expect(match?.element.classList.contains('ql-editor')).toBe(true);
  });

  it("should pick Claude's send button nearest the composer, not the sidebar look-alike", () => {
    const document = page(CLAUDE_PAGE.replace('data-testid="chat-input-send" ', ''));
    const composer = queryRole(claudeAdapter, 'composer', undefined, document)!.element;
    const send = queryRoleNear(claudeAdapter, 'send', undefined, composer, document);
    expect(send?.textContent).toBe('↑');
  });
});

describe('conversation ids from URLs', () => {
  const id = (adapter: SiteAdapter, url: string) => adapter.conversationIdFromUrl(new URL(url));

  it('should read ChatGPT /c/<id>, GPT chats and local ids', () => {
    expect(id(chatgptAdapter, 'https://chatgpt.com/c/6789abcd-1234')).toBe('6789abcd-1234');
    expect(id(chatgptAdapter, 'https://chatgpt.com/g/g-abc/c/xyz-1')).toBe('xyz-1');
    expect(id(chatgptAdapter, 'https://chatgpt.com/c/local-chatgpt%3Aabc')).toBe('local-chatgpt:abc');
    expect(id(chatgptAdapter, 'https://chatgpt.com/')).toBeNull();
  });

  it('should read Claude /chat/<uuid> and treat /new as a new chat', () => {
    expect(id(claudeAdapter, 'https://claude.ai/chat/0f1e2d3c-aaaa-bbbb-cccc-1234567890ab')).toBe(
      '0f1e2d3c-aaaa-bbbb-cccc-1234567890ab',
    );
    expect(id(claudeAdapter, 'https://claude.ai/new')).toBeNull();
  });

  it('should read Gemini /app/<id> with or without /u/N, and /app alone as new', () => {
    expect(id(geminiAdapter, 'https://gemini.google.com/app/3f2a1b0c9d8e')).toBe('3f2a1b0c9d8e');
    expect(id(geminiAdapter, 'https://gemini.google.com/u/1/app/3f2a1b0c9d8e')).toBe('3f2a1b0c9d8e');
    expect(id(geminiAdapter, 'https://gemini.google.com/app')).toBeNull();
  });

  it('should mark provisional ids for re-keying', () => {
    expect(isProvisionalConversationId(null)).toBe(true);
    expect(isProvisionalConversationId('local-chatgpt:abc')).toBe(true);
    expect(isProvisionalConversationId('new:123')).toBe(true);
    expect(isProvisionalConversationId('6789abcd')).toBe(false);
  });
});

describe('siteForUrl', () => {
  it('should match each guarded host exactly and no look-alike', () => {
    expect(siteForUrl('https://chatgpt.com/c/1')).toBe('chatgpt');
    expect(siteForUrl('https://claude.ai/new')).toBe('claude');
    expect(siteForUrl('https://gemini.google.com/app')).toBe('gemini');
    expect(siteForUrl('https://chatgpt.com.evil.example/')).toBeNull();
    expect(siteForUrl('https://evilclaude.ai/')).toBeNull();
    expect(siteForUrl('https://google.com/')).toBeNull();
    expect(siteForUrl('not a url')).toBeNull();
    expect(Object.keys(SITE_ADAPTERS)).toEqual(['chatgpt', 'claude', 'gemini']);
  });
});
