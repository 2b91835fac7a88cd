/**
 * Unsafe code: tier-1 rules over code blocks, inline code spans, `$ ` shell lines, and code-looking lines of
 * unfenced text. Keyword prefilter per rule on the lower-cased code; each rule is one linear regex.
 */
import type { InspectionFinding, InspectionRule } from './types';
import { unsafeCodeRules, type CodeLang, type CodeRule } from './unsafe-code-rules';
import { installNames, typosquatTarget, TYPOSQUAT_PATTERNS } from './typosquat';
import { splitLines, type CodeRegion } from './segments';
import { LiteralIndex, matchesAt } from './anchored';

let codeIndex: LiteralIndex | undefined;

const LANG_ALIASES: Record<string, CodeLang> = {
  py: 'python', python: 'python', python3: 'python', py3: 'python', ipython: 'python', pycon: 'python', jupyter: 'python',
  js: 'js', javascript: 'js', jsx: 'js', mjs: 'js', cjs: 'js', node: 'js', nodejs: 'js', ts: 'js', typescript: 'js',
  tsx: 'js', vue: 'js', svelte: 'js', html: 'js', htm: 'js', ejs: 'js', handlebars: 'js', jinja: 'python',
  jinja2: 'python', django: 'python', erb: 'ruby',
  java: 'java', kotlin: 'java', kt: 'java', scala: 'java', groovy: 'java',
  cs: 'csharp', csharp: 'csharp', 'c#': 'csharp', dotnet: 'csharp', razor: 'csharp', cshtml: 'csharp',
  go: 'go', golang: 'go',
  php: 'php',
  rb: 'ruby', ruby: 'ruby', rails: 'ruby',
  c: 'c', h: 'c', cpp: 'c', 'c++': 'c', cc: 'c', cxx: 'c', hpp: 'c', objc: 'c', objectivec: 'c',
  sh: 'shell', bash: 'shell', shell: 'shell', zsh: 'shell', console: 'shell', terminal: 'shell', 'shell-session': 'shell',
  shellsession: 'shell', fish: 'shell', ksh: 'shell', dockerfile: 'shell', docker: 'shell', makefile: 'shell',
  make: 'shell', yaml: 'shell', yml: 'shell',
  ps: 'powershell', ps1: 'powershell', powershell: 'powershell', pwsh: 'powershell', bat: 'powershell', cmd: 'powershell',
  batch: 'powershell',
  sql: 'sql', mysql: 'sql', postgresql: 'sql', postgres: 'sql', psql: 'sql', plsql: 'sql', tsql: 'sql', sqlite: 'sql',
};

export function canonicalLang(lang?: string): CodeLang | undefined {
  if (!lang) return undefined;
  return LANG_ALIASES[lang.toLowerCase().trim()];
}

function lineAt(code: string, index: number): string {
  const s = code.lastIndexOf('\n', index - 1) + 1;
  const e = code.indexOf('\n', index);
  return code.slice(s, e < 0 ? code.length : e);
}

