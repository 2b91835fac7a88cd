import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const goodManifest = {
  manifest_version: 3,
  name: 'ChatWarden',
  permissions: ['storage', 'declarativeNetRequest'],
  host_permissions: ['https://chatgpt.com/*', 'https://claude.ai/*', 'https://gemini.google.com/*'],
  content_scripts: [{ matches: ['https://claude.ai/*'], js: ['content-scripts/claude.js'] }],
};

function checkBuild(manifest: object, files: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'cw-manifest-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return spawnSync('node', ['scripts/check-manifest.mjs', dir], { encoding: 'utf8' });
}

describe('manifest allowlist check', () => {
  it('accepts a build within the allowlist (and the source tree has no stray network calls)', () => {
    const result = checkBuild(goodManifest);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.each([
    ['an extra permission', { ...goodManifest, permissions: ['storage', 'tabs'] }, 'permission "tabs"'],
    ['an extra host', { ...goodManifest, host_permissions: ['<all_urls>'] }, 'host "<all_urls>"'],
    ['unsafe-eval', { ...goodManifest, content_security_policy: { extension_pages: "script-src 'self' 'unsafe-eval'" } }, 'content_security_policy'],
    ['a content script on another site', { ...goodManifest, content_scripts: [{ matches: ['https://example.com/*'] }] }, 'outside the guarded sites'],
    ['externally_connectable', { ...goodManifest, externally_connectable: { matches: ['https://chatgpt.com/*'] } }, 'externally_connectable'],
  ])('rejects %s', (_name, manifest, message) => {
    const result = checkBuild(manifest);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
  });

  it('rejects a page that loads a remote script', () => {
    const result = checkBuild(goodManifest, { 'popup.html': '<script src="https://cdn.example.com/x.js"></script>' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('loads a remote script');
  });
});
