/**
 * Street addresses written in Cyrillic (Russian, Ukrainian) and Greek script. Both put the street first and the house
 * number after it: "ул. Ленина, д. 5", "Береговая улица, 838", "вул. Хрещатик, 22, Київ 01001", "Λεωφ. Κηφισίας 6,
 * Αθήνα 115 26". A street type word is the evidence for Cyrillic; Greek streets are usually a bare surname in the
 * genitive ("Μαρκοπούλου 93"), so without a type word the town and postcode must follow, or an address cue precede.
 */
import type { Rule } from '../../types';
import { ADDRESS_CONTEXT } from './address-context';
import { escapeRegex } from '../../escape-regex';
import { eitherCase, hasAddressCueBefore } from './street-address';


const CYRILLIC_UPPER = '[\\u0400-\\u042f\\u0490]';
const CYRILLIC_WORD = `${CYRILLIC_UPPER}[\\u0400-\\u04ff'’ʼ-]{0,30}`;
const CYRILLIC_NAME = `${CYRILLIC_WORD}(?: ${CYRILLIC_WORD}){0,2}`;

/** Russian and Ukrainian street types, full and abbreviated (lower-case as written after a name). */
const CYRILLIC_TYPES = [
  'улица', 'проспект', 'переулок', 'площадь', 'набережная', 'аллея', 'бульвар', 'шоссе', 'проезд', 'тупик',
  'вулиця', 'провулок', 'площа', 'майдан', 'набережна', 'алея', 'узвіз', 'шосе', 'ул.', 'пр-т', 'просп.', 'пр.',
  'пер.', 'пл.', 'наб.', 'ал.', 'б-р', 'бул.', 'вул.', 'пров.',
];
// Longest first, so "просп." is tried before "пр.".
const byLength = (words: string[]) => [...words].sort((a, b) => b.length - a.length);
const CYRILLIC_TYPE_FIRST = `(?:${byLength(CYRILLIC_TYPES).map(eitherCase).join('|')})`;
const CYRILLIC_TYPE_AFTER = `(?:${byLength(CYRILLIC_TYPES).map(escapeRegex).join('|')})`;
/** House number: "5", "д. 5", "буд. 12а", "12/3", then an optional flat or block ("кв. 10", "корп. 2"). */
const CYRILLIC_NUMBER = `,? (?:(?:д|буд)\\. ?)?\\d{1,4}[а-яієї]?(?:/\\d{1,4})?(?![\\d\\p{L}])(?:, (?:кв|к|корп|оф|стр)\\. ?\\d{1,4}(?!\\d))?`;
/** Town, an optional region in brackets ("Азов (Рост.)"), and the 5- or 6-digit postcode. */
const CYRILLIC_TOWN = `(?:, ${CYRILLIC_NAME}(?: \\([^()\\n]{1,20}\\))?,? \\d{5,6}(?!\\d))?`;

export const CYRILLIC_ADDRESS = new RegExp(
  `(?<![\\p{L}\\d])(?:${CYRILLIC_TYPE_FIRST} ${CYRILLIC_NAME}|${CYRILLIC_NAME} ${CYRILLIC_TYPE_AFTER})${CYRILLIC_NUMBER}${CYRILLIC_TOWN}`,
  'gu',
);

const GREEK_UPPER = '[\\u0386\\u0388-\\u038f\\u0391-\\u03ab]';
const GREEK_WORD = `${GREEK_UPPER}[\\u0386-\\u03ce-]{0,30}`;
const GREEK_NAME = `${GREEK_WORD}(?: ${GREEK_WORD}){0,2}`;
const GREEK_TYPES = `(?:${['λεωφόρος', 'πλατεία', 'πάροδος', 'οδός', 'οδό'].map(eitherCase).join('|')}|Οδ\\.|Λεωφ\\.|Πλ\\.|Παρ\\.)`;
const GREEK_NUMBER = ' \\d{1,4}[α-ω]?(?![\\d\\p{L}])';
/** Town and postcode ("Θέρμη 358 14"). */
const GREEK_TOWN = `, ${GREEK_NAME},? \\d{3} ?\\d{2}(?!\\d)`;

