import { describe, expect, it } from 'vitest';
import { extensionOf, looksLikeTextFile, MAX_TEXT_FILE_BYTES, readTextFile, redactedFile } from '../../../lib/guard/files';

describe('upload classification', () => {
  it('should read text, config and source files by extension or MIME type', () => {
    for (const name of ['notes.txt', 'README.md', 'data.csv', 'x.json', '.env', '.env.local', 'app.log', 'main.py', 'index.tsx', 'Dockerfile']) {
      expect(looksLikeTextFile({ name, type: '' }), name).toBe(true);
    }
    expect(looksLikeTextFile({ name: 'blob', type: 'text/plain' })).toBe(true);
    expect(extensionOf('.env.production')).toBe('env');
  });

  it('should not treat images, PDFs or archives as text', () => {
    for (const [name, type] of [['photo.png', 'image/png'], ['report.pdf', 'application/pdf'], ['a.zip', 'application/zip']]) {
      expect(looksLikeTextFile({ name: name!, type: type! }), name).toBe(false);
    }
  });
});

describe('readTextFile', () => {
  it('should read UTF-8 text', async () => {
    const result = await readTextFile(new File(['API_KEY=abc\n'], '.env'));
    expect(result).toEqual({ readable: true, text: 'API_KEY=abc\n' });
  });

  it('should refuse binaries with a text name, invalid UTF-8 and oversized files', async () => {
    expect((await readTextFile(new File([new Uint8Array([65, 0, 66])], 'x.txt'))).readable).toBe(false);
    expect((await readTextFile(new File([new Uint8Array([0xff, 0xfe, 0xfd])], 'x.txt'))).readable).toBe(false);
    const big = new File([new Uint8Array(MAX_TEXT_FILE_BYTES + 1).fill(65)], 'big.log');
    expect(await readTextFile(big)).toEqual({ readable: false, reason: 'too large to check' });
    expect((await readTextFile(new File(['%PDF-1.7'], 'a.pdf', { type: 'application/pdf' }))).readable).toBe(false);
  });

  it('should keep name, type and date in the redacted copy', async () => {
    const original = new File(['secret'], 'creds.env', { type: 'text/plain', lastModified: 1234 });
    const copy = redactedFile(original, '[SECRET_1]');
    expect([copy.name, copy.type, copy.lastModified, await copy.text()]).toEqual(['creds.env', 'text/plain', 1234, '[SECRET_1]']);
  });
});
