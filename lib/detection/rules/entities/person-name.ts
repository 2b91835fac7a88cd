/**
 * Person names in running text, by lexicon and context. One tokenizing pass over the text; each capitalised token is
 * classified with Set lookups (given name, surname, ambiguous word, common word, unknown), consecutive capitalised
 * tokens form runs, and a run is kept when its evidence is enough: two lexicon tokens, one unambiguous given name, a
 * title (Dr., Frau, Sra.), or a cue before it ("my name is", "Dear", "Patient:", a signature line). Lower-case names
 * are taken only right after a strong cue ("my name is john smith"). Words the lexicon does not know can still make a
 * name after a weak English cue when a small character model (lexicons/nameness.ts) finds each of them spelled like a
 * name ("lunch with Ubah Hirsi", not "with Vitest Browser mode").
 */
import { AMBIGUOUS, COMMON, CYRILLIC_OR_GREEK, foldName, GIVEN, isAmbiguousName, isCommonWord, isGivenName, isPlacePhrase, isSurname, nameFlags, SURNAME } from '../../lexicons/names';
import { namenessScore } from '../../lexicons/nameness';
import { lowerCasePreservingOffsets } from '../../engine';
import { ROMANCE_KEYWORDS } from './street-address';

export interface NameSpan {
  start: number;
  end: number;
  confidence: number;
}

type TokenClass =
  | 'given' // unambiguous given name (may also be a surname)
  | 'surname' // unambiguous surname, not a given name
  | 'ambiguous' // a name that is also an ordinary word, place, brand or tech term
  | 'unknown' // capitalised word in no list
  | 'initial' // "J." in "John F. Kennedy"
  | 'particle' // van, de, bin, al...
  | 'title' // Mr, Dr, Frau, Sra...
  | 'place' // San, São, Los, New, Fort...: the run is a place name ("San Francisco", "Los Angeles Lakers")
  | 'stop'; // common word, lower-case word, code-like token: ends a run

interface Token {
  start: number;
  end: number;
  cls: TokenClass;
  allCaps: boolean;
}


const TITLES = new Set([
  'mr', 'mrs', 'ms', 'mx', 'miss', 'mister', 'dr', 'prof', 'professor', 'sir', 'dame', 'lady', 'lord', 'sr', 'sra',
  'srta', 'senor', 'senora', 'senorita', 'dona', 'herr', 'frau', 'fraulein', 'mme', 'mlle', 'monsieur', 'madame',
  'mademoiselle', 'dott', 'dottssa', 'dottoressa', 'sig', 'signor', 'signora', 'signorina', 'sigra', 'avv', 'ing',
  'sheikh', 'shaikh', 'shri', 'sri', 'smt', 'shrimati', 'rev', 'fr', 'capt', 'col', 'gen', 'lt', 'sgt', 'det', 'insp',
  'dhr', 'mevr', 'mej', 'sayin', 'bay', 'bayan', 'hr', 'fru', 'pan', 'pani', 'mw', 'bi', 'ustaz', 'hajji', 'haji',
]);
// Titles that are also common words or names: only count with a full stop after them or before a lexicon name.
const WEAK_TITLES = new Set(['bay', 'hr', 'fr', 'gen', 'col', 'det', 'ing', 'sig', 'bi', 'pan', 'lady', 'lord', 'sir']);

const PARTICLES = new Set([
  'van', 'von', 'de', 'da', 'del', 'della', 'dei', 'di', 'do', 'dos', 'das', 'du', 'des', 'la', 'le', 'ter', 'ten',
  'den', 'der', 'het', 'bin', 'binti', 'bint', 'ibn', 'al', 'el', 'abu', 'ben', 'bat', 'y', 'e', 'zu', 'af', 'av', 'st',
  'mac', 'ap', 'ould', 'oglu',
]);
/**
 * Irish particles, matched as written (capitalised, with their accents): Ní and Nic (daughter of), Ó (grandson of),
 * Uí and Mhic (married forms): "Niamh Ní Dhomhnaill", "Seán Ó Briain". Folded, they would be the Spanish and French
 * "ni" (nor), the Portuguese article "o" and the Chinese given name Ni.
 */
const IRISH_PARTICLES = new Set(['Ní', 'Nic', 'Ó', 'Uí', 'Mhic']);

// Surname shapes that need no lexicon: O'Brien, D'Angelo, McDonald, MacArthur.
const SURNAME_SHAPE = /^(?:O['’]|D['’]|Mc|Mac|Fitz)\p{Lu}\p{Ll}+$/u;
// Patronymics and the Slavic/Central Asian surname endings: Nurlanovna, Petrovich, Jónsdóttir, Tashkentov, Ivanova.
const PATRONYMIC_SHAPE = /^\p{Lu}\p{Ll}{2,}(?:ovna|evna|ovich|evich|dóttir|dottir|ov|ova|ev|eva)$/u;
// Internal capitals allowed in names (DeShawn, LaToya, DiCaprio, VanderBilt); anything else is code or a brand.
const INTERNAL_CAPS_NAME = /^(?:Mc|Mac|O['’]|D['’]|De|Di|Da|Du|La|Le|Van|Von|Fitz|Al-|El-)\p{Lu}\p{Ll}+$/u;

