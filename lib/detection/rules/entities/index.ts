import type { Rule } from '../../types';
import {
  BIRTH_CUE_AFTER,
  BIRTH_CUE_BEFORE,
  BIRTH_CUE_FINDER,
  BIRTH_CUE_KEYWORDS,
  DATE_PATTERN,
  recognizeDatesOfBirth,
} from './date-of-birth';
import { PERSON_INNER_PATTERNS, recognizePersonNames } from './person-name';
import {
  ANGLO_INNER_PATTERNS,
  ANGLO_SUFFIX_KEYWORDS,
  FRENCH_INNER_PATTERNS,
  FRENCH_KEYWORDS,
  GERMANIC_INNER_PATTERNS,
  GERMANIC_KEYWORDS,
  MILITARY_INNER_PATTERNS,
  PO_BOX_INNER_PATTERNS,
  recognizeAngloAddresses,
  recognizeFrenchAddresses,
  recognizeGermanicAddresses,
  recognizeGermanicAddressesAt,
  recognizeMilitaryAddresses,
  recognizePoBoxes,
  recognizeRomanceAddresses,
  recognizeRomanceAddressesAt,
  ROMANCE_INNER_PATTERNS,
  ROMANCE_KEYWORDS,
} from './street-address';
import { ADDRESS_CONTEXT } from './address-context';
import { cyrillicGreekAddressRules } from './street-address-cyrillic-greek';
import {
  ADDRESS_CUE_KEYWORDS,
  recognizeAddressesWithTown,
  recognizeBareAddresses,
  recognizeBareAddressesAt,
  WITH_TOWN_INNER_PATTERNS,
} from './street-address-with-town';

/**
 * The "hard" PII types: person names (lexicons + context), street addresses (several national shapes) and dates of
 * birth (a date plus a birth cue). Structured PII with checksums lives in ../pii and ../national-ids.
 */

