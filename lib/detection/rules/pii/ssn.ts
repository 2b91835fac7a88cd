import type { Rule } from '../../types';
import { ssnValid } from '../../validators';
import { contextAround, NON_PERSONAL_NUMBER_CONTEXT } from './shared';

const SSN_CONTEXT = ['ssn', 'social security', 'social-security', 'ss#', 'ss no', 'ssa', 'tin', 'taxpayer', 'itin', 'w-2', 'w2', 'i-9'];

export const ssnFormattedRule: Rule = {
  id: 'us-ssn',
  kind: 'pii',
  type: 'SSN',
  description: 'US Social Security Number: the key to identity theft, credit fraud and tax fraud.',
  // One delimiter, used twice (the back-reference keeps 123-45 6789 out).
  pattern: /(?<![\w-])\d{3}([ -])\d{2}\1\d{4}(?![\w-])/g,
  context: SSN_CONTEXT,
  // No stated confidence: a value that passes `validate` (ranges, checksums) is reported at the validated 0.9.
  validate: (value, text, start) => {
    if (!ssnValid(value)) return false;
    const lower = text.slice(Math.max(0, start - 40), start + value.length + 20).toLowerCase();
    const offset = Math.min(start, 40);
    // Space-separated 3-2-4 digits are common in other numbering; only with SSN words nearby.
    if (value.includes(' ') && !contextAround(lower, offset, offset + value.length, SSN_CONTEXT, 40, 20)) return false;
    // Part numbers and references in 3-2-4 layout: dropped unless SSN words are also there.
    if (contextAround(lower, offset, offset, NON_PERSONAL_NUMBER_CONTEXT, 25, 0)) {
      return contextAround(lower, offset, offset + value.length, SSN_CONTEXT, 40, 20);
    }
    return true;
  },
  examples: {
    positive: [
      { text: 'Employee SSN: 536-22-8714', match: '536-22-8714' },
      { text: 'her social security number is 212 67 4590', match: '212 67 4590' },
      'applicant 401-58-3920, DOB 1985-04-12',
    ],
    negative: [
      'SSN 666-12-3456 is not issued', // area 666 never issued
      'ssn 900-12-3456', // 9xx areas are ITINs, not SSNs
      'ssn 123-00-4567', // group 00
      'ssn 123-45-0000', // serial 0000
      'ssn 123-45 6789', // mixed delimiters
      'part no. 536-22-8714 in stock', // a part number
      'call 212 67 4590 ext', // spaces without SSN words
    ],
  },
};

export const ssnBareRule: Rule = {
  id: 'us-ssn-unformatted',
  kind: 'pii',
  type: 'SSN',
  description: 'US Social Security Number written without dashes, next to SSN wording.',
  pattern: /(?<![\w-])\d{9}(?![\w-])/g,
  context: SSN_CONTEXT,
  requireContext: true,
  contextWindow: 40,
  // No stated confidence: a value that passes `validate` (ranges, checksums) is reported at the validated 0.9.
  validate: (value) => ssnValid(value),
  examples: {
    positive: [{ text: 'SSN 536228714 on the W-2', match: '536228714' }, 'social security no: 401583920'],
    negative: [
      'order id 536228714', // no SSN wording
      'SSN 000123456', // area 000
      'ssn field: 123456789', // the famous example number
    ],
  },
};
