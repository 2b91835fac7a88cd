/**
 * Street addresses that name no street type the other recognizers know: most of Central and Northern Europe writes a
 * bare street name ("Nábřežní 6, 477 67 Stráž pod Ralskem", "Vorstadt 9, 3600 Thun", "Pražská 539, Senica 91 951"),
 * or a type word of its own after the name ("Soška ulica 26a", "Vēja bulvāris 722", "Hermina körút 49"); Quebec and
 * Ghana write the number first without a suffix ("620 Pépin Du Sommerard, Menardburgh T6J 0J7").
 *
 * Found from the house number: the capitalised words right before it (or right after it, number first) as the street,
 * then the evidence, one rule each: a town and postcode in either order (street-address-with-town, searched from commas
 * and line breaks), or, without them, a place preposition right before the street with an address word earlier in the
 * sentence ("Our office is at Závrchy 8.": street-address-after-cue, searched from the address words). Ordinary
 * English words as the whole street ("Order 5, Invoice 10023") and years as postcodes ("Windows 11, Office 2019") are
 * refused.
 */
import { lowerCasePreservingOffsets } from '../../engine';
import { AMBIGUOUS, COMMON, foldName, nameFlags } from '../../lexicons/names';
import { ADDRESS_CUE_WORDS, hasAddressCueBefore, type AddressSpan } from './street-address';

/** A house number ("6", "35A", "26a", "2/2") ending a street line: the end of a slice that stops there. */
const HOUSE_NUMBER_AT_END = /[ \t](\d{1,4}[A-Za-z]?(?:\/\d{1,4})?)$/;
/** A house number ("6", "35A", "2/2") after a space, read at a position (sticky), not followed by a letter or digit. */
const HOUSE_NUMBER_AT = /\d{1,4}[A-Za-z]?(?:\/\d{1,4})?(?![\p{L}\p{N}\/])/uy;
/** A house number written first, read at a position (sticky): "13 Boame …". */
const NUMBER_FIRST_AT = /(?<![\p{L}\p{N}.,:\/-])\d{1,6}[A-Za-z]?[ \t](?=\p{L})/uy;
/** Where a street line may end before a town tail: a comma or a line break. */
const LINE_ENDS = [',', '\n'];

// Postcodes: Ghana "FF-378-4092", Latvia "LV-0134", Azerbaijan "AZ1438", Portugal "3639-509", Brazil/US+4 "08173-847",
// Poland "90-883", Czech/Slovak/Greek/Swedish "477 67", "91 951", Canada "T6J 0J7", and plain 4-6 digits.
const POSTCODE =
  String.raw`(?:[A-Z]{2}-\d{3,4}-\d{4}|[A-Z]{2}-?\d{4,5}|\d{4}-\d{3}|\d{5}-\d{3,4}|\d{2}-\d{3}|\d{3}[ \t]\d{2,3}|\d{2}[ \t]\d{3}|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d|\d{4,6})`;
