import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import type { Rule } from '../../types';
import { contextAround, NON_PERSONAL_NUMBER_CONTEXT, rightTrims } from './shared';

// 'min' metadata (~80 KB) validates by country lengths and leading digits; 'max' adds per-type patterns at twice the
// size for little gain here, since bare digit runs need context anyway.

export const PHONE_CONTEXT = [
  'phone', 'tel', 'telephone', 'mobile', 'cell', 'cellphone', 'call', 'text me', 'sms', 'whatsapp', 'signal', 'fax',
  'contact', 'reach me', 'ring', 'dial', 'landline', 'hotline', 'number', 'ph', 'mob', 'handy', 'telefon', 'téléphone',
  'portable', 'teléfono', 'móvil',
];

// A run that starts with +, ( or a digit, continues with digits and phone separators, ends with a digit. The lookbehind
// keeps it from starting inside decimals, dates, paths, identifiers and times (12:30…), while `tel:+33…` still counts.
export const PHONE_CANDIDATE = /(?<![\w+./-])(?<!\d:)(?:\+|\()?\d[\d ().-]{5,22}\d(?!\w)/g;

// A date, alone or followed by a time ("2024-01-15 10"); "06.12.34.56.78" goes on with digits, so it is not one.
const DATE_SHAPE = /^(?:\d{4}([-./])\d{1,2}\1\d{1,2}|\d{1,2}([-./])\d{1,2}\2\d{2,4})(?:[ T]|$)/;
const IPV4_SHAPE = /^\d{1,3}(?:\.\d{1,3}){3}$/;
/** A span of years, as copyright lines write them ("2016-2020 Endless Mobile"): eight digits, never a phone. */
const YEAR_RANGE = /^(?:1[89]|20)\d{2} ?[-–] ?(?:1[89]|20)\d{2}$/;
/** Formats people write phone numbers in, strong enough to need no context word. */
const STRONG_NATIONAL = [
  /^\(\d{2,5}\) ?\d{3,4}[ .-]\d{3,5}$/, // (415) 555-0199, (020) 7946 0958
  /^\d{3}([-. ])\d{3}\1\d{4}$/, // 415-555-0199, 415.555.0199
  /^0\d{1,4}([ -])\d{3,4}\1\d{3,4}$/, // 020 7946 0958, 030-1234-5678
  /^0\d{1,4} \d{5,8}$/, // 030 12345678, 0151 23456789
  /^0\d([ .])\d{2}\1\d{2}\1\d{2}\1\d{2}$/, // 06 12 34 56 78, 01.23.45.67.89
];

export interface PhoneVerdict {
  valid: boolean;
  /** International (+/00) or a common national layout: no context needed. */
  strong: boolean;
  /**
   * Laid out like a phone number (8-12 digits in separated groups, not a date, IP, decimal or digit run) though no
   * numbering plan we check accepts it: a phone only where the text says so ("call me at 048 134 7413").
   */
  grouped?: boolean;
}

// Trunk-prefix-0 countries for national numbers starting with 0; the others write national numbers without it.
const TRUNK_ZERO_COUNTRIES: CountryCode[] = ['GB', 'DE', 'FR', 'AU', 'IT', 'NL', 'IN', 'IE', 'BR'];
const NO_TRUNK_COUNTRIES: CountryCode[] = ['US', 'CA', 'IN', 'ES', 'IT', 'BR'];
/** National digit counts (trunk 0 or 1 included) each country's numbers can have; a loose superset of the metadata. */
const NATIONAL_DIGITS: Partial<Record<CountryCode, [number, number]>> = {
  US: [10, 11], CA: [10, 11], IN: [10, 12], ES: [9, 9], IT: [6, 12], BR: [10, 12],
  GB: [9, 11], DE: [5, 15], FR: [10, 10], AU: [9, 10], NL: [10, 10], IE: [7, 11],
};
const NANP_LAYOUT = /^(?:\(\d{3}\) ?|\d{3}[-. ])\d{3}[-. ]\d{4}$/;
/** NXX NXX XXXX: area code and exchange never start with 0 or 1. */
const NANP_SHAPE = /^[2-9]\d{2}[2-9]\d{6}$/;

/** Parsing is the expensive step; texts repeat numbers (logs, CSV), so verdicts are memoised per candidate string. */
const verdictCache = new Map<string, PhoneVerdict>();
const MAX_CACHED_VERDICTS = 4096;

export function judgePhone(candidate: string): PhoneVerdict {
  const cached = verdictCache.get(candidate);
  if (cached) return cached;
  const verdict = judgeUncached(candidate);
  if (verdictCache.size >= MAX_CACHED_VERDICTS) verdictCache.clear();
  verdictCache.set(candidate, verdict);
  return verdict;
}

function judgeUncached(candidate: string): PhoneVerdict {
  const invalid = { valid: false, strong: false };
  const digits = candidate.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15 + (candidate.startsWith('00') ? 2 : 0)) return invalid;
  if (DATE_SHAPE.test(candidate) || IPV4_SHAPE.test(candidate) || YEAR_RANGE.test(candidate)) return invalid;
  const open = candidate.split('(').length - 1;
  const close = candidate.split(')').length - 1;
  if (open !== close || open > 1) return invalid;
  if (open === 1 && candidate.indexOf('(') > candidate.indexOf(')')) return invalid;
  // A single dot between two digit groups is a decimal or a version, not a phone layout.
  if (/^\d+\.\d+$/.test(candidate)) return invalid;
  if (/(\d)\1{6,}/.test(digits)) return invalid;
  // "0123456789", "123456789": the digits counted up (alphabets, test data), not a number anyone was given. Counted
  // down is left alone: 98765 43210 is a valid Indian mobile number that people do give.
  if ('01234567890123456789'.includes(digits)) return invalid;

  if (candidate.startsWith('+') || candidate.startsWith('00')) {
    const international = candidate.startsWith('00') ? `+${candidate.slice(2)}` : candidate;
    const parsed = parsePhoneNumberFromString(international);
    if (parsed?.isValid()) return { valid: true, strong: true };
    // "+" and 8-15 digits is how people write a phone number even when the number is unassigned or mistyped
    // (form data, test fixtures): still someone's contact detail, taken with less confidence.
    if (candidate.startsWith('+') && digits.length >= 8 && digits.length <= 15) return { valid: true, strong: false };
    return invalid;
  }
  // The 3-3-4 North American layout is only judged as a North American number; the numbering plan's shape (area code
  // and exchange start with 2-9) is enough, whether or not the area code is assigned yet.
  if (NANP_LAYOUT.test(candidate)) {
    const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
    if (NANP_SHAPE.test(national)) return { valid: true, strong: STRONG_NATIONAL.some((format) => format.test(candidate)) };
    return { valid: false, strong: false, grouped: true };
  }
  const countries = digits.startsWith('0') ? TRUNK_ZERO_COUNTRIES : NO_TRUNK_COUNTRIES;
  for (const country of countries) {
    // Parsing costs tens of microseconds; a digit count the country never uses cannot be valid there.
    const [minDigits, maxDigits] = NATIONAL_DIGITS[country]!;
    if (digits.length < minDigits || digits.length > maxDigits) continue;
    const parsed = parsePhoneNumberFromString(candidate, country);
    if (parsed?.isValid()) return { valid: true, strong: STRONG_NATIONAL.some((format) => format.test(candidate)) };
  }
  const grouped = digits.length >= 8 && digits.length <= 12 && /^\(?\d{2,5}\)?(?:[ .-]\d{2,5}){1,4}$/.test(candidate);
  return grouped ? { valid: false, strong: false, grouped: true } : invalid;
}

