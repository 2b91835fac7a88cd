/**
 * Plausibility check for admin-supplied CSS selectors (selectorOverrides). The background has no DOM, so this is a
 * conservative character/structure check; the content script still runs each selector through querySelector in a
 * try/catch and ignores one that throws.
 */
import { POLICY_LIMITS } from './limits';

/** Printable ASCII that CSS selectors use; excludes braces, semicolons, '<', '@', '`' and backslash escapes. */
const ALLOWED_CHARACTERS = /^[A-Za-z0-9\s\-_#.:[\]()="'^$*~|+>,!%/]+$/;

/** Returns null when the selector looks plausible, else why it does not. */
export function checkSelector(selector: string): string | null {
  if (selector.trim().length === 0) return 'selector is empty';
  if (selector.length > POLICY_LIMITS.maxSelectorLength) {
    return `selector is longer than ${POLICY_LIMITS.maxSelectorLength} characters`;
  }
  if (!ALLOWED_CHARACTERS.test(selector)) {
    return 'selector contains characters CSS selectors do not need here ({ } ; < @ ` \\ or control characters)';
  }
  const stack: string[] = [];
  const parts: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (const char of selector) {
    if (quote) {
      current += char;
      if (char === quote) quote = null;
      continue;
    }
    if (char === ',' && stack.length === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += char;
    if (char === '"' || char === "'") quote = char;
    else if (char === '[' || char === '(') stack.push(char === '[' ? ']' : ')');
    else if (char === ']' || char === ')') {
      if (stack.pop() !== char) return `unbalanced '${char}' in selector`;
    }
  }
  if (quote) return 'unterminated string in selector';
  if (stack.length > 0) return `missing '${stack[stack.length - 1]}' in selector`;
  parts.push(current);
  for (const part of parts) {
    const compound = part.trim();
    if (compound.length === 0) return 'empty selector in a comma-separated list';
    if (/^[>+~]/.test(compound) || /[>+~]$/.test(compound)) return 'selector starts or ends with a combinator';
  }
  return null;
}