// Cue phrases, matched on the last words before a candidate (lower-case, whitespace collapsed). Plain Set lookups on a
// bounded slice: no regex over the text.
const phrases = (list: string) => new Set(list.split('|'));
/** Right before a name: self-introductions and salutations. */
const STRONG_CUES = phrases(
  "my name is|my full name is|name is|name's|named|called|i am|i'm|this is|signed|dear|hi|hello|hey|greetings|attn|" +
    'attn.|attention|me llamo|mi nombre es|soy|je m’appelle|' + "je m'appelle|je suis|ich heiße|ich heisse|ich bin|" +
    'mi chiamo|sono|meu nome é|meu nome e|chamo-me|eu sou|mijn naam is|ik ben|nazywam się|nazywam sie|mam na imię|' +
    'benim adım|benim adim|estimado|estimada|querido|querida|cher|chère|chere|liebe|lieber|liebes|sehr geehrte|' +
    'sehr geehrter|caro|cara|gentile|hola|bonjour|hallo|olá|ola|beste|ciao|jambo|habari|née|nee|né|geb.|geborene',
);
/** Field labels before a colon or "=": "Name:", "Patient:", "first_name =". */
const LABEL_CUES = phrases(
  'name|full name|first name|last name|given name|family name|middle name|maiden name|surname|firstname|lastname|' +
    'fullname|first_name|last_name|full_name|given_name|family_name|patient name|customer name|client name|' +
    'employee name|candidate name|applicant name|contact name|account name|user name|guest name|passenger name|' +
    'tenant name|student name|member name|holder name|cardholder name|cardholder|recipient name|recipient|sender name|' +
    'sender|beneficiary|insured|policyholder|driver name|owner name|emergency contact|next of kin|legal name|nombre|' +
    'nombre completo|nom|nom complet|prénom|prenom|nome|nome completo|naam|vorname|nachname|imię|imie|' +
    'imię i nazwisko|nazwisko|isim|ad soyad|patient|customer|client|contact|from|to|cc|bcc|signed|signature|attn|author|' +
    'assignee|reporter|owner|employee|candidate|applicant|tenant|passenger|approved by|prepared by|requested by|' +
    'submitted by|reviewed by|written by|signed by|guest|attendee|speaker|student|doctor|physician|nurse|caller|' +
    'present|absent|attendees|participant|participants|organizer|organiser|moderator|interviewer|interviewee|witness|' +
    'presenter|chaired by',
);
/**
 * Nouns for a person in a relation or a role of care, study or work: right before them a lone unknown capitalised word
 * is a name ("Our intern Mbali asked", "my niece Thandeka"). Roles that also precede companies or products (customer,
 * client, user, guest, tenant) are left out, and so is "named" (Title Case headings: "Named Exports Supported").
 */
const PERSONAL_ROLE_CUES = phrases(
  'patient|employee|candidate|applicant|colleague|coworker|co-worker|friend|son|daughter|wife|husband|partner|' +
    'mother|father|brother|sister|mom|dad|mum|aunt|uncle|cousin|grandmother|grandfather|grandson|granddaughter|niece|' +
    'nephew|fiancé|fiancée|fiance|fiancee|girlfriend|boyfriend|stepson|stepdaughter|nurse|doctor|manager|boss|landlord|' +
    'neighbor|neighbour|whose name is|caller|student|teacher|intern|assistant|teammate|classmate|roommate|' +
    'flatmate|mentor|mentee|supervisor|tutor|nanny|coach|lawyer|attorney|accountant|therapist|dentist|surgeon|' +
    'pharmacist|recruiter|caregiver|carer',
);
/** Weaker hints: prepositions, verbs and relations that often precede a name (every personal role noun among them). */
const WEAK_CUES = new Set([
  ...phrases(
    'from|with|and|to|by|for|ask|asked|tell|told|meet|met|call|email|emailed|ping|contact|contacted|spoke to|' +
      'spoke with|talked to|per|thanks|thank you|customer|client|user|tenant|mr and mrs|cc|our|my|named|' +
      'whose name is|hired|interviewed|invite|invited|assign|assigned to|reviewer|reviewed by|written by|signed by|' +
      'sent by|approved by|con|y|und|et|avec|mit|para|pour|für|fur|de|da|met|van|z|ze|ile|na',
  ),
  ...PERSONAL_ROLE_CUES,
]);
/** Weak cues that still carry a single ambiguous name ("tell Mark", "cc Will"): verbs of addressing someone. */
const ADDRESSING_CUES = phrases('tell|ask|asked|told|email|emailed|ping|call|thanks|thank you|cc|met|meet|invite|invited|remind|contact|contacted');
/** Role and relation nouns: before two unknown capitalised words ("my father, Giorgos Papadopoulos") they make a name. */
const ROLE_CUES = new Set([...PERSONAL_ROLE_CUES, 'customer', 'client', 'tenant', 'hired', 'interviewed', 'user', 'guest', 'named']);
/** Sign-offs: a name on the line after them is a signature. */
const SIGN_OFFS = phrases(
  'regards|best regards|kind regards|warm regards|thanks|many thanks|thank you|cheers|best|sincerely|' +
    'yours sincerely|yours truly|yours|warmly|respectfully|cordialement|bien cordialement|saludos|un saludo|' +
    'atentamente|grüße|gruesse|viele grüße|mit freundlichen grüßen|gruß|groeten|met vriendelijke groet|' +
    'cordiali saluti|distinti saluti|abraços|abracos|atenciosamente|pozdrawiam|saygılarımla|--|—|–',
);

// "My name is john smith": lower-case names after these. Every cue ends in a letter followed by " " (or ": "), so an
// occurrence always ends where the tokenizer ends a word: the tokenizer looks them up by that last letter instead of
// searching the whole text once per cue.
const LOWERCASE_CUES = [
  'my name is ', "my name's ", 'name is ', 'my full name is ', 'patient name: ', 'name: ', 'i am ', "i'm ", 'im ',
  'me llamo ', "je m'appelle ", 'ich heiße ', 'mi chiamo ', 'meu nome é ',
];
/** Cues by the code of their last letter (the character before the trailing " " or ": "). */
const CUES_BY_LAST_LETTER = new Map<number, string[]>();
for (const cue of LOWERCASE_CUES) {
  const trimmed = cue.replace(/:? $/, '');
  const last = trimmed.charCodeAt(trimmed.length - 1);
  CUES_BY_LAST_LETTER.set(last, [...(CUES_BY_LAST_LETTER.get(last) ?? []), cue]);
}

/** Single-word cues and role nouns: capitalised at a sentence start they are not part of the name after them. */
const CUE_WORDS = new Set([
  ...[...STRONG_CUES, ...LABEL_CUES, ...WEAK_CUES].filter((phrase) => !phrase.includes(' ')).map(foldName),
  'ceo', 'cto', 'cfo', 'coo', 'vp', 'pt', 'paciente', 'paziente', 'patientin', 'cliente', 'kunde', 'kundin', 'usuario',
  'utente', 'agent', 'engineer', 'director', 'founder', 'chair', 'intern', 'teacher', 'student', 'officer', 'nee',
  'geb', 'geborene', 'dob', 'attn', 'signed', 'regards', 'cheers', 'sincerely', 'cordialement', 'atentamente',
  'copyright', 'maintainer', 'maintainers', 'contributors', 'license',
  // Given names that are also cue words elsewhere ("Per", "Ola", "Cara") stay names.
].filter((word) => !PARTICLES.has(word) && !['per', 'ola', 'cara', 'caro', 'cher', 'mona', 'sono'].includes(word)));
/**
 * A short a-z word as one number (base 27, so "de" and "ade" differ), or -1 for anything else: lets the tokenizer ask
 * "is this lower-case word a particle?" without cutting a string out of the text for each of the many ordinary words.
 */
