/**
 * Pure decisions: which policy action applies to each finding, and what the guard does with a set of findings.
 * No DOM, no browser APIs: unit-tested directly.
 */
import { actionFor } from '../detection/engine';
import type { Finding, ScanPolicy } from '../detection/types';
import type { Action, Policy } from '../policy/types';

export interface PlannedFinding {
  finding: Finding;
  /** The raw value; stays in the isolated world (and the background vault). */
  value: string;
  action: Action;
  masked: string;
}

export interface GuardPlan {
  findings: PlannedFinding[];
  block: PlannedFinding[];
  review: PlannedFinding[];
  redact: PlannedFinding[];
  warn: PlannedFinding[];
}

/**
 * A short preview that identifies a value to its owner without revealing it: a few leading and trailing characters,
 * never more than about a third of the value (e.g. `sk-p…3xQ`).
 */
export function maskValue(value: string): string {
  const chars = Array.from(value);
  if (chars.length <= 4) return '•'.repeat(chars.length);
  const head = Math.min(4, Math.floor(chars.length / 5));
  const tail = Math.min(3, Math.floor(chars.length / 6));
  return `${chars.slice(0, Math.max(1, head)).join('')}…${tail > 0 ? chars.slice(-tail).join('') : ''}`;
}

export function planFindings(text: string, findings: Finding[], scanPolicy: ScanPolicy): GuardPlan {
  const plan: GuardPlan = { findings: [], block: [], review: [], redact: [], warn: [] };
  for (const finding of findings) {
    const action = actionFor(finding.kind, finding.type, scanPolicy);
    if (action === 'allow') continue;
    const value = text.slice(finding.start, finding.end);
    const planned: PlannedFinding = { finding, value, action, masked: maskValue(value) };
    plan.findings.push(planned);
    plan[action].push(planned);
  }
  return plan;
}

/** The plan without the findings whose value `isAllowed` (the user's always-allow list): they pass untouched. */
export function withoutAllowed(plan: GuardPlan, isAllowed: (value: string) => boolean): GuardPlan {
  if (!plan.findings.some((planned) => isAllowed(planned.value))) return plan;
  const keep = (list: PlannedFinding[]) => list.filter((planned) => !isAllowed(planned.value));
  return {
    findings: keep(plan.findings),
    block: keep(plan.block),
    review: keep(plan.review),
    redact: keep(plan.redact),
    warn: keep(plan.warn),
  };
}

/** What the guard does before a send, in order of severity. */
export type SendDecision = 'pass' | 'block' | 'review' | 'redact' | 'warn';

export function decide(plan: GuardPlan): SendDecision {
  if (plan.block.length > 0) return 'block';
  if (plan.review.length > 0) return 'review';
  if (plan.redact.length > 0) return 'redact';
  if (plan.warn.length > 0) return 'warn';
  return 'pass';
}

/** UTF-8 byte length: an upper bound of any BPE token count, so prompts under it need no exact count. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}

export function mayExceedTokenBudget(text: string, policy: Policy): boolean {
  return policy.maxPromptTokens > 0 && utf8Length(text) > policy.maxPromptTokens;
}
