/**
 * Person names, street addresses and dates of birth: rule examples, hard negatives, the labelled corpus (recall and
 * untouched negatives), linear time, and the same behaviour through the public `scan`.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scan } from '../../../lib/detection';
import { createEngineScanner } from '../../../lib/detection/engine';
import { foldName, isAmbiguousName, isGivenName, isSurname } from '../../../lib/detection/lexicons/names';
import { entityRules } from '../../../lib/detection/rules/entities';
import { plausibleBirthDate } from '../../../lib/detection/rules/entities/date-of-birth';
import {
  GERMANIC_KEYWORDS,
  recognizeGermanicAddresses,
  recognizeGermanicAddressesAt,
  recognizeRomanceAddresses,
  recognizeRomanceAddressesAt,
  ROMANCE_KEYWORDS,
} from '../../../lib/detection/rules/entities/street-address';
import { recognizePersonNames, recognizePersonNamesByEveryToken } from '../../../lib/detection/rules/entities/person-name';
import {
  ADDRESS_CUE_KEYWORDS,
  recognizeAddressesWithTown,
  recognizeBareAddresses,
  recognizeBareAddressesAt,
  recognizeBareAddressesAtEveryNumber,
} from '../../../lib/detection/rules/entities/street-address-with-town';
import type { Finding } from '../../../lib/detection/types';

const scanner = createEngineScanner(undefined, { rules: entityRules });
const valuesOf = (text: string, type?: string) =>
  scanner
    .scan(text)
    .filter((finding: Finding) => !type || finding.type === type)
    .map((finding: Finding) => text.slice(finding.start, finding.end));

interface CorpusLine {
  id: string;
  text: string;
  spans: Array<{ start: number; end: number; type: string }>;
}
const corpus: CorpusLine[] = readFileSync(new URL('../../corpus/detection/entities.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as CorpusLine);

describe('name lexicon', () => {
  it('folds case and diacritics', () => {
    expect(foldName('JOSÉ')).toBe('jose');
    expect(foldName('Müller')).toBe('muller');
    expect(foldName('Łukasz')).toBe('lukasz');
  });

  it('knows given names and surnames from many cultures', () => {
    for (const name of ['priya', 'chukwuemeka', 'oluwaseun', 'xiaoming', 'haruto', 'seo-yeon', 'mehmet', 'fatima',
      'jean', 'giulia', 'agnieszka', 'reza', 'wanjiru', 'kwame', 'lakshmi', 'tomas']) {
      expect(isGivenName(name), name).toBe(true);
    }
    for (const name of ['okonkwo', 'watanabe', 'nguyen', 'kowalczyk', 'hosseini', 'mwangi', 'rossi', 'garcia',
      'muller', 'chatterjee', 'yilmaz', 'kim']) {
      expect(isSurname(name), name).toBe(true);
    }
  });

  it('flags names that are ordinary words', () => {
    for (const word of ['will', 'may', 'grace', 'mark', 'bill', 'rose', 'june']) expect(isAmbiguousName(word), word).toBe(true);
    for (const word of ['priya', 'john', 'mary']) expect(isAmbiguousName(word), word).toBe(false);
  });
});

describe('person names', () => {
  it.each([
    ['Please ask Priya Raghunathan to send the Q3 report.', 'Priya Raghunathan'],
    ['Escalate to Hiroshi Yamamoto in Osaka.', 'Hiroshi Yamamoto'],
    ['Send the contract to Chukwuemeka Okonkwo today.', 'Chukwuemeka Okonkwo'],
    ['Ludwig van Beethoven wrote nine symphonies.', 'Ludwig van Beethoven'],
    ['Customer: María José García de la Cruz', 'María José García de la Cruz'],
    ['Dear Mr. Takahashi, thanks for waiting.', 'Takahashi'],
    ['Sehr geehrte Frau Dr. Wagner,', 'Wagner'],
    ['Best regards,\nOluwadamilare Bankole', 'Oluwadamilare Bankole'],
    ['Hi Oluwadamilare,', 'Oluwadamilare'],
    ['The patient, Siobhan O\u2019Brien, was admitted.', 'Siobhan O\u2019Brien'],
    ['Kim Min-jun joined from Seoul.', 'Kim Min-jun'],
    ['I met Nguyen Van Anh in Hanoi.', 'Nguyen Van Anh'],
    ['Mohammed bin Rashid opened the session.', 'Mohammed bin Rashid'],
    ['my name is carlos garcia and my order is late', 'carlos garcia'],
    ['{ "first_name": "Olusegun" }', 'Olusegun'],
    ['Will Smith and Bob Martinez will present.', 'Will Smith'],
    ['John F. Kennedy was president.', 'John F. Kennedy'],
  ])('finds the name in %j', (text, name) => {
    expect(valuesOf(text, 'PERSON')).toContain(name);
  });

  it.each([
    'Will you review the pull request? May I ask a question?',
    'Grace period ends in June; Mark the checkbox and Bill me later.',
    'We use React, Python, Jest, Ruby and Julia in production.',
    'Getting Started With Visual Studio Code',
    'Paris and Sydney are lovely in April.',
    'San Francisco and Los Angeles are in California.',
    'const userName = getUser().firstName; obj.Maria = 1;',
    'Set MAX_RETRIES=5 and TIMEOUT_MS=3000.',
    'Dear Hiring Manager, I am excited to apply.',
    'Best regards,\nThe Support Team',
    'URGENT: PLEASE CALL THE HELPDESK ASAP',
    'Apple, Google and Microsoft announced new features.',
  ])('leaves %j alone', (text) => {
    expect(valuesOf(text, 'PERSON')).toEqual([]);
  });

  it('returns offsets that cover exactly the name (titles and possessives excluded)', () => {
    const text = "Ask Dr. Anna Schmidt's assistant.";
    const spans = recognizePersonNames(text);
    expect(spans.map((span) => text.slice(span.start, span.end))).toEqual(['Anna Schmidt']);
  });

  it('the skip-ahead scan finds exactly what reading every token finds', () => {
    // Names, particles, titles, cues, code and punctuation glued together at random: the corners the fast scan skips.
    const piece = fc.constantFrom(
      'Maria', 'José', 'García', 'de', 'la', 'van', 'der', 'Cruz', 'al-Masri', "d'Alembert", 'O’Brien', 'Dr.', 'Dr', 'J.',
      'Mr', 'Frau', 'San', 'Francisco', 'The', 'JSON', 'getElementById', 'iPhone', 'my name is', "I'm", 'i am', 'im',
      'name:', 'Patient name:', 'je m\'appelle', 'ich heiße', 'me llamo', 'meu nome é', 'john', 'smith', 'priya', 'carlos',
      'Priya’s', "Anna's", 'Ñúñez', 'Ólafur', 'МАРИЯ', '李', 'Hi', 'Dear', 'Best regards,', 'thanks', 'tell', 'Will',
      'Mark', 'x-i', 'claim', 'filename is', 'ß', 'ẞ', 'İ', '_', '$', '@', '42', 'Ave', 'Street',
    );
    const glue = fc.constantFrom(' ', ' ', ' ', '  ', '\n', ', ', '. ', '-', "'", '’', '', '\u00a0', ': ', '\t', '(', '=');
    const text = fc.array(fc.tuple(piece, glue), { maxLength: 30 }).map((parts) => parts.map(([word, sep]) => word + sep).join(''));
    fc.assert(
      fc.property(text, (sample) => {
        expect(recognizePersonNames(sample)).toEqual(recognizePersonNamesByEveryToken(sample));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('street addresses', () => {
  it.each([
    ['Ship to 1600 Pennsylvania Ave NW, Washington, DC 20500 please.', '1600 Pennsylvania Ave NW, Washington, DC 20500'],
    ['Flat 2, 10 Downing Street, London SW1A 2AA', 'Flat 2, 10 Downing Street, London SW1A 2AA'],
    ['Office: 350 Fifth Avenue, Suite 3300, New York, NY 10118', '350 Fifth Avenue, Suite 3300, New York, NY 10118'],
    ['Deliver to 10 Main St, Toronto, ON M5V 2T6', '10 Main St, Toronto, ON M5V 2T6'],
    ['He lives at 9 Harbour View Road.', '9 Harbour View Road'],
    ['Adresse : Hauptstraße 12, 10115 Berlin', 'Hauptstraße 12, 10115 Berlin'],
    ['Lieferadresse: Berliner Straße 5, 60311 Frankfurt', 'Berliner Straße 5, 60311 Frankfurt'],
    ['Kerkstraat 3, 1017 GB Amsterdam', 'Kerkstraat 3, 1017 GB Amsterdam'],
    ['Vivo en Calle Mayor 5, 28013 Madrid.', 'Calle Mayor 5, 28013 Madrid'],
    ['Spedire a Via Roma 10, 00184 Roma', 'Via Roma 10, 00184 Roma'],
    ['Moro na Rua Augusta, 100 em Lisboa.', 'Rua Augusta, 100'],
    ["J'habite au 12 rue de la Paix, 75002 Paris.", '12 rue de la Paix, 75002 Paris'],
    ['Send it to PO Box 4471, Anchorage, AK 99501.', 'PO Box 4471, Anchorage, AK 99501'],
    ['Atatürk Caddesi 112, İzmir', 'Atatürk Caddesi 112'],
  ])('finds the address in %j', (text, address) => {
    expect(valuesOf(text, 'STREET_ADDRESS')).toContain(address);
  });

  it.each([
    'Version 2 of the Way API is out.',
    'Follow these 3 Main steps to deploy.',
    'Run the Gateway 2 migration tonight.',
    'Die Ringstraße ist 5 km lang.',
    'Send it via DHL within 2 days.',
    'Check box 3 on the form.',
    'There are 3 rues in the village.',
    'Step 3 The Road to Production',
  ])('leaves %j alone', (text) => {
    expect(valuesOf(text, 'STREET_ADDRESS')).toEqual([]);
  });
});

describe('dates of birth', () => {
  it.each([
    ['Patient DOB: 1990-04-12.', '1990-04-12'],
    ['born on 12 April 1990 in Leeds', '12 April 1990'],
    ['Date of birth: April 12, 1990', 'April 12, 1990'],
    ['d.o.b. 04/12/1990', '04/12/1990'],
    ['Geburtsdatum: 12.04.1990', '12.04.1990'],
    ['Fecha de nacimiento: 12 de abril de 1990', '12 de abril de 1990'],
    ['data di nascita 17/09/1974', '17/09/1974'],
    ['生年月日：1985年7月23日', '1985年7月23日'],
    ['12.04.1990 (DOB)', '12.04.1990'],
  ])('finds the date of birth in %j', (text, date) => {
    expect(valuesOf(text, 'DATE_OF_BIRTH')).toContain(date);
  });

  it.each([
    'The release date is 2024-03-01.',
    'Meeting on 12 April 1990 about the budget.',
    'Born in 1990, she moved to Lyon.',
    'DOB field: 2999-01-01',
    'DOB 1990-02-30 looks wrong',
    'Our birthday sale runs from ' + `${new Date().getFullYear()}-05-01.`,
    'Timestamp 2023-11-05T10:22:00Z',
  ])('leaves %j alone', (text) => {
    expect(valuesOf(text, 'DATE_OF_BIRTH')).toEqual([]);
  });

  it('checks the calendar', () => {
    expect(plausibleBirthDate('29.02.1992')).toBe(true);
    expect(plausibleBirthDate('29.02.1991')).toBe(false);
    expect(plausibleBirthDate('31/04/1990')).toBe(false);
    expect(plausibleBirthDate('Smarch 3, 1990')).toBe(false);
  });
});

describe('labelled corpus (test/corpus/detection/entities.jsonl)', () => {
  it('has at least 200 lines, a third of them without PII, and valid offsets', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    expect(corpus.filter((line) => line.spans.length === 0).length).toBeGreaterThanOrEqual(corpus.length / 3);
    for (const line of corpus) {
      for (const span of line.spans) {
        expect(span.start, line.id).toBeGreaterThanOrEqual(0);
        expect(span.end, line.id).toBeLessThanOrEqual(line.text.length);
        expect(line.text.slice(span.start, span.end).trim(), line.id).toBe(line.text.slice(span.start, span.end));
      }
    }
  });

  it('finds >= 90% of names, addresses and dates of birth and leaves >= 95% of PII-free lines untouched', () => {
    const recall = new Map<string, { found: number; total: number }>();
    let untouched = 0;
    let negatives = 0;
    for (const line of corpus) {
      const findings = scanner.scan(line.text);
      if (line.spans.length === 0) {
        negatives++;
        if (findings.length === 0) untouched++;
      }
      for (const span of line.spans) {
        const entry = recall.get(span.type) ?? { found: 0, total: 0 };
        entry.total++;
        if (findings.some((f: Finding) => f.type === span.type && f.start < span.end && span.start < f.end)) entry.found++;
        recall.set(span.type, entry);
      }
    }
    for (const [type, { found, total }] of recall) expect(found / total, type).toBeGreaterThanOrEqual(0.9);
    expect(untouched / negatives).toBeGreaterThanOrEqual(0.95);
  });
});

describe('performance', () => {
  it('scans in linear time: 1 MB costs about 256x a 4 KB text, not more', () => {
    const text4k = corpus.map((line) => line.text).join('\n').slice(0, 4096);
    let text1m = '';
    while (text1m.length < 1_000_000) text1m += `${text4k}\n`;
    const time = (text: string, runs: number) => {
      scanner.scan(text);
      const started = performance.now();
      for (let i = 0; i < runs; i++) scanner.scan(text);
      return (performance.now() - started) / runs;
    };
    const small = time(text4k, 20);
    const large = time(text1m, 1);
    // Generous bounds for a shared, loaded CI machine; quadratic behaviour would be ~250x beyond them.
    expect(large).toBeLessThan(Math.max(small * 256 * 8, 500));
    expect(large).toBeLessThan(15_000);
  });

  it('survives pathological input quickly (long capitalised runs, digits, separators)', () => {
    const inputs = [
      'Aa '.repeat(100_000),
      '1 Aa '.repeat(50_000),
      'Via a '.repeat(50_000),
      'born 1 1 1 '.repeat(30_000),
      'Hauptstraße '.repeat(30_000),
      "O'".repeat(100_000),
    ];
    for (const input of inputs) {
      const started = performance.now();
      scanner.scan(input);
      expect(performance.now() - started, input.slice(0, 20)).toBeLessThan(8000);
    }
  });
});

describe('through the public scan()', () => {
  it('reports entity findings with kind, type, rule and message', () => {
    const text = 'Hi, my name is Priya Raghunathan, DOB 1990-04-12, I live at 221B Baker Street, London NW1 6XE.';
    const findings = scan(text);
    const byType = new Map(findings.map((f: Finding) => [f.type, text.slice(f.start, f.end)]));
    expect(byType.get('PERSON')).toBe('Priya Raghunathan');
    expect(byType.get('DATE_OF_BIRTH')).toBe('1990-04-12');
    expect(byType.get('STREET_ADDRESS')).toBe('221B Baker Street, London NW1 6XE');
    for (const finding of findings) {
      expect(finding.kind).toBe('pii');
      expect(finding.message.length).toBeGreaterThan(10);
    }
  });

  it('leaves PII-free prose untouched', () => {
    expect(scan('Will you review the React PR before Monday? May I merge it in June?').filter((f: Finding) => ['PERSON', 'STREET_ADDRESS', 'DATE_OF_BIRTH'].includes(f.type))).toEqual([]);
  });
});

describe('person names: labels in capitals', () => {
  it('a field name in capitals after a label is not a person (Iban is also a given name)', () => {
    expect(valuesOf('Contact: IBAN DE89 3704 0044 0532 0130 00.', 'PERSON')).toEqual([]);
    expect(valuesOf('Contact: Iban Garcia', 'PERSON')).toEqual(['Iban Garcia']);
  });
});

describe('street addresses: more shapes', () => {
  it('USPS suffixes, city-then-postcode tails and more street types', () => {
    expect(valuesOf('Ship it to 6529 Dee Spring, Port Gilberto 58998-3081, thanks.', 'STREET_ADDRESS')).toEqual(['6529 Dee Spring, Port Gilberto 58998-3081']);
    expect(valuesOf('Office: 9711 Runte Forges. Is that in the zone?', 'STREET_ADDRESS')).toEqual(['9711 Runte Forges']);
    expect(valuesOf('Lieferung an Rheinallee 88c, Neu Loreendorf 03703 bitte', 'STREET_ADDRESS')).toEqual(['Rheinallee 88c, Neu Loreendorf 03703']);
    expect(valuesOf('Envío a Rambla Cristóbal 8, Sabadell 47767.', 'STREET_ADDRESS')).toEqual(['Rambla Cristóbal 8, Sabadell 47767']);
    expect(valuesOf('Adres: ul. Góra 46b, Nowogród 35-547', 'STREET_ADDRESS')).toEqual(['ul. Góra 46b, Nowogród 35-547']);
    expect(valuesOf('Stuur het naar Kerkstraat 589 II, Amsterdam 1017 GB.', 'STREET_ADDRESS')).toEqual(['Kerkstraat 589 II, Amsterdam 1017 GB']);
  });

  it('everyday words among the suffixes do not make an address without a house number and a name', () => {
    expect(valuesOf('Step 3 Pass the key to the handler.', 'STREET_ADDRESS')).toEqual([]);
    expect(valuesOf('We have 2 Spring Boot services and 4 Key Vault secrets.', 'STREET_ADDRESS')).toEqual([]);
  });
});

describe('person names: words that only look like names in READMEs', () => {
  it('contractions, "Copyright" and a table header are not people; the names next to them still are', () => {
    expect(valuesOf("* `nosort` Don't sort the results. Won’t Fix either.", 'PERSON')).toEqual([]);
    expect(valuesOf('Copyright Paolo Insogna and contributors', 'PERSON')).toEqual(['Paolo Insogna']);
    expect(valuesOf('| Param | Type | Description |', 'PERSON')).toEqual([]);
    expect(valuesOf("Ask O'Neill or D'Angelo.", 'PERSON').length).toBeGreaterThan(0);
  });
});

describe('street addresses: recognizers run at keyword starts find what the whole-text scan finds', () => {
  const keywordStarts = (text: string, keywords: readonly string[]) => {
    const lower = text.toLowerCase();
    const starts: number[] = [];
    for (const keyword of keywords) for (let at = lower.indexOf(keyword); at !== -1; at = lower.indexOf(keyword, at + 1)) starts.push(at);
    return starts.sort((a, b) => a - b);
  };
  const piece = fc.constantFrom(
    'Calle', 'Mayor', 'Via', 'Viale', 'Roma', 'Plaza', 'de', 'la', 'Av.', 'Avda.', 'ul.', 'Góra', 'Rambla', 'Hauptstraße',
    'Berliner', 'Straße', 'Str.', 'Martin-Luther-Str.', 'Kerkstraat', 'Drottninggatan', 'Rheinallee', 'Ringweg', 'Weg',
    '5', '12', '88c', '3-5', '10115', 'Berlin', ',', '5 km', 'Madrid', '28013', 'Jimmypark', 'Väg', 'park', 'calle', 'x',
  );
  const glue = fc.constantFrom(' ', ' ', ', ', '\n', '', '\t', '. ');
  const text = fc.array(fc.tuple(piece, glue), { maxLength: 24 }).map((parts) => parts.map(([word, sep]) => word + sep).join(''));
  it('type-first (Romance) and number-after (Germanic) shapes', () => {
    fc.assert(
      fc.property(text, (sample) => {
        const romance = keywordStarts(sample, ROMANCE_KEYWORDS);
        expect(recognizeRomanceAddressesAt(sample, romance, romance.length)).toEqual(recognizeRomanceAddresses(sample));
        const germanic = keywordStarts(sample, GERMANIC_KEYWORDS);
        expect(recognizeGermanicAddressesAt(sample, germanic, germanic.length)).toEqual(recognizeGermanicAddresses(sample));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('street addresses without a known street type', () => {
  it('need a town and postcode, or a place preposition after an address word', () => {
    expect(valuesOf('Ship the replacement to Nábřežní 6, Stráž pod Ralskem 477 67, thanks.', 'STREET_ADDRESS')).toEqual([
      'Nábřežní 6, Stráž pod Ralskem 477 67',
    ]);
    expect(valuesOf('Adresse: Vorstadt 9\n3600 Thun', 'STREET_ADDRESS')).toEqual(['Vorstadt 9\n3600 Thun']);
    expect(valuesOf('Our office is at Ritvakaari 9. Is that inside the zone?', 'STREET_ADDRESS')).toEqual(['Ritvakaari 9']);
    expect(valuesOf('Ritvakaari 9 is a nice place.', 'STREET_ADDRESS')).toEqual([]); // no cue, no town
    expect(valuesOf('We support Windows 11, Office 2019 and Teams 2, Berlin 2024.', 'STREET_ADDRESS')).toEqual([]);
    expect(valuesOf('Ship it to Anna at Vorstadt 9, 3600 Thun.', 'STREET_ADDRESS')).toEqual(['Vorstadt 9, 3600 Thun']);
  });

  it('the bare-street search run at the engine\'s keyword hits finds what the whole-text search and every number find', () => {
    // Sentences shaped like bare addresses (an address word, a preposition, street words, a number), with noise words
    // between them, over several lines: most samples hold several cues and several candidate streets.
    const cue = fc.constantFrom('Our office is', 'Billing address', 'She lives', 'email me', 'ship it', 'Adresse', 'the home', 'x');
    const preposition = fc.constantFrom(' at ', ' to ', ': ', ' in ', ' ', ', ');
    const street = fc.constantFrom('Závrchy', 'Torvet', 'Version', 'Soška ulica', 'du Preez Landing', 'Na Rovnosti', 'x y', 'Thun');
    const number = fc.constantFrom(' 8', ' 898', ' 22B', ' 2/2', ' 3600', '', ' 12345');
    const end = fc.constantFrom('.', '. ', '\n', ', ', ' ', ' and more words ');
    const sentence = fc.tuple(cue, preposition, street, number, end).map((parts) => parts.join(''));
    const text = fc.array(sentence, { maxLength: 8 }).map((sentences) => sentences.join(''));
    fc.assert(
      fc.property(text, (sample) => {
        const lower = sample.toLowerCase();
        const starts: number[] = [];
        for (const keyword of ADDRESS_CUE_KEYWORDS) for (let at = lower.indexOf(keyword); at !== -1; at = lower.indexOf(keyword, at + 1)) starts.push(at);
        starts.sort((a, b) => a - b);
        const found = recognizeBareAddresses(sample);
        expect(recognizeBareAddressesAt(sample, starts, starts.length)).toEqual(found);
        // Looking only after address words loses nothing that trying every number finds.
        expect(found).toEqual(recognizeBareAddressesAtEveryNumber(sample));
        // Spans of either recognizer lie inside the text.
        for (const span of [...recognizeBareAddresses(sample), ...recognizeAddressesWithTown(sample)]) {
          expect(span.start).toBeGreaterThanOrEqual(0);
          expect(span.end).toBeLessThanOrEqual(sample.length);
          expect(span.end).toBeGreaterThan(span.start);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('person names: suffixes', () => {
  it('generational suffixes and degrees after a name are part of it; titles before it are not', () => {
    expect(valuesOf('Maria Garcia III will join.', 'PERSON')).toEqual(['Maria Garcia III']);
    expect(valuesOf('Ask Dr. Anna Schmidt, MD, today', 'PERSON')).toEqual(['Anna Schmidt, MD']);
    expect(valuesOf('Maria Garcia IV', 'PERSON')).toEqual(['Maria Garcia IV']);
  });
});
