import { describe, expect, it } from 'vitest';
import { PseudonymVault, findPlaceholders, redact, restore } from '../../../lib/anonymize';
import type { Finding } from '../../../lib/detection/types';

const TEXT = 'Mail jane.doe@acme-corp.com and bob@acme-corp.com, cc jane.doe@acme-corp.com; call +44 20 7946 0958.';

describe('PseudonymVault', () => {
  it('numbers placeholders per type and reuses them for the same value', () => {
    const vault = new PseudonymVault();
    expect(vault.placeholderFor('a@x.com', 'EMAIL')).toBe('[EMAIL_1]');
    expect(vault.placeholderFor('b@x.com', 'EMAIL')).toBe('[EMAIL_2]');
    expect(vault.placeholderFor('a@x.com', 'EMAIL')).toBe('[EMAIL_1]');
    expect(vault.placeholderFor('AKIAABCDEFGHIJKLMNOP', 'AWS_ACCESS_KEY')).toBe('[AWS_ACCESS_KEY_1]');
    expect(vault.placeholderFor('x', 'project codename')).toBe('[PROJECT_CODENAME_1]');
    expect(vault.valueOf('[email_2]')).toBe('b@x.com');
    expect(vault.size).toBe(4);
  });

  it('round-trips through JSON and keeps numbering going', () => {
    const vault = new PseudonymVault();
    vault.placeholderFor('a@x.com', 'EMAIL');
    vault.placeholderFor('555', 'PHONE');
    const copy = PseudonymVault.fromJSON(JSON.parse(JSON.stringify(vault)));
    expect(copy.entries()).toEqual(vault.entries());
    expect(copy.placeholderFor('a@x.com', 'EMAIL')).toBe('[EMAIL_1]');
    expect(copy.placeholderFor('c@x.com', 'EMAIL')).toBe('[EMAIL_2]');
  });

  it('rejects malformed serialized vaults', () => {
    expect(() => PseudonymVault.fromJSON(null)).toThrow(/expected an object/);
    expect(() => PseudonymVault.fromJSON({ version: 2, entries: [] })).toThrow(/version/);
    expect(() => PseudonymVault.fromJSON({ version: 1, entries: [{ name: 'EMAIL_1', type: 'PHONE', value: 'x' }] })).toThrow(/malformed/);
    expect(() =>
      PseudonymVault.fromJSON({ version: 1, entries: [{ name: 'EMAIL_1', type: 'EMAIL', value: 'x' }, { name: 'EMAIL_2', type: 'EMAIL', value: 'x' }] }),
    ).toThrow(/duplicates/);
  });
});

describe('redact', () => {
  it('scans and replaces findings, same value same placeholder', () => {
    const vault = new PseudonymVault();
    const result = redact(TEXT, vault);
    expect(result.text).toBe('Mail [EMAIL_1] and [EMAIL_2], cc [EMAIL_1]; call [PHONE_1].');
    expect(result.replacements.map((replacement) => replacement.placeholder)).toEqual(['[EMAIL_1]', '[EMAIL_2]', '[EMAIL_1]', '[PHONE_1]']);
    for (const replacement of result.replacements) {
      expect(result.text.slice(replacement.start, replacement.end)).toBe(replacement.placeholder);
      expect(TEXT.slice(replacement.finding.start, replacement.finding.end)).toBe(vault.valueOf(replacement.placeholder));
    }
  });

  it('keeps numbering across messages of one conversation', () => {
    const vault = new PseudonymVault();
    redact('first: a.one@example.org', vault);
    expect(redact('again a.one@example.org and b.two@example.org', vault).text).toBe('again [EMAIL_1] and [EMAIL_2]');
  });

  it('replaces exactly the findings given, skipping overlaps', () => {
    const findings: Finding[] = [
      { kind: 'custom', type: 'CODE', start: 0, end: 4, rule: 'r', confidence: 1, message: '' },
      { kind: 'custom', type: 'CODE', start: 2, end: 6, rule: 'r', confidence: 1, message: '' },
    ];
    expect(redact('abcdefgh', new PseudonymVault(), findings).text).toBe('[CODE_1]efgh');
  });

  it('replaces other occurrences of a detected or vaulted value, even without context', () => {
    const vault = new PseudonymVault();
    expect(redact('my phone: 4155550132. Later: 4155550132.', vault).text).toBe('my phone: [PHONE_1]. Later: [PHONE_1].');
    expect(redact('id 4155550132 again', vault).text).toBe('id [PHONE_1] again');
    expect(restore('id [PHONE_1] again', vault)).toBe('id 4155550132 again');
  });

  it('with a policy, leaves warn-only findings and allowed types in place', () => {
    const policy = { types: { PHONE: 'warn' as const, EMAIL: 'allow' as const } };
    expect(redact(TEXT, new PseudonymVault(), policy).text).toBe(TEXT);
    expect(redact(TEXT, new PseudonymVault(), { types: { PHONE: 'warn' as const } }).text).toContain('+44 20 7946 0958');
  });
});

describe('findPlaceholders and restore', () => {
  const vault = new PseudonymVault();
  const { text: redacted } = redact(TEXT, vault);
  vault.placeholderFor('AKIAABCDEFGHIJKLMNOP', 'AWS_ACCESS_KEY');

  it('restores redacted text exactly', () => {
    expect(restore(redacted, vault)).toBe(TEXT);
  });

  it('tolerates what models do to placeholders', () => {
    const reply = 'Sure: [email_1], EMAIL_2, \\[EMAIL\\_1\\], [PHONE\\_1], **[Email_2]**, `[AWS_ACCESS_KEY_1]`, AWS\\_ACCESS\\_KEY\\_1.';
    expect(restore(reply, vault)).toBe(
      'Sure: jane.doe@acme-corp.com, bob@acme-corp.com, jane.doe@acme-corp.com, +44 20 7946 0958, **bob@acme-corp.com**, `AKIAABCDEFGHIJKLMNOP`, AKIAABCDEFGHIJKLMNOP.',
    );
    const matches = findPlaceholders('x \\[EMAIL\\_1\\] y', vault);
    expect(matches).toEqual([{ start: 2, end: 14, placeholder: '[EMAIL_1]', type: 'EMAIL', value: 'jane.doe@acme-corp.com' }]);
  });

  it('restores only placeholders this vault issued, and only whole words without brackets', () => {
    expect(restore('[EMAIL_9] [PERSON_1] SEND_EMAIL_1 EMAIL_1x EMAIL_12', vault)).toBe('[EMAIL_9] [PERSON_1] SEND_EMAIL_1 EMAIL_1x EMAIL_12');
    expect(restore('word[EMAIL_2]word', vault)).toBe('wordbob@acme-corp.comword');
    expect(findPlaceholders('anything', new PseudonymVault())).toEqual([]);
  });
});
