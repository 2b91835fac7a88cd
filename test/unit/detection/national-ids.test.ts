/**
 * National-ID packs: each checksum against known-valid and altered numbers, context requirements for weak formats,
 * pack selection through ScanPolicy.nationalIdPacks, and the labelled corpus.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scan } from '../../../lib/detection';
import { createEngineScanner } from '../../../lib/detection/engine';
import { nationalIdRules } from '../../../lib/detection/rules/national-ids';
import {
  aadhaarValid,
  codiceFiscaleValid,
  cpfValid,
  dniNieValid,
  itinValid,
  nhsNumberValid,
  ninoValid,
  nirValid,
  panValid,
  sinValid,
  steuerIdValid,
  tfnValid,
  verhoeffValid,
} from '../../../lib/detection/rules/national-ids/checksums';
import type { Finding } from '../../../lib/detection/types';
import { NATIONAL_ID_PACKS } from '../../../lib/policy/types';

const scanner = createEngineScanner(undefined, { rules: nationalIdRules });
const idsIn = (text: string) =>
  scanner
    .scan(text)
    .filter((finding: Finding) => finding.type === 'NATIONAL_ID')
    .map((finding: Finding) => `${finding.rule}:${text.slice(finding.start, finding.end)}`);

/** Changes one digit (the last) so the checksum no longer holds. */
const alterLastDigit = (value: string) => value.replace(/(\d)(\D*)$/, (_m, d: string, rest: string) => `${(Number(d) + 1) % 10}${rest}`);

describe('checksums', () => {
  const cases: Array<[string, (value: string) => boolean, string[]]> = [
    ['NHS mod 11', nhsNumberValid, ['9434765919', '4010232137', '4857773457', '6123456784']],
    ['SIN Luhn', sinValid, ['130456783', '275193647', '596824177']],
    ['Aadhaar Verhoeff', aadhaarValid, ['234123412346', '499187310626', '736452189034']],
    ['NIR key 97', nirValid, ['185057800608491', '292031305512309', '185052B12345660', '176012A00412345']],
    ['Steuer-ID mod 11,10', steuerIdValid, ['86095742719', '47152890465', '29384651202']],
    ['DNI/NIE letter', dniNieValid, ['12345678Z', '47382915V', 'X1234567L', 'Y7654321G', 'Z3456789D']],
    ['codice fiscale', codiceFiscaleValid, ['RSSMRA85T10A562S', 'BNCGLI90A41F205H', 'VRDLCU78M12H501J']],
    ['CPF mod 11', cpfValid, ['52998224725', '39053344705', '12345678909']],
    ['TFN weights', tfnValid, ['123456782', '876543210', '314159262']],
  ];

  it.each(cases)('%s accepts valid numbers and rejects altered ones', (_name, valid, numbers) => {
    for (const number of numbers) {
      expect(valid(number), number).toBe(true);
      // Every check here detects a single changed digit or letter.
      expect(valid(alterLastDigit(number)), alterLastDigit(number)).toBe(false);
    }
  });

  it('Verhoeff catches every single-digit error and adjacent transposition (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{11}$/), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 9 }), (body, at, delta) => {
        let valid = '';
        for (let check = 0; check < 10; check++) if (verhoeffValid(body + check)) valid = body + check;
        const digits = [...valid];
        digits[at] = String((Number(digits[at]) + delta) % 10);
        expect(verhoeffValid(digits.join(''))).toBe(false);
        const swapped = [...valid];
        if (swapped[at] !== swapped[at + 1]) {
          [swapped[at], swapped[at + 1]] = [swapped[at + 1]!, swapped[at]!];
          expect(verhoeffValid(swapped.join(''))).toBe(false);
        }
      }),
    );
  });

  it('NINO (no check digit) checks its letter rules', () => {
    for (const valid of ['AB123456C', 'JM740311D', 'SZ987654B']) expect(ninoValid(valid), valid).toBe(true);
    for (const invalid of ['DA123456C', 'AO123456C', 'AB123456E', 'NT123456A']) expect(ninoValid(invalid), invalid).toBe(false);
  });

  it('rejects structurally impossible numbers even when the arithmetic passes', () => {
    expect(ninoValid('BG123456A')).toBe(false); // never-issued prefix
    expect(ninoValid('QQ123456C')).toBe(false); // Q is not a valid first letter
    expect(cpfValid('11111111111')).toBe(false); // all digits equal
    expect(sinValid('046454286')).toBe(false); // 0 is never a first digit (documentation samples)
    expect(aadhaarValid('123412341234')).toBe(false); // starts with 1
    expect(steuerIdValid('12345678903')).toBe(false); // no repeated digit
    expect(steuerIdValid('11123456789')).toBe(false); // a digit three times in a row
    expect(panValid('ABCDE1234F')).toBe(false); // D is no holder type
    expect(itinValid('912401234')).toBe(false); // group 40 never issued
    expect(itinValid('912701234')).toBe(true);
    expect(nirValid('185137800608491')).toBe(false); // month 13
  });
});

