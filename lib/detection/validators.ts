/**
 * Checksum and structure validators shared by rules. Pure functions over the matched value; they never look at the
 * network or the DOM. Every function tolerates separators (spaces, dashes) in its input unless it says otherwise.
 */

export function digitsOnly(value: string): string {
  return value.replace(/\D/g, '');
}

/** Luhn (mod 10) checksum, as used by payment cards, IMEIs and some national IDs. */
export function luhnValid(value: string): boolean {
  const digits = digitsOnly(value);
  if (digits.length < 2) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let digit = digits.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

/** True when all digits are the same (1111…), or the run is a plain ascending/descending sequence. */
export function isTrivialDigitRun(value: string): boolean {
  const digits = digitsOnly(value);
  if (digits.length < 2) return true;
  if (/^(\d)\1*$/.test(digits)) return true;
  let ascending = true;
  let descending = true;
  for (let i = 1; i < digits.length; i++) {
    const step = (digits.charCodeAt(i) - digits.charCodeAt(i - 1) + 10) % 10;
    if (step !== 1) ascending = false;
    if (step !== 9) descending = false;
  }
  return ascending || descending;
}

export type CardNetwork = 'visa' | 'mastercard' | 'amex' | 'discover' | 'diners' | 'jcb' | 'unionpay' | 'maestro';

/** Known IIN (issuer) ranges with the lengths each network issues. Returns the network, or null if none fits. */
export function cardNetwork(value: string): CardNetwork | null {
  const d = digitsOnly(value);
  const n = d.length;
  const p2 = Number(d.slice(0, 2));
  const p3 = Number(d.slice(0, 3));
  const p4 = Number(d.slice(0, 4));
  const p6 = Number(d.slice(0, 6));
  if (d[0] === '4' && (n === 13 || n === 16 || n === 19)) return 'visa';
  if (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && n === 16) return 'mastercard';
  if ((p2 === 34 || p2 === 37) && n === 15) return 'amex';
  if ((p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649) || (p6 >= 622126 && p6 <= 622925)) && n >= 16 && n <= 19) {
    return 'discover';
  }
  if ((p2 === 36 || (p3 >= 300 && p3 <= 305) || p2 === 38 || p2 === 39) && n >= 14 && n <= 19) return 'diners';
  if (p4 >= 3528 && p4 <= 3589 && n >= 16 && n <= 19) return 'jcb';
  if (p2 === 62 && n >= 16 && n <= 19) return 'unionpay';
  if ((p2 === 50 || (p2 >= 56 && p2 <= 69)) && n >= 12 && n <= 19) return 'maestro';
  return null;
}

/** A payment card number: known network, Luhn-valid, not a trivial run. Separators must be consistent. */
export function cardNumberValid(value: string): boolean {
  const separators = value.match(/[ -]/g);
  if (separators && new Set(separators).size > 1) return false;
  const digits = digitsOnly(value);
  if (digits.length < 13 || digits.length > 19) return false;
  if (isTrivialDigitRun(digits)) return false;
  return cardNetwork(digits) !== null && luhnValid(digits);
}

/** IBAN lengths per country (SWIFT IBAN registry). */
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28, CH: 21, CR: 22,
  CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FK: 18, FO: 18, FR: 27, GB: 22,
  GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30,
  KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27,
  MT: 31, MU: 30, NI: 28, NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33,
  SA: 24, SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29,
  VA: 22, VG: 24, XK: 20, YE: 30,
  // Countries whose banks issue IBANs outside the official registry (the "partial" list banks validate against).
  AO: 25, BF: 28, BJ: 28, CF: 27, CG: 27, CI: 28, CM: 27, CV: 25, DZ: 26, GA: 27, GQ: 27, GW: 25, HN: 28, IR: 26,
  KM: 27, MA: 28, MG: 27, ML: 28, MZ: 25, NE: 28, SN: 28, TD: 27, TG: 28,
};

/** ISO 7064 mod 97-10 over an alphanumeric string (letters A=10 … Z=35), computed in chunks to stay in int range. */
export function mod97(alphanumeric: string): number {
  let remainder = 0;
  for (const char of alphanumeric) {
    const code = char.charCodeAt(0);
    const chunk = code >= 65 ? String(code - 55) : char;
    for (const digit of chunk) remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return remainder;
}

/** IBAN: known country, exact length for it, check digits 02..98 and mod-97 == 1. Spaces are allowed. */
export function ibanValid(value: string): boolean {
  const iban = value.replace(/[ -]/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/.test(iban)) return false;
  const expectedLength = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expectedLength === undefined || iban.length !== expectedLength) return false;
  const checkDigits = Number(iban.slice(2, 4));
  if (checkDigits < 2 || checkDigits > 98) return false;
  return mod97(iban.slice(4) + iban.slice(0, 4)) === 1;
}

/**
 * US Social Security Number structure (SSA rules since 2011 randomization): area not 000, 666 or 9xx; group not 00;
 * serial not 0000; one consistent delimiter; and not the famously published ones.
 */
export function ssnValid(value: string): boolean {
  const match = /^(\d{3})([ -]?)(\d{2})([ -]?)(\d{4})$/.exec(value);
  if (!match) return false;
  const [, area, firstDelimiter, group, secondDelimiter, serial] = match;
  if (firstDelimiter !== secondDelimiter) return false;
  if (area === '000' || area === '666' || area!.startsWith('9')) return false;
  if (group === '00' || serial === '0000') return false;
  const digits = `${area}${group}${serial}`;
  if (digits === '123456789' || digits === '078051120' || digits === '219099999') return false;
  return !/^(\d)\1{8}$/.test(digits);
}

/** IPv4 dotted quad with each octet 0-255 and no leading zeros (leading zeros read as octal in some parsers). */
export function ipv4Valid(value: string): boolean {
  const parts = value.split('.');
  if (parts.length !== 4) return false;
  return parts.every((part) => /^(?:0|[1-9]\d{0,2})$/.test(part) && Number(part) <= 255);
}

/** IPv6 textual form (RFC 4291 / 5952), including `::` compression and an embedded IPv4 tail; zone ids excluded. */
export function ipv6Valid(value: string): boolean {
  if (value.length < 2 || value.length > 45) return false;
  let address = value;
  let groupsFromIpv4 = 0;
  const lastColon = address.lastIndexOf(':');
  const tail = address.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (!ipv4Valid(tail)) return false;
    address = `${address.slice(0, lastColon + 1)}0`;
    groupsFromIpv4 = 1;
  }
  const doubleColons = address.split('::').length - 1;
  if (doubleColons > 1) return false;
  const isHexGroup = (group: string) => /^[0-9a-fA-F]{1,4}$/.test(group);
  if (doubleColons === 1) {
    const [head, rest] = address.split('::') as [string, string];
    const headGroups = head === '' ? [] : head.split(':');
    const restGroups = rest === '' ? [] : rest.split(':');
    if (![...headGroups, ...restGroups].every(isHexGroup)) return false;
    return headGroups.length + restGroups.length + groupsFromIpv4 <= 7;
  }
  const groups = address.split(':');
  return groups.length + groupsFromIpv4 === 8 && groups.every(isHexGroup);
}