// A full stop only inside a town's name ("St. Albans"), never the sentence's own.
const TOWN_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’-]{0,30}(?:\.(?=[ \t]\p{Lu}))?`;
const END = String.raw`(?![\p{L}\p{N}])`;
/** ", Stráž pod Ralskem 477 67": any short words, since the postcode closes the town. */
const TOWN_THEN_POSTCODE = new RegExp(
  String.raw`^(?:,[ \t]*|[ \t]*\r?\n[ \t]*)(${TOWN_WORD}(?:[ \t-][\p{L}\p{M}'’.()-]{1,30}){0,4}),?[ \t]+(${POSTCODE})${END}`,
  'u',
);
/** ", 3600 Thun", ", 477 67 Stráž pod Ralskem": a town of capitalised words, with up to two short link words. */
const POSTCODE_THEN_TOWN = new RegExp(
  String.raw`^(?:,[ \t]*|[ \t]*\r?\n[ \t]*)(${POSTCODE})[ \t]+${TOWN_WORD}(?:[ \t-](?:\p{Ll}{1,3}[ \t]){0,2}${TOWN_WORD}){0,3}${END}`,
  'u',
);
const TAIL_LOOKAHEAD = 120;

/** A four-digit "postcode" from 1900 to 2099 is a year in running text ("Windows 11, Office 2019"). */
const YEAR = /^(?:19|20)\d\d$/;

const MAX_STREET_WORDS = 4;
const NON_ASCII_WORD_CHAR = /[\p{L}\p{M}’]/u;
/** A character of a street or town word: a letter, an apostrophe, a hyphen or a full stop. */
function isLetter(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 39 || code === 45 || code === 46;
  return NON_ASCII_WORD_CHAR.test(ch);
}
/** Capitalised, also after an elided article: "d'Orsel", "l'Église". */
const isCapitalised = (word: string) => /^(?:[dl]['’])?\p{Lu}/u.test(word);
/**
 * Lower-case particles inside street names: "Stráž pod Ralskem", "372 de Jager Parks", "Rua de la Paz". Prepositions
 * of the sentence ("at", "to", "en", "a") are not among them, so "Ship it to Anna at Vorstadt 9" starts at Vorstadt.
 */
const STREET_PARTICLES = new Set(['de', 'del', 'della', 'di', 'da', 'do', 'dos', 'das', 'du', 'des', 'la', 'le', 'les',
  'van', 'der', 'den', 'von', 'zu', 'am', 'im', 'pod', 'nad', 'na', 'v', 've', 'u', 'pri', 'ob', 'za', 'y', 'i', 'e',
  'el', 'al', 'ul', 'of']);
const isLinkWord = (word: string) => STREET_PARTICLES.has(word);
/** An ordinary word (common English, a month, a tech term): such words alone do not make a street name. */
/** Series of standards and advisories: "RFC 3986, RFC 1808" and "ISO 8601, ISO 3166" read like a street and a postcode. */
const DOCUMENT_SERIES = new Set(['RFC', 'ISO', 'IEC', 'IEEE', 'ECMA', 'CVE', 'CWE', 'PEP', 'JSR', 'JEP', 'DIN', 'ANSI', 'ITU', 'ETSI', 'NIST', 'FIPS', 'ISBN', 'ISSN', 'KB', 'BIP', 'EIP', 'ERC', 'TC39']);
const isOrdinary = (word: string) =>
  DOCUMENT_SERIES.has(word) || (nameFlags(foldName(word.replace(/[.'’-]+$/, ''))) & (COMMON | AMBIGUOUS)) !== 0;

/** A word before a house number that labels it: Romanian "Bloc 59", "nr. 12", "No. 4", Czech "č. 8", Croatian "br. 3". */
const HOUSE_LABEL = /^(?:nr|no|nº|n°|bloc|bl|č|br)\.?$/iu;

function wordStartBefore(text: string, end: number): number {
  let start = end;
  while (start > 0 && end - start < 40 && isLetter(text[start - 1])) start--;
  return start;
}

/**
 * The street before the house number at `numberStart`, or null: up to four words on the same line, the last one may
 * be a lower-case type word ("ulica", "út", "gāte"), the others capitalised or link words, and leading ordinary words
 * dropped ("Ship Vorstadt 9" starts at Vorstadt). A label ("Bloc", "nr.") and a comma may stand between the street and
 * the number ("Aleea Penelului, Bloc 51", "Calzada Enrique, 1"). `typed`: a type word or a label says it is a street.
 */
function streetBefore(text: string, numberStart: number): { start: number; typed: boolean } | null {
  let end = numberStart - 1; // the separator before the number
  let typed = false;
  const labelStart = wordStartBefore(text, end);
  if (labelStart < end && HOUSE_LABEL.test(text.slice(labelStart, end)) && labelStart > 0) {
    end = labelStart - 1;
    typed = true;
  }
  const comma = end > 0 && text[end] === ' ' && text[end - 1] === ',';
  if (comma) end--;
  const words: Array<{ start: number; text: string }> = [];
  while (words.length < MAX_STREET_WORDS && end > 0 && (text[end] === ' ' || text[end] === '\t' || (comma && words.length === 0))) {
    const start = wordStartBefore(text, end);
    if (start === end) break;
    const word = text.slice(start, end).replace(/^[.'’-]+/, '');
    if (word.length === 0) break;
    const typeWord = words.length === 0 && /^\p{Ll}{2,}\.?$/u.test(word) && !isLinkWord(word);
    if (!isCapitalised(word) && !typeWord && !isLinkWord(word)) break;
    if (typeWord) typed = true;
    words.push({ start: end - word.length, text: word });
    end = end - word.length - 1;
  }
  // Read left to right: drop leading link words and ordinary words, then require a capitalised non-ordinary word.
  words.reverse();
  let first = 0;
  while (first < words.length && (!isCapitalised(words[first]!.text) || isOrdinary(words[first]!.text))) first++;
  if (first === words.length) return null;
  return { start: words[first]!.start, typed };
}

/**
 * The street words written number first ("620 Pépin Du Sommerard" in Quebec, "13 Boame Link" in Ghana, "372 de Jager
 * Parks"): up to four capitalised or link words after the number. Returns where they end and what follows them (a
 * comma or line break, for a town tail), or null when no capitalised, non-ordinary word is among them.
 */
function numberFirstStreet(text: string, wordsStart: number): { end: number; lineBreak: boolean } | null {
  let pos = wordsStart;
  let capitalised = 0;
  let end = pos;
  for (let count = 0; count < MAX_STREET_WORDS; count++) {
    let wordEnd = pos;
    while (wordEnd < text.length && wordEnd - pos < 40 && isLetter(text[wordEnd])) wordEnd++;
    const raw = text.slice(pos, wordEnd);
    const word = raw.replace(/[.]+$/, '');
    if (word.length === 0 || !(isCapitalised(word) || isLinkWord(word))) break;
    if (isCapitalised(word) && !isOrdinary(word)) capitalised++;
    end = pos + word.length;
    // A full stop ends the sentence, and the street with it ("9711 Runte Forges. Is that …").
    if (raw !== word || (text[wordEnd] !== ' ' && text[wordEnd] !== '\t')) break;
    pos = wordEnd + 1;
  }
  if (capitalised === 0 || end === wordsStart) return null;
  const next = text[end];
  return { end, lineBreak: next === ',' || next === '\n' || next === '\r' };
}

/**
 * A town and postcode right after the street line ending at `lineEnd` (either order): its length, or 0. A postcode
 * that reads as a year counts only when `yearsToo` (the street is typed, or an address word comes before it).
 */
function townTail(text: string, lineEnd: number, yearsToo: () => boolean): number {
  const next = text[lineEnd];
  if (next !== ',' && next !== '\n' && next !== '\r' && next !== ' ' && next !== '\t') return 0;
  const slice = text.slice(lineEnd, lineEnd + TAIL_LOOKAHEAD);
  const townFirst = TOWN_THEN_POSTCODE.exec(slice);
  const tail = townFirst ?? POSTCODE_THEN_TOWN.exec(slice);
  if (!tail) return 0;
  if (YEAR.test(townFirst ? tail[2]! : tail[1]!) && !yearsToo()) return 0;
  return tail[0].length;
}

/**
 * Without a town and postcode, a street and number still count right after "at", "to", "in", "on" or a colon, with an
 * address word earlier in the sentence: "Our office is at Závrchy 8.", "Billing address: Torvet 898".
 */
const PLACE_PREPOSITION = /(?:^|[\s(])(?:at|to|in|on|an|en|em|na|w|ve|v)[ \t]+$|:[ \t]*$/iu;
/**
 * Address words, found across the lower-cased text to start the bare-street search; a superset of what
 * hasAddressCueBefore accepts (no word-end check here), which then decides.
 */
const ADDRESS_CUE = new RegExp(ADDRESS_CUE_WORDS, 'g');
/** How far after the start of an address word a bare street's number may be: the word, its reach (48), a street line. */
const BARE_REACH = 16 + 48 + 4 * 41;
function bareAddressCue(text: string, start: number): boolean {
  return PLACE_PREPOSITION.test(text.slice(Math.max(0, start - 8), start)) && hasAddressCueBefore(text, start);
}

/** The last non-blank position before `at` on the same line (street lines may end with spaces before a line break). */
function trimmedEnd(text: string, at: number): number {
  let end = at;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t' || text[end - 1] === '\r')) end--;
  return end;
}

const isDigitCode = (code: number) => code >= 48 && code <= 57;

/**
 * Where a house number written first starts, when the words ending at `lineEnd` follow one ("620 Pépin Du Sommerard"):
 * read back over up to four words, each after a single space or tab, to a number. Null when there is none.
 */
function numberFirstStart(text: string, lineEnd: number): { start: number; wordsStart: number } | null {
  let wordEnd = lineEnd;
  for (let words = 0; words < MAX_STREET_WORDS; words++) {
    let wordStart = wordEnd;
    while (wordStart > 0 && wordEnd - wordStart < 40 && isLetter(text[wordStart - 1])) wordStart--;
    if (wordStart === wordEnd || wordStart < 2) return null;
    const gap = text[wordStart - 1];
    if (gap !== ' ' && gap !== '\t') return null;
    // The token before the gap: a number ("620", "35A")? Then the words start after it.
    let numberStart = wordStart - 1;
    if (numberStart > 1 && /[A-Za-z]/.test(text[numberStart - 1]!) && isDigitCode(text.charCodeAt(numberStart - 2))) numberStart--;
    let digits = 0;
    while (numberStart > 0 && isDigitCode(text.charCodeAt(numberStart - 1)) && digits < 7) {
      numberStart--;
      digits++;
    }
    if (digits > 0) {
      NUMBER_FIRST_AT.lastIndex = numberStart;
      return digits <= 6 && NUMBER_FIRST_AT.test(text) ? { start: numberStart, wordsStart: NUMBER_FIRST_AT.lastIndex } : null;
    }
    wordEnd = wordStart - 1;
  }
  return null;
}

/**
 * Every comma or line break that ends a street line with a town tail after it (a postcode or a capitalised word
 * follows) is tried for the street before it: number last ("Vorstadt 9, 3600 Thun") or first ("620 Pépin Du
 * Sommerard, Menardburgh T6J 0J7"). Commas are rare enough in text for this to cost little.
 */
export function recognizeAddressesWithTown(text: string): AddressSpan[] {
  const spans: AddressSpan[] = [];
  for (const separator of LINE_ENDS) {
    for (let at = text.indexOf(separator); at !== -1; at = text.indexOf(separator, at + 1)) addressEndingAt(text, at, spans);
  }
  return spans;
}

/** The address whose street line ends at the separator at `separatorAt`, if a town tail follows it. */
function addressEndingAt(text: string, separatorAt: number, spans: AddressSpan[]): void {
  // A tail starts with a capitalised town or a postcode: the first character after the separator says.
  let next = separatorAt + 1;
  while (next < text.length && (text[next] === ' ' || text[next] === '\t')) next++;
  const nextCode = text.charCodeAt(next);
  if (!(isDigitCode(nextCode) || (nextCode >= 65 && nextCode <= 90) || (nextCode > 127 && /\p{Lu}/u.test(text[next]!)))) return;
  const lineEnd = trimmedEnd(text, separatorAt);
  const lastCode = text.charCodeAt(lineEnd - 1);
  const numberLast = isDigitCode(lastCode) || (lineEnd > 1 && isDigitCode(text.charCodeAt(lineEnd - 2)) && /[A-Za-z]/.test(text[lineEnd - 1]!));
  if (numberLast) {
    // "Vorstadt 9, …", "Cypresvænget 35A, …": street, then its number.
    const number = HOUSE_NUMBER_AT_END.exec(text.slice(Math.max(0, lineEnd - 12), lineEnd));
    if (!number) return;
    const street = streetBefore(text, lineEnd - number[1]!.length);
    if (street === null) return;
    const tail = townTail(text, lineEnd, () => street.typed || hasAddressCueBefore(text, street.start));
    if (tail > 0) spans.push({ start: street.start, end: lineEnd + tail });
    return;
  }
  // "620 Pépin Du Sommerard, Menardburgh T6J 0J7": number first, its words end here (in a letter: a line ending in a
  // full stop or a bracket is a sentence or code, not a street).
  if (!(lastCode >= 97 && lastCode <= 122) && !(lastCode >= 65 && lastCode <= 90) && !(lastCode > 127 && isLetter(text[lineEnd - 1]))) return;
  const head = numberFirstStart(text, lineEnd);
  if (head === null) return;
  const street = numberFirstStreet(text, head.wordsStart);
  if (street === null || street.end !== lineEnd) return;
  const tail = townTail(text, lineEnd, () => hasAddressCueBefore(text, head.start));
  if (tail > 0) spans.push({ start: head.start, end: lineEnd + tail });
}

/** Address words (the lower-case literals hasAddressCueBefore looks for): keywords of the bare-address rule. */
export const ADDRESS_CUE_KEYWORDS = ADDRESS_CUE_WORDS.split('|');

/**
 * A bare street and number (no town or postcode) right after "at", "to", ":" …, later on the line of an address word:
 * "Our office is at Závrchy 8.", "Billing address: Torvet 898". `cueStarts` are where address words start (ascending,
 * window-relative); the engine passes its keyword hits, and the whole-text form below finds them itself.
 */
export function recognizeBareAddressesAt(text: string, cueStarts: ArrayLike<number>, count: number): AddressSpan[] {
  const spans: AddressSpan[] = [];
  let searchedTo = -1;
  for (let k = 0; k < count; k++) {
    const from = cueStarts[k]!;
    const lineBreak = text.indexOf('\n', from);
    const to = Math.min(text.length, from + BARE_REACH, lineBreak === -1 ? text.length : lineBreak);
    // Numbers already tried after an earlier cue need no second try: the checks do not depend on which cue led here.
    for (let at = text.indexOf(' ', Math.max(from, searchedTo)); at !== -1 && at < to; at = text.indexOf(' ', at + 1)) {
      bareAddressAtNumber(text, at, spans);
    }
    searchedTo = Math.max(searchedTo, to);
  }
  return byStart(spans);
}

/** The bare street around a number after the space at `space`: street then number, or number then street. */
function bareAddressAtNumber(text: string, space: number, spans: AddressSpan[]): void {
  if (!isDigitCode(text.charCodeAt(space + 1))) return;
  const numberStart = space + 1;
  HOUSE_NUMBER_AT.lastIndex = numberStart;
  const number = HOUSE_NUMBER_AT.exec(text);
  if (number) {
    const street = streetBefore(text, numberStart);
    if (street !== null && bareAddressCue(text, street.start)) spans.push({ start: street.start, end: numberStart + number[0].length });
  }
  NUMBER_FIRST_AT.lastIndex = numberStart;
  const first = NUMBER_FIRST_AT.exec(text);
  if (first) {
    const street = numberFirstStreet(text, numberStart + first[0].length);
    if (street !== null && bareAddressCue(text, numberStart)) spans.push({ start: numberStart, end: street.end });
  }
}

function byStart(spans: AddressSpan[]): AddressSpan[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  return spans.filter((span, index) => index === 0 || span.start !== spans[index - 1]!.start);
}

/** The plain form the cue-driven search must equal: every number in the text tried. For tests. */
export function recognizeBareAddressesAtEveryNumber(text: string): AddressSpan[] {
  const spans: AddressSpan[] = [];
  for (let at = text.indexOf(' '); at !== -1; at = text.indexOf(' ', at + 1)) bareAddressAtNumber(text, at, spans);
  return byStart(spans);
}

/** The same over a whole text: address words found by a plain search of the lower-cased text. */
export function recognizeBareAddresses(text: string, lowerText: string = lowerCasePreservingOffsets(text)): AddressSpan[] {
  const starts: number[] = [];
  ADDRESS_CUE.lastIndex = 0;
  for (let cue = ADDRESS_CUE.exec(lowerText); cue; cue = ADDRESS_CUE.exec(lowerText)) {
    starts.push(cue.index);
    ADDRESS_CUE.lastIndex = cue.index + 1; // overlapping words too ("adresse" holds "adres"), as the keyword automaton reports them
  }
  return recognizeBareAddressesAt(text, starts, starts.length);
}

export const WITH_TOWN_INNER_PATTERNS = [
  HOUSE_LABEL, HOUSE_NUMBER_AT_END, HOUSE_NUMBER_AT, NUMBER_FIRST_AT, TOWN_THEN_POSTCODE,
  POSTCODE_THEN_TOWN, YEAR, PLACE_PREPOSITION, ADDRESS_CUE,
];
