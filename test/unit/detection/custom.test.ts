import { describe, expect, it } from 'vitest';
import { compileCustomRules, labelToType } from '../../../lib/detection/custom';
import { createScanner, scan } from '../../../lib/detection';

describe('custom terms and patterns', () => {
  it('upper-snake-cases labels into types', () => {
    expect(labelToType('Project codename')).toBe('PROJECT_CODENAME');
    expect(labelToType('  client-ID (internal) ')).toBe('CLIENT_ID_INTERNAL');
    expect(labelToType('Café numéro')).toBe('CAFE_NUMERO');
    expect(labelToType('!!!')).toBe('');
  });

  it('compiles terms into whole-word, case-insensitive custom findings', () => {
    const policy = { customTerms: [{ label: 'Project codename', terms: ['Falcon', 'Blue Heron', 'C++ core'] }] };
    const text = 'Falcon and blue heron ship; falconry and BlueHeron do not; the C++ core too.';
    const findings = scan(text, policy).filter((finding) => finding.kind === 'custom');
    expect(findings.map((finding) => text.slice(finding.start, finding.end))).toEqual(['Falcon', 'blue heron', 'C++ core']);
    expect(findings[0]).toMatchObject({ kind: 'custom', type: 'PROJECT_CODENAME', rule: 'custom-term-project-codename' });
  });

  it('honours caseSensitive terms and non-Latin word edges', () => {
    const policy = { customTerms: [{ label: 'Code', terms: ['ACME'], caseSensitive: true }, { label: 'Ville', terms: ['Zürich'] }] };
    expect(scan('acme ACME', policy).map((finding) => finding.start)).toEqual([5]);
    expect(scan('Zürichsee and zürich', policy).filter((finding) => finding.type === 'VILLE').map((finding) => finding.start)).toEqual([14]);
  });

  it('compiles safe patterns with flags', () => {
    const policy = { customPatterns: [{ label: 'Employee ID', pattern: 'EMP-\\d{6}', flags: 'i' }] };
    const findings = scan('ids emp-123456 and EMP-654321, not EMP-12', policy);
    expect(findings.map((finding) => finding.type)).toEqual(['EMPLOYEE_ID', 'EMPLOYEE_ID']);
    expect(findings[0]!.rule).toBe('custom-pattern-employee-id');
  });

  it('refuses unsafe, invalid and empty-matching patterns with an error naming the label', () => {
    const { rules, errors } = compileCustomRules({
      customPatterns: [
        { label: 'Nested', pattern: '(a+)+$' },
        { label: 'Broken', pattern: '([a-z' },
        { label: 'Empty', pattern: 'x*' },
        { label: 'Flags', pattern: 'abc', flags: 'gx' },
        { label: 'Fine', pattern: 'TICKET-\\d{4}' },
      ],
      customTerms: [{ label: '***', terms: ['x'] }, { label: 'Nothing', terms: ['  '] }],
    });
    expect(rules.map((rule) => rule.id)).toEqual(['custom-pattern-fine']);
    const byLabel = Object.fromEntries(errors.map((error) => [error.label, error]));
    expect(byLabel.Nested!.message).toMatch(/"Nested".*refused.*catastrophic backtracking/);
    expect(byLabel.Nested!.field).toBe('customPatterns');
    expect(byLabel.Broken!.message).toMatch(/"Broken".*invalid regular expression/);
    expect(byLabel.Empty!.message).toMatch(/matches empty text/);
    expect(byLabel.Flags!.message).toMatch(/unsupported flags/);
    expect(byLabel['***']!.field).toBe('customTerms');
    expect(byLabel.Nothing!.message).toMatch(/no non-empty term/);
  });

  it('skips entries whose action is allow and keeps ids unique', () => {
    const { rules } = compileCustomRules({
      customTerms: [
        { label: 'Team', terms: ['red'] },
        { label: 'team', terms: ['blue'] },
        { label: 'Muted', terms: ['green'], action: 'allow' },
      ],
    });
    expect(rules.map((rule) => rule.id)).toEqual(['custom-term-team', 'custom-term-team-2']);
  });

  it('a scanner reports refused custom rules and still runs the rest', () => {
    const scanner = createScanner({ customPatterns: [{ label: 'Bad', pattern: '(\\w+\\s?)+$' }], customTerms: [{ label: 'Word', terms: ['zebra'] }] });
    expect(scanner.errors).toHaveLength(1);
    expect(scanner.scan('a zebra').map((finding) => finding.type)).toEqual(['WORD']);
  });

  it('custom findings beat overlapping PII of equal confidence', () => {
    const policy = { customTerms: [{ label: 'Support mailbox', terms: ['help@acme-corp.com'] }] };
    const findings = scan('write to help@acme-corp.com', policy);
    expect(findings.map((finding) => finding.type)).toEqual(['SUPPORT_MAILBOX']);
  });
});