export const entityRules: Rule[] = [
  {
    id: 'person-name',
    kind: 'pii',
    type: 'PERSON',
    description: 'A person\u2019s name identifies them and ties everything else in the prompt to that person.',
    recognize: (text, lowerText) => recognizePersonNames(text, lowerText),
    innerPatterns: PERSON_INNER_PATTERNS,
    context: ['name', 'patient', 'customer', 'client', 'employee', 'candidate', 'contact', 'dear', 'regards', 'signed',
      'mr', 'mrs', 'ms', 'dr', 'colleague'],
    confidence: 0.7,
    examples: {
      positive: [
        { text: 'Please ask Priya Raghunathan to send the Q3 report.', match: 'Priya Raghunathan' },
        { text: 'My name is john smith and my order never arrived.', match: 'john smith' },
        { text: 'Dear Dr. Schmidt, thank you for seeing me.', match: 'Schmidt' },
        { text: 'Customer: María José García de la Cruz, order 5532', match: 'María José García de la Cruz' },
        // Double-barrelled surnames whose parts have their own capitals.
        { text: "Ask Siobhan O'Brien-McCarthy about the invoice.", match: "Siobhan O'Brien-McCarthy" },
        { text: 'Ask Siobhan Smith-McCarthy about the invoice.', match: 'Siobhan Smith-McCarthy' },
        { text: 'Send the contract to Chukwuemeka Okonkwo today.', match: 'Chukwuemeka Okonkwo' },
        { text: 'Kenji Watanabe will join the call.', match: 'Kenji Watanabe' },
        { text: 'Please forward it to Niamh Ní Dhomhnaill in Galway.', match: 'Niamh Ní Dhomhnaill' }, // Irish particle
        { text: 'Meeting notes: Tigist Haile and Tendai Moyo agreed to the plan.', match: 'Tigist Haile' },
        { text: 'Please email Aigerim Nurlanovna about the invoice.', match: 'Aigerim Nurlanovna' }, // patronymic
        { text: 'I had lunch with Tavita Leota yesterday.', match: 'Tavita Leota' }, // unknown to the lexicon, spelled like names
        { text: 'Kealii Kanoho reviewed the pull request.', match: 'Kealii Kanoho' }, // the same, opening a sentence
        { text: 'Best regards,\nJean-Luc Picard', match: 'Jean-Luc Picard' },
        { text: 'I met Nguyen Van Anh in Hanoi.', match: 'Nguyen Van Anh' },
        { text: 'Please schedule a call with Ngọc Ẩn Nguyễn next week.', match: 'Ngọc Ẩn Nguyễn' }, // "Ẩn" is not "an"
        { text: 'The patient, Siobhan O\u2019Brien, was admitted.', match: 'Siobhan O\u2019Brien' },
        { text: 'Frau Müller kommt morgen.', match: 'Müller' },
        { text: 'Please forward this to Иван Петров by Friday.', match: 'Иван Петров' }, // Cyrillic, romanised lookup
        { text: 'Is Кирилл still on the on-call rotation?', match: 'Кирилл' }, // a lone Cyrillic name in English text
        { text: 'Γεια σας, είμαι ο Γιώργος Παπαδόπουλος.', match: 'Γιώργος Παπαδόπουλος' },
        { text: 'My niece Thandeka starts school on Monday.', match: 'Thandeka' }, // an unknown word after a relation noun
      ],
      negative: [
        'Name: baz\nField1: 42', // a programmer's placeholder
        ' * @category Lang', // a doc tag's value
        'export declare class Ky {', // a class name
        'if (name == "Esc") name = "Escape";', // compared with a field, not labelled by it
        'Will you review the PR? May I ask a question?', // names that are ordinary words at sentence start
        'Grace period ends on Monday in June.',
        'We use React, Python and Jest in our stack.', // tech terms
        'Getting Started With Visual Studio Code',
        'Paris is lovely in April.', // place and month
        'const userName = getUser().firstName;', // identifiers
        'The Way API returns a list of steps.',
        'Вера в успех важна. Роман прочитан.', // "faith", "novel": Russian nouns that are also given names
        'Η Αθήνα είναι η πρωτεύουσα της Ελλάδας.', // Athens, also the name Athina
        'Our customer Zendesk reported an outage.', // customers and clients are often companies
        '## Named Exports Supported', // a Title Case heading
        "await expect(page.getByRole('heading', { name: 'Installation' })).toBeVisible();", // an English noun as a name: value
        'interface Param {\n  name: Identifier;\n  owner: Person | null;\n}', // type annotations, not form fields
        'Supported locales: English (Hong Kong), Sierra Leone, Costa Rica.', // places whose words are all names
        '"fail": "Atributos ARIA obrigatórios não estão presentes", "help": "Invalid ARIA attribute names"', // acronyms
        'Testing Preact with Vitest Browser mode is fast.', // unknown words, but not spelled like names
        'La variable de entorno está disponible. Este Acepta una Cadena o un Búfer.', // Spanish, oddly capitalised
        'Blöcke müssen vom Nutzer mit Hilfe von der Seite bereitgestellt werden.', // German capitalises its nouns
      ],
    },
  },
  {
    id: 'street-address',
    kind: 'pii',
    type: 'STREET_ADDRESS',
    description: 'A street address locates a person\u2019s home or workplace.',
    recognize: (text) => recognizeAngloAddresses(text),
    innerPatterns: ANGLO_INNER_PATTERNS,
    keywords: ANGLO_SUFFIX_KEYWORDS,
    context: ADDRESS_CONTEXT,
    // Above names and postcodes: a street named after a person, or a postcode inside an address, must not split it.
    // 0.95 so a name with its context boost (0.85 + 0.1) ties at most, and the longer address then wins.
    confidence: 0.95,
    examples: {
      positive: [
        { text: 'Ship it to 1600 Pennsylvania Ave NW, Washington, DC 20500 please.', match: '1600 Pennsylvania Ave NW, Washington, DC 20500' },
        { text: 'I live at 221B Baker Street, London NW1 6XE.', match: '221B Baker Street, London NW1 6XE' },
        { text: 'Our office: 350 Fifth Avenue, Suite 3300, New York, NY 10118-0110', match: '350 Fifth Avenue, Suite 3300, New York, NY 10118-0110' },
        { text: 'Mail to 42 Wallaby Way, Sydney NSW 2000.', match: '42 Wallaby Way, Sydney NSW 2000' },
        { text: 'Deliver to 10 Main St, Toronto, ON M5V 2T6', match: '10 Main St, Toronto, ON M5V 2T6' },
        { text: 'She lives at 367 A Street, West Springfield 51569-4848.', match: '367 A Street, West Springfield 51569-4848' },
        { text: 'Post it to 8 The Avenue, St. Albans AL1 3XY', match: '8 The Avenue, St. Albans AL1 3XY' },
        { text: 'Entregar em 929 Rodovia Eduardo, Larissa do Norte 08173-847', match: '929 Rodovia Eduardo, Larissa do Norte 08173-847' },
        { text: 'Office: 35 Amelie Circuit, Georgiabury 5718', match: '35 Amelie Circuit, Georgiabury 5718' },
      ],
      negative: [
        'the DSP Release 1 Application Specific Extension.', // the number belongs to "Release"
        'Version 2 of the Way API is out.',
        'Follow these 3 Main steps to deploy.',
        'We moved 12 items to the backlog.',
      ],
    },
  },
  {
    id: 'street-address-number-after',
    kind: 'pii',
    type: 'STREET_ADDRESS',
    description: 'A street address (German, Dutch, Nordic style: street then number) locates a person\u2019s home.',
    recognize: (text) => recognizeGermanicAddresses(text),
    recognizeAt: (text, _lower, starts, count) => recognizeGermanicAddressesAt(text, starts, count),
    innerPatterns: GERMANIC_INNER_PATTERNS,
    keywords: GERMANIC_KEYWORDS,
    context: ADDRESS_CONTEXT,
    // Above names and postcodes: a street named after a person, or a postcode inside an address, must not split it.
    // 0.95 so a name with its context boost (0.85 + 0.1) ties at most, and the longer address then wins.
    confidence: 0.95,
    examples: {
      positive: [
        { text: 'Meine Adresse: Hauptstraße 12, 10115 Berlin', match: 'Hauptstraße 12, 10115 Berlin' },
        { text: 'Het pakket moet naar Kerkstraat 3, 1017 GB Amsterdam.', match: 'Kerkstraat 3, 1017 GB Amsterdam' },
        { text: 'Send it to Drottninggatan 45 in Stockholm.', match: 'Drottninggatan 45' },
        { text: 'Lieferung an Eichenkamp 8, 45525 Hattingen', match: 'Eichenkamp 8, 45525 Hattingen' },
        { text: 'Adress: Kvarngärdet 4, Falun 79131', match: 'Kvarngärdet 4, Falun 79131' },
      ],
      negative: [
        'Die Ringstraße ist 5 km lang.', // a distance, not a house number
        'Wir waren in Heidelberg 3 Tage und dann in Nürnberg 2 Tage.', // town names ending like streets
        'Im Bischofshof 3 Sterne bekommen.',
        'Run the Gateway 2 migration.',
      ],
    },
  },
  {
    id: 'street-address-type-first',
    kind: 'pii',
    type: 'STREET_ADDRESS',
    description: 'A street address (Spanish, Italian, Portuguese, Polish style: street type, name, number) locates a person\u2019s home.',
    recognize: (text) => recognizeRomanceAddresses(text),
    recognizeAt: (text, _lower, starts, count) => recognizeRomanceAddressesAt(text, starts, count),
    innerPatterns: ROMANCE_INNER_PATTERNS,
    keywords: ROMANCE_KEYWORDS,
    context: ADDRESS_CONTEXT,
    // Above names and postcodes: a street named after a person, or a postcode inside an address, must not split it.
    // 0.95 so a name with its context boost (0.85 + 0.1) ties at most, and the longer address then wins.
    confidence: 0.95,
    examples: {
      positive: [
        { text: 'Vivo en Calle Mayor 5, 28013 Madrid.', match: 'Calle Mayor 5, 28013 Madrid' },
        { text: 'Spedire a Via Roma 10, 00184 Roma', match: 'Via Roma 10, 00184 Roma' },
        { text: 'Moro na Rua Augusta, 100 em Lisboa.', match: 'Rua Augusta, 100' },
        { text: 'Mieszkam przy ul. Długa 5 w Gdańsku.', match: 'ul. Długa 5' },
        { text: 'Dirección: Colonia Guillermo s/n, Palencia 34001', match: 'Colonia Guillermo s/n, Palencia 34001' },
        { text: 'Our office is at Am Hühnerberg 7. Is that inside the zone?', match: 'Am Hühnerberg 7' },
        { text: 'Billing address: wyspa Piasecki 2/2, Ożarów 90-883', match: 'wyspa Piasecki 2/2, Ożarów 90-883' },
        { text: 'Kirim ke Dk. Noviana no 3, Tambolaka 19927', match: 'Dk. Noviana no 3, Tambolaka 19927' },
      ],
      negative: [
        'Copyright Calle Rosenquist, 2016-2018 (xbreak)', // a given name and a span of years
        'Copyright Calle Rosenquist, 2017 (xbreak)', // a year in a copyright line
        'An RFC 2047/2243 encoded word has four parts.', // a weak prefix ("An der …") before an acronym
        'Send it via DHL 2 days later.', // "via" as a preposition
        'Im Jahr 2023 haben wir 5 Projekte abgeschlossen.', // a preposition street shape without an address
        'Los resultados del Grupo Santander 2024 son buenos.',
        'We park Tesla 3 cars in the garage.',
        'Plaza 3 is a shopping mall game level.',
      ],
    },
  },
  {
    id: 'street-address-fr',
    kind: 'pii',
    type: 'STREET_ADDRESS',
    description: 'A street address (French style: number, street type, name) locates a person\u2019s home.',
    recognize: (text) => recognizeFrenchAddresses(text),
    innerPatterns: FRENCH_INNER_PATTERNS,
    keywords: FRENCH_KEYWORDS,
    context: ADDRESS_CONTEXT,
    // Above names and postcodes: a street named after a person, or a postcode inside an address, must not split it.
    // 0.95 so a name with its context boost (0.85 + 0.1) ties at most, and the longer address then wins.
    confidence: 0.95,
    examples: {
      positive: [
        { text: "J'habite au 12 rue de la Paix, 75002 Paris.", match: '12 rue de la Paix, 75002 Paris' },
        { text: 'Livraison : 5 bis avenue Victor Hugo', match: '5 bis avenue Victor Hugo' },
      ],
      negative: ['Il y a 3 rues dans ce village.', 'Take route 66 for 2 hours.'],
    },
  },
  {
    id: 'po-box',
    kind: 'pii',
    type: 'STREET_ADDRESS',
    description: 'A post-office box is a mailing address that reaches a specific person.',
    recognize: (text) => recognizePoBoxes(text),
    innerPatterns: PO_BOX_INNER_PATTERNS,
    keywords: ['box', 'postfach', 'apartado', 'caixa', 'casella', 'boîte', 'boite', 'postbus', 'bag', 'skrytka'],
    context: ADDRESS_CONTEXT,
    confidence: 0.9,
    examples: {
      positive: [
        { text: 'Send the cheque to PO Box 1234, Anchorage, AK 99501.', match: 'PO Box 1234, Anchorage, AK 99501' },
        { text: 'Postfach 10 12 34', match: 'Postfach 10 12 34' },
        { text: 'P.O. Box 77', match: 'P.O. Box 77' },
      ],
      negative: ['Check box 3 on the form.', 'The inbox has 12 messages.'],
    },
  },
  {
    id: 'us-military-address',
    kind: 'pii',
    type: 'STREET_ADDRESS',
    description: 'A US military mail address (unit, box, APO/FPO/DPO) reaches a specific service member.',
    recognize: (text) => recognizeMilitaryAddresses(text),
    innerPatterns: MILITARY_INNER_PATTERNS,
    keywords: ['apo ', 'fpo ', 'dpo '],
    context: ADDRESS_CONTEXT,
    confidence: 0.95,
    examples: {
      positive: [
        { text: 'Ship to PSC 4115, Box 7815\nAPO AA 41945 before June.', match: 'PSC 4115, Box 7815\nAPO AA 41945' },
        { text: 'My address: Unit 9930 Box 9828, DPO AP 76468', match: 'Unit 9930 Box 9828, DPO AP 76468' },
        { text: 'USNS Brown\nFPO AE 53719', match: 'USNS Brown\nFPO AE 53719' },
      ],
      negative: ['The APO service in Angular handles it.', 'FPO AE team meeting', 'DPO approval pending (ref 12345)'],
    },
  },
  {
    id: 'date-of-birth',
    kind: 'pii',
    type: 'DATE_OF_BIRTH',
    description: 'A date of birth, with a name or postcode, is enough to identify most people.',
    // Checks plausibility and the birth cue itself (the date must sit right after the cue, not anywhere near it).
    recognize: (text, lowerText) => recognizeDatesOfBirth(text, lowerText),
    innerPatterns: [DATE_PATTERN, BIRTH_CUE_FINDER, BIRTH_CUE_BEFORE, BIRTH_CUE_AFTER],
    keywords: BIRTH_CUE_KEYWORDS,
    context: ['born', 'birth', 'dob', 'd.o.b', 'birthday', 'geboren', 'nacimiento', 'nascita', 'nascimento', 'naissance'],
    confidence: 0.85,
    examples: {
      positive: [
        { text: 'Patient DOB: 1990-04-12, allergic to penicillin.', match: '1990-04-12' },
        { text: 'She was born on 12 April 1990 in Leeds.', match: '12 April 1990' },
        { text: 'Date of birth: April 12, 1990', match: 'April 12, 1990' },
        { text: 'Geburtsdatum: 12.04.1990', match: '12.04.1990' },
        { text: 'Fecha de nacimiento: 12 de abril de 1990', match: '12 de abril de 1990' },
        { text: '生年月日：1990年4月12日', match: '1990年4月12日' },
        { text: 'd.o.b. 04/12/1990', match: '04/12/1990' },
        { text: 'Patient: J. Doe, DOB 14-Mar-1985, no known allergies', match: '14-Mar-1985' },
        { text: 'DOB: 14-MAR-85', match: '14-MAR-85' },
      ],
      negative: [
        'The release date is 2024-03-01.', // no birth cue
        'Meeting on 12 April 1990 about the budget.',
        'Timestamp 2023-11-05T10:22:00Z',
        'Born in 1990, she moved to Lyon.', // a year alone is not a date of birth
        'DOB field: 2999-01-01', // impossible date
        'born 31-Feb-1990', // no such day
        'Release 14-Mar-2024 shipped on time.',
      ],
    },
  },
  ...cyrillicGreekAddressRules,
  {
    id: 'street-address-with-town',
    kind: 'pii',
    type: 'STREET_ADDRESS',
    description: 'A street name and house number followed by a town and postcode (Central and Northern European style) locate a person’s home.',
    recognize: (text) => recognizeAddressesWithTown(text),
    innerPatterns: WITH_TOWN_INNER_PATTERNS,
    context: ADDRESS_CONTEXT,
    // Below the other address rules, whose street types are firmer evidence: where one of them matches ("PO Box 4471,
    // Anchorage, AK 99501"), its span wins over this rule's reading of the same words.
    confidence: 0.9,
    examples: {
      positive: [
        { text: 'Ship the replacement to Nábřežní 6, Stráž pod Ralskem 477 67, thanks.', match: 'Nábřežní 6, Stráž pod Ralskem 477 67' },
        { text: 'Adresse: Vorstadt 9, 3600 Thun', match: 'Vorstadt 9, 3600 Thun' },
        { text: 'Billing address: Soška ulica 26a, Šempeter pri Gorici 7477', match: 'Soška ulica 26a, Šempeter pri Gorici 7477' },
        { text: 'Send it to Vēja bulvāris 722, Viļaka LV-0134.', match: 'Vēja bulvāris 722, Viļaka LV-0134' },
        { text: 'Meet me at Ved Stranden 22B, Arden 5072 tomorrow.', match: 'Ved Stranden 22B, Arden 5072' },
        { text: 'Ship to 620 Pépin Du Sommerard, Menardburgh T6J 0J7', match: '620 Pépin Du Sommerard, Menardburgh T6J 0J7' },
        { text: 'Deliver to 13 Boame Link, Nyananor FF-378-4092 today', match: '13 Boame Link, Nyananor FF-378-4092' },
        { text: 'Billing address: Szőke tér 94, Balatonkeresztúr 1960', match: 'Szőke tér 94, Balatonkeresztúr 1960' },
        { text: 'Ship it to Aleea Penelului, Bloc 51, Ianca 860355.', match: 'Aleea Penelului, Bloc 51, Ianca 860355' },
      ],
      negative: [
        '// Reference: RFC 3986, RFC 1808, RFC 2396', // a series of standards, not a street and a postcode
        'Order 5, Invoice 10023 was paid.', // ordinary words, an invoice number
        'We support Windows 11, Office 2019 and later.', // a year is not a postcode
        'Python 3, Django 4 and Node 18 are installed.',
        'See Chapter 12, Section 3 of the manual.',
        'We shipped 3 Macbooks, Berlin 2024 edition.', // number first, ordinary words, a year
        'Released 12 Features, Fixes 10045 closed.',
        'Meet Kowalski 3, Vienna 1985 was a good year.', // a year after a bare name, no address word
      ],
    },
  },
  {
    id: 'street-address-after-cue',
    kind: 'pii',
    type: 'STREET_ADDRESS',
    description: 'A street name and house number right after an address word ("Our office is at Závrchy 8") locate a person\u2019s home or workplace.',
    recognize: (text, lower) => recognizeBareAddresses(text, lower),
    recognizeAt: (text, _lower, starts, count) => recognizeBareAddressesAt(text, starts, count),
    innerPatterns: WITH_TOWN_INNER_PATTERNS,
    // The address words themselves: the rule runs only where one occurs, and starts looking there.
    keywords: ADDRESS_CUE_KEYWORDS,
    context: ADDRESS_CONTEXT,
    // As the town-and-postcode rule: below the rules that know the street's type.
    confidence: 0.9,
    examples: {
      positive: [
        { text: 'Our office is at Závrchy 8. Is that inside the delivery zone?', match: 'Závrchy 8' },
        { text: 'Billing address: Torvet 898', match: 'Torvet 898' },
        { text: 'She lives at 1607 du Preez Landing now.', match: '1607 du Preez Landing' },
      ],
      negative: [
        'Our office bought Lenovo 5 laptops last week.', // an address word, but no place preposition before
        'Our office is at Version 2 of the rollout.', // an ordinary word as the street
        'Check your email. At Sprint 12 we release.', // a sentence ends between the address word and the street
      ],
    },
  },
];
