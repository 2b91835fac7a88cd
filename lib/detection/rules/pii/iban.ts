import type { Rule } from '../../types';
import { ibanValid } from '../../validators';
import { rightTrims } from './shared';

// Country code, check digits, then the BBAN in optional groups of four (spaces allowed), at most 34 characters.
export const IBAN_CANDIDATE = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![A-Za-z0-9])/gi;

function recognizeIbans(text: string): Array<{ start: number; end: number; confidence: number }> {
  const spans: Array<{ start: number; end: number; confidence: number }> = [];
  IBAN_CANDIDATE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = IBAN_CANDIDATE.exec(text)) !== null) {
    for (const candidate of rightTrims(match[0], 15, / /)) {
      if (!ibanValid(candidate)) continue;
      spans.push({ start: match.index, end: match.index + candidate.length, confidence: 0.95 });
      break;
    }
  }
  return spans;
}

export const ibanRule: Rule = {
  id: 'iban',
  kind: 'pii',
  type: 'IBAN',
  description: 'IBAN bank account number (country length and mod-97 checked): enables direct-debit fraud and identifies the holder.',
  recognize: recognizeIbans,
  innerPatterns: [IBAN_CANDIDATE],
  context: ['iban', 'bank', 'account', 'konto', 'transfer', 'sepa', 'wire', 'payee', 'rib'],
  examples: {
    positive: [
      { text: 'IBAN: DE89 3704 0044 0532 0130 00', match: 'DE89 3704 0044 0532 0130 00' },
      { text: 'pay to GB82WEST12345698765432 today', match: 'GB82WEST12345698765432' },
      { text: 'FR1420041010050500013M02606 RIB', match: 'FR1420041010050500013M02606' },
    ],
    negative: [
      'DE89 3704 0044 0532 0130 01', // mod-97 fails
      'GB82WEST1234569876543', // one character short for GB
      'XX12 3456 7890 1234 5678', // no such country
      'sha AB12CD34EF56AB78CD90EF12', // hex-ish token, checksum fails
    ],
  },
};
