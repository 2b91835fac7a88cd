/**
 * Custom terms and patterns from policy, compiled into ordinary rules (kind 'custom'), so the engine treats them like
 * built-ins. Patterns are checked for catastrophic backtracking before use; a refused or invalid one is reported by
 * label and never compiled.
 */
import type { Action, Rule, ScanPolicy } from './types';
import { checkRegexSafety } from './regex-safety';
import { escapeRegex } from './escape-regex';

export interface CustomRuleError {
  label: string;
  field: 'customTerms' | 'customPatterns';
  message: string;
}

/** 'Project codename' → 'PROJECT_CODENAME'; accents dropped, anything else non-alphanumeric becomes one underscore. */
export function labelToType(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

function slug(label: string): string {
  return labelToType(label).toLowerCase().replace(/_/g, '-');
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const ALLOWED_FLAGS = /^[imsu]*$/;
const MAX_TERMS_PER_LABEL = 5000;
const MAX_PATTERN_LENGTH = 1000;

function isAllowed(action: Action | undefined): boolean {
  return action === 'allow';
}

/** Compiles the policy's custom terms and patterns. Errors name the label and say what to fix. */
export function compileCustomRules(policy: ScanPolicy | undefined): { rules: Rule[]; errors: CustomRuleError[] } {
  const rules: Rule[] = [];
  const errors: CustomRuleError[] = [];
  const usedIds = new Set<string>();
  const uniqueId = (base: string) => {
    let id = base;
    for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
    usedIds.add(id);
    return id;
  };

  for (const entry of policy?.customTerms ?? []) {
    const label = typeof entry?.label === 'string' ? entry.label : '';
    const type = labelToType(label);
    if (!type) {
      errors.push({ label, field: 'customTerms', message: `custom term label "${label}" needs at least one letter or digit` });
      continue;
    }
    if (isAllowed(entry.action)) continue;
    const terms = [...new Set((Array.isArray(entry.terms) ? entry.terms : []).filter((term) => typeof term === 'string'))]
      .map((term) => term.trim())
      .filter((term) => term.length > 0);
    if (terms.length === 0) {
      errors.push({ label, field: 'customTerms', message: `custom terms "${label}" has no non-empty term` });
      continue;
    }
    if (terms.length > MAX_TERMS_PER_LABEL) {
      errors.push({ label, field: 'customTerms', message: `custom terms "${label}" has more than ${MAX_TERMS_PER_LABEL} terms` });
      continue;
    }
    // Longest first, so "Project Falcon X" wins over "Project Falcon"; word edges only where the term has a word char.
    const alternatives = terms
      .sort((a, b) => b.length - a.length)
      .map((term) => {
        const before = WORD_CHAR.test(term[0]!) ? '(?<![\\p{L}\\p{N}_])' : '';
        const after = WORD_CHAR.test(term[term.length - 1]!) ? '(?![\\p{L}\\p{N}_])' : '';
        return `${before}${escapeRegex(term)}${after}`;
      });
    const flags = entry.caseSensitive ? 'gu' : 'giu';
    let pattern: RegExp;
    try {
      pattern = new RegExp(alternatives.join('|'), flags);
    } catch (error) {
      errors.push({ label, field: 'customTerms', message: `custom terms "${label}" could not be compiled: ${(error as Error).message}` });
      continue;
    }
    const id = uniqueId(`custom-term-${slug(label)}`);
    rules.push({
      id,
      kind: 'custom',
      type,
      description: `Organisation-defined term (${label}) that must not leave the company.`,
      pattern,
      keywords: terms.map((term) => term.toLowerCase()),
      confidence: 0.95,
      examples: { positive: [terms[0]!], negative: [] },
    });
  }

  for (const entry of policy?.customPatterns ?? []) {
    const label = typeof entry?.label === 'string' ? entry.label : '';
    const type = labelToType(label);
    if (!type) {
      errors.push({ label, field: 'customPatterns', message: `custom pattern label "${label}" needs at least one letter or digit` });
      continue;
    }
    if (isAllowed(entry.action)) continue;
    const source = typeof entry.pattern === 'string' ? entry.pattern : '';
    const flags = typeof entry.flags === 'string' ? entry.flags.replace(/[gdy]/g, '') : '';
    if (!source) {
      errors.push({ label, field: 'customPatterns', message: `custom pattern "${label}" is empty` });
      continue;
    }
    if (source.length > MAX_PATTERN_LENGTH) {
      errors.push({ label, field: 'customPatterns', message: `custom pattern "${label}" is longer than ${MAX_PATTERN_LENGTH} characters` });
      continue;
    }
    if (!ALLOWED_FLAGS.test(flags)) {
      errors.push({ label, field: 'customPatterns', message: `custom pattern "${label}" has unsupported flags "${entry.flags}" (use i, m, s, u)` });
      continue;
    }
    let pattern: RegExp;
    try {
      pattern = new RegExp(source, `g${flags}`);
    } catch (error) {
      errors.push({ label, field: 'customPatterns', message: `custom pattern "${label}" is an invalid regular expression: ${(error as Error).message}` });
      continue;
    }
    // Testing the empty string cannot backtrack, so this is safe even before the safety check.
    if (pattern.test('')) {
      errors.push({ label, field: 'customPatterns', message: `custom pattern "${label}" (/${source}/) matches empty text` });
      continue;
    }
    pattern.lastIndex = 0;
    const verdict = checkRegexSafety(source, flags);
    if (!verdict.safe) {
      errors.push({ label, field: 'customPatterns', message: `custom pattern "${label}" (/${source}/${flags}) was refused: ${verdict.reason}` });
      continue;
    }
    rules.push({
      id: uniqueId(`custom-pattern-${slug(label)}`),
      kind: 'custom',
      type,
      description: `Organisation-defined pattern (${label}) that must not leave the company.`,
      pattern,
      confidence: 0.9,
      examples: { positive: [], negative: [] },
    });
  }
  return { rules, errors };
}

/** The action a custom finding's label asks for, if the policy set one (custom term/pattern entries carry actions). */
export function customActionFor(type: string, policy: ScanPolicy | undefined): Action | undefined {
  for (const entry of [...(policy?.customTerms ?? []), ...(policy?.customPatterns ?? [])]) {
    if (labelToType(entry.label) === type && entry.action) return entry.action;
  }
  return undefined;
}