describe('rules in text', () => {
  it.each([
    ['My NI number is AB 12 34 56 C.', 'uk-nino:AB 12 34 56 C'],
    ['Patient NHS number 943 476 5919.', 'uk-nhs-number:943 476 5919'],
    ['My SIN is 130 456 783.', 'ca-sin:130 456 783'],
    ['Aadhaar: 2341 2341 2346', 'in-aadhaar:2341 2341 2346'],
    ['PAN: ABCPE1234F', 'in-pan:ABCPE1234F'],
    ['Sécurité sociale : 1 85 05 78 006 084 91', 'fr-nir:1 85 05 78 006 084 91'],
    ['Meine Steuer-ID lautet 86 095 742 719.', 'de-steuer-id:86 095 742 719'],
    ['Mi DNI es 12345678Z.', 'es-dni-nie:12345678Z'],
    ['NIE: X-1234567-L', 'es-dni-nie:X-1234567-L'],
    ['Codice fiscale: RSSMRA85T10A562S', 'it-codice-fiscale:RSSMRA85T10A562S'],
    ['Meu CPF é 529.982.247-25.', 'br-cpf:529.982.247-25'],
    ['My TFN is 123 456 782.', 'au-tfn:123 456 782'],
    ['ITIN: 912-70-1234', 'us-itin:912-70-1234'],
    ['US passport number 567891234', 'us-passport:567891234'],
  ])('%j → %s', (text, expected) => {
    expect(idsIn(text)).toContain(expected);
  });

  it.each([
    'NHS helpline 943 476 5918', // bad check digit
    'Call 943 476 5919 for the shop.', // valid mod 11, no NHS cue
    'Using build 130 456 783 for testing.', // Luhn-valid, "using" is no SIN cue
    'Invoice 499187310626 paid.', // Verhoeff-valid, bare digits, no Aadhaar cue
    'Order 86095742719 shipped.', // valid Steuer-ID, no cue
    'Pedido 52998224725', // valid CPF, bare digits, no cue
    'Ticket 123 456 782', // valid TFN, no cue
    'Order 912-70-1234', // ITIN shape, no cue
    'Order 567891234 shipped.', // passport shape, no cue
    'Ref 1 85 05 78 006 084 92', // NIR wrong key
    'DNI 12345678A', // wrong letter
    'Codice fiscale: RSSMRA85T10A562T', // wrong check character
  ])('leaves %j alone', (text) => {
    expect(idsIn(text)).toEqual([]);
  });
});

describe('packs (ScanPolicy.nationalIdPacks)', () => {
  const text = 'NINO AB123456C, DNI 12345678Z, CPF 529.982.247-25, codice fiscale RSSMRA85T10A562S';

  it('runs every pack when the policy names none', () => {
    const rules = scan(text).filter((f: Finding) => f.type === 'NATIONAL_ID').map((f: Finding) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['uk-nino', 'es-dni-nie', 'br-cpf', 'it-codice-fiscale']));
  });

  it('runs only the selected packs', () => {
    const rules = scan(text, { nationalIdPacks: ['es', 'br'] })
      .filter((f: Finding) => f.type === 'NATIONAL_ID')
      .map((f: Finding) => f.rule);
    expect(rules.sort()).toEqual(['br-cpf', 'es-dni-nie']);
    expect(scan(text, { nationalIdPacks: [] }).filter((f: Finding) => f.type === 'NATIONAL_ID')).toEqual([]);
  });

  it('covers exactly the packs the policy schema offers', () => {
    expect([...new Set(nationalIdRules.map((rule) => rule.pack))].sort()).toEqual([...NATIONAL_ID_PACKS].sort());
  });

  it('gives every rule a pack and a message naming the country', () => {
    for (const rule of nationalIdRules) {
      expect(rule.pack, rule.id).toMatch(/^[a-z]{2}$/);
      expect(rule.type).toBe('NATIONAL_ID');
      expect(rule.id.startsWith(`${rule.pack}-`), rule.id).toBe(true);
      expect(rule.description).toMatch(/UK|Canadian|Indian|French|German|Spanish|Italian|Brazilian|Australian|US/);
    }
  });
});

describe('labelled corpus (test/corpus/detection/national-ids.jsonl)', () => {
  const corpus = readFileSync(new URL('../../corpus/detection/national-ids.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { id: string; text: string; spans: Array<{ start: number; end: number; type: string }> });

  it('has at least 60 lines with valid and checksum-failing numbers', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    expect(corpus.filter((line) => line.spans.length === 0).length).toBeGreaterThanOrEqual(20);
  });

  it('finds every labelled ID exactly and nothing in the lines without one', () => {
    for (const line of corpus) {
      const found = scanner
        .scan(line.text)
        .filter((f: Finding) => f.type === 'NATIONAL_ID')
        .map((f: Finding) => [f.start, f.end]);
      expect(found, `${line.id}: ${line.text}`).toEqual(line.spans.map((span) => [span.start, span.end]));
    }
  });
});
