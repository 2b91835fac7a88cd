/**
 * recheck (the reference ReDoS checker) with two speed-ups so the catalogue test stays well under a minute:
 * 1. Lookarounds force recheck's slow fuzzing checker. Removing a lookaround only removes ways for a match attempt to
 *    fail early, never adds a path, so if the pattern *without* its lookarounds is proven linear by the automaton
 *    checker, the original is too. Only when that proof fails is the original fuzzed as is.
 * 2. 'safe' verdicts are cached in recheck-cache.json next to this file, keyed by recheck version, flags and the exact
 *    source, and committed: a fresh checkout starts warm, and a changed regex is a new key, so a stale entry can never
 *    vouch for a different pattern ('vulnerable' is always recomputed). Delete the file to re-verify everything.
 */
import { checkSync } from 'recheck';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const RECHECK_VERSION = (require('recheck/package.json') as { version: string }).version;
const CACHE_FILE = join(dirname(fileURLToPath(import.meta.url)), 'recheck-cache.json');

export interface RecheckVerdict {
  status: 'safe' | 'vulnerable' | 'unknown';
  checker?: string;
  attack?: string;
  complexity?: string;
}

let cache: Record<string, RecheckVerdict> | null = null;

function loadCache(): Record<string, RecheckVerdict> {
  if (cache) return cache;
  try {
    cache = existsSync(CACHE_FILE) ? (JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as Record<string, RecheckVerdict>) : {};
  } catch {
    cache = {};
  }
  return cache;
}

export function saveRecheckCache(): void {
  if (!cache) return;
  // Test files run in parallel workers: merge with what another worker may have written meanwhile.
  let onDisk: Record<string, RecheckVerdict> = {};
  try {
    if (existsSync(CACHE_FILE)) onDisk = JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as Record<string, RecheckVerdict>;
  } catch {
    onDisk = {};
  }
  const merged = { ...onDisk, ...cache };
  // One entry per line keeps diffs readable when rules change.
  const lines = Object.keys(merged)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${JSON.stringify(merged[key])}`);
  mkdirSync(dirname(CACHE_FILE), { recursive: true });
  writeFileSync(CACHE_FILE, `{\n${lines.join(',\n')}\n}\n`);
}

/**
 * Removes every lookahead/lookbehind group (balanced, respecting escapes and character classes). Returns null when a
 * lookaround body has an unbounded quantifier: evaluating such a body can itself be linear per position, so the
 * shortcut would not be sound and the caller must fuzz the original.
 */
export function stripLookarounds(source: string): string | null {
  let result = '';
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    if (char === '\\') {
      result += source.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (char === '[') {
      let j = i + 1;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      result += source.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (char === '(' && /^\(\?(?:=|!|<=|<!)/.test(source.slice(i, i + 4))) {
      let depth = 0;
      let j = i;
      for (; j < source.length; j++) {
        const c = source[j]!;
        if (c === '\\') {
          j++;
          continue;
        }
        if (c === '[') {
          j++;
          while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
          continue;
        }
        if (c === '(') depth++;
        else if (c === ')' && --depth === 0) break;
      }
      const body = source.slice(i, j + 1).replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
      if (/[*+]|\{\d+,\}/.test(body)) return null;
      i = j + 1;
      // A quantifier on a lookaround (legal in Annex B) would now dangle; drop it too.
      const quantifier = /^(?:[*+?]|\{\d+(?:,\d*)?\})\??/.exec(source.slice(i));
      if (quantifier) i += quantifier[0].length;
      continue;
    }
    result += char;
    i++;
  }
  return result;
}

function run(source: string, flags: string, checker: 'auto' | 'automaton'): RecheckVerdict {
  const diagnostics = checkSync(source, flags, { checker });
  return {
    status: diagnostics.status === 'safe' ? 'safe' : diagnostics.status === 'vulnerable' ? 'vulnerable' : 'unknown',
    checker: 'checker' in diagnostics ? String(diagnostics.checker) : undefined,
    attack: diagnostics.status === 'vulnerable' ? diagnostics.attack.pattern : undefined,
    complexity: diagnostics.status === 'vulnerable' ? diagnostics.complexity.type : undefined,
  };
}

/** The recheck verdict for a pattern (flags without g/d, which do not change backtracking; sticky y is kept: it removes the retry at every position). */
export function recheckPattern(source: string, rawFlags: string): RecheckVerdict {
  const flags = rawFlags.replace(/[gdv]/g, '');
  const key = `${RECHECK_VERSION}/${flags}/${source}`;
  const store = loadCache();
  const cached = store[key];
  if (cached) return cached;
  let verdict: RecheckVerdict | null = null;
  const stripped = stripLookarounds(source);
  if (stripped !== null && stripped !== source) {
    try {
      new RegExp(stripped, flags);
      const fast = run(stripped, flags, 'automaton');
      if (fast.status === 'safe') verdict = { ...fast, checker: 'automaton (lookarounds removed)' };
    } catch {
      // The stripped form is not a valid regex (e.g. a back-reference into a lookaround): check the original.
    }
  }
  verdict ??= run(source, flags, 'auto');
  if (verdict.status === 'safe') store[key] = verdict;
  return verdict;
}
