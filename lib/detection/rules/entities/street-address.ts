/**
 * Street addresses. Each shape is found by a small regex with a literal or digit anchor and an unambiguous word loop
 * (recheck proves them linear), then code checks the street words and takes the optional tails (unit, city,
 * state/province, ZIP or postcode) with `^`-anchored regexes on a short slice after the street line. Shapes:
 *   - number first, suffix last (US/UK/CA/AU/IE): "1600 Pennsylvania Ave NW, Washington, DC 20500";
 *   - compound street word, then number (DE/NL/Nordic): "Hauptstraße 12", "Kerkstraat 3", "Berliner Straße 5";
 *   - street-type word first, number last (ES/IT/PT/PL/TR): "Calle Mayor 5", "Via Roma 10", "Rua Augusta, 100";
 *   - number, then the French street-type word: "12 rue de la Paix, 75002 Paris";
 *   - post-office boxes: "PO Box 1234", "Postfach 10 12 34".
 */
import { escapeRegex } from '../../escape-regex';

export interface AddressSpan {
  start: number;
  end: number;
}

const US_ZIP = String.raw`\d{5}(?:-\d{4})?`;
const CA_POSTCODE = String.raw`[A-Z]\d[A-Z][ \t]?\d[A-Z]\d`;
const UK_POSTCODE = String.raw`[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}`;
// Looser outward/inward codes ("PL73 62B"): only ever read as the end of an address, never alone.
const UK_LIKE_POSTCODE = String.raw`[A-Z]{1,2}\d{1,2}[A-Z]?[ \t]\d{1,2}[A-Z]{1,2}`;
// Brazil CEP (01310-100), Poland (00-950), India PIN written 110 001, Netherlands 1012 AB: each starts like a US ZIP
// or a 4-digit code, so they are listed first.
const OTHER_POSTCODES = String.raw`\d{5}-\d{3}|\d{2}-\d{3}|\d{3}[ \t]\d{3}|\d{4}[ \t]?[A-Z]{2}`;
const POSTCODE = String.raw`(?:${OTHER_POSTCODES}|${US_ZIP}|${CA_POSTCODE}|${UK_POSTCODE}|${UK_LIKE_POSTCODE}|\d{4})`;
// No full stop inside city words: a sentence's final period is not part of the address.
const NAME_WORD = String.raw`\p{Lu}[\p{L}'’-]*`;
// A town's words: capitalised, an abbreviation among them ("St. Albans", "Firozpur Cantt."), joined by up to two link
// words ("Castellón de la Plana", "Reduzum aan de IJssel"), and a region in brackets ("Stolberg (Rheinland)").
const CITY_WORD = String.raw`\p{Lu}(?:\.(?=\p{Ll}))?[\p{L}'’-]*`;
const CITY_LINK = String.raw`(?:de|do|da|dos|das|del|della|di|la|le|les|sur|on|upon|aan|den|op|bij|am|an|im|vor|der|dem|ob)`;
const CITY = String.raw`${CITY_WORD}(?:[ \t](?:${CITY_LINK}[ \t]){0,2}${CITY_WORD}){0,3}(?:[ \t]\(${NAME_WORD}(?:[ \t]${NAME_WORD})?\))?`;
// Before a postcode a word may end with a full stop (it cannot be the sentence's): "St. Albans", "Firozpur Cantt. 881 709".
const CITY_BEFORE_POSTCODE = String.raw`${CITY_WORD}\.?(?:[ \t](?:${CITY_LINK}[ \t]){0,2}${CITY_WORD}\.?){0,3}(?:[ \t]\(${NAME_WORD}(?:[ \t]${NAME_WORD})?\))?`;
// A lower-case qualifier right before the postcode: Italian "Foca lido", "Minerva del friuli", "Settimo a mare".
const CITY_QUALIFIER = String.raw`(?:[ \t](?:(?:del|di|a)[ \t]|nell['’])?\p{Ll}{3,12})?`;
// Between the street line and the city: a comma or a line break.
const SEP = String.raw`(?:,[ \t]*|[ \t]*\r?\n[ \t]*)`;
const END = String.raw`(?![\p{L}\p{N}])`;