const MAX_TRIMS = 3;

const TWO_DIGIT_GROUPS = /^\d{2}(?: \d{2}){4,}$/;
const HEX_GROUP_BEFORE = /(?:^|\s)[0-9A-Fa-f]{2} $/;
const HEX_GROUP_AFTER = /^ [0-9A-Fa-f]{2}(?![0-9A-Za-z])/;

function isByteRun(text: string, start: number, end: number, candidate: string): boolean {
  if (!TWO_DIGIT_GROUPS.test(candidate)) return false;
  if (candidate.length >= 17) return true; // 6+ groups: no phone plan writes numbers that way
  return HEX_GROUP_BEFORE.test(text.slice(Math.max(0, start - 4), start)) && HEX_GROUP_AFTER.test(text.slice(end, end + 4));
}

function recognizePhones(text: string, lower: string): Array<{ start: number; end: number; confidence: number }> {
  const spans: Array<{ start: number; end: number; confidence: number }> = [];
  PHONE_CANDIDATE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = PHONE_CANDIDATE.exec(text)) !== null) {
    const start = match.index;
    const international = match[0].startsWith('+') || match[0].startsWith('00');
    // Cheap context checks before any parsing: order/invoice/version numbers are not phones.
    if (!international && contextAround(lower, start, start, NON_PERSONAL_NUMBER_CONTEXT, 30, 0)) continue;
    // Six or more two-digit groups, or two-character hex groups on both sides, are a byte dump ("a0 8b 01 00 00 00 50
    // 32"), not a French number written 01 23 45 67 89.
    if (!international && isByteRun(text, start, start + match[0].length, match[0])) continue;
    let phoneContext: boolean | null = null;
    let tries = 0;
    for (const candidate of rightTrims(match[0], 7, / /)) {
      if (tries++ > MAX_TRIMS) break;
      const end = start + candidate.length;
      const strongShape = international || STRONG_NATIONAL.some((format) => format.test(candidate));
      if (!strongShape) {
        phoneContext ??= contextAround(lower, start, start + match[0].length, PHONE_CONTEXT, 40, 20);
        if (!phoneContext) continue;
      }
      const verdict = judgePhone(candidate);
      if (verdict.grouped) {
        phoneContext ??= contextAround(lower, start, start + match[0].length, PHONE_CONTEXT, 40, 20);
        if (!phoneContext) continue;
        spans.push({ start, end, confidence: 0.65 });
        break;
      }
      if (!verdict.valid) continue;
      spans.push({ start, end, confidence: verdict.strong ? 0.85 : 0.75 });
      break;
    }
  }
  return spans;
}

