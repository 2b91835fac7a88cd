import type { BrowserContext } from '@playwright/test';
import type { ReplicaSession } from '../../replicas/backend/replica-backend';
import { ChatGptPage } from './chatgpt-page';
import { ClaudePage } from './claude-page';
import { GeminiPage } from './gemini-page';

export { ChatSitePage, type FileSpec, type SiteSelectors } from './chat-site-page';
export { ChatGptPage, type ChatGptMarkup } from './chatgpt-page';
export { ClaudePage } from './claude-page';
export { GeminiPage } from './gemini-page';

export interface Sites {
  chatgpt: ChatGptPage;
  claude: ClaudePage;
  gemini: GeminiPage;
}

export function createSites(context: BrowserContext, session: ReplicaSession): Sites {
  return {
    chatgpt: new ChatGptPage(context, session),
    claude: new ClaudePage(context, session),
    gemini: new GeminiPage(context, session),
  };
}