// Tails, each anchored at the start of the slice that follows the street line.
const UNIT_TAIL = /^,?[ \t]+(?:Apt|Apartment|Suite|Ste|Unit|Flat|Fl|Floor|Rm|Room|Bldg|Building|#)\.?[ \t]?#?[ \t]?[A-Za-z0-9][A-Za-z0-9-]*(?![A-Za-z0-9])/;
// ", Springfield, IL 62704", ", Toronto, ON M5V 2T6", "\nLondon NW1 6XE", ", Sydney NSW 2000".
const CITY_POSTCODE_TAIL = new RegExp(String.raw`^${SEP}${CITY_BEFORE_POSTCODE}${CITY_QUALIFIER}(?:,?[ \t]+[A-Z]{2,3}${END})?,?[ \t]+${POSTCODE}${END}`, 'u');
// ", Austin, TX".
const CITY_STATE_TAIL = new RegExp(String.raw`^${SEP}${CITY},?[ \t]+[A-Z]{2}${END}`, 'u');
// ", Dublin 2", ", Dublin 6W": Irish postal districts.
const DUBLIN_TAIL = new RegExp(String.raw`^${SEP}Dublin[ \t]+\d{1,2}W?${END}`, 'u');
// ", Dubai", ", Nairobi": a PO box is always followed by its town, so a lone city word is safe to take there.
const TOWN_TAIL = new RegExp(String.raw`^,[ \t]*${NAME_WORD}${END}(?![ \t]*\p{Lu})`, 'u');
// " 20500", ", SW1A 2AA".
const POSTCODE_TAIL = new RegExp(String.raw`^,?[ \t]+${POSTCODE}${END}`, 'u');
// ", 75002 Paris", ", 10115 Berlin", ", 1012 AB Amsterdam", "\n00184 Roma", ", D-80331 München".
const EU_TAIL = new RegExp(String.raw`^${SEP}(?:[A-Z]{1,2}-)?\d{4,5}(?:[ \t]?[A-Z]{2})?[ \t]+${CITY}`, 'u');

const TAIL_LOOKAHEAD = 120;

/**
 * Words that announce an address earlier in the same sentence ("lives at", "Billing address:", "ship … to"): a regex
 * alternation of lower-case literals, matched case-insensitively.
 */
export const ADDRESS_CUE_WORDS =
  'address|ship|deliver|billing|lives|living|located|office|mail|send|residence|home|dirección|direccion|domicilio|adresse|anschrift|wohnt|wohnhaft|wohne|indirizzo|endereço|morada|adres|alamat|mieszka|mieszkam|vivo|vive|abita|moro|mora|адрес|адреса|доставка|живу|живет|живёт|проживає|мешкає|διεύθυνση|μένω|μένει|κατοικώ|κατοικεί';
const ADDRESS_CUE_BEFORE = new RegExp(`(?:${ADDRESS_CUE_WORDS})(?![\\p{L}])[^.!?\\n]{0,48}$`, 'iu');

export function hasAddressCueBefore(text: string, start: number): boolean {
  return ADDRESS_CUE_BEFORE.test(text.slice(Math.max(0, start - 80), start));
}

function tailLength(text: string, end: number, tails: RegExp[]): number {
  const slice = text.slice(end, end + TAIL_LOOKAHEAD);
  for (const tail of tails) {
    const match = tail.exec(slice);
    if (match) return match[0].length;
  }
  return 0;
}

interface Word {
  text: string;
  start: number;
  end: number;
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{M}'’.\-/º°ª]/u.test(ch);

/** Up to `max` words after `pos`, separated by spaces or tabs on one line (a plain loop: bounded, no regex). */
function readWords(text: string, pos: number, max: number): Word[] {
  const words: Word[] = [];
  while (words.length < max) {
    let i = pos;
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (i === pos && words.length > 0) break;
    const start = i;
    while (i < text.length && i - start < 40 && isWordChar(text[i])) i++;
    if (i === start) break;
    words.push({ text: text.slice(start, i), start, end: i });
    pos = i;
  }
  return words;
}

/** Unit, then a city with a state or postcode (a city alone is too uncertain to take), or a bare postcode. */
function extendAngloTail(text: string, end: number): number {
  end += tailLength(text, end, [UNIT_TAIL]);
  return end + tailLength(text, end, [CITY_POSTCODE_TAIL, CITY_STATE_TAIL, DUBLIN_TAIL, POSTCODE_TAIL]);
}

// Street suffixes: the common UK/IE/AU forms plus the USPS Publication 28 suffix names (singular and plural, as US
// addresses write them: "Mission", "Roads", "Villages"). A suffix only counts after a house number and a capitalised
// name word, so everyday words among them ("Key", "Pass") do not make a sentence an address on their own.
const USPS_SUFFIXES = `alley anex arcade avenue bayou beach bend bluff bluffs bottom boulevard branch bridge brook brooks
  burg burgs bypass camp canyon cape causeway center centers circle circles cliff cliffs club common commons corner
  corners course court courts cove coves creek crescent crest crossing crossroad crossroads curve dale dam divide drive
  drives estate estates expressway extension extensions fall falls ferry field fields flat flats ford fords forest forge
  forges fork forks fort freeway garden gardens gateway glen glens green greens grove groves harbor harbors haven heights
  highway hill hills hollow inlet island islands isle junction junctions key keys knoll knolls lake lakes land landing
  lane light lights loaf lock locks lodge loop mall manor manors meadow meadows mews mill mills mission motorway mount
  mountain mountains neck orchard oval overpass park parks parkway parkways pass passage path pike pine pines place
  plain plains plaza point points port ports prairie radial ramp ranch rapid rapids rest ridge ridges river road roads
  route row rue run shoal shoals shore shores skyway spring springs spur spurs square squares station stravenue stream
  street streets summit terrace throughway trace track trafficway trail trailer tunnel turnpike underpass union unions
  valley valleys viaduct view views village villages ville vista walk walks wall way ways well wells glade`;
const ANGLO_SUFFIXES = new Set([
  ...USPS_SUFFIXES.split(/\s+/),
  'street', 'st', 'avenue', 'ave', 'av', 'road', 'rd', 'boulevard', 'blvd', 'lane', 'ln', 'drive', 'dr', 'way', 'court',
  'ct', 'place', 'pl', 'terrace', 'ter', 'terr', 'circle', 'cir', 'parkway', 'pkwy', 'highway', 'hwy', 'square', 'sq',
  'crescent', 'cres', 'close', 'row', 'trail', 'trl', 'alley', 'plaza', 'walk', 'grove', 'gardens', 'gdns', 'mews',
  'hill', 'rise', 'vale', 'parade', 'pde', 'esplanade', 'wharf', 'quay', 'loop', 'pike', 'turnpike', 'expressway',
  'expy', 'freeway', 'fwy', 'causeway', 'crossing', 'xing', 'point', 'pt', 'heights', 'hts', 'path', 'green', 'park',
  'view', 'broadway', 'embankment', 'gate', 'yard', 'hollow', 'ridge', 'run', 'commons', 'center', 'centre', 'route',
  'rte',
  // British and Australian street words.
  'circuit', 'cct', 'chase', 'croft', 'drove', 'brae', 'wynd', 'mead', 'lea', 'grange', 'fold',
]);
/**
 * Portuguese street types written after the house number ("350 Rua Karla", "929 Rodovia Eduardo"), as Brazilian forms
 * and data exports often do; the name words follow the type.
 */
const NUMBER_FIRST_TYPES = new Set(['Rua', 'Avenida', 'Av.', 'Alameda', 'Travessa', 'Rodovia', 'Marginal', 'Estrada', 'Viela', 'Praça', 'Largo']);
export const ANGLO_SUFFIX_KEYWORDS = [...ANGLO_SUFFIXES, ...[...NUMBER_FIRST_TYPES].map((type) => type.toLowerCase())];
const ANGLO_ABBREVIATIONS = new Set(['st', 'ave', 'av', 'rd', 'blvd', 'ln', 'dr', 'ct', 'pl', 'ter', 'terr', 'cir', 'pkwy',
  'hwy', 'sq', 'cres', 'trl', 'gdns', 'pde', 'expy', 'fwy', 'xing', 'pt', 'hts', 'rte', 'n', 's', 'e', 'w', 'ne', 'nw',
  'se', 'sw']);
const DIRECTIONS = /^(?:N|S|E|W|NE|NW|SE|SW)\.?$/;
// Capitalised words that start sentences or headings, never part of a street name.
const NOT_STREET_WORDS = new Set(['The', 'A', 'An', 'And', 'Or', 'Of', 'In', 'On', 'At', 'To', 'For', 'With', 'From',
  'By', 'My', 'Our', 'Your', 'Their', 'His', 'Her', 'This', 'That', 'Step', 'Steps', 'Version', 'Chapter', 'Page',
  'Section', 'Item', 'Items', 'Top', 'Best', 'Ways', 'I', 'We', 'You', 'It', 'Is', 'Are', 'Was', 'Be', 'Use', 'New']);
const UNIT_BEFORE = /(?:^|[^\p{L}])(?:Flat|Apt|Apartment|Unit|Suite)[ \t]+[A-Za-z0-9]{1,5},?[ \t]+$/u;

/** House number, then capitalised words or ordinals (1st, 42nd). The street suffix is picked among them in code. */
const ANGLO_STREET = /\b\d{1,6}[A-Za-z]?(?:[-/]\d{1,5}[A-Za-z]?)?,?(?:[ \t]+(?:\d{1,3}(?:st|nd|rd|th)|\p{Lu}[\p{L}'’.-]*))+/gu;

/** Words that number what follows them: a house number right after one is their number, not an address's. */
const NUMBERING_WORD_BEFORE =
  /(?:^|[^\p{L}])(?:release|step|phase|part|chapter|section|page|stage|level|tier|version|volume|vol\.|issue|item|rule|season|episode|act|scene|lesson|module|week|day|round|figure|fig\.|appendix|article|option|case|example|test|no\.|number|#)[ \t]*$/iu;

export function recognizeAngloAddresses(text: string): AddressSpan[] {
  const spans: AddressSpan[] = [];
  ANGLO_STREET.lastIndex = 0;
  for (let match = ANGLO_STREET.exec(text); match; match = ANGLO_STREET.exec(text)) {
    const words = match[0].split(/[ \t]+/);
    // words[0] is the house number. The street name is 1-5 words, then the last suffix within the first six words.
    let take: number;
    let letterOrThe = false;
    if (NUMBER_FIRST_TYPES.has(words[1]!) && words.length >= 3 && !NOT_STREET_WORDS.has(words[2]!)) {
      // Type, then one to four name words.
      take = 2;
      while (take + 1 < Math.min(words.length, 6) && !NOT_STREET_WORDS.has(words[take + 1]!)) take++;
    } else {
      let suffixAt = -1;
      for (let i = 2; i < Math.min(words.length, 8); i++) {
        const word = words[i]!.replace(/\.$/, '').toLowerCase();
        if (ANGLO_SUFFIXES.has(word)) suffixAt = i;
        if (NOT_STREET_WORDS.has(words[i]!)) break;
      }
      if (suffixAt < 0) continue;
      const nameWords = words.slice(1, suffixAt);
      // "A Street", "B Avenue" and British "The Avenue", "The Drive" are streets; otherwise those words open a sentence.
      letterOrThe = nameWords.length === 1 && (/^[A-Z]$/.test(nameWords[0]!) || nameWords[0] === 'The');
      if (!letterOrThe && nameWords.some((word) => NOT_STREET_WORDS.has(word) || (word.endsWith(".") && word.length > 3))) continue;
      take = suffixAt;
      if (words[take + 1] && DIRECTIONS.test(words[take + 1]!)) take++;
    }
    // A full stop belongs to an abbreviation ("Ave.", "St."), not to a full word ending a sentence ("Road.").
    if (words[take]!.endsWith('.') && !ANGLO_ABBREVIATIONS.has(words[take]!.slice(0, -1).toLowerCase())) {
      words[take] = words[take]!.slice(0, -1);
    }
    // Offset of the end of words[take] inside the match.
    let offset = 0;
    let cursor = 0;
    for (let i = 0; i <= take; i++) {
      cursor = match[0].indexOf(words[i]!, cursor);
      offset = cursor + words[i]!.length;
      cursor = offset;
    }
    let start = match.index;
    const before = UNIT_BEFORE.exec(text.slice(Math.max(0, start - 24), start));
    if (before) start -= before[0].length - (/^[^\p{L}]/u.test(before[0]) ? 1 : 0);
    const end = extendAngloTail(text, match.index + offset);
    // "Step 3 The Road to Production": "The"/a letter as the whole name needs a town after it or an address cue.
    if (letterOrThe && end === match.index + offset && !hasAddressCueBefore(text, match.index)) continue;
    // "Release 1 Application Specific Extension", "Step 2 …": the number belongs to the word before it.
    if (end === match.index + offset && NUMBERING_WORD_BEFORE.test(text.slice(Math.max(0, match.index - 16), match.index))) continue;
    spans.push({ start, end });
  }
  return spans;
}

/**
 * Endings of German street names that also end town and family names ("Heidelberg 2024", "Bischofshof 3 Sterne"):
 * an address only with a town and postcode after it, a house number with a letter ("78c"), or an address cue before.
 */
const WEAK_GERMANIC_SUFFIXES = ['kamp', 'kämpchen', 'hof', 'feld', 'berg', 'thal', 'kuhle', 'delle', 'hütte', 'häuschen', 'blick', 'driesch'];
const GERMANIC_SUFFIXES = [
  'straße', 'strasse', 'str.', 'weg', 'gasse', 'platz', 'allee', 'damm', 'ufer', 'chaussee', 'steig', 'pfad', 'markt',
  'straat', 'laan', 'gracht', 'plein', 'kade', 'steeg', 'dijk', 'singel', 'plantsoen', 'gatan', 'vägen', 'gata', 'vej',
  'gade', 'veien', 'tie', 'katu', 'utca', 'park', 'allén', 'gränd', 'gränden', 'backe', 'backen', 'torget', 'stigen',
  'gärdet',
  ...WEAK_GERMANIC_SUFFIXES,
];

/** The street suffix and the house number: "straße 12", "str. 5a", "straat 3-5". The word start is found in code. */
// Street words written apart from the name: "Berliner Straße 5", Turkish "Atatürk Caddesi 112", "Gül Sokak 4".
const GERMANIC_SEPARATE_WORDS = ['Straße', 'Strasse', 'Str.', 'Weg', 'Platz', 'Allee', 'Gasse', 'Damm', 'Ufer', 'Markt',
  'Caddesi', 'Cad.', 'Sokak', 'Sokağı', 'Sok.', 'Bulvarı', 'Mahallesi', 'Väg', 'Vägen', 'Gata', 'Gatan', 'Gränd'];
export const GERMANIC_KEYWORDS = [...GERMANIC_SUFFIXES, ...GERMANIC_SEPARATE_WORDS.map((word) => word.toLowerCase())];
const GERMANIC_TAIL_NUMBER = new RegExp(
  String.raw`(?:${[...GERMANIC_SUFFIXES, ...GERMANIC_SEPARATE_WORDS].map((suffix) => suffix.replace('.', '\\.')).join('|')})[ \t]+\d{1,4}[a-zA-Z]?(?:[-/]\d{1,4}[a-zA-Z]?)?(?![\p{L}\p{N}]|[.,]\d)`,
  'gu',
);
// Dutch floor marks after the house number: "Kerkstraat 12 II", "Dorpsweg 5 hs".
const GERMANIC_FLOOR = /^[ \t](?:I{1,3}|IV|hs|huis|bis|bg)(?![\p{L}\p{N}])/u;
// English words that end like a Nordic street word ("Brigade 5", "Necktie 2").
const GERMANIC_NOT_STREETS = /(?:brigade|renegade|sweetie|cookie|necktie|bowtie|smoothie|rookie)$/i;
// A unit after the number means a quantity, not a house: "Ringweg 5 km".
const QUANTITY_AFTER = /^[ \t]*(?:%|€|EUR|Euro|km|m\b|Jahre|years|mal|Uhr|min|x\b)/;

/** The address a GERMANIC_TAIL_NUMBER match starts, or null when the words around it say it is not one. */
function germanicAddressAt(text: string, match: RegExpExecArray): AddressSpan | null {
  const suffixStart = match.index;
  // Walk back over the rest of the compound word (bounded), e.g. "Haupt" in "Hauptstraße".
  let start = suffixStart;
  while (start > 0 && suffixStart - start < 40 && /[\p{L}-]/u.test(text[start - 1]!)) start--;
  let word = text.slice(start, suffixStart + match[0].search(/[ \t]/));
  if (start === suffixStart) {
    // A separate suffix word: "Berliner Straße 5" — only the German "Straße/Str./Weg/Platz/Allee/Gasse" forms.
    if (!GERMANIC_SEPARATE_WORDS.includes(word)) return null;
    // The capitalised word before it ("Berliner"), walked back by hand (bounded to 40 characters).
    if (start < 2 || (text[start - 1] !== ' ' && text[start - 1] !== '\t')) return null;
    let wordStart = start - 1;
    while (wordStart > 0 && start - wordStart < 40 && /[\p{L}-]/u.test(text[wordStart - 1]!)) wordStart--;
    word = text.slice(wordStart, start - 1);
    if (!/^\p{Lu}/u.test(word)) return null;
    start = wordStart;
  } else if (!/^\p{Lu}/u.test(word) || word.length < 6 || GERMANIC_NOT_STREETS.test(word)) return null;
  let end = match.index + match[0].length;
  if (QUANTITY_AFTER.test(text.slice(end, end + 8))) return null;
  end += tailLength(text, end, [GERMANIC_FLOOR]);
  const tail = tailLength(text, end, [EU_TAIL, CITY_POSTCODE_TAIL]);
  const suffix = match[0].slice(0, match[0].search(/[ \t]/)).toLowerCase();
  if (tail === 0 && WEAK_GERMANIC_SUFFIXES.includes(suffix) && !/[A-Za-z]$/.test(match[0]) && !hasAddressCueBefore(text, start)) return null;
  return { start, end: end + tail };
}

export function recognizeGermanicAddresses(text: string): AddressSpan[] {
  const spans: AddressSpan[] = [];
  GERMANIC_TAIL_NUMBER.lastIndex = 0;
  for (let match = GERMANIC_TAIL_NUMBER.exec(text); match; match = GERMANIC_TAIL_NUMBER.exec(text)) {
    const span = germanicAddressAt(text, match);
    if (span) spans.push(span);
  }
  return spans;
}

/**
 * Runs a sticky copy of a recognizer's pattern at each of the sorted `starts` only (every match begins at one), with
 * the same matches as a global pass: a start inside the previous match, or before where `read` resumed, is skipped.
 */
function spansAtStarts(
  sticky: RegExp,
  text: string,
  starts: ArrayLike<number>,
  count: number,
  read: (match: RegExpExecArray) => { span: AddressSpan; resume: number } | null,
): AddressSpan[] {
  const spans: AddressSpan[] = [];
  let next = 0;
  for (let k = 0; k < count; k++) {
    const at = starts[k]!;
    if (at < next) continue;
    sticky.lastIndex = at;
    const match = sticky.exec(text);
    if (!match) continue;
    next = at + match[0].length;
    const found = read(match);
    if (!found) continue;
    spans.push(found.span);
    next = Math.max(next, found.resume);
  }
  return spans;
}

/** recognizeGermanicAddresses, trying the pattern only where a street word starts (every match starts with one). */
export function recognizeGermanicAddressesAt(text: string, starts: ArrayLike<number>, count: number): AddressSpan[] {
  return spansAtStarts(GERMANIC_TAIL_AT, text, starts, count, (match) => {
    const span = germanicAddressAt(text, match);
    return span && { span, resume: 0 };
  });
}
const GERMANIC_TAIL_AT = new RegExp(GERMANIC_TAIL_NUMBER.source, 'uy');

/**
 * Street types that are also everyday words ("Grupo Santander 2024", "Im Jahr 2023", "park Tesla 3"): they open an
 * address only with more evidence: a town and postcode after it, "s/n", a house number with a letter ("50c"), or an
 * address cue earlier in the sentence ("lives at", "Billing address:").
 */
const WEAK_ROMANCE_PREFIXES = [
  'Grupo', 'Lugar', 'Conjunto', 'Colonia', 'Mercado', 'Municipio', 'Jardines', 'Bloque', 'Salida', 'Quinta', 'Manzana',
  'Parque', 'Edificio', 'Muelle', 'Apartamento', 'Chalet', 'Colegio', 'Entrada', 'Ferrocarril', 'Monte', 'Puente',
  'Puerta', 'Sección', 'Solar', 'park', 'Jr.',
  // German streets named with a preposition: "Am Hühnerberg 7", "In der Wüste 91", "An St. Remigius 40b".
  'Am', 'Im', 'An', 'An der', 'An den', 'In der', 'In den', 'Auf der', 'Auf dem', 'Auf den', 'Zum', 'Zur', 'Hinter der',
  'Unter den', 'Vor dem',
];
const WEAK_PREFIX_SET = new Set(WEAK_ROMANCE_PREFIXES);

const ROMANCE_PREFIXES = [
  'Calle', 'C/', 'Avenida', 'Avda.', 'Avda', 'Av.', 'Paseo', 'Pº', 'Plaza', 'Pza.', 'Plaça', 'Carrer', 'Camino',
  'Carretera', 'Ronda', 'Travesía', 'Via', 'Viale', 'V.le', 'Piazza', 'P.za', 'Piazzale', 'Corso', 'Largo', 'Vicolo',
  'Strada', 'Contrada', 'Rua', 'Travessa', 'Praça', 'Estrada', 'Alameda', 'Ulica', 'ul.', 'Aleja', 'al.', 'Plac',
  'Sokak', 'Sok.', 'Caddesi', 'Cad.', 'Bulevar', 'Jalan', 'Jl.',
  // Spanish, Italian, Portuguese, Polish and Indonesian street types that also open an address.
  'Rambla', 'Glorieta', 'Pasaje', 'Callejón', 'Cuesta', 'Urbanización', 'Polígono', 'Vía', 'Barrio', 'Carrera',
  'Borgo', 'Rotonda', 'Lungomare', 'Lungotevere', 'Salita', 'Traversa', 'Rodovia', 'Viela', 'Beco', 'bulw.', 'rondo',
  'pl.', 'os.', 'rynek', 'skwer', 'wyb.', 'droga', 'szosa', 'Jln.', 'Gg.', 'Kpg.', 'Psr.', 'Partida', 'Barranco',
  'Extrarradio', 'Sector',
  'Bajada', 'Subida', 'Senda', 'Incrocio',
  // Spanish street types of the INE list, Polish and Indonesian ones.
  'Arroyo', 'Rampa', 'Ramal', 'Prolongación', 'Extramuros', 'Torrente', 'Rincón', 'Arrabal', 'Paraje', 'Plazuela',
  'Callejuela', 'Cañada', 'Pasadizo', 'Explanada', 'Aldea', 'Calleja', 'Escalinata', 'Masía', 'Parcela', 'Poblado',
  'Riera', 'Terrenos', 'Huerta', 'wyspa', 'ogród', 'Dk.', 'Ds.', 'Ki.', 'Kp.',
  ...WEAK_ROMANCE_PREFIXES,
];
/**
 * The prefilter keywords: each type in lower case. Two-letter types ("Am", "Im", "An") with the space or tab the
 * pattern requires after them, or "an" in every "and" would wake the rule.
 */
export const ROMANCE_KEYWORDS = [
  ...new Set(
    ROMANCE_PREFIXES.flatMap((prefix) => {
      const lower = prefix.toLowerCase();
      return lower.length <= 2 && /^\p{L}+$/u.test(lower) ? [`${lower} `, `${lower}\t`] : [lower];
    }),
  ),
];
/** Street-type word followed by a space: "Calle ", "Via ", "ul. ". The name words and number are read in code. */
// Longest first, so "An der" wins over "An".
const ROMANCE_STREET = new RegExp(
  String.raw`\b(?:${[...ROMANCE_PREFIXES].sort((a, b) => b.length - a.length).map(escapeRegex).join('|')})(?=[ \t])`,
  'gu',
);
const ROMANCE_LINKS = new Set(['de', 'del', 'la', 'las', 'los', 'dos', 'das', 'da', 'do', 'di', 'della', 'delle', 'dei',
  'degli', 'dello', 'san', 'santa', 'sant', 'y', 'e', 'n', 'nº', 'n.', 'no', 'no.', 'n.º', 'nr', 'nr.']);
// The house number: "5", "50c", "8/3" (Polish building/flat), or "s/n" (Spanish: no number).
const ROMANCE_NUMBER = /^,?[ \t]{1,2}(?:\d{1,5}[a-zA-Z]?(?:\/\d{1,4}[a-zA-Z]?)?|[Ss]\/[Nn]\.?)(?![\p{L}\p{N}]|[.,]\d)/u;
// "3º B", "2ª", ", 4" (floor/door) right after the number.
const ROMANCE_FLOOR = /^,?[ \t]\d{1,2}[º°ª][ \t]?[A-Za-z]?(?![\p{L}\p{N}])/u;

/** The words between the street type and the number: 1-4 capitalised name words, joined only by link words. */
function romanceStreetWordsValid(words: string[]): boolean {
  let nameWords = 0;
  for (const word of words) {
    const lower = word.toLowerCase();
    if (ROMANCE_LINKS.has(lower)) continue;
    if (/^[dl]['’]\p{Lu}/u.test(word) || /^\p{Lu}/u.test(word)) nameWords++;
    else return false;
  }
  return nameWords >= 1 && nameWords <= 4;
}

/** A year where a house number would be: the start of a span of years, or any year in a copyright line. */
function isYearNotNumber(text: string, start: number, end: number): boolean {
  if (/^[-–](?:1[89]|20)?\d{2}\b/.test(text.slice(end, end + 6))) return true;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return /copyright|\(c\)|©/i.test(text.slice(lineStart, start));
}

/**
 * The address a ROMANCE_STREET match opens, and where the search goes on (past the house number), or null when no
 * street name and number follow.
 */
function romanceAddressAt(text: string, match: RegExpExecArray): { span: AddressSpan; resume: number } | null {
  // Up to six name words, then (after an optional comma) the house number.
  const words = readWords(text, match.index + match[0].length, 6);
  // "s/n" (sin número) reads as a word: it stands where the number would.
  const noNumberAt = words.findIndex((word, index) => index > 0 && /^[Ss]\/[Nn]\.*$/.test(word.text));
  const noNumber = noNumberAt > 0 ? words[noNumberAt]! : null;
  if (noNumber) words.length = noNumberAt;
  if (words.length === 0) return null;
  const pos = words[words.length - 1]!.end;
  const number = noNumber
    ? ROMANCE_NUMBER.exec(text.slice(pos, noNumber.start + 4))
    : ROMANCE_NUMBER.exec(text.slice(pos, pos + 12));
  if (!number || !romanceStreetWordsValid(words.map((word) => word.text))) return null;
  let end = pos + number[0].length;
  if (QUANTITY_AFTER.test(text.slice(end, end + 8))) return null;
  // "Copyright Calle Rosenquist, 2016-2018": a span of years, not a house number ("Calle" is also a Swedish name).
  if (/^\D*(?:1[89]|20)\d{2}$/.test(number[0]) && isYearNotNumber(text, match.index, end)) return null;
  end += tailLength(text, end, [ROMANCE_FLOOR]);
  const tail = tailLength(text, end, [EU_TAIL, CITY_POSTCODE_TAIL]);
  if (WEAK_PREFIX_SET.has(match[0]) && tail === 0 && !/[A-Za-z/]/.test(number[0]) && !hasAddressCueBefore(text, match.index)) {
    return null;
  }
  // "An RFC 2047/2243 encoded word": an acronym after a weak prefix is a document or a product, not a street name.
  if (WEAK_PREFIX_SET.has(match[0]) && words.some((word) => /^\p{Lu}{2,}$/u.test(word.text))) return null;
  return { span: { start: match.index, end: end + tail }, resume: end };
}

export function recognizeRomanceAddresses(text: string): AddressSpan[] {
  const spans: AddressSpan[] = [];
  ROMANCE_STREET.lastIndex = 0;
  for (let match = ROMANCE_STREET.exec(text); match; match = ROMANCE_STREET.exec(text)) {
    const found = romanceAddressAt(text, match);
    if (!found) continue;
    spans.push(found.span);
    ROMANCE_STREET.lastIndex = Math.max(ROMANCE_STREET.lastIndex, found.resume);
  }
  return spans;
}

const ROMANCE_STREET_AT = new RegExp(ROMANCE_STREET.source, 'uy');

/** recognizeRomanceAddresses, trying the pattern only where a street type starts (every match starts with one). */
export function recognizeRomanceAddressesAt(text: string, starts: ArrayLike<number>, count: number): AddressSpan[] {
  return spansAtStarts(ROMANCE_STREET_AT, text, starts, count, (match) => romanceAddressAt(text, match));
}

const FRENCH_TYPES = [
  'rue', 'avenue', 'av.', 'boulevard', 'bd', 'place', 'allée', 'allee', 'impasse', 'chemin', 'quai', 'route', 'cours',
  'square', 'passage', 'voie', 'faubourg', 'fg', 'rond-point', 'esplanade', 'promenade', 'sentier',
];
export const FRENCH_KEYWORDS = FRENCH_TYPES;
/** "rue" → "[Rr]ue": street-type words match in either case without making the whole pattern case-blind. */
export const eitherCase = (word: string) => `[${word[0]!.toUpperCase()}${word[0]}]${escapeRegex(word.slice(1))}`;
/** Number, French street type: "12 rue", "5 bis avenue", "3, place". The name words are read in code. */
const FRENCH_STREET = new RegExp(
  String.raw`\b\d{1,4}(?:[ \t]?(?:bis|ter|quater|[A-D])\b)?,?[ \t]+(?:${FRENCH_TYPES.map(eitherCase).join('|')})(?=[ \t])`,
  'gu',
);
const FRENCH_LINKS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'et', 'sur', 'en', "d'", "l'", 'd’', 'l’']);

/** Keeps the street-name words after the type while they are capitalised or linking ("de la", "d'"), then a tail. */
export function recognizeFrenchAddresses(text: string): AddressSpan[] {
  const spans: AddressSpan[] = [];
  FRENCH_STREET.lastIndex = 0;
  for (let match = FRENCH_STREET.exec(text); match; match = FRENCH_STREET.exec(text)) {
    let keptEnd = -1;
    let pendingLinks = 0;
    for (const word of readWords(text, match.index + match[0].length, 8)) {
      const raw = word.text.replace(/[.]$/, '');
      if (/^\p{Lu}/u.test(raw) || /^[dl]['’]\p{Lu}/u.test(raw)) {
        keptEnd = word.start + raw.length;
        pendingLinks = 0;
      } else if (FRENCH_LINKS.has(raw.toLowerCase()) || /^[dl]['’]$/.test(raw)) {
        if (++pendingLinks > 2) break;
      } else break;
    }
    if (keptEnd < 0) continue;
    spans.push({ start: match.index, end: keptEnd + tailLength(text, keptEnd, [EU_TAIL, CITY_POSTCODE_TAIL]) });
  }
  return spans;
}

/** "PO Box 1234", "P.O. Box 55", "Postfach 10 12 34", "Apartado de Correos 123" (+ city/state/postcode tail). */
const PO_BOX = /\b(?:[Pp]\.?[ \t]?[Oo]\.?[ \t]?(?:Box|BOX|box)|P(?:OST|ost)[ \t]O(?:FFICE|ffice)[ \t](?:BOX|Box)|GPO[ \t]Box|Locked[ \t]Bag|Private[ \t]Bag|Postfach|Apartado(?:[ \t]de[ \t][Cc]orreos)?|Caixa[ \t][Pp]ostal|Casella[ \t][Pp]ostale|Bo[iî]te[ \t][Pp]ostale|Postbus|Skrytka[ \t]pocztowa)[ \t]?(?:No\.?[ \t]?|#[ \t]?)?\d{1,7}(?:[ \t]\d{2}){0,2}\b/g;

export function recognizePoBoxes(text: string): AddressSpan[] {
  const spans: AddressSpan[] = [];
  PO_BOX.lastIndex = 0;
  for (let match = PO_BOX.exec(text); match; match = PO_BOX.exec(text)) {
    let end = extendAngloTail(text, match.index + match[0].length);
    if (end === match.index + match[0].length) end += tailLength(text, end, [TOWN_TAIL]);
    spans.push({ start: match.index, end });
  }
  return spans;
}

/**
 * US military mail: the APO/FPO/DPO line ("APO AE 09012") closes the address, after a unit and box ("PSC 4115, Box
 * 7815", "Unit 9930 Box 9828") or a ship ("USNS Brown") on the line or comma before it.
 */
const MILITARY_POST_LINE = /\b[AFD]PO[ \t](?:AA|AE|AP)[ \t]\d{5}(?:-\d{4})?(?![\p{L}\p{N}])/gu;
const MILITARY_FIRST_LINE =
  /(?:\b(?:PSC|CMR|Unit)[ \t]\d{1,5},?[ \t]Box[ \t]\d{1,5}|\bUS(?:NS|S|CGC)[ \t]\p{Lu}[\p{L}'’-]*(?:[ \t]\p{Lu}[\p{L}'’-]*){0,2})(?:,[ \t]*|[ \t]*\r?\n[ \t]*)$/u;

export function recognizeMilitaryAddresses(text: string): AddressSpan[] {
  const spans: AddressSpan[] = [];
  MILITARY_POST_LINE.lastIndex = 0;
  for (let match = MILITARY_POST_LINE.exec(text); match; match = MILITARY_POST_LINE.exec(text)) {
    const from = Math.max(0, match.index - 48);
    const first = MILITARY_FIRST_LINE.exec(text.slice(from, match.index));
    spans.push({ start: first ? from + first.index : match.index, end: match.index + match[0].length });
  }
  return spans;
}
export const MILITARY_INNER_PATTERNS = [MILITARY_POST_LINE, MILITARY_FIRST_LINE];

const TAILS = [UNIT_TAIL, CITY_POSTCODE_TAIL, CITY_STATE_TAIL, DUBLIN_TAIL, POSTCODE_TAIL];
/** Every regex the recognizers run, for the catalogue's linear-time check. */
export const ANGLO_INNER_PATTERNS = [ANGLO_STREET, UNIT_BEFORE, ...TAILS];
export const GERMANIC_INNER_PATTERNS = [GERMANIC_TAIL_NUMBER, QUANTITY_AFTER, GERMANIC_FLOOR, EU_TAIL, ADDRESS_CUE_BEFORE];
export const ROMANCE_INNER_PATTERNS = [ROMANCE_STREET, ROMANCE_NUMBER, ROMANCE_FLOOR, QUANTITY_AFTER, EU_TAIL, ADDRESS_CUE_BEFORE];
export const FRENCH_INNER_PATTERNS = [FRENCH_STREET, EU_TAIL];
export const PO_BOX_INNER_PATTERNS = [PO_BOX, TOWN_TAIL, ...TAILS];
