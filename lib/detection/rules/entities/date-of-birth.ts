/**
 * Dates of birth: a calendar date in a common format, kept only when a birth cue sits right before it (or just after:
 * "12.04.1990 (DOB)"). Plain dates, timestamps and release dates are not personal data on their own.
 */

const MONTH_NAMES: Array<[number, string[]]> = [
  [1, ['january', 'jan', 'janvier', 'januar', 'jänner', 'enero', 'gennaio', 'janeiro', 'januari', 'stycznia', 'ocak']],
  [2, ['february', 'feb', 'février', 'fevrier', 'februar', 'febrero', 'febbraio', 'fevereiro', 'februari', 'lutego', 'şubat', 'subat']],
  [3, ['march', 'mar', 'mars', 'märz', 'maerz', 'marzo', 'março', 'marco', 'maart', 'marca', 'mart']],
  [4, ['april', 'apr', 'avril', 'abril', 'aprile', 'kwietnia', 'nisan']],
  [5, ['may', 'mai', 'mayo', 'maggio', 'maio', 'mei', 'maja', 'mayıs', 'mayis']],
  [6, ['june', 'jun', 'juin', 'juni', 'junio', 'giugno', 'junho', 'czerwca', 'haziran']],
  [7, ['july', 'jul', 'juillet', 'juli', 'julio', 'luglio', 'julho', 'lipca', 'temmuz']],
  [8, ['august', 'aug', 'août', 'aout', 'agosto', 'augustus', 'sierpnia', 'ağustos', 'agustos']],
  [9, ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'settembre', 'setembro', 'września', 'wrzesnia', 'eylül', 'eylul']],
  [10, ['october', 'oct', 'octobre', 'oktober', 'octubre', 'ottobre', 'outubro', 'października', 'pazdziernika', 'ekim']],
  [11, ['november', 'nov', 'novembre', 'noviembre', 'novembro', 'listopada', 'kasım', 'kasim']],
  [12, ['december', 'dec', 'décembre', 'decembre', 'dezember', 'diciembre', 'dicembre', 'dezembro', 'grudnia', 'aralık', 'aralik']],
];
const MONTH_BY_NAME = new Map<string, number>();
for (const [month, names] of MONTH_NAMES) for (const name of names) MONTH_BY_NAME.set(name, month);
// Longest first so "june" wins over "jun" in the alternation.

/**
 * One alternation per format; each branch starts with a digit or a letter run, all repetitions bounded. Month words are
 * any 3-12 letters here and checked against the month table in `plausibleBirthDate`, which keeps the regex small.
 * 1990-04-12 · 12/04/1990 · 4/12/90 · 12.04.1990 · 12 April 1990 · 12th of April, 1990 · 12. April 1990 ·
 * 12 de abril de 1990 · April 12, 1990 · Apr. 12th 1990 · 1990年4月12日
 */
