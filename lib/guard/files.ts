/**
 * Which uploaded files the guard can read as text, and reading them. Files it cannot read (images, PDFs, binaries,
 * text over the size cap) are handled by Policy.unreadableUploads, never passed silently.
 */

/** Extensions read as text: documents, data, config and source code. */
const TEXT_EXTENSIONS = new Set([
  'txt', 'md', 'markdown', 'csv', 'tsv', 'json', 'jsonl', 'ndjson', 'env', 'log', 'ini', 'cfg', 'conf', 'toml', 'yaml',
  'yml', 'xml', 'html', 'htm', 'css', 'scss', 'sql', 'properties', 'pem', 'key', 'crt', 'pub', 'tf', 'tfvars', 'hcl',
  'js', 'mjs', 'cjs', 'jsx', 'ts', 'tsx', 'py', 'rb', 'go', 'rs', 'java', 'kt', 'kts', 'scala', 'c', 'h', 'cc', 'cpp',
  'hpp', 'cs', 'php', 'swift', 'm', 'sh', 'bash', 'zsh', 'fish', 'ps1', 'bat', 'cmd', 'r', 'lua', 'pl', 'dart', 'vue',
  'svelte', 'gradle', 'dockerfile', 'makefile', 'npmrc', 'netrc', 'pgpass', 'htpasswd', 'gitconfig', 'rst', 'tex',
]);

/** Names with no extension that are text config (and often hold secrets). */
const TEXT_NAMES = new Set(['dockerfile', 'makefile', '.env', '.npmrc', '.netrc', '.pgpass', 'credentials', 'config']);

const TEXT_MIME = /^(text\/|application\/(json|x-ndjson|xml|x-yaml|yaml|toml|x-sh|javascript|x-httpd-php|sql|x-pem-file))/;

/** Larger text files are treated as unreadable: reading and scanning them would stall the page. */
export const MAX_TEXT_FILE_BYTES = 2 * 1024 * 1024;

export function extensionOf(name: string): string {
  const lower = name.toLowerCase();
  if (lower.startsWith('.env')) return 'env'; // .env, .env.local, .env.production
  const dot = lower.lastIndexOf('.');
  return dot > 0 ? lower.slice(dot + 1) : '';
}

export function looksLikeTextFile(file: Pick<File, 'name' | 'type'>): boolean {
  const lower = file.name.toLowerCase();
  if (TEXT_NAMES.has(lower)) return true;
  const extension = extensionOf(lower);
  if (extension && TEXT_EXTENSIONS.has(extension)) return true;
  return TEXT_MIME.test(file.type);
}

/** A NUL byte in the first 8 KB marks a binary file that only carries a text-like name. */
function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8192);
  for (let index = 0; index < end; index++) if (bytes[index] === 0) return true;
  return false;
}

export type ReadResult = { readable: true; text: string } | { readable: false; reason: string };

export async function readTextFile(file: File): Promise<ReadResult> {
  if (!looksLikeTextFile(file)) return { readable: false, reason: 'not a text file' };
  if (file.size > MAX_TEXT_FILE_BYTES) return { readable: false, reason: 'too large to check' };
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (looksBinary(bytes)) return { readable: false, reason: 'binary content' };
  try {
    return { readable: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { readable: false, reason: 'not valid UTF-8 text' };
  }
}

/** The redacted copy keeps the name, type and date so the site treats it like the original. */
export function redactedFile(original: File, text: string): File {
  return new File([text], original.name, { type: original.type || 'text/plain', lastModified: original.lastModified });
}
