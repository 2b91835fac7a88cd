/**
 * The user's "always allow" values on the page side. Planning drops their findings (decide.ts withoutAllowed); this
 * undoes what redact() adds on its own: it also replaces every occurrence of values already in the conversation's vault,
 * and an allowed value usually is in the vault (it was redacted before the user allowed it).
 */
import { redact, type PseudonymVault, type RedactResult } from '../anonymize';
import type { Finding } from '../detection/types';

/** redact(), then puts back the original text of every replacement whose value `isAllowed`. */
export function redactAllowing(
  text: string,
  vault: PseudonymVault,
  findings: Finding[],
  isAllowed: (value: string) => boolean,
): RedactResult {
  const result = redact(text, vault, findings);
  const original = (finding: Finding) => text.slice(finding.start, finding.end);
  if (!result.replacements.some((replacement) => isAllowed(original(replacement.finding)))) return result;
  let output = '';
  let cursor = 0;
  const replacements: RedactResult['replacements'] = [];
  for (const replacement of result.replacements) {
    output += result.text.slice(cursor, replacement.start);
    cursor = replacement.end;
    const value = original(replacement.finding);
    if (isAllowed(value)) {
      output += value;
      continue;
    }
    replacements.push({ ...replacement, start: output.length, end: output.length + replacement.placeholder.length });
    output += replacement.placeholder;
  }
  output += result.text.slice(cursor);
  return { text: output, replacements };
}