export const DATE_PATTERN = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:` +
    String.raw`\d{4}[-/.]\d{1,2}[-/.]\d{1,2}` +
    String.raw`|\d{1,2}[-/.]\d{1,2}[-/.]\d{2}(?:\d{2})?` +
    String.raw`|\d{1,2}(?:st|nd|rd|th|er|º|°)?\.?[ \t]{1,3}(?:of[ \t]{1,3}|de[ \t]{1,3})?\p{L}{3,12}\.?,?[ \t]{1,3}(?:de[ \t]{1,3}|del[ \t]{1,3})?\d{4}` +
    String.raw`|\p{L}{3,12}\.?[ \t]{1,3}\d{1,2}(?:st|nd|rd|th)?,?[ \t]{1,3}\d{4}` +
    // Form and record style: 14-Mar-1985, 14/MAR/85.
    String.raw`|\d{1,2}[-/]\p{L}{3,9}\.?[-/]\d{2}(?:\d{2})?` +
    String.raw`|\d{4}年\d{1,2}月\d{1,2}日` +
    String.raw`)(?![\p{L}\p{N}]|[-/.:]\d)`,
  'gu',
);

export const BIRTH_CUE_BEFORE =
  /(?:(?<![\p{L}])(?:born|birth(?:day|date)?|b-?day|dob|d\.o\.b\.?|b\.|née?|nee|naissance|geboren|geb\.|geburtsdatum|geburtstag|nacimiento|nacid[oa]|nascita|nat[oa] (?:il|a)|nascimento|nascid[oa]|urodzon[ya]|urodzenia|do[ğg]um(?: tarihi)?|geboortedatum)(?![\p{L}])|生年月日|出生|생년월일|ngày sinh|sinh ngày)[^.!?\n]{0,32}$/iu;
export const BIRTH_CUE_AFTER = /^[^.!?\n]{0,6}\(?(?:dob|d\.o\.b|date of birth|birth ?date|born|birthday)\b/i;

function parseNumeric(value: string): { day: number; month: number; year: number } | null {
  const parts = value.split(/[-/.]/).map(Number);
  if (parts.length !== 3 || parts.some((n) => Number.isNaN(n))) return null;
  const [a, b, c] = parts as [number, number, number];
  if (value.match(/^\d{4}/)) return { year: a, month: b, day: c };
  const year = c < 100 ? c + (c <= 30 ? 2000 : 1900) : c;
  // D/M/Y or M/D/Y: accept if either reading is a real date.
  if (b >= 1 && b <= 12 && a >= 1 && a <= 31) return { day: a, month: b, year };
  if (a >= 1 && a <= 12 && b >= 1 && b <= 31) return { day: b, month: a, year };
  return null;
}

function parseDate(value: string): { day: number; month: number; year: number } | null {
  const cjk = value.match(/^(\d{4})年(\d{1,2})月(\d{1,2})日$/);
  if (cjk) return { year: Number(cjk[1]), month: Number(cjk[2]), day: Number(cjk[3]) };
  if (/^[\d\-/.]+$/.test(value)) return parseNumeric(value);
  const lower = value.toLowerCase();
  const words = lower.match(/\p{L}{3,}/gu) ?? [];
  const monthWord = words.find((word) => MONTH_BY_NAME.has(word));
  const month = monthWord ? MONTH_BY_NAME.get(monthWord) : undefined;
  const numbers = lower.match(/\d+/g)?.map(Number) ?? [];
  // A two-digit year only in the record style (14-Mar-85): the second number, read like the numeric dates do.
  const twoDigitYear = numbers.length === 2 && numbers[1]! < 100 && /^\d{1,2}[-/]\p{L}+\.?[-/]\d{2}$/u.test(value) ? numbers[1]! : undefined;
  const year = numbers.find((n) => n >= 1000) ?? (twoDigitYear === undefined ? undefined : twoDigitYear + (twoDigitYear <= 30 ? 2000 : 1900));
  const day = numbers.find((n) => n < 100);
  if (month === undefined || year === undefined || day === undefined) return null;
  return { day, month, year };
}

/** A real calendar date that could be someone's birth date: not in the future, not before 1900. */
export function plausibleBirthDate(value: string): boolean {
  const date = parseDate(value);
  if (!date) return false;
  const { day, month, year } = date;
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  if (year < 1850 || year > new Date().getFullYear()) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/**
 * A birth cue within ~40 characters before the date, in the same sentence, or "(DOB)" right after it. "Birthday" before
 * a date of this or last year is an anniversary or a promotion ("our birthday sale runs 2024-05-01"), not a birth.
 */
export function hasBirthCue(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 48), start);
  const cue = BIRTH_CUE_BEFORE.exec(before);
  if (cue) {
    const year = Number(/(?:18|19|20)\d{2}/.exec(text.slice(start, end))?.[0] ?? 0);
    const birthdayOnly = /birthday|b-?day/i.test(cue[0]) && !/born|birth(?!day)|dob|d\.o\.b/i.test(cue[0]);
    return !(birthdayOnly && year >= new Date().getFullYear() - 2);
  }
  return BIRTH_CUE_AFTER.test(text.slice(end, end + 24));
}

/** Lower-case cue literals whose occurrences anchor the search (the engine's keyword prefilter uses them too). */
export const BIRTH_CUE_KEYWORDS = ['born', 'birth', 'dob', 'd.o.b', 'b-day', 'bday', 'née', 'nee', 'né', 'naissance',
  'geboren', 'geb.', 'geburts', 'nacimiento', 'nacido', 'nacida', 'nascita', 'nato ', 'nata ', 'nascimento', 'nascido',
  'nascida', 'urodz', 'doğum', 'dogum', 'geboortedatum', '生年月日', '出生', '생년월일', 'sinh', 'b.'];

/** Letters, digits and the separators a written date can contain (non-ASCII counts as a letter: months, 年月日). */
const isDateChar = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 32 ||
  code === 44 || code === 45 || code === 46 || code === 47 || code > 127;
const isWordCode = (code: number) => (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || code > 127;

/** Finds the cues of BIRTH_CUE_KEYWORDS in one pass over the lower-cased text. */
export const BIRTH_CUE_FINDER =
  /born|birth|dob|d\.o\.b|b-?day|n[ée]e|né|naissance|geb|nac[ií]|nasc|nat[oa] |urodz|do[ğg]um|geboorte|生年月日|出生|생년월일|sinh|b\./g;

const AFTER_CUE = 64;
const BEFORE_CUE = 24;

/**
 * Dates near a birth cue: for each cue occurrence, the date pattern runs over a short window around it, so the cost
 * grows with the number of cues, not with the text. Each date must still pass `plausibleBirthDate` and `hasBirthCue`.
 */
export function recognizeDatesOfBirth(text: string, lowerText: string): Array<{ start: number; end: number }> {
  const windows: Array<[number, number]> = [];
  // One pass finds every cue (in text order, so the windows come sorted).
  BIRTH_CUE_FINDER.lastIndex = 0;
  for (let cue = BIRTH_CUE_FINDER.exec(lowerText); cue; cue = BIRTH_CUE_FINDER.exec(lowerText)) {
    const at = cue.index;
    // Cues start a word: "b." in "web." or "nata " in "ornata " is no cue.
    if (at > 0 && isWordCode(lowerText.charCodeAt(at - 1))) continue;
    windows.push([Math.max(0, at - BEFORE_CUE), Math.min(text.length, at + cue[0].length + AFTER_CUE)]);
  }
  if (windows.length === 0) return [];
  const spans: Array<{ start: number; end: number }> = [];
  let [from, to] = windows[0]!;
  const scan = (windowStart: number, windowEnd: number) => {
    // Widen to word boundaries so a date is never cut at the window edge.
    let left = windowStart;
    while (left > 0 && windowStart - left < 24 && isDateChar(text.charCodeAt(left - 1))) left--;
    let right = windowEnd;
    while (right < text.length && right - windowEnd < 24 && isDateChar(text.charCodeAt(right))) right++;
    const slice = text.slice(left, right);
    DATE_PATTERN.lastIndex = 0;
    for (let match = DATE_PATTERN.exec(slice); match; match = DATE_PATTERN.exec(slice)) {
      const start = left + match.index;
      const end = start + match[0].length;
      if (plausibleBirthDate(match[0]) && hasBirthCue(text, start, end)) spans.push({ start, end });
    }
  };
  for (const [windowStart, windowEnd] of windows.slice(1)) {
    if (windowStart <= to) to = Math.max(to, windowEnd);
    else {
      scan(from, to);
      [from, to] = [windowStart, windowEnd];
    }
  }
  scan(from, to);
  return spans;
}
