/**
 * Live validation of a custom term list or pattern being typed on the options page: the policy validator (the same
 * checks an import gets, including the ReDoS check) and the detection engine's own compiler (compileCustomRules),
 * mapped to the draft's fields. Pure, unit-tested.
 */
import { compileCustomRules } from '../detection/custom';
import type { ScanPolicy } from '../detection/types';
import { toScanPolicy } from '../policy/defaults';
import { validatePolicyInput } from '../policy/schema';
import type { Action, CustomPattern, CustomTerm, Policy } from '../policy/types';

export interface PatternDraft {
  label: string;
  pattern: string;
  flags: string;
  action: Action;
}

export interface TermDraft {
  label: string;
  /** One term per line (commas also separate). */
  terms: string;
  action: Action;
  caseSensitive: boolean;
}

export type DraftErrors = Partial<Record<'label' | 'pattern' | 'flags' | 'terms' | 'action' | 'entry', string>>;

export function patternFromDraft(draft: PatternDraft): CustomPattern {
  return { label: draft.label.trim(), pattern: draft.pattern, ...(draft.flags ? { flags: draft.flags } : {}), action: draft.action };
}

export function termFromDraft(draft: TermDraft): CustomTerm {
  const terms = draft.terms
    .split(/[\n,]/)
    .map((term) => term.trim())
    .filter((term) => term.length > 0);
  return { label: draft.label.trim(), terms, action: draft.action, ...(draft.caseSensitive ? { caseSensitive: true } : {}) };
}

function mapErrors(list: 'customPatterns' | 'customTerms', errors: Array<{ field: string; message: string }>): DraftErrors {
  const mapped: DraftErrors = {};
  const prefix = `${list}[0]`;
  for (const error of errors) {
    const rest = error.field.startsWith(prefix) ? error.field.slice(prefix.length).replace(/^\./, '') : '';
    const key = (rest.split(/[.[]/)[0] || 'entry') as keyof DraftErrors;
    const field = (['label', 'pattern', 'flags', 'terms', 'action'] as const).includes(key as never) ? key : 'entry';
    mapped[field] ??= error.message;
  }
  return mapped;
}

/** Field errors of a pattern draft; empty when it can be added. */
export function validatePatternDraft(draft: PatternDraft): DraftErrors {
  if (!draft.label.trim() && !draft.pattern) return {};
  const entry = patternFromDraft(draft);
  const validation = validatePolicyInput({ customPatterns: [entry] });
  if (!validation.ok) return mapErrors('customPatterns', validation.errors);
  // The engine compiles what the validator accepts; checked anyway so the UI never shows "valid" for a dropped rule.
  const engine = compileCustomRules({ customPatterns: [{ ...entry, action: entry.action === 'allow' ? 'block' : entry.action }] });
  return engine.errors[0] ? { pattern: engine.errors[0].message } : {};
}

export function validateTermDraft(draft: TermDraft): DraftErrors {
  if (!draft.label.trim() && !draft.terms.trim()) return {};
  const validation = validatePolicyInput({ customTerms: [termFromDraft(draft)] });
  if (!validation.ok) return mapErrors('customTerms', validation.errors);
  return {};
}

/** The policy the try-it box scans with: the effective policy plus the drafts that validate. */
export function tryItPolicy(policy: Policy, pattern: PatternDraft | null, term: TermDraft | null): ScanPolicy {
  const scanPolicy = toScanPolicy(policy);
  if (pattern && pattern.label.trim() && pattern.pattern && Object.keys(validatePatternDraft(pattern)).length === 0) {
    scanPolicy.customPatterns = [...(scanPolicy.customPatterns ?? []), patternFromDraft(pattern)];
  }
  if (term && term.label.trim() && term.terms.trim() && Object.keys(validateTermDraft(term)).length === 0) {
    scanPolicy.customTerms = [...(scanPolicy.customTerms ?? []), termFromDraft(term)];
  }
  return scanPolicy;
}
