/**
 * Street addresses that name no street type the other recognizers know: most of Central and Northern Europe writes a
 * bare street name ("Nábřežní 6, 477 67 Stráž pod Ralskem", "Vorstadt 9, 3600 Thun", "Pražská 539, Senica 91 951"),
 * or a type word of its own after the name ("Soška ulica 26a", "Vēja bulvāris 722", "Hermina körút 49"); Quebec and
 * Ghana write the number first without a suffix ("620 Pépin Du Sommerard, Menardburgh T6J 0J7").
 *
 * Found from the house number: the capitalised words right before it (or right after it, number first) as the street,
 * then the evidence: a town and postcode in either order, or, without them, a place preposition right before the
 * street with an address word earlier in the sentence ("Our office is at Závrchy 8."). Ordinary English words as the
 * whole street ("Order 5, Invoice 10023") and years as postcodes ("Windows 11, Office 2019") are refused.
 */
import { AMBIGUOUS, COMMON, foldName, nameFlags } from '../../lexicons/names';
import { hasAddressCueBefore, type AddressSpan } from './street-address';

/** A house number ("6", "35A", "26a", "2/2") at the end of the street line. */
const HOUSE_NUMBER = /(?<=[ \t])\d{1,4}[A-Za-z]?(?:\/\d{1,4})?(?![\p{L}\p{N}\/])/gu;

/** A house number first, then a capitalised word: "620 Pépin", "13 Boame". */
const NUMBER_FIRST = /(?<![\p{L}\p{N}.,:\/-])\d{1,6}[A-Za-z]?[ \t](?=\p{L})/gu;

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
const isLetter = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{M}'’.-]/u.test(ch);
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
const isOrdinary = (word: string) => (nameFlags(foldName(word.replace(/[.'’-]+$/, ''))) & (COMMON | AMBIGUOUS)) !== 0;

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
function bareAddressCue(text: string, start: number): boolean {
  return PLACE_PREPOSITION.test(text.slice(Math.max(0, start - 8), start)) && hasAddressCueBefore(text, start);
}

export function recognizeAddressesWithTown(text: string): AddressSpan[] {
  const spans: AddressSpan[] = [];
  HOUSE_NUMBER.lastIndex = 0;
  for (let match = HOUSE_NUMBER.exec(text); match; match = HOUSE_NUMBER.exec(text)) {
    const street = streetBefore(text, match.index);
    if (street === null) continue;
    const { start, typed } = street;
    const lineEnd = match.index + match[0].length;
    const tail = townTail(text, lineEnd, () => typed || hasAddressCueBefore(text, start));
    if (tail > 0) spans.push({ start, end: lineEnd + tail });
    else if (bareAddressCue(text, start)) spans.push({ start, end: lineEnd });
  }
  NUMBER_FIRST.lastIndex = 0;
  for (let match = NUMBER_FIRST.exec(text); match; match = NUMBER_FIRST.exec(text)) {
    const street = numberFirstStreet(text, match.index + match[0].length);
    if (street === null) continue;
    const tail = street.lineBreak ? townTail(text, street.end, () => hasAddressCueBefore(text, match.index)) : 0;
    if (tail > 0) spans.push({ start: match.index, end: street.end + tail });
    else if (bareAddressCue(text, match.index)) spans.push({ start: match.index, end: street.end });
  }
  return spans.sort((a, b) => a.start - b.start);
}

export const WITH_TOWN_INNER_PATTERNS = [HOUSE_LABEL, HOUSE_NUMBER, NUMBER_FIRST, TOWN_THEN_POSTCODE, POSTCODE_THEN_TOWN, YEAR, PLACE_PREPOSITION];
