import type { Rule } from '../../types';
import {
  aadhaarValid,
  codiceFiscaleValid,
  consistentSeparators,
  cpfValid,
  cueNear,
  dniNieValid,
  itinValid,
  nhsNumberValid,
  ninoValid,
  nirValid,
  panValid,
  sinValid,
  steuerIdValid,
  tfnValid,
} from './checksums';

/**
 * National identifiers, one pack per country (ScanPolicy.nationalIdPacks selects them; absent → all). Every rule checks
 * the number's own checksum or issuing rules; where the format alone is weak (bare 9- to 12-digit numbers) the rule also
 * needs a whole-word cue nearby, checked in `validate` (stricter than the engine's substring context test).
 * The US SSN lives with the structured PII rules; the `us` pack here adds ITIN and passport numbers.
 */

const NHS_CUE = /\bnhs\b|national health/i;
const SIN_CUE = /\bsin\b|social insurance|\bnas\b|assurance sociale/i;
const AADHAAR_CUE = /\baadhaa?r\b|\buidai\b|\buid\b|आधार/i;
const STEUER_CUE = /steuer[- ]?id|steueridentifikationsnummer|identifikationsnummer|\bidnr\b|steuer-?nummer|\btin\b|tax id|tax identification/i;
const CPF_CUE = /\bcpf\b|cadastro de pessoas/i;
const TFN_CUE = /\btfn\b|tax file/i;
const ITIN_CUE = /\bitin\b|individual taxpayer|taxpayer identification/i;
const PASSPORT_CUE = /\bpassport\b/i;

