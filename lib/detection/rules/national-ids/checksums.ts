/**
 * Check-digit algorithms of national identifiers. Each takes the matched value (separators allowed) and returns
 * whether the number is structurally valid. A number failing its checksum is not treated as PII.
 */
import { luhnValid } from '../../validators';

const digits = (value: string) => value.replace(/\D/g, '');

/** One kind of separator at most: "123 456 789" or "123-456-789", not "123-456 789". */
export function consistentSeparators(value: string): boolean {
  const separators = value.match(/[ .\-/]/g);
  return !separators || new Set(separators).size === 1;
}

/** UK National Insurance number: prefix letters from the allowed sets, minus the prefixes never issued. */
export function ninoValid(value: string): boolean {
  const compact = value.replace(/\s/g, '').toUpperCase();
  if (!/^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$/.test(compact)) return false;
  return !['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'].includes(compact.slice(0, 2));
}

/** UK NHS number: weights 10..2 on the first nine digits, check = 11 - sum mod 11 (11 → 0, 10 → invalid). */
export function nhsNumberValid(value: string): boolean {
  const d = digits(value);
  if (d.length !== 10 || /^(\d)\1+$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(d[i]) * (10 - i);
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  return check !== 10 && check === Number(d[9]);
}

/** Canadian SIN: Luhn; 0 and 8 are never issued as first digit. */
export function sinValid(value: string): boolean {
  const d = digits(value);
  return d.length === 9 && d[0] !== '0' && d[0] !== '8' && !/^(\d)\1+$/.test(d) && luhnValid(d);
}

const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/** Verhoeff checksum (dihedral group D5), as used by Aadhaar. */
export function verhoeffValid(value: string): boolean {
  const d = digits(value);
  let c = 0;
  for (let i = 0; i < d.length; i++) {
    const digit = Number(d[d.length - 1 - i]);
    c = VERHOEFF_D[c]![VERHOEFF_P[i % 8]![digit]!]!;
  }
  return c === 0;
}

/** Aadhaar: 12 digits, first digit 2-9, Verhoeff-valid, not a palindrome-like trivial run. */
export function aadhaarValid(value: string): boolean {
  const d = digits(value);
  return d.length === 12 && /^[2-9]/.test(d) && !/^(\d)\1+$/.test(d) && verhoeffValid(d);
}

/** Indian PAN: five letters (the fourth says the holder type), four digits, one letter. No check digit exists. */
export function panValid(value: string): boolean {
  return /^[A-Z]{3}[ABCEFGHJLPT][A-Z]\d{4}[A-Z]$/.test(value) && !/^(.)\1{4}/.test(value);
}

/** French NIR (numéro de sécurité sociale): 13 digits + key = 97 - (n mod 97); Corsica 2A/2B count as 19/18. */
export function nirValid(value: string): boolean {
  const compact = value.replace(/\s/g, '').toUpperCase();
  const match = /^([1-478])(\d{2})(\d{2})(\d{2}|2A|2B)(\d{3})(\d{3})(\d{2})$/.exec(compact);
  if (!match) return false;
  const month = Number(match[3]);
  if (!((month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50)) return false;
  const department = match[4] === '2A' ? '19' : match[4] === '2B' ? '18' : match[4]!;
  const body = `${match[1]}${match[2]}${match[3]}${department}${match[5]}${match[6]}`;
  const key = Number(match[7]);
  let remainder = 0;
  for (const ch of body) remainder = (remainder * 10 + Number(ch)) % 97;
  return key >= 1 && key <= 97 && 97 - remainder === key;
}

/** German Steuer-ID: 11 digits, ISO 7064 MOD 11,10 check digit, and the digit-repetition rule on the first ten. */
export function steuerIdValid(value: string): boolean {
  const d = digits(value);
  if (d.length !== 11 || d[0] === '0') return false;
  const body = d.slice(0, 10);
  const counts = new Map<string, number>();
  for (const ch of body) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const repeated = [...counts.entries()].filter(([, count]) => count > 1);
  // Exactly one digit occurs twice or three times; every other digit at most once.
  if (repeated.length !== 1 || repeated[0]![1] > 3) return false;
  if (repeated[0]![1] === 3 && body.includes(repeated[0]![0].repeat(3))) return false;
  let product = 10;
  for (let i = 0; i < 10; i++) {
    let sum = (Number(d[i]) + product) % 10;
    if (sum === 0) sum = 10;
    product = (2 * sum) % 11;
  }
  let check = 11 - product;
  if (check === 10) check = 0;
  return check === Number(d[10]);
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** Spanish DNI (8 digits + letter) and NIE (X/Y/Z + 7 digits + letter): letter = table[n mod 23]. */
export function dniNieValid(value: string): boolean {
  const compact = value.replace(/[\s-]/g, '').toUpperCase();
  const match = /^([XYZ]?)(\d{7,8})([A-Z])$/.exec(compact);
  if (!match) return false;
  const [, prefix, number, letter] = match;
  if (prefix ? number!.length !== 7 : number!.length !== 8) return false;
  const numeric = Number(`${prefix ? 'XYZ'.indexOf(prefix) : ''}${number}`);
  if (!prefix && /^(\d)\1+$/.test(number!)) return false;
  return DNI_LETTERS[numeric % 23] === letter;
}

const CF_ODD: Record<string, number> = {
  0: 1, 1: 0, 2: 5, 3: 7, 4: 9, 5: 13, 6: 15, 7: 17, 8: 19, 9: 21, A: 1, B: 0, C: 5, D: 7, E: 9, F: 13, G: 15, H: 17,
  I: 19, J: 21, K: 2, L: 4, M: 18, N: 20, O: 11, P: 3, Q: 6, R: 8, S: 12, T: 14, U: 16, V: 10, W: 22, X: 25, Y: 24,
  Z: 23,
};

/** Italian codice fiscale: 15 characters weighted by position parity, check letter = sum mod 26. */
export function codiceFiscaleValid(value: string): boolean {
  const code = value.toUpperCase();
  if (!/^[A-Z]{6}[\dLMNP-V]{2}[A-EHLMPRST][\dLMNP-V]{2}[A-Z][\dLMNP-V]{3}[A-Z]$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const ch = code[i]!;
    if (i % 2 === 0) sum += CF_ODD[ch]!;
    else sum += /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 65;
  }
  return String.fromCharCode(65 + (sum % 26)) === code[15];
}

/** Brazilian CPF: two mod-11 check digits; numbers with all digits equal pass the maths but are invalid. */
export function cpfValid(value: string): boolean {
  const d = digits(value);
  if (d.length !== 11 || /^(\d)\1+$/.test(d)) return false;
  for (const length of [9, 10]) {
    let sum = 0;
    for (let i = 0; i < length; i++) sum += Number(d[i]) * (length + 1 - i);
    const check = ((sum * 10) % 11) % 10;
    if (check !== Number(d[length])) return false;
  }
  return true;
}

/** Australian TFN: weighted sum mod 11 (9-digit weights, and the older 8-digit form). */
export function tfnValid(value: string): boolean {
  const d = digits(value);
  const weights = d.length === 9 ? [1, 4, 3, 7, 5, 8, 6, 9, 10] : d.length === 8 ? [10, 7, 8, 4, 6, 3, 5, 1] : null;
  if (!weights || /^(\d)\1+$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(d[i]) * weights[i]!;
  return sum % 11 === 0;
}

/** US ITIN: 9XX-YY-ZZZZ with the group (YY) in the ranges the IRS issues. */
export function itinValid(value: string): boolean {
  const d = digits(value);
  if (d.length !== 9 || d[0] !== '9') return false;
  const group = Number(d.slice(3, 5));
  return (group >= 50 && group <= 65) || (group >= 70 && group <= 88) || (group >= 90 && group <= 92) || (group >= 94 && group <= 99);
}

/**
 * A context cue as a whole word within `before` characters before the value (or `after` after it). Stricter than a
 * substring test: "sin" must not match "using".
 */
export function cueNear(text: string, start: number, end: number, cue: RegExp, before = 60, after = 30): boolean {
  const window = text.slice(Math.max(0, start - before), Math.min(text.length, end + after));
  return cue.test(window);
}
