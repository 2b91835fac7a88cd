import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const MESSAGES = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;

/** Every t('key') in the UI code (the type system checks the keys exist; this checks the file is complete and sane). */
function keysUsedInUi(): Set<string> {
  const used = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name)) {
        for (const match of readFileSync(path, 'utf8').matchAll(/\bt\('([A-Za-z]+)'/g)) used.add(match[1]!);
      }
    }
  };
  for (const dir of ['components/popup', 'components/options', 'components/ui', 'lib/ui']) walk(dir);
  return used;
}

describe('English messages', () => {
  it('keep the manifest strings and give every message non-empty text', () => {
    expect(MESSAGES.extName?.message).toBe('ChatWarden');
    expect(MESSAGES.extDescription?.message).toBeTruthy();
    for (const [key, value] of Object.entries(MESSAGES)) {
      expect(value.message.trim(), key).not.toBe('');
      // Only $1..$9 substitutions (a stray $ would be swallowed by the browser).
      expect(value.message.replace(/\$[1-9]/g, ''), key).not.toContain('$');
    }
  });

  it('contain every key the popup and options page use', () => {
    const missing = [...keysUsedInUi()].filter((key) => !(key in MESSAGES));
    expect(missing).toEqual([]);
  });
});
