import { describe, expect, it } from 'vitest';
import { scan } from '../../../lib/detection';
import { cardNetwork, cardNumberValid, ibanValid, isTrivialDigitRun, ipv4Valid, ipv6Valid, luhnValid, mod97, ssnValid } from '../../../lib/detection/validators';
import { judgePhone } from '../../../lib/detection/rules/pii/phone';
import { loadCorpus, scoreCorpus } from '../../corpus/detection/score';
import { structuredPiiRules } from '../../../lib/detection/rules/pii';
import { IPV6_PATTERN, ipv6Rule } from '../../../lib/detection/rules/pii/ip-address';

const STRUCTURED_TYPES = ['EMAIL', 'PHONE', 'CREDIT_CARD', 'SSN', 'IBAN', 'IP_ADDRESS'];

function found(text: string, type: string): string[] {
  return scan(text)
    .filter((finding) => finding.type === type)
    .map((finding) => text.slice(finding.start, finding.end));
}

describe('validators', () => {
  it('Luhn', () => {
    expect(luhnValid('4111 1111 1111 1111')).toBe(true);
    expect(luhnValid('4111 1111 1111 1112')).toBe(false);
    expect(luhnValid('79927398713')).toBe(true);
  });

  it('card networks and lengths', () => {
    expect(cardNetwork('4111111111111111')).toBe('visa');
    expect(cardNetwork('5555555555554444')).toBe('mastercard');
    expect(cardNetwork('2223003122003222')).toBe('mastercard');
    expect(cardNetwork('378282246310005')).toBe('amex');
    expect(cardNetwork('6011111111111117')).toBe('discover');
    expect(cardNetwork('3530111333300000')).toBe('jcb');
    expect(cardNetwork('1234567812345670')).toBeNull();
    expect(cardNetwork('37828224631000')).toBeNull(); // Amex is 15 digits
    expect(cardNumberValid('4111-1111 1111-1111')).toBe(false); // mixed separators
    expect(isTrivialDigitRun('0000 0000 0000 0000')).toBe(true);
    expect(isTrivialDigitRun('1234567890123')).toBe(true);
    expect(cardNumberValid('4111111111111111')).toBe(true);
  });

  it('IBAN length per country and mod-97', () => {
    expect(mod97('3214282912345698765432161182')).toBe(1);
    expect(ibanValid('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(ibanValid('DE89370400440532013000')).toBe(true);
    expect(ibanValid('de89 3704 0044 0532 0130 00')).toBe(true);
    expect(ibanValid('DE89370400440532013001')).toBe(false);
    expect(ibanValid('DE8937040044053201300')).toBe(false); // too short for DE
    expect(ibanValid('ZZ89370400440532013000')).toBe(false);
    expect(ibanValid('GB00WEST12345698765432')).toBe(false); // check digits 00
  });

  it('SSN ranges and delimiters', () => {
    expect(ssnValid('536-22-8714')).toBe(true);
    expect(ssnValid('536228714')).toBe(true);
    expect(ssnValid('536 22 8714')).toBe(true);
    for (const invalid of ['000-22-8714', '666-22-8714', '912-22-8714', '536-00-8714', '536-22-0000', '536-228714', '536 22-8714', '123-45-6789', '078-05-1120', '111-11-1111']) {
      expect(ssnValid(invalid), invalid).toBe(false);
    }
  });

  it('IP addresses', () => {
    expect(ipv4Valid('192.168.0.1')).toBe(true);
    expect(ipv4Valid('256.1.1.1')).toBe(false);
    expect(ipv4Valid('01.2.3.4')).toBe(false);
    for (const valid of ['2001:db8::1', '::1', 'fe80::1ff:fe23:4567:890a', '::ffff:192.0.2.128', '1:2:3:4:5:6:7:8', '2001:db8:85a3::8a2e:370:7334']) {
      expect(ipv6Valid(valid), valid).toBe(true);
    }
    for (const invalid of ['1:2:3:4:5:6:7', '1::2::3', '12:30:45', '1:2:3:4:5:6:7:8:9', 'gggg::1', '::ffff:999.0.2.1']) {
      expect(ipv6Valid(invalid), invalid).toBe(false);
    }
  });

  it('phone judgement', () => {
    expect(judgePhone('+44 20 7946 0958')).toEqual({ valid: true, strong: true });
    expect(judgePhone('(415) 555-0199')).toEqual({ valid: true, strong: true });
    expect(judgePhone('4155550199')).toEqual({ valid: true, strong: false });
    expect(judgePhone('2024-01-15').valid).toBe(false);
    expect(judgePhone('192.168.10.20').valid).toBe(false);
    expect(judgePhone('555-123-4567').valid).toBe(false);
    // Unassigned but well-formed: the North American plan's shape, or "+" and 8-15 digits, still reach a person.
    expect(judgePhone('(791) 627-1513')).toEqual({ valid: true, strong: true });
    expect(judgePhone('+14112577904')).toEqual({ valid: true, strong: false });
    expect(judgePhone('123-456-7890').valid).toBe(false);
    expect(judgePhone('+1234567').valid).toBe(false);
  });
});

describe('structured PII in context', () => {
  it('emails', () => {
    expect(found('mail ana@example.org, then bob.o-neil+x@sub.mail-host.co.uk.', 'EMAIL')).toEqual(['ana@example.org', 'bob.o-neil+x@sub.mail-host.co.uk']);
    expect(found('icon@2x.png git@github.com:a/b.git @user left-pad@1.3.0', 'EMAIL')).toEqual([]);
  });

  it('emails: not the userinfo of a URL (connection strings, DSNs), still after a path or query', () => {
    expect(found('postgres://app:hunter2.pw@db.example.com:5432/orders', 'EMAIL')).toEqual([]);
    expect(found('dsn https://abc123@o1.ingest.sentry.io/42 and https://user:pw@example.com/', 'EMAIL')).toEqual([]);
    expect(found('https://example.com/contact?to=ana@example.org and mailto:bob@example.net', 'EMAIL')).toEqual(['ana@example.org', 'bob@example.net']);
  });

  it('phones need a strong format or context for bare digits', () => {
    expect(found('call +1 415 555 0132 now', 'PHONE')).toEqual(['+1 415 555 0132']);
    expect(found('my phone: 4155550132', 'PHONE')).toEqual(['4155550132']);
    expect(found('id 4155550132', 'PHONE')).toEqual([]);
    expect(found('order 415-555-0132 shipped', 'PHONE')).toEqual([]);
    expect(found('version 10.12.3 released 2024-01-15 at 10:30', 'PHONE')).toEqual([]);
    // Grouped like a phone but in no numbering plan we check: a phone only where the text says so.
    expect(found('You can reach me at 048 134 7413 any time.', 'PHONE')).toEqual(['048 134 7413']);
    expect(found('The lot 048 134 7413 shipped.', 'PHONE')).toEqual([]);
    expect(found('Values 048 134 7413 in the table.', 'PHONE')).toEqual([]);
  });

  it('cards need Luhn and an issuer range', () => {
    expect(found('visa 4111 1111 1111 1111 12/27', 'CREDIT_CARD')).toEqual(['4111 1111 1111 1111']);
    expect(found('card 4111 1111 1111 1112', 'CREDIT_CARD')).toEqual([]);
    expect(found('ts 1700000000000', 'CREDIT_CARD')).toEqual([]);
  });

  it('bare nine digits are an SSN only next to SSN words', () => {
    expect(found('SSN: 536228714', 'SSN')).toEqual(['536228714']);
    expect(found('ref 536228714', 'SSN')).toEqual([]);
    expect(found('ssn 536-22-8714', 'SSN')).toEqual(['536-22-8714']);
  });

  it('IBANs with spaces, and not a word that follows', () => {
    expect(found('IBAN DE89 3704 0044 0532 0130 00 CODE', 'IBAN')).toEqual(['DE89 3704 0044 0532 0130 00']);
  });

  it('IPs but not versions, OIDs or constants', () => {
    expect(found('host 10.1.2.3 and 2001:db8::8a2e:370:7334', 'IP_ADDRESS')).toEqual(['10.1.2.3', '2001:db8::8a2e:370:7334']);
    expect(found('version 1.2.3.4, OID 1.3.6.1.4.1, 127.0.0.1, 0.0.0.0, 1.2.3', 'IP_ADDRESS')).toEqual([]);
  });

  it('IPv6 candidates found from colons are exactly those of a global pass of the pattern', () => {
    const alphabet = '0123456789abcdefAF:::..xg _-';
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) / 2 ** 24;
    for (let round = 0; round < 5000; round++) {
      let text = '';
      const length = 1 + Math.floor(next() * 40);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
      const expected = [...text.matchAll(new RegExp(IPV6_PATTERN.source, 'gi'))].map((m) => [m.index, m.index + m[0].length]);
      const actual = ipv6Rule.recognize!(text, text.toLowerCase()).map((span) => [span.start, span.end]);
      expect(actual, text).toEqual(expected);
    }
  });
});

describe('accuracy on the labelled corpus (structured PII)', () => {
  const cases = loadCorpus();
  const scores = scoreCorpus(cases, (text) => scan(text));

  it('the structured-PII corpus is big enough and half hard negatives', () => {
    const own = cases.filter((testCase) => testCase.file === 'pii-structured.jsonl');
    expect(own.length).toBeGreaterThanOrEqual(150);
    expect(own.filter((testCase) => testCase.spans.length === 0).length * 2).toBeGreaterThanOrEqual(own.length);
    const types = new Set(own.flatMap((testCase) => testCase.spans.map((span) => span.type)));
    for (const type of STRUCTURED_TYPES) expect(types.has(type), type).toBe(true);
    expect(new Set(structuredPiiRules.map((rule) => rule.type))).toEqual(new Set(STRUCTURED_TYPES));
  });

  it.each(STRUCTURED_TYPES)('%s: recall >= 0.98 and no findings on negatives', (type) => {
    const score = scores.get(type)!;
    expect(score.gold).toBeGreaterThan(0);
    expect(score.recall, `missed: ${score.missed.join('; ')}`).toBeGreaterThanOrEqual(0.98);
    expect(score.falsePositivesOnNegatives, `spurious: ${score.spurious.join('; ')}`).toBe(0);
  });
});
