import type { Rule } from '../../types';
import { cardNumberValid, digitsOnly } from '../../validators';
import { contextAround, NON_PERSONAL_NUMBER_CONTEXT, rightTrims } from './shared';

const CARD_CONTEXT = ['card', 'credit', 'debit', 'visa', 'mastercard', 'amex', 'american express', 'discover', 'cc', 'pan', 'payment', 'cvv', 'cvc', 'expiry', 'exp', 'billing'];
// 13-19 digits, optionally in groups separated by single spaces or dashes; not inside a longer number or decimal.
export const CARD_CANDIDATE = /(?<![\w.,-])(?:\d[ -]?){12,18}\d(?![\w-]|[.,]\d)/g;

/** Card layouts: no separators, or groups of 4 (last may be shorter), or Amex/Diners 4-6-5 / 4-6-4. */
function plausibleGrouping(candidate: string): boolean {
  const groups = candidate.split(/[ -]/);
  if (groups.length === 1) return true;
  const lengths = groups.map((group) => group.length).join('-');
  return /^4-4-4-4(?:-[1-3])?$|^4-6-[45]$|^4-4-4-[1-3]$|^4-4-4-4-4$/.test(lengths);
}

function recognizeCards(text: string, lower: string): Array<{ start: number; end: number; confidence: number }> {
  const spans: Array<{ start: number; end: number; confidence: number }> = [];
  CARD_CANDIDATE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = CARD_CANDIDATE.exec(text)) !== null) {
    for (const candidate of rightTrims(match[0], 13, /[ -]/)) {
      if (!plausibleGrouping(candidate) || !cardNumberValid(candidate)) continue;
      const start = match.index;
      const end = start + candidate.length;
      // A bare digit run that happens to pass Luhn is weaker evidence than a grouped one or one near card words.
      const grouped = digitsOnly(candidate).length !== candidate.length;
      const context = contextAround(lower, start, end, CARD_CONTEXT, 60, 40);
      // "Transaction 4532…", "Serial number 4532-…": an identifier that happens to pass Luhn, unless card words are near.
      if (!context && contextAround(lower, start, end, NON_PERSONAL_NUMBER_CONTEXT, 30, 0)) break;
      spans.push({ start, end, confidence: grouped || context ? 0.9 : 0.75 });
      break;
    }
  }
  return spans;
}

export const creditCardRule: Rule = {
  id: 'credit-card-number',
  kind: 'pii',
  type: 'CREDIT_CARD',
  description: 'Payment card number (Luhn-valid, known issuer range): enables card fraud and is PCI-DSS scoped data.',
  recognize: recognizeCards,
  innerPatterns: [CARD_CANDIDATE],
  context: CARD_CONTEXT,
  examples: {
    positive: [
      { text: 'Card: 4539 1488 0343 6467 exp 09/28', match: '4539 1488 0343 6467' },
      { text: 'amex 3714-496353-98431 on file', match: '3714-496353-98431' },
      { text: 'pan=5555555555554444;', match: '5555555555554444' },
      { text: 'Visa 4111 1111 1111 1111 12/27 CVV 123', match: '4111 1111 1111 1111' },
    ],
    negative: [
      'Card 4539 1488 0343 6468 was declined', // fails Luhn
      'Tracking number 9400 1000 0000 0000 0000 00', // 22 digits, not a card
      'uuid 550e8400-e29b-41d4-a716-446655440000', // hex groups
      'order 1234-5678-9012-3456', // no issuer starts with 1
      'timestamp 1700000000000 ms', // 13 digits, no issuer range
    ],
  },
};