export const phoneRule: Rule = {
  id: 'phone-number',
  kind: 'pii',
  type: 'PHONE',
  description: 'Phone number: reaches a person directly and links their accounts (SIM-swap, vishing).',
  recognize: recognizePhones,
  innerPatterns: [PHONE_CANDIDATE],
  context: ['phone', 'tel', 'mobile', 'cell', 'call', 'fax', 'whatsapp', 'sms'],
  confidence: 0.8,
  examples: {
    positive: [
      { text: 'Call me on +44 20 7946 0958 after five.', match: '+44 20 7946 0958' },
      { text: 'my cell is (415) 555-0199', match: '(415) 555-0199' },
      { text: 'Mobile: 0151 23456789', match: '0151 23456789' },
      { text: 'phone 4155550142 (US)', match: '4155550142' },
      { text: 'Tél. 06 12 34 56 78', match: '06 12 34 56 78' },
      { text: '<a href="tel:+33142685300">', match: '+33142685300' },
      { text: 'WhatsApp 0044 7911 123456', match: '0044 7911 123456' },
    ],
    negative: [
      "NUMBERS = set('0123456789')", // the digits in order
      'Copyright:\n 2016-2020 Endless Mobile, Inc', // a span of years next to a context word
      'Upgraded to version 10.4.1 on 2024-03-18 at 14:05.',
      'Order 4155550142 shipped', // an order number, however phone-like
      'The total was $1,234,567.89 and 2,500 units.',
      'Unix time 1700000000 is in November 2023.', // bare digits without phone context
      'ping 192.168.10.20 from the jump host',
      'Invoice 555-123-4567 is overdue', // invalid area code and invoice context
      '// Prints: <Buffer 01 02 03 04 05>', // bytes, not a French number
      'dump: a0 8b 28 3f 01 00 00 00 50 32 ff', // two-character hex groups on both sides
      'bytes 01 02 03 04 05 06 07 08', // six or more two-digit groups
    ],
  },
};
