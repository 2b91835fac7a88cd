// See https://wxt.dev/api/config.html
import { readFileSync } from 'node:fs';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/** Hosts ChatWarden guards. Keep in sync with lib/adapters/sites.ts; scripts/check-manifest.mjs enforces the allowlist. */
const GUARDED_HOSTS = ['https://chatgpt.com/*', 'https://claude.ai/*', 'https://gemini.google.com/*'];

// Test builds pin the extension id (fhpmldgfnnnhodpdkcolnecejbdbhfno) so managed policy can target it.
const testKey = process.env.CHATWARDEN_TEST_KEY
  ? readFileSync('test/fixtures/extension-public-key.txt', 'utf8').trim()
  : undefined;

export default defineConfig({
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'declarativeNetRequest'],
    host_permissions: GUARDED_HOSTS,
    storage: { managed_schema: 'managed_schema.json' },
    action: { default_title: 'ChatWarden' },
    ...(testKey && browser !== 'firefox' ? { key: testKey } : {}),
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'chatwarden@chatwarden.dev', strict_min_version: '128.0' } } }
      : {}),
  }),
});