/** Comment lines are documentation, not code that runs. */
function isCommentLine(line: string): boolean {
  return /^\s*(?:\/\/|#(?!!)|--\s|\/\*|\*\s|;;|REM\s|<!--)/i.test(line) && !/^\s*#\s*(?:include|define|if|pragma)/.test(line);
}

function ruleApplies(rule: CodeRule, lang: CodeLang | undefined): boolean {
  if (!lang || !rule.langs) return true;
  if (rule.langs.includes(lang)) return true;
  // Shell snippets show up inside Dockerfiles/YAML/Makefiles labelled otherwise; C rules only for C.
  return false;
}

/** Findings for one piece of code. Offsets are relative to `code` plus `offset`. */
export function inspectCodeBlock(code: string, lang?: string, offset = 0): InspectionFinding[] {
  const findings: InspectionFinding[] = [];
  if (!code.trim()) return findings;
  const canonical = canonicalLang(lang);
  const lower = code.toLowerCase();
  codeIndex ??= new LiteralIndex(unsafeCodeRules.map((r) => r.keywords));
  const positions = codeIndex.scan(lower);
  for (const [owner, at] of positions) {
    const rule = unsafeCodeRules[owner]!;
    if (!ruleApplies(rule, canonical)) continue;
    if (rule.requires && !rule.requires.test(code)) continue;
    if (rule.requiresAny && !rule.requiresAny.some((k) => lower.includes(k))) continue;
    if (rule.unlessBlock && rule.unlessBlock.test(code)) continue;
    for (const { index, end, match } of matchesAt(code, rule.pattern, at)) {
      const line = lineAt(code, index);
      if (isCommentLine(line)) continue;
      if (rule.unlessLine && rule.unlessLine.test(line)) continue;
      if (rule.validate && !rule.validate(match[0])) continue;
      if (rule.nearRequires && !rule.nearRequires.test(code.slice(Math.max(0, index - 200), end + 200))) continue;
      findings.push({
        kind: 'unsafe-code',
        type: rule.type,
        start: offset + index,
        end: offset + end,
        rule: rule.id,
        confidence: rule.confidence,
        message: `${rule.description}${rule.cwe ? ` (${rule.cwe})` : ''} Safer: ${rule.safer}`,
        ...(rule.cwe ? { cwe: rule.cwe } : {}),
      });
    }
  }
  if (canonical === undefined || canonical === 'shell' || canonical === 'powershell' || canonical === 'python' || canonical === 'js') {
    for (const inst of installNames(code)) {
      const target = typosquatTarget(inst.name, inst.ecosystem);
      if (!target) continue;
      if (isCommentLine(lineAt(code, inst.start))) continue;
      findings.push({
        kind: 'unsafe-code',
        type: 'TYPOSQUAT_PACKAGE',
        start: offset + inst.start,
        end: offset + inst.end,
        rule: 'code-typosquat-install',
        confidence: 0.75,
        cwe: 'CWE-829',
        message: `"${inst.name}" is not a well-known ${inst.ecosystem === 'npm' ? 'npm' : 'PyPI'} package but looks like "${target}": a likely typosquat that can run malware on install (CWE-829). Safer: check the exact name on the registry; did you mean ${target}?`,
      });
    }
  }
  return dedupe(findings);
}

function dedupe(findings: InspectionFinding[]): InspectionFinding[] {
  findings.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: InspectionFinding[] = [];
  for (const f of findings) {
    const dup = out.find((o) => o.rule === f.rule && f.start < o.end && o.start < f.end);
    if (!dup) out.push(f);
  }
  return out;
}

// A line of unfenced text that reads like code rather than prose.
export const CODE_LINE =
  /^\s*(?:\$|#!|sudo\s|curl\s|wget\s|rm\s|chmod\s|dd\s|mkfs|npm\s|npx\s|yarn\s|pnpm\s|pip3?\s|python3?\s|node\s|git\s|docker\s|kubectl\s|bash\s|sh\s|iwr\s|irm\s|iex\b|Invoke-|import\s|from\s+\S+\s+import\s|def\s|class\s|const\s|let\s|var\s|function\b|public\s|private\s|static\s|return\s|if\s*\(|for\s*\(|while\s*\(|#include|using\s|package\s|func\s|<\?php|\$[a-zA-Z_]+\s*=|[A-Za-z_][\w.]*\s*(?:=|\+=)\s*[^=\s]|[A-Za-z_][\w.]*\s*\(.*\)\s*(?:;\s*)?$|[}{)\]]|<[a-zA-Z])/;
// Six words, then anything without code punctuation up to a closing mark. Exactly five more whole words, not "five or
// more" words of any length: the rest is read by the next part anyway, and the open count made a long line of words
// quadratic (100 KB of "John John …" took 9 s).
export const PROSE_LINE = /^[\s>*-]*[A-Z][a-z]+(?:[\s,]+[A-Za-z'’-]+(?![A-Za-z'’-])){5}[^;{}=]*[.!?:]\s*$/;

/** Prose lines that look like code are inspected too (replies do not always fence code). */
function codeLikeLines(text: string, covered: (pos: number) => boolean): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let runStart = -1;
  let runEnd = -1;
  for (const line of splitLines(text)) {
    const looksCode =
      line.text.trim() !== '' &&
      !covered(line.start) &&
      !PROSE_LINE.test(line.text) &&
      (CODE_LINE.test(line.text) || /[(){}[\];=|&$<>:/]|\s--?[a-zA-Z]/.test(line.text));
    if (looksCode) {
      if (runStart < 0) runStart = line.start;
      runEnd = line.end;
    } else if (runStart >= 0) {
      out.push({ start: runStart, end: runEnd });
      runStart = -1;
    }
  }
  if (runStart >= 0) out.push({ start: runStart, end: runEnd });
  return out;
}

export function unsafeCodeFindings(text: string, regions: CodeRegion[], covered: (pos: number) => boolean): InspectionFinding[] {
  const findings: InspectionFinding[] = [];
  for (const r of regions) {
    const code = text.slice(r.codeStart, r.codeEnd);
    let lang = r.lang;
    if (r.kind === 'prompt-line') lang = /^\s*PS /.test(code) ? 'powershell' : 'shell';
    findings.push(...inspectCodeBlock(stripPrompts(code), lang, r.codeStart));
  }
  for (const span of codeLikeLines(text, covered)) {
    findings.push(...inspectCodeBlock(stripPrompts(text.slice(span.start, span.end)), undefined, span.start));
  }
  return findings;
}

/** Replaces leading "$ " / "PS C:\> " prompts with spaces so offsets stay put and ^-anchored rules still match. */
function stripPrompts(code: string): string {
  return code.replace(/^([ \t]{0,3})(\$|PS [A-Za-z]:\\[^>\n]{0,80}>|[A-Za-z]:\\[^>\n]{0,80}>)(?=\s)/gm, (_m, lead: string, prompt: string) => lead + ' '.repeat(prompt.length));
}

export const typosquatRule: InspectionRule = {
  id: 'code-typosquat-install',
  kind: 'unsafe-code',
  type: 'TYPOSQUAT_PACKAGE',
  cwe: 'CWE-829',
  description: 'An install command names a likely typosquat of a popular npm or PyPI package.',
  patterns: [],
  anchored: TYPOSQUAT_PATTERNS,
  examples: {
    positive: ['```bash\npip install requets\n```', '```bash\nnpm install crossenv\n```', '```\npip install python-dateutils\n```', '```sh\nnpm i electorn --save-dev\n```'],
    negative: ['```bash\npip install requests python-dateutil\n```', '```bash\nnpm install cross-env electron react-dom\n```', '```bash\nnpm i preact\n```', '```bash\npip install -r requirements.txt\n```'],
  },
};