export const nationalIdRules: Rule[] = [
  {
    id: 'uk-nino',
    kind: 'pii',
    type: 'NATIONAL_ID',
    pack: 'uk',
    description: 'UK National Insurance number: the key to a person\u2019s tax, benefits and employment records.',
    pattern: /\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/g,
    validate: (value) => ninoValid(value) && consistentSeparators(value),
    context: ['national insurance', 'ni number', 'nino', 'ni no', 'insurance number'],
    confidence: 0.85,
    examples: {
      positive: [
        { text: 'My NI number is AB 12 34 56 C.', match: 'AB 12 34 56 C' },
        { text: 'NINO: JM740311D', match: 'JM740311D' },
      ],
      negative: ['Reference BG123456A', 'Order QQ123456C was shipped.'], // BG never issued; QQ not a valid prefix
    },
  },
  {
    id: 'uk-nhs-number',
    kind: 'pii',
    type: 'NATIONAL_ID',
    pack: 'uk',
    description: 'UK NHS number: identifies a patient across health records.',
    pattern: /\b\d{3}[ -]?\d{3}[ -]?\d{4}\b/g,
    validate: (value, text, start) =>
      consistentSeparators(value) && nhsNumberValid(value) && cueNear(text, start, start + value.length, NHS_CUE),
    keywords: ['nhs', 'national health'],
    context: ['nhs', 'national health'],
    requireContext: true,
    confidence: 0.9,
    examples: {
      positive: [{ text: 'Patient NHS number 943 476 5919, seen today.', match: '943 476 5919' }],
      negative: ['NHS helpline 943 476 5918', 'Call 943 476 5919 for the shop.'], // bad check digit; no NHS cue
    },
  },
  {
    id: 'ca-sin',
    kind: 'pii',
    type: 'NATIONAL_ID',
    pack: 'ca',
    description: 'Canadian Social Insurance Number: used for employment, taxes and government benefits.',
    pattern: /\b\d{3}[ -]?\d{3}[ -]?\d{3}\b/g,
    validate: (value, text, start) =>
      consistentSeparators(value) && sinValid(value) && cueNear(text, start, start + value.length, SIN_CUE),
    keywords: ['sin', 'social insurance', 'nas', 'assurance sociale'],
    context: ['sin', 'social insurance', 'nas', 'assurance sociale'],
    requireContext: true,
    confidence: 0.9,
    examples: {
      positive: [{ text: 'My SIN is 130 456 783, for the T4.', match: '130 456 783' }],
      negative: ['SIN: 130 456 784', 'Using build 130 456 783 for testing.'], // Luhn fails; "using" is no cue
    },
  },
  {
    id: 'in-aadhaar',
    kind: 'pii',
    type: 'NATIONAL_ID',
    pack: 'in',
    description: 'Indian Aadhaar number: a biometric-linked identity number for banking, SIM cards and benefits.',
    pattern: /\b[2-9]\d{3}[ -]?\d{4}[ -]?\d{4}\b/g,
    // The spaced 4-4-4 form is distinctive enough with Verhoeff; a bare 12-digit run also needs a cue.
    validate: (value, text, start) =>
      consistentSeparators(value) &&
      aadhaarValid(value) &&
      (/[ -]/.test(value) || cueNear(text, start, start + value.length, AADHAAR_CUE)),
    context: ['aadhaar', 'aadhar', 'uidai', 'uid'],
    confidence: 0.85,
    examples: {
      positive: [
        { text: 'Aadhaar: 2341 2341 2346', match: '2341 2341 2346' },
        { text: 'my aadhaar number 499187310626 for KYC', match: '499187310626' },
      ],
      negative: ['Aadhaar: 2341 2341 2345', 'Invoice 499187310626 paid.'], // Verhoeff fails; bare digits, no cue
    },
  },
  {
    id: 'in-pan',
    kind: 'pii',
    type: 'NATIONAL_ID',
    pack: 'in',
    description: 'Indian PAN (Permanent Account Number): the tax identity of a person or company.',
    pattern: /\b[A-Z]{3}[ABCEFGHJLPT][A-Z]\d{4}[A-Z]\b/g,
    validate: (value) => panValid(value),
    context: ['pan', 'permanent account', 'income tax'],
    confidence: 0.8,
    examples: {
      positive: [{ text: 'PAN: ABCPE1234F', match: 'ABCPE1234F' }],
      negative: ['Code ABCDE1234F'], // fourth character D is no holder type
    },
  },
  {
    id: 'fr-nir',
    kind: 'pii',
    type: 'NATIONAL_ID',
    pack: 'fr',
    description: 'French social security number (NIR): encodes sex, birth date and place, used for health insurance.',
    pattern: /\b[1-478] ?\d{2} ?\d{2} ?(?:\d{2}|2[ABab]) ?\d{3} ?\d{3} ?\d{2}\b/g,
    validate: (value) => nirValid(value),
    context: ['sécurité sociale', 'securite sociale', 'nir', 'insee', 'carte vitale', 'social security'],
    confidence: 0.9,
    examples: {
      positive: [
        { text: 'Numéro de sécurité sociale : 1 85 05 78 006 084 91', match: '1 85 05 78 006 084 91' },
        { text: 'NIR 176012A00412345', match: '176012A00412345' },
      ],
      negative: ['Ref 1 85 05 78 006 084 92'], // wrong key
    },
  },
  {
    id: 'de-steuer-id',
    kind: 'pii',
    type: 'NATIONAL_ID',
    pack: 'de',
    description: 'German tax identification number (Steuer-ID): lifelong, unique tax identity of a resident.',
    pattern: /\b[1-9]\d ?\d{3} ?\d{3} ?\d{3}\b/g,
    validate: (value, text, start) =>
      consistentSeparators(value) && steuerIdValid(value) && cueNear(text, start, start + value.length, STEUER_CUE),
    keywords: ['steuer', 'identifikationsnummer', 'idnr', 'tin', 'tax id', 'tax identification'],
    // Whole words for the engine's context test, so the compounds are listed as they are written.
    context: ['steuer', 'steuer-id', 'steuerid', 'steueridentifikationsnummer', 'identifikationsnummer', 'steuernummer',
      'idnr', 'tin', 'tax id', 'tax identification'],
    requireContext: true,
    confidence: 0.9,
    examples: {
      positive: [{ text: 'Meine Steuer-ID lautet 86 095 742 719.', match: '86 095 742 719' }],
      negative: ['Steuer-ID: 86095742718', 'Order 86095742719 shipped.'], // check digit fails; no cue
    },
  },
  {
    id: 'es-dni-nie',
    kind: 'pii',
    type: 'NATIONAL_ID',
    pack: 'es',
    description: 'Spanish DNI/NIE: the national identity number of a citizen or foreign resident.',
    pattern: /\b(?:\d{8}|[XYZ][ -]?\d{7})[ -]?[A-HJ-NP-TV-Z]\b/g,
    validate: (value) => dniNieValid(value),
    context: ['dni', 'nie', 'nif', 'documento', 'identidad', 'extranjero'],
    confidence: 0.85,
    examples: {
      positive: [
        { text: 'Mi DNI es 12345678Z.', match: '12345678Z' },
        { text: 'NIE: X-1234567-L', match: 'X-1234567-L' },
      ],
      negative: ['DNI 12345678A', 'Build 00000000T'], // wrong letter; all-zero
    },
  },
  {
    id: 'it-codice-fiscale',
    kind: 'pii',
    type: 'NATIONAL_ID',
    pack: 'it',
    description: 'Italian codice fiscale: encodes name, birth date and place; used for tax, health and contracts.',
    // Upper case only, as printed on the card and in forms: case-blind matching costs a try at every word.
    pattern: /\b[A-Z]{6}[\dLMNP-V]{2}[A-EHLMPRST][\dLMNP-V]{2}[A-Z][\dLMNP-V]{3}[A-Z]\b/g,
    validate: (value) => codiceFiscaleValid(value),
    context: ['codice fiscale', 'cf', 'tessera sanitaria', 'fiscal code'],
    confidence: 0.9,
    examples: {
      positive: [{ text: 'Codice fiscale: RSSMRA85T10A562S', match: 'RSSMRA85T10A562S' }],
      negative: ['Codice fiscale: RSSMRA85T10A562T'], // wrong check character
    },
  },
  {
    id: 'br-cpf',
    kind: 'pii',
    type: 'NATIONAL_ID',
    pack: 'br',
    description: 'Brazilian CPF: the individual taxpayer number used for banking, purchases and government services.',
    pattern: /\b\d{3}\.?\d{3}\.?\d{3}-?\d{2}\b/g,
    // The punctuated form 000.000.000-00 is distinctive; a bare 11-digit run also needs a "CPF" cue.
    validate: (value, text, start) =>
      cpfValid(value) && (/^\d{3}\.\d{3}\.\d{3}-\d{2}$/.test(value) || cueNear(text, start, start + value.length, CPF_CUE)),
    context: ['cpf', 'cadastro de pessoas'],
    confidence: 0.9,
    examples: {
      positive: [
        { text: 'Meu CPF é 529.982.247-25.', match: '529.982.247-25' },
        { text: 'cpf 52998224725', match: '52998224725' },
      ],
      negative: ['CPF 111.111.111-11', 'CPF 529.982.247-24', 'Pedido 52998224725'], // all same; bad digit; no cue
    },
  },
  {
    id: 'au-tfn',
    kind: 'pii',
    type: 'NATIONAL_ID',
    pack: 'au',
    description: 'Australian Tax File Number: misuse enables tax and identity fraud.',
    pattern: /\b\d{3} ?\d{3} ?\d{2,3}\b/g,
    validate: (value, text, start) =>
      consistentSeparators(value) && tfnValid(value) && cueNear(text, start, start + value.length, TFN_CUE),
    keywords: ['tfn', 'tax file'],
    context: ['tfn', 'tax file'],
    requireContext: true,
    confidence: 0.9,
    examples: {
      positive: [{ text: 'My TFN is 123 456 782.', match: '123 456 782' }],
      negative: ['TFN 123 456 789', 'Ticket 123 456 782'], // weighted sum fails; no cue
    },
  },
  {
    id: 'us-itin',
    kind: 'pii',
    type: 'NATIONAL_ID',
    pack: 'us',
    description: 'US Individual Taxpayer Identification Number: a tax identity, as sensitive as an SSN.',
    pattern: /\b9\d{2}[- ]?\d{2}[- ]?\d{4}\b/g,
    validate: (value, text, start) =>
      consistentSeparators(value) && itinValid(value) && cueNear(text, start, start + value.length, ITIN_CUE),
    keywords: ['itin', 'taxpayer'],
    context: ['itin', 'taxpayer'],
    requireContext: true,
    confidence: 0.85,
    examples: {
      positive: [{ text: 'ITIN: 912-70-1234', match: '912-70-1234' }],
      negative: ['ITIN: 912-40-1234', 'Order 912-70-1234'], // group 40 never issued; no cue
    },
  },
  {
    id: 'us-passport',
    kind: 'pii',
    type: 'NATIONAL_ID',
    pack: 'us',
    description: 'US passport number: a travel identity document number, used in identity fraud.',
    pattern: /\b[A-Z]?\d{9}\b|\b[A-Z]\d{8}\b/g,
    validate: (value, text, start) =>
      !/^[A-Z]?(\d)\1+$/.test(value) && cueNear(text, start, start + value.length, PASSPORT_CUE, 40, 10),
    keywords: ['passport'],
    context: ['passport'],
    requireContext: true,
    confidence: 0.75,
    examples: {
      positive: [{ text: 'US passport number 567891234, expires 2030.', match: '567891234' }],
      negative: ['Order 567891234 shipped.', 'passport 000000000'],
    },
  },
];