export const GREEK_ADDRESS = new RegExp(
  `(?<![\\p{L}\\d])(?:${GREEK_TYPES} )?${GREEK_NAME}${GREEK_NUMBER}(?:${GREEK_TOWN})?`,
  'gu',
);
const GREEK_TYPED = new RegExp(`^${GREEK_TYPES} `, 'u');

export const cyrillicGreekAddressRules: Rule[] = [
  {
    id: 'street-address-cyrillic',
    kind: 'pii',
    type: 'STREET_ADDRESS',
    description: 'A street address in Cyrillic script (Russian, Ukrainian) locates a person\u2019s home or workplace.',
    pattern: CYRILLIC_ADDRESS,
    keywords: CYRILLIC_TYPES,
    context: ADDRESS_CONTEXT,
    // As the other address rules: above names and postcodes, so a street named after a person stays one address.
    confidence: 0.95,
    examples: {
      positive: [
        { text: 'Доставка: ул. Ленина, д. 5, кв. 12', match: 'ул. Ленина, д. 5, кв. 12' },
        { text: 'Ship the replacement to Береговая улица, 838, Азов (Рост.) 210709, thanks.', match: 'Береговая улица, 838, Азов (Рост.) 210709' },
        { text: 'Адреса: вул. Коліївщини, 306, Нікополь 47783', match: 'вул. Коліївщини, 306, Нікополь 47783' },
        { text: 'Офис на Невском проспекте? Нет: Невский проспект, 28.', match: 'Невский проспект, 28' },
        { text: 'Our office is at Стрийська майдан, 95. Is that inside the zone?', match: 'Стрийська майдан, 95' },
      ],
      negative: [
        'Улица была пуста, 5 человек ждали автобус.', // a street type with no name before the number
        'Мы обсудили проспект компании на 2025 год.', // "prospectus", lower-case word after it
        'Глава 3, пункт 12: площадь треугольника.',
      ],
    },
  },
  {
    id: 'street-address-greek',
    kind: 'pii',
    type: 'STREET_ADDRESS',
    description: 'A street address in Greek script locates a person\u2019s home or workplace.',
    pattern: GREEK_ADDRESS,
    innerPatterns: [GREEK_TYPED],
    // A bare name and number ("Ο Γιώργος 25") is an address only with a street type, a town and postcode, or a cue
    // before it ("Our office is at Μήτζου 8").
    validate: (value, text, start) => GREEK_TYPED.test(value) || value.includes(',') || hasAddressCueBefore(text, start),
    // Every Greek word holds one of these vowels: the rule wakes only on Greek text.
    keywords: ['α', 'ε', 'η', 'ι', 'ο', 'υ', 'ω', 'ά', 'έ', 'ή', 'ί', 'ό', 'ύ', 'ώ'],
    context: ADDRESS_CONTEXT,
    confidence: 0.95,
    examples: {
      positive: [
        { text: 'Ship the replacement to Λεωφ. Παπάζογλου 6, Θέρμη 358 14, thanks.', match: 'Λεωφ. Παπάζογλου 6, Θέρμη 358 14' },
        { text: 'Διεύθυνση: Μαρκοπούλου 93, Λάρισα 622 95', match: 'Μαρκοπούλου 93, Λάρισα 622 95' },
        { text: 'Μένω στην οδό Ερμού 15.', match: 'οδό Ερμού 15' },
        { text: 'Our office is at Μήτζου 8. Is that inside the delivery zone?', match: 'Μήτζου 8' },
      ],
      negative: [
        'Η Ελλάδα έχει 13 περιφέρειες.', // a capitalised word and a number, no town and postcode
        'Ο Γιώργος 25 ετών, μηχανικός.',
      ],
    },
  },
];