function asciiLowerCode(text: string, start: number, end: number): number {
  let code = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 97 || c > 122) return -1;
    code = code * 27 + (c - 96);
  }
  return code;
}
const MAX_PARTICLE_LENGTH = 5;
const PARTICLE_CODES = new Set(
  [...PARTICLES].filter((word) => word.length <= MAX_PARTICLE_LENGTH).map((word) => asciiLowerCode(word, 0, word.length)),
);
/** GLUED_PARTICLE needs its joiner within the first four characters ("d'", "al-", "ibn-"). */
function hasEarlyJoiner(text: string, start: number, end: number): boolean {
  for (let i = start + 1; i < end && i <= start + 3; i++) if (isJoinerCode(text.charCodeAt(i))) return true;
  return false;
}
const CONTRACTION = /^[a-z]+(?:n't|'(?:t|ll|re|ve|d|m))$/;
/** A lower-case particle joined to a capitalised name part: "al-Masri", "bin-Laden", "d'Alembert", "van-Dijk". */
const GLUED_PARTICLE = /^(?:al|el|ad|as|ash|at|az|ibn|bin|ben|abu|d|de|di|da|du|van|von|le|la)[-'’]\p{Lu}/u;
/** An article (and maybe one capitalised word) right before a lone name: "the Johnson", "The Queen Mary". */
const AFTER_ARTICLE = /\b[Tt]he(?:[ \t]+\p{Lu}\p{L}*)?[ \t]+$/u;
/** Salutations that can also be names elsewhere; at a line start before a name they are the greeting. */
const SALUTATIONS = new Set(['cher', 'chere', 'caro', 'cara', 'querido', 'querida', 'estimado', 'estimada', 'ola',
  'liebe', 'lieber', 'beste', 'dear', 'hi', 'hello', 'hey', 'hola', 'hallo', 'ciao', 'bonjour', 'salut', 'jambo']);
/** First words of place names: a run starting with one is a place, not a person. */
const PLACE_PREFIXES = new Set(['san', 'santa', 'santo', 'sao', 'saint', 'sainte', 'los', 'las', 'fort', 'port',
  'mount', 'lake', 'new', 'north', 'south', 'east', 'west', 'upper', 'lower', 'greater', 'puerto', 'porto', 'rio',
  'bad', 'sankt', 'ciudad', 'villa', 'isla', 'cape', 'glen', 'palo', 'baton', 'des', 'buenos',
  // Street types that open an address ("Via Roma", "Rambla Cristóbal", "Borgo Santinelli"): a street, not a person.
  ...ROMANCE_KEYWORDS.filter((word) => /^\p{L}+$/u.test(word)).map(foldName),
]);

/** Field names of personal and payment data; in capitals they label a value and are never the name. */
const FIELD_ACRONYMS = new Set(['iban', 'bic', 'swift', 'ssn', 'sin', 'nin', 'nino', 'dob', 'vat', 'nhs', 'pin', 'otp',
  'cvv', 'cvc', 'tin', 'itin', 'ein', 'pan', 'aadhaar', 'cpf', 'dni', 'nie', 'nif', 'tfn', 'sku', 'api', 'url', 'ip']);

const PROSE_REACH = 30;
/** Whether the words around text[start, end) are written in Cyrillic or Greek too (a sentence in that language). */
function inCyrillicOrGreekProse(text: string, start: number, end: number): boolean {
  return CYRILLIC_OR_GREEK.test(text.slice(Math.max(0, start - PROSE_REACH), start)) || CYRILLIC_OR_GREEK.test(text.slice(end, end + PROSE_REACH));
}

const CUE_LOOKBEHIND = 48;
const MAX_CUE_WORDS = 5;

function isUpper(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

interface Classified {
  cls: TokenClass;
  allCaps: boolean;
}

// classify() depends on the word alone, and prompts repeat their capitalised words (JSON, Error, The, I): remember the
// answers. Bounded so a text of unique words cannot grow it without limit.
const classified = new Map<string, Classified>();
const MAX_CLASSIFIED = 16384;

function classifyCached(raw: string): Classified {
  let known = classified.get(raw);
  if (known === undefined) {
    if (classified.size >= MAX_CLASSIFIED) classified.clear();
    known = classify(raw);
    classified.set(raw, known);
  }
  return known;
}

/** One hyphen-joined part of a name, cased like a name: "Smith", "McCarthy", "O'Brien", "al" (al-Rashid). */
function isNamePartCasing(part: string): boolean {
  return /^\p{Lu}\p{Ll}*(?:['’]\p{Lu}\p{Ll}*)*$/u.test(part) || INTERNAL_CAPS_NAME.test(part) || /^\p{Ll}{1,3}$/u.test(part);
}

function classify(raw: string): Classified {
  const first = raw[0]!;
  if (!isUpper(first)) {
    const folded = foldName(raw);
    return { cls: PARTICLES.has(folded) ? 'particle' : 'stop', allCaps: false };
  }
  const allCaps = raw.length > 1 && raw === raw.toUpperCase();
  if (!allCaps && raw.length > 1) {
    const rest = raw.slice(1);
    // Internal capitals (JavaScript, GitHub, iPhone-style) are brands or code unless a known name prefix explains them.
    if (rest !== rest.toLowerCase() && !/^\p{Lu}\p{Ll}*(?:['’-]\p{Lu}\p{Ll}*)*$/u.test(raw) && !raw.split('-').every(isNamePartCasing)) {
      return { cls: 'stop', allCaps };
    }
  }
  let folded = foldName(raw);
  if (folded.endsWith("'s")) folded = folded.slice(0, -2);
  if (TITLES.has(folded)) return { cls: 'title', allCaps };
  // Particles are written as they are (van, de, bin): "Văn", the Vietnamese middle name, only folds to "van".
  if ((PARTICLES.has(folded) && raw.length <= 4 && folded === raw.toLowerCase()) || IRISH_PARTICLES.has(raw)) return { cls: 'particle', allCaps };
  // Greetings, labels and roles at a sentence start ("Paciente", "Caro", "CEO") end a run; the cue is read separately.
  // "Contact: IBAN DE89…": field names written in capitals are labels even when a name list carries them (Iban).
  if (allCaps && FIELD_ACRONYMS.has(folded)) return { cls: 'stop', allCaps };
  if (CUE_WORDS.has(folded) || PLACE_PREFIXES.has(folded)) return { cls: PLACE_PREFIXES.has(folded) ? 'place' : 'stop', allCaps };
  const cls = classifyFolded(folded, raw);
  // An unknown all-capitals token is an acronym or a shouted word (DOB, NHS, URGENT), not a name.
  return { cls: allCaps && cls === 'unknown' ? 'stop' : cls, allCaps };
}

/** Programmers' placeholder names ("Name: baz", `{ name: "Foo" }`): some are nicknames in the lists (Baz). */
const PLACEHOLDER_NAMES = new Set(['foo', 'baz', 'qux', 'quux', 'corge', 'grault', 'garply', 'plugh', 'xyzzy', 'thud', 'foobar', 'lorem', 'ipsum']);

function classifyFolded(folded: string, raw: string): TokenClass {
  if (PLACEHOLDER_NAMES.has(folded)) return 'stop';
  const bits = nameFlags(folded);
  if (bits & (GIVEN | SURNAME)) {
    if (bits & AMBIGUOUS) return 'ambiguous';
    return bits & GIVEN ? 'given' : 'surname';
  }
  if (folded.length === 1) return 'stop';
  // The common-word list is English: a word written with diacritics ("Ẩn", "Vân", "Tô") only folds to one ("an", "van",
  // "to"), it is not that word.
  if (bits & AMBIGUOUS || (bits & COMMON && folded === raw.toLowerCase())) return 'stop';
  // English contractions are words, not names: "Don't" is not Don, "Won't" is not Won.
  if (CONTRACTION.test(folded)) return 'stop';
  if (folded.includes('-') || folded.includes("'")) {
    // Jean-Luc, Garcia-Lopez, al-Rashid, O'Neill: judge by the parts.
    const parts = folded.split(/['-]/).filter((part) => part.length > 1 && !PARTICLES.has(part));
    if (parts.length === 0) return 'stop';
    let sawGiven = false;
    let sawName = false;
    for (const part of parts) {
      if (isCommonWord(part) && !isGivenName(part) && !isSurname(part)) return 'stop';
      if (isGivenName(part)) sawGiven = true;
      if (isGivenName(part) || isSurname(part)) sawName = true;
    }
    if (sawName) return sawGiven && isGivenName(parts[0]!) ? 'given' : 'surname';
    // O'Brien-McCarthy, Ivanova-Petrovna: parts shaped like surnames, whatever the lexicon says.
    if (raw.split('-').some((part) => SURNAME_SHAPE.test(part) || PATRONYMIC_SHAPE.test(part))) return 'surname';
  }
  if (SURNAME_SHAPE.test(raw) || PATRONYMIC_SHAPE.test(raw)) return 'surname';
  // An English abstract noun the common-word list is too short to hold ("Installation", "Authentication", "Settings"
  // pages, `name: 'Deployment'`): names with these endings (Florence, Trinity, Constance) are in the lexicon already.
  if (ENGLISH_NOUN_ENDING.test(folded) && folded === raw.toLowerCase()) return 'stop';
  return 'unknown';
}

/**
 * A preposition or conjunction right before two or three words the lexicon does not know. English only: in German
 * ("mit Hilfe von der Seite") every noun is capitalised.
 */
const ENGLISH_WEAK_CUE_BEFORE = /(?:^|[^\p{L}])(?:with|from|by|to|for|and|per|cc)[ \t]+$/iu;
/**
 * A sentence going on in lower case after the words (a heading or a label would end the line or take a colon), also past
 * a possessive ("Ubah Hirsi's laptop was …") or a short aside in brackets ("Sefo Leota (employee #4471) requested …").
 */
const LOWERCASE_WORD_AFTER = /^(?:['’]s|[ \t]\([^()\n]{1,40}\))? ([a-z]{2,})\b(?![:(])/;
const AUXILIARIES = new Set(['will', 'would', 'can', 'could', 'should', 'may', 'might', 'must']);

/**
 * Whether an English word follows `end` in lower case: a frequent word, a verb form in -ed or -s, or an auxiliary. Other
 * languages capitalise differently ("Este Acepta una Cadena" is Spanish), so their words do not count.
 */
function englishWordAfter(text: string, end: number): boolean {
  const word = LOWERCASE_WORD_AFTER.exec(text.slice(end, end + 24))?.[1];
  if (word === undefined) return false;
  return isCommonWord(word) || AUXILIARIES.has(word) || /(?:ed|s)$/.test(word);
}
/** A list going on with a known given name: "Ubah Hirsi, Maria Lopez and Tom Baker", "Sefo Leota and Anna". */
const LIST_NAME_AFTER = /^,?[ \t]+(?:and[ \t]+)?(\p{Lu}\p{Ll}+)\b/u;

function knownGivenNameAfter(text: string, end: number): boolean {
  const next = LIST_NAME_AFTER.exec(text.slice(end, end + 40))?.[1];
  return next !== undefined && isGivenName(foldName(next)) && !isAmbiguousName(foldName(next));
}

/** The nameness score both words must reach (at 1.0 the model takes ~5 % of dictionary words for names, alone). */
const NAME_LIKE = 1;

/**
 * What a person does right after their name ("Mulu Gebreyesus will present", "… agreed to the plan"): with it, two
 * capitalised words the lexicon does not know read as a name. Company-like pairs mostly hold a common word ("Acme
 * Support", "Google Cloud"), which ends the run before this is asked.
 */
const PERSON_VERB_AFTER =
  /^,? (?:will|would|agreed|said|says|asked|wrote|called|emailed|phoned|joined|confirmed|told|presented|approved|signed|replied|mentioned|thinks|wants|needs|is (?:out|away|on leave|off|sick)|was born|has (?:left|joined|agreed|asked|confirmed))\b/;

/** A code field name right before the word: lower-case first (`name:`, `owner?:`), unlike a form label ("Name:"). */
const FIELD_BEFORE = /(?:^|[\s{(,;])[a-z][A-Za-z0-9_]*\??:[ \t]*$/;
/** What follows a type in an annotation: `;` ending the line, `[]`, `|`, `<T>`, `)` or `=` (a default). */
const TYPE_AFTER = /^[ \t]*(?:;[ \t]*(?:\r?\n|$|\/\/)|\[\]|\||<|\)|=(?!=))/;

function isTypeAnnotation(text: string, start: number, end: number): boolean {
  return FIELD_BEFORE.test(text.slice(Math.max(0, start - 40), start)) && TYPE_AFTER.test(text.slice(end, end + 8));
}

/**
 * Code keywords a type or value name follows ("class Walker {", "case Ke:", "extends Fred<T>"), when code punctuation
 * also follows it: "in case Anna calls" and "in class Anna said" stay prose.
 */
const CODE_KEYWORD_BEFORE = /(?:^|[^\w$])(?:class|extends|implements|interface|enum|struct|case)[ \t]+$/;
const CODE_PUNCTUATION_AFTER = /^(?:[ \t]*[{(:<;,]|[ \t]+(?:extends|implements)\b|[ \t]*\r?\n)/;
/** A JSDoc/TSDoc tag's value ("@category Lang", "@memberOf Fred", "@see Walker"); @author does name people. */
const DOC_TAG_BEFORE =
  /@(?:param|arg|argument|returns?|category|memberof|memberOf|name|class|module|see|since|type|typedef|property|prop|namespace|alias|augments|extends|implements|lends|example|throws|kind|access|default|function|func|method|tutorial|version|description|summary|enum|interface|callback|event|fires|listens|mixes|mixin|borrows|constant|external|global|requires|template|group|section|tag|label|title)[ \t]+(?:\{[^{}\n]{0,60}\}[ \t]+)?$/;

/** A capitalised word that is code, not a person: after a code keyword or a doc tag, or assigned (`= Walker;`). */
function isCodeName(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 24), start);
  if (DOC_TAG_BEFORE.test(before)) return true;
  if (CODE_KEYWORD_BEFORE.test(before) && CODE_PUNCTUATION_AFTER.test(text.slice(end, end + 12))) return true;
  return /=[ \t]*$/.test(before) && /^[ \t]*;/.test(text.slice(end, end + 4));
}

const ENGLISH_NOUN_ENDING = /^[a-z]{3,}(?:tion|sion|ment|ness|ship|ity|ism|ology|ability|ibility)s?$/;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}_$]/u.test(ch);
}

const CODE_BEFORE = new Set([...'0123456789_$#/\\<>{}=']);
const CODE_AFTER = new Set([...'0123456789_$(\\/@=<>{}[']);

/** Characters right before/after a token that say "identifier, path or address", not prose. */
function isCodeAdjacent(text: string, start: number, end: number, raw: string): boolean {
  const before = text[start - 1];
  const after = text[end];
  if (before !== undefined && CODE_BEFORE.has(before)) return true;
  if (before === '.' && isWordChar(text[start - 2])) return raw.length > 1 && !isUpper(text[start - 2] ?? 'a');
  if (after !== undefined && CODE_AFTER.has(after)) return true;
  if (after === '.' && isWordChar(text[end + 1]) && raw.length > 1) return true;
  return false;
}

function isSentenceStart(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0 && i >= start - 8; i--) {
    const ch = text[i]!;
    if (ch === ' ' || ch === '\t' || ch === '"' || ch === "'" || ch === '“' || ch === '(' || ch === '*') continue;
    return /[.!?\n\r:•\-–—>#]/.test(ch);
  }
  return true;
}

interface Cues {
  strong: boolean;
  label: boolean;
  signature: boolean;
  weak: boolean;
  addressing: boolean;
  role: boolean;
  personalRole: boolean;
}

const TRAILING_PUNCTUATION = new Set([...' \t\r\n,:;="\'“«(@']);
const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';

/**
 * The last 1..5 words before `cut` (within `from`), as lower-case phrases "w5", "w4 w5", ... — built by walking back
 * over the text, no splitting or regex.
 */
function trailingPhrases(text: string, from: number, cut: number): string[] {
  const phrases: string[] = [];
  let pos = cut;
  let phrase = '';
  while (phrases.length < MAX_CUE_WORDS && pos > from) {
    while (pos > from && isSpace(text[pos - 1])) pos--;
    const wordEnd = pos;
    while (pos > from && !isSpace(text[pos - 1])) pos--;
    if (wordEnd === pos) break;
    // Strip quotes/brackets glued to a word: {"first_name" → first_name.
    let wordStart = pos;
    let wordStop = wordEnd;
    while (wordStart < wordStop && !isLetterCode(text.charCodeAt(wordStart))) wordStart++;
    while (wordStop > wordStart && '"\'”'.includes(text[wordStop - 1]!)) wordStop--;
    if (wordStart === wordStop) break;
    const word = text.slice(wordStart, wordStop).toLowerCase();
    phrase = phrase ? `${word} ${phrase}` : word;
    phrases.push(phrase);
  }
  return phrases;
}

const NO_CUES: Cues = { strong: false, label: false, signature: false, weak: false, addressing: false, role: false, personalRole: false };

function cuesBefore(text: string, start: number): Cues {
  const from = Math.max(0, start - CUE_LOOKBEHIND);
  // Split off the trailing punctuation/space run: it tells a label ("Name:") and a line break (signatures).
  let cut = start;
  while (cut > from && TRAILING_PUNCTUATION.has(text[cut - 1]!)) cut--;
  const trailing = text.slice(cut, start);
  const cues: Cues = { strong: false, label: false, signature: false, weak: false, addressing: false, role: false, personalRole: false };
  if (trailing.includes('@') && !trailing.includes('\n')) cues.weak = true;
  if (trailing.includes('\n')) {
    // The previous line alone must be a sign-off ("Best regards," / "Thanks!").
    const lineStart = text.lastIndexOf('\n', cut - 1) + 1;
    const lastLine = text.slice(Math.max(lineStart, from), cut).trim().toLowerCase().replace(/[,.!]+$/, '');
    cues.signature = SIGN_OFFS.has(lastLine);
    return cues;
  }
  const phrases = trailingPhrases(text, from, cut);
  if (phrases.length === 0) return cues;
  const has = (set: Set<string>) => phrases.some((phrase) => set.has(phrase));
  // `name == "Esc"` compares; only `name:` / `name =` label a value.
  if ((trailing.includes(':') || trailing.includes('=')) && !/[=!]=/.test(trailing)) cues.label = has(LABEL_CUES);
  cues.strong = has(STRONG_CUES);
  cues.weak = cues.weak || has(WEAK_CUES);
  cues.addressing = has(ADDRESSING_CUES);
  cues.role = has(ROLE_CUES);
  cues.personalRole = cues.role && has(PERSONAL_ROLE_CUES);
  return cues;
}

/** Punctuation or line end right after a span: how salutations and signatures end ("Hi Oluwadamilare,"). */
function endsClause(text: string, end: number): boolean {
  let i = end;
  while (text[i] === ' ' || text[i] === '\t') i++;
  const ch = text[i];
  return ch === undefined || /[,.!?:;\n\r)<("']/.test(ch);
}

/** Generational suffixes and degrees written after a name belong to it: "Kevin Smith Jr.", "Anna Berg III", "Lee MD". */
const NAME_SUFFIX = /^,?[ \t](?:Jr\.?|Sr\.?|II|III|IV|V|PhD|Ph\.D\.|MD|M\.D\.|DDS|DVM|Esq\.?)(?![\p{L}\p{N}])/u;

function withNameSuffix(text: string, end: number): number {
  const suffix = NAME_SUFFIX.exec(text.slice(end, end + 8));
  return suffix ? end + suffix[0].length : end;
}

function scoreSegment(text: string, segment: Token[], hasTitle: boolean, out: NameSpan[]): void {
  // Trim particles at the edges: "de" only counts between name tokens.
  let from = 0;
  let to = segment.length;
  while (from < to && segment[from]!.cls === 'particle' && !isUpper(text[segment[from]!.start]!)) from++;
  while (to > from && (segment[to - 1]!.cls === 'particle' || segment[to - 1]!.cls === 'initial')) to--;
  if (from >= to) return;
  const tokens = segment.slice(from, to);
  let given = 0;
  let surname = 0;
  let ambiguous = 0;
  let unknown = 0;
  let allCaps = 0;
  for (const token of tokens) {
    if (token.cls === 'given') given++;
    else if (token.cls === 'surname') surname++;
    else if (token.cls === 'ambiguous') ambiguous++;
    else if (token.cls === 'unknown') unknown++;
    if (token.allCaps) allCaps++;
  }
  const words = given + surname + ambiguous + unknown;
  if (words === 0) return;
  const start = tokens[0]!.start;
  const end = tokens[tokens.length - 1]!.end;
  const strongLexicon = given + surname;
  const capsOnly = allCaps === words;
  let confidence = 0;
  if (isCodeName(text, start, end)) return;

  // Two known names need no cue: skip reading the context (the common case in name-dense text).
  if (!hasTitle && !capsOnly && words >= 2 && words <= 5 && strongLexicon >= 2) {
    out.push({ start, end: withNameSuffix(text, end), confidence: 0.85 });
    return;
  }
  const cues = hasTitle ? NO_CUES : cuesBefore(text, start);
  if (words > 5 && !hasTitle && !cues.label) return;
  // `name: Identifier;`, `owner: Person | null`: a type annotation in code, not a form field holding a name.
  if (cues.label && !hasTitle && words === 1 && strongLexicon === 0 && isTypeAnnotation(text, start, end)) return;
  if (hasTitle || cues.label || (cues.signature && endsClause(text, end))) {
    confidence = 0.85;
  } else if (cues.strong && (strongLexicon + ambiguous > 0 || endsClause(text, end))) {
    confidence = 0.85;
  } else if (words >= 2) {
    if (capsOnly) {
      if (strongLexicon >= 2) confidence = 0.7;
    } else if (strongLexicon >= 2) confidence = 0.85;
    else if (strongLexicon === 1 && unknown + ambiguous + strongLexicon === words) {
      // One known name plus an unknown capitalised word: "Priya Raghunathan". A surname with an unknown word ("Accra
      // General", "Vali Asr") needs a cue. A given name in capitals after a mixed-case word is an acronym, not a
      // name ("Invalid ARIA", "Atributos ARIA"): capitals mark the surname ("Jean DUPONT").
      if (given > 0 && tokens.some((token) => token.cls === 'given' && token.allCaps) && !cues.label) confidence = 0;
      else if (given > 0) confidence = 0.75;
      else if (ambiguous > 0 && unknown === 0) confidence = 0.7; // "Will Smith", "Bob Martinez"
      else if (words === 2 && tokens[tokens.length - 1]!.cls === 'surname' && !isSentenceStart(text, start)) {
        confidence = 0.6; // unknown given name + known surname: "Meera Nair"
      } else if (cues.weak || cues.role) confidence = 0.6;
      else if (words <= 3 && PERSON_VERB_AFTER.test(text.slice(end, end + 24))) confidence = 0.55; // "Zwane Lungile will …"
    } else if (ambiguous >= 2 && unknown === 0 && !isSentenceStart(text, start)) confidence = 0.55;
    else if (unknown === words && words <= 3) {
      // Two or three words the lexicon does not know.
      if (cues.role || cues.addressing) confidence = 0.6; // "email Ubah Hirsi", "my father, Giorgos Papadopoulos"
      else if (PERSON_VERB_AFTER.test(text.slice(end, end + 24))) confidence = 0.55; // "Mulu Gebreyesus will present"
      else if (
        // "lunch with Ubah Hirsi", "Sefo Leota sent me the contract": an English cue before them or an English sentence
        // going on after them, and every one of them spelled like a name (not "with Vitest Browser mode").
        (isSentenceStart(text, start)
          ? englishWordAfter(text, end)
          : ENGLISH_WEAK_CUE_BEFORE.test(text.slice(Math.max(0, start - 12), start)) || knownGivenNameAfter(text, end)) &&
        tokens.every((token) => namenessScore(text.slice(token.start, token.end)) >= NAME_LIKE)
      ) {
        confidence = 0.55;
      }
    }
  } else if (AFTER_ARTICLE.test(text.slice(Math.max(0, start - 24), start))) {
    // "the Johnson report", "The Queen Mary": a lone name after an article names a thing, not a person.
  } else if (!capsOnly) {
    // The lexicon knows English common words (Grace, Will) but not Russian or Greek ones ("Вера" is also "faith"): a
    // lone name in those scripts needs a cue when the text around it is in that script too (in an English sentence,
    // "Is Кирилл still on call?", it is a name).
    if (given === 1) confidence = cues.weak ? 0.75 : CYRILLIC_OR_GREEK.test(text.slice(start, end)) && inCyrillicOrGreekProse(text, start, end) ? 0 : 0.6;
    else if (surname === 1 && cues.weak) confidence = 0.6;
    else if (ambiguous === 1 && cues.addressing && !isSentenceStart(text, start)) confidence = 0.55;
    else if (unknown === 1 && cues.personalRole) confidence = 0.6; // 'Our intern Mbali asked'
  } else if (given + surname === 1 && cues.strong) {
    confidence = 0.6; // a lone all-capitals word ("IBAN", "ANNA") only after a greeting or introduction
  }
  if (confidence > 0) out.push({ start, end: withNameSuffix(text, end), confidence });
}

/** A run that spells a place of several words, or starts with one of two words ("Hong Kong Island"). */
function isPlaceName(text: string, run: Token[]): boolean {
  if (run.length < 2 || run.length > 4) return false;
  const words = run.map((token) => foldName(text.slice(token.start, token.end)));
  return isPlacePhrase(words.join(' ')) || isPlacePhrase(words.slice(0, 2).join(' '));
}

function flushRun(text: string, run: Token[], out: NameSpan[]): void {
  // "San Francisco", "Los Angeles Lakers", "New York": a place prefix followed by capitalised words.
  if (run[0]?.cls === 'place') return;
  if (isPlaceName(text, run)) return;
  // "Caro Alessandro," / "Olá Rafael": a salutation opening the line is the cue, not part of the name.
  if (run.length > 1 && SALUTATIONS.has(foldName(text.slice(run[0]!.start, run[0]!.end))) && isSentenceStart(text, run[0]!.start)) {
    run = run.slice(1);
  }
  // Split the run at titles: "Dr Anna Schmidt" → title + segment.
  let segment: Token[] = [];
  let hasTitle = false;
  for (const token of run) {
    if (token.cls === 'title') {
      if (segment.length) scoreSegment(text, segment, hasTitle, out);
      segment = [];
      hasTitle = true;
      continue;
    }
    segment.push(token);
  }
  if (segment.length) scoreSegment(text, segment, hasTitle, out);
}

/**
 * Lower-case names after a strong cue ("my name is john smith", "i'm priya"), for the cues that end at a word ending at
 * `wordEnd`. A cue counts only at the start of a word (not "filename is ", "claim ").
 */
function lowercaseAfterCuesEndingAt(text: string, lowerText: string, wordEnd: number, out: NameSpan[]): void {
  const next = text.charCodeAt(wordEnd);
  if (next !== 32 && next !== 58) return;
  const cues = CUES_BY_LAST_LETTER.get(lowerText.charCodeAt(wordEnd - 1));
  if (cues === undefined) return;
  for (const cue of cues) {
    const at = wordEnd + (next === 58 ? 2 : 1) - cue.length;
    if (at < 0 || !lowerText.startsWith(cue, at)) continue;
    if (at > 0 && isWordChar(lowerText[at - 1])) continue;
    lowercaseNameAfter(text, at + cue.length, out);
  }
}

function lowercaseNameAfter(text: string, from: number, out: NameSpan[]): void {
  let pos = from;
  let start = -1;
  let end = -1;
  // Up to three words, each a known, unambiguous name: "john smith", "maria de souza" stops at "de".
  for (let count = 0; count < 3; count++) {
    let wordEnd = pos;
    while (wordEnd < text.length && (isLetterCode(text.charCodeAt(wordEnd)) || isJoinerCode(text.charCodeAt(wordEnd)))) wordEnd++;
    if (wordEnd === pos) break;
    const raw = text.slice(pos, wordEnd);
    if (isUpper(raw[0]!)) break; // capitalised names are the main pass's job
    const folded = foldName(raw);
    const isName =
      (isGivenName(folded) || isSurname(folded)) && !isAmbiguousName(folded) && !isCommonWord(folded) && !PLACEHOLDER_NAMES.has(folded);
    if (!isName) break;
    if (start < 0) start = pos;
    end = wordEnd;
    if (text[wordEnd] !== ' ') break;
    pos = wordEnd + 1;
  }
  if (start >= 0) out.push({ start, end, confidence: 0.75 });
}

/** Every regex the recognizer runs, for the catalogue's linear-time check. */
export const PERSON_INNER_PATTERNS = [SURNAME_SHAPE, INTERNAL_CAPS_NAME, AFTER_ARTICLE, GLUED_PARTICLE, CONTRACTION, NAME_SUFFIX];

// Letter test by code unit: ASCII by range, other scripts through one cached regex per distinct character.
const NON_ASCII_LETTER = /[\p{L}\p{M}]/u;
const letterCache = new Map<number, boolean>();
function isLetterCode(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  let known = letterCache.get(code);
  if (known === undefined) {
    known = NON_ASCII_LETTER.test(String.fromCharCode(code));
    letterCache.set(code, known);
  }
  return known;
}
const isJoinerCode = (code: number) => code === 39 || code === 0x2019 || code === 45; // ' ’ -

/** The end of the token that starts at `start` (letters joined by ' ’ -). */
function tokenEnd(text: string, start: number): number {
  const length = text.length;
  let i = start;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (isLetterCode(code)) i++;
    else if (isJoinerCode(code) && i + 1 < length && isLetterCode(text.charCodeAt(i + 1))) i += 2;
    else break;
  }
  return i;
}

/** The start of the token that contains the letter at `at`: the same boundary a left-to-right tokenizer finds. */
function tokenStart(text: string, at: number): number {
  let start = at;
  while (start > 0) {
    const previous = text.charCodeAt(start - 1);
    if (isLetterCode(previous)) start--;
    else if (isJoinerCode(previous) && start >= 2 && isLetterCode(text.charCodeAt(start - 2))) start -= 2;
    else break;
  }
  return start;
}

/**
 * The token text[start, end) as a run member, or null when it cannot be part of a name (most tokens: no object for them).
 * `end` comes back shorter when a possessive "'s" is cut off.
 */
function classifyToken(text: string, start: number, end: number): Token | null {
  const firstCode = text.charCodeAt(start);
  if (firstCode >= 97 && firstCode <= 122) {
    // Lower-case ASCII word: only particles (van, de, bin) may sit inside a name, or a particle glued to a
    // capitalised name: "al-Masri", "el-Amin", "d'Alembert".
    if (isLowerParticle(text, start, end)) return { start, end, cls: 'particle', allCaps: false };
    if (hasEarlyJoiner(text, start, end) && GLUED_PARTICLE.test(text.slice(start, Math.min(end, start + 6))) && !isCodeAdjacent(text, start, end, 'xx')) {
      return { start, end, cls: 'surname', allCaps: false };
    }
    return null;
  }
  let word = text.slice(start, end);
  if (word.length > 3 && (word.endsWith("'s") || word.endsWith('’s'))) {
    word = word.slice(0, -2);
    end -= 2;
  }
  const known = classifyCached(word);
  const allCaps = known.allCaps;
  let cls = known.cls;
  // A lone capital with a full stop is an initial ("John F. Kennedy", "J. Smith").
  if (word.length === 1 && isUpper(word) && text[end] === '.') cls = 'initial';
  if (cls !== 'stop' && cls !== 'initial' && cls !== 'particle' && isCodeAdjacent(text, start, end, word)) cls = 'stop';
  if (cls === 'title' && WEAK_TITLES.has(foldName(word)) && text[end] !== '.') cls = 'stop';
  return cls === 'stop' ? null : { start, end, cls, allCaps };
}

function isLowerParticle(text: string, start: number, end: number): boolean {
  return end - start <= MAX_PARTICLE_LENGTH && PARTICLE_CODES.has(asciiLowerCode(text, start, end));
}

/** A run continues only across one plain space, or ". " / "." after an initial or title. */
function joinsRun(text: string, last: Token, start: number): boolean {
  const previousEnd = last.end;
  const gap = start - previousEnd;
  const first = text.charCodeAt(previousEnd);
  return (
    (gap === 1 && (first === 32 || first === 0xa0)) ||
    ((last.cls === 'initial' || last.cls === 'title') && first === 46 && (gap === 1 || (gap === 2 && text.charCodeAt(previousEnd + 1) === 32)))
  );
}

/**
 * Lower-case names after a strong cue, found from a cue's trigger letter: every cue holds an "m" (or the "ß" of
 * "heiße"), so visiting each m/ß once finds every cue without a search per cue. Keyed by the letters around it.
 */
const CUE_TRIGGERS = new Map<number, Array<[cue: string, offset: number]>>();
for (const cue of LOWERCASE_CUES) {
  const offset = cue.includes('ß') ? cue.lastIndexOf('ß') : cue.lastIndexOf('m');
  const key = cue.charCodeAt(offset - 1) * 65536 + cue.charCodeAt(offset + 1);
  CUE_TRIGGERS.set(key, [...(CUE_TRIGGERS.get(key) ?? []), [cue, offset]]);
}

function cuesAtTrigger(text: string, lowerText: string, at: number, out: NameSpan[]): void {
  const code = lowerText.charCodeAt(at);
  if (code !== 109 && code !== 223) return;
  const cues = CUE_TRIGGERS.get(lowerText.charCodeAt(at - 1) * 65536 + lowerText.charCodeAt(at + 1));
  if (cues === undefined) return;
  for (const [cue, offset] of cues) {
    const cueStart = at - offset;
    if (cueStart < 0 || !lowerText.startsWith(cue, cueStart)) continue;
    // A cue counts only at the start of a word (not "filename is ", "claim ").
    if (cueStart > 0 && isWordChar(lowerText[cueStart - 1])) continue;
    lowercaseNameAfter(text, cueStart + cue.length, out);
  }
}

/**
 * What the skip loop of recognizePersonNames must stop at, per ASCII code: 1 for capitals (a name token may start
 * there), 2 for "m" (cue trigger); 0 for everything else. Non-ASCII always stops (letters of other scripts).
 */
const ASCII_STOPS = new Uint8Array(128);
for (let code = 65; code <= 90; code++) ASCII_STOPS[code] = 1;
ASCII_STOPS[109] = 2;

/**
 * Person names in one pass. Between runs, a tight loop skips to the next capital (or non-ASCII letter), since only
 * such tokens can start a name; lower-case particles right before it ("de la Cruz") are picked up by looking back.
 * Inside a run, tokens are read one by one until a token that cannot be part of a name ends it. Same spans as reading
 * every token (the property test in test/unit/detection checks this against that simple tokenizer).
 */
export function recognizePersonNames(text: string, lowerText: string = lowerCasePreservingOffsets(text)): NameSpan[] {
  const out: NameSpan[] = [];
  let run: Token[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    if (run.length === 0) {
      // Between runs: skip to the next capital, non-ASCII character or cue trigger.
      let code = text.charCodeAt(i);
      while (code < 128 && ASCII_STOPS[code] === 0 && ++i < length) code = text.charCodeAt(i);
      if (i >= length) break;
      cuesAtTrigger(text, lowerText, i, out);
      if (code === 109) {
        i++;
        continue;
      }
      if (!isLetterCode(code)) {
        i++;
        continue;
      }
      const start = tokenStart(text, i);
      const end = tokenEnd(text, i);
      for (let k = i + 1; k < end; k++) cuesAtTrigger(text, lowerText, k, out);
      const token = classifyToken(text, start, end);
      i = end;
      if (token === null) continue;
      run = particlesBefore(text, start);
      run.push(token);
      continue;
    }
    if (!isLetterCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    const end = tokenEnd(text, start);
    for (let k = start; k < end; k++) cuesAtTrigger(text, lowerText, k, out);
    const token = classifyToken(text, start, end);
    i = end;
    if (token === null) {
      flushRun(text, run, out);
      run = [];
      continue;
    }
    if (!joinsRun(text, run[run.length - 1]!, start)) {
      flushRun(text, run, out);
      run = [];
    }
    run.push(token);
  }
  if (run.length) flushRun(text, run, out);
  return dedupe(out);
}

/** Lower-case particles chained by single spaces right before `start` ("de la" in "de la Cruz"), in text order. */
function particlesBefore(text: string, start: number): Token[] {
  const chain: Token[] = [];
  let next = start;
  for (;;) {
    const gap = text.charCodeAt(next - 1);
    const end = next - 1;
    if (next < 2 || (gap !== 32 && gap !== 0xa0) || !isLetterCode(text.charCodeAt(end - 1))) break;
    const particleStart = tokenStart(text, end - 1);
    if (!isLowerParticle(text, particleStart, end)) break;
    chain.push({ start: particleStart, end, cls: 'particle', allCaps: false });
    next = particleStart;
  }
  return chain.reverse();
}

/** The plain tokenizer the fast scan must equal: every token read in order, cues found at word ends. For tests. */
export function recognizePersonNamesByEveryToken(text: string, lowerText: string = lowerCasePreservingOffsets(text)): NameSpan[] {
  const out: NameSpan[] = [];
  let run: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isLetterCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    i = tokenEnd(text, start);
    lowercaseAfterCuesEndingAt(text, lowerText, i, out);
    const token = classifyToken(text, start, i);
    if (token === null) {
      if (run.length) flushRun(text, run, out);
      run = [];
      continue;
    }
    if (run.length && !joinsRun(text, run[run.length - 1]!, start)) {
      flushRun(text, run, out);
      run = [];
    }
    run.push(token);
  }
  if (run.length) flushRun(text, run, out);
  return dedupe(out);
}

/** Several cues can find the same lower-case name; keep one span per start, the longest. */
function dedupe(spans: NameSpan[]): NameSpan[] {
  if (spans.length < 2) return spans;
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: NameSpan[] = [];
  for (const span of spans) {
    const last = kept[kept.length - 1];
    if (last && span.start < last.end) continue;
    kept.push(span);
  }
  return kept;
}
