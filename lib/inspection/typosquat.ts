/**
 * Offline typosquat check for install commands (npm/yarn/pnpm/bun/npx, pip/uv/poetry/pipx): a name that is not itself
 * popular but sits one or two edits (or a separator / affix) away from a popular package is likely a typosquat.
 */
import { anchoredMatches } from './anchored';
import { LOOKALIKE_ALLOW_NPM, LOOKALIKE_ALLOW_PYPI, POPULAR_NPM, POPULAR_PYPI } from './package-lists';

export type Ecosystem = 'npm' | 'pypi';

/** Optimal-string-alignment distance (adjacent swaps cost 1), stopping early once it exceeds max. */
export function damerauLevenshtein(a: string, b: string, max = 3): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prevPrev = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const cur = new Array<number>(cols).fill(0);
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prevPrev[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = cur;
  }
  return prev[cols - 1]!;
}

export function stripSeparators(name: string): string {
  return name.replace(/[-_.]/g, '');
}

const AFFIXES: Array<[string, string]> = [
  ['python-', ''],
  ['py', ''],
  ['', '-python'],
  ['', '-py'],
  ['node-', ''],
  ['', '-js'],
  ['', 'js'],
  ['', '.js'],
  ['', '-node'],
  ['', 's'],
];

/** Returns the popular package this name imitates, or null. */
export function typosquatTarget(rawName: string, ecosystem: Ecosystem): string | null {
  let name = rawName.toLowerCase();
  if (ecosystem === 'pypi') name = name.replace(/[-_.]+/g, '-');
  const popular = ecosystem === 'npm' ? POPULAR_NPM : POPULAR_PYPI;
  const allow = ecosystem === 'npm' ? LOOKALIKE_ALLOW_NPM : LOOKALIKE_ALLOW_PYPI;
  if (popular.has(name) || allow.has(name) || name.length < 4) return null;
  const stripped = stripSeparators(name);
  let best: { target: string; score: number } | null = null;
  for (const p of popular) {
    if (p.length < 4) continue;
    if (stripSeparators(p) === stripped) return p;
    for (const [pre, suf] of AFFIXES) {
      if (name === pre + p + suf && (pre || suf) && !popular.has(name)) {
        if (!best || best.score > 0.5) best = { target: p, score: 0.5 };
      }
    }
    if (Math.abs(p.length - name.length) > 2) continue;
    const limit = Math.min(name.length, p.length) >= 8 ? 2 : 1;
    const d = damerauLevenshtein(name, p, limit);
    if (d <= limit && (!best || d < best.score)) best = { target: p, score: d };
  }
  return best?.target ?? null;
}

export interface InstallName {
  ecosystem: Ecosystem;
  name: string;
  /** Offsets into the scanned code. */
  start: number;
  end: number;
}

const NPM_INSTALL = /\b(?:npm\s+(?:install|i|add|isntall|in)|yarn\s+(?:global\s+)?add|pnpm\s+(?:add|install|i)|bun\s+(?:add|install|i)|(npx|pnpx|bunx))\s+([^\s;&|#][^\n;&|#]{0,400})/g;
const PIP_INSTALL = /\b(?:pip[23]?(?:\.\d{1,2})?|python[23]?(?:\.\d{1,2})?\s+-m\s+pip|uv\s+pip|pipx|poetry|uv|pdm|conda|mamba|easy_install)\s+(?:install|add)\s+([^\s;&|#][^\n;&|#]{0,400})/g;
const NPM_STARTS = ['npm', 'yarn', 'pnpm', 'bun', 'npx', 'pnpx', 'bunx'];
const PIP_STARTS = ['pip', 'python', 'uv', 'pipx', 'poetry', 'pdm', 'conda', 'mamba', 'easy_install'];
const FLAGS_WITH_VALUE = new Set(['-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-t', '--target', '--prefix', '-f', '--find-links', '--registry', '--python', '-p', '--channel', '--group', '-G', '--tag', '--cache']);

export function installNames(code: string): InstallName[] {
  const out: InstallName[] = [];
  const lower = code.toLowerCase();
  const collect = (re: RegExp, ecosystem: Ecosystem, argGroup: number, starts: string[]) => {
    for (const { index, match: m } of anchoredMatches(code, lower, re, starts)) {
      const args = m[argGroup]!;
      const argsStart = index + m[0].length - args.length;
      const onlyFirst = ecosystem === 'npm' && m[1] !== undefined; // npx runs one package
      const tokenRe = /\S+/g;
      let skipNext = false;
      for (let t = tokenRe.exec(args); t; t = tokenRe.exec(args)) {
        const token = t[0];
        if (skipNext) {
          skipNext = false;
          continue;
        }
        if (token.startsWith('-')) {
          if (FLAGS_WITH_VALUE.has(token)) skipNext = true;
          continue;
        }
        if (/^[>$`\\]|^&&|^\|\|/.test(token)) break;
        let name = token.replace(/^["']|["']$/g, '');
        if (name.includes('/') || name.includes(':') || /\.(?:txt|whl|tgz|zip|gz|toml|cfg|json|py)$/i.test(name) || name === '.') {
          if (onlyFirst) break;
          continue;
        }
        name = ecosystem === 'npm' ? name.replace(/@[^@]*$/, '') : name.replace(/\[.*$/, '').replace(/[=<>!~;].*$/, '');
        if (!/^[a-zA-Z0-9][a-zA-Z0-9._-]{0,100}$/.test(name)) {
          if (onlyFirst) break;
          continue;
        }
        const start = argsStart + t.index;
        out.push({ ecosystem, name, start, end: start + name.length + (token.startsWith('"') || token.startsWith("'") ? 1 : 0) });
        if (onlyFirst) break;
      }
    }
  };
  if (/\b(?:npm|yarn|pnpm|bun|npx|pnpx|bunx)\b/.test(code)) collect(NPM_INSTALL, 'npm', 2, NPM_STARTS);
  if (/\b(?:pip|pip3|uv|pipx|poetry|pdm|conda|mamba|easy_install)\b/.test(code)) collect(PIP_INSTALL, 'pypi', 1, PIP_STARTS);
  return out;
}

export const TYPOSQUAT_PATTERNS = [NPM_INSTALL, PIP_INSTALL];
