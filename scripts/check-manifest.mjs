#!/usr/bin/env node
// Trust check (issue 7.1): fails when the built manifest asks for more than the allowlist, loads remote code or allows
// eval, or when extension source outside the MAIN-world network guard calls a network API.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const ALLOWED_PERMISSIONS = new Set(['storage', 'declarativeNetRequest']);
const ALLOWED_HOSTS = new Set(['https://chatgpt.com/*', 'https://claude.ai/*', 'https://gemini.google.com/*']);
const FORBIDDEN_MANIFEST_KEYS = ['externally_connectable', 'optional_host_permissions', 'update_url', 'oauth2'];
// The only code allowed to touch page network APIs: it wraps the site's own fetch/XHR, it never makes requests itself.
const NETWORK_GUARD_DIRS = ['lib/guard/network/', 'entrypoints/network-guard.content.ts'];
const NETWORK_API = /\b(fetch\s*\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|importScripts|RTCPeerConnection)/;
const DYNAMIC_CODE = /(^|[^.\w])(eval\s*\(|new\s+Function\s*\()/;

const problems = [];
const builds = process.argv.slice(2).length ? process.argv.slice(2) : ['.output/chrome-mv3'];

for (const dir of builds) {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) {
    problems.push(`${path} missing: run the build first (npm run build)`);
    continue;
  }
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  for (const p of manifest.permissions ?? []) {
    if (!ALLOWED_PERMISSIONS.has(p)) problems.push(`${path}: permission "${p}" is not on the allowlist`);
  }
  for (const h of [...(manifest.host_permissions ?? []), ...(manifest.optional_permissions ?? [])]) {
    if (!ALLOWED_HOSTS.has(h)) problems.push(`${path}: host "${h}" is not on the allowlist`);
  }
  for (const key of FORBIDDEN_MANIFEST_KEYS) {
    if (key in manifest) problems.push(`${path}: manifest key "${key}" is not allowed`);
  }
  for (const cs of manifest.content_scripts ?? []) {
    for (const m of cs.matches ?? []) {
      if (!ALLOWED_HOSTS.has(m)) problems.push(`${path}: content script matches "${m}" outside the guarded sites`);
    }
  }
  for (const war of manifest.web_accessible_resources ?? []) {
    for (const m of war.matches ?? []) {
      if (!ALLOWED_HOSTS.has(m)) problems.push(`${path}: web_accessible_resources exposed to "${m}"`);
    }
  }
  const csp = JSON.stringify(manifest.content_security_policy ?? '');
  if (/unsafe-eval|https?:|\*/.test(csp.replace(/wasm-unsafe-eval/g, ''))) {
    problems.push(`${path}: content_security_policy loosens script sources: ${csp}`);
  }
  // Remote code: no script tag or import in built files may point at an absolute URL.
  for (const file of walk(dir)) {
    if (!/\.(html|js)$/.test(file)) continue;
    const text = readFileSync(file, 'utf8');
    if (/<script[^>]+src=["']?(https?:)?\/\//i.test(text)) problems.push(`${file}: loads a remote script`);
    if (/\bimport\s*\(\s*["']https?:/.test(text)) problems.push(`${file}: imports remote code`);
  }
}

for (const root of ['lib', 'entrypoints', 'components']) {
  if (!existsSync(root)) continue;
  for (const file of walk(root)) {
    if (!/\.(ts|tsx|js|mjs)$/.test(file)) continue;
    const rel = relative('.', file);
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      // Strings (rule examples quote code like eval(...)) and trailing comments are not calls.
      const code = line.replace(/(['"`])(?:\\.|(?!\1)[^\\])*\1/g, "''").replace(/\/\/.*$/, '');
      if (/^\s*(\*|\/\*)/.test(line)) return; // comment lines
      if (!NETWORK_GUARD_DIRS.some((d) => rel.startsWith(d)) && NETWORK_API.test(code)) {
        problems.push(`${rel}:${i + 1}: network API outside the network guard: ${line.trim()}`);
      }
      if (DYNAMIC_CODE.test(code)) problems.push(`${rel}:${i + 1}: dynamic code (eval/new Function): ${line.trim()}`);
    });
  }
}

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}

if (problems.length) {
  console.error(`check-manifest: ${problems.length} problem(s)`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(`check-manifest: ${builds.join(', ')} within the allowlist; no network API or dynamic code outside the network guard`);
