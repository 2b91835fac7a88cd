import { describe, expect, it } from 'vitest';
import type { RedactionRecord } from '../../../lib/messaging/protocol';
import { mergePolicies } from '../../../lib/policy/merge';
import type { EffectivePolicy } from '../../../lib/policy/policy-service';
import type { PolicyInput } from '../../../lib/policy/types';
import { validatePatternDraft, validateTermDraft, tryItPolicy } from '../../../lib/ui/custom-rule-draft';
import { dateInputToEpoch, formatPolicyValue } from '../../../lib/ui/format';
import type { ReplyFindingRecord } from '../../../lib/messaging/inbound-protocol';
import { dominantSource, protectionView, redactionRows, replyFindingRows, REPLY_KIND_LABEL } from '../../../lib/ui/popup-model';
import { auditQueryFor, EMPTY_AUDIT_FILTERS, highlightSegments, partialFor, policyRows } from '../../../lib/ui/policy-rows';
import { scan } from '../../../lib/detection';

function effective(inputs: { managed?: PolicyInput; org?: PolicyInput; user?: PolicyInput } = {}): EffectivePolicy {
  const merged = mergePolicies(inputs);
  return {
    policy: merged.policy,
    sources: merged.sources,
    locked: merged.locked,
    origins: merged.origins,
    errors: [],
    org: inputs.org ? { version: 3, hash: 'h', importedAt: 0 } : null,
    managed: { active: inputs.managed !== undefined, fromLastGood: false, hash: null },
  };
}

const chatgptTab = { tabId: 7, site: 'chatgpt' as const, host: 'chatgpt.com' };
const otherTab = { tabId: 8, site: null, host: null };

describe('protectionView', () => {
  it('explains each state of the tab', () => {
    expect(protectionView(chatgptTab, { status: 'protected', paused: false }, effective()).state).toBe('protected');
    expect(protectionView(otherTab, { status: null, paused: false }, effective()).state).toBe('not-guarded');
    expect(protectionView(chatgptTab, { status: null, paused: false }, effective()).state).toBe('starting');
    const unprotected = protectionView(chatgptTab, { status: 'unprotected', reason: 'composer not found', paused: false }, effective());
    expect(unprotected).toMatchObject({ state: 'unprotected', reason: 'composer not found', canShowPause: true });
    expect(protectionView(chatgptTab, { status: 'protected', paused: true }, effective()).state).toBe('paused');
    expect(protectionView(chatgptTab, { status: 'protected', paused: false }, effective({ managed: { enabled: false } })).state).toBe('disabled');
    expect(protectionView(chatgptTab, { status: 'protected', paused: false }, effective({ org: { sites: { chatgpt: false } } })).state).toBe(
      'site-disabled',
    );
  });

  it('offers the pause switch only on guarded tabs, usable only when policy allows', () => {
    expect(protectionView(otherTab, { status: null, paused: false }, effective()).canShowPause).toBe(false);
    const locked = protectionView(chatgptTab, { status: 'protected', paused: false }, effective({ managed: { userMayPause: false } }));
    expect(locked).toMatchObject({ canShowPause: true, mayPause: false });
  });
});

describe('dominantSource', () => {
  it('names the highest source in force', () => {
    expect(dominantSource(effective())).toBe('default');
    expect(dominantSource(effective({ user: { failMode: 'open' } }))).toBe('user');
    expect(dominantSource(effective({ org: { failMode: 'open' }, user: { uploads: 'block' } }))).toBe('org');
    expect(dominantSource(effective({ managed: { failMode: 'closed' }, org: { uploads: 'block' } }))).toBe('managed');
  });
});

describe('redactionRows', () => {
  const record = (overrides: Partial<RedactionRecord>): RedactionRecord => ({
    type: 'EMAIL',
    kind: 'pii',
    placeholder: '[EMAIL_1]',
    masked: 'ali…com',
    channel: 'typed',
    outcome: 'redacted',
    site: 'chatgpt',
    time: 1,
    ...overrides,
  });

  it('collapses repeats of one placeholder and lists newest first', () => {
    const rows = redactionRows([
      record({ time: 1 }),
      record({ time: 2, channel: 'network' }),
      record({ time: 3, placeholder: '[EMAIL_2]' }),
      record({ time: 4, placeholder: null, outcome: 'blocked', type: 'PRIVATE_KEY' }),
    ]);
    expect(rows.map((row) => [row.placeholder, row.channel, row.time])).toEqual([
      [null, 'typed', 4],
      ['[EMAIL_2]', 'typed', 3],
      ['[EMAIL_1]', 'typed', 1],
    ]);
  });
});

describe('replyFindingRows', () => {
  const base: ReplyFindingRecord = {
    kind: 'injection',
    type: 'IGNORE_PREVIOUS',
    rule: 'injection.ignore-previous',
    message: 'Ignore-previous phrasing',
    site: 'chatgpt',
    host: 'chatgpt.com',
    turn: 0,
    time: 10,
  };

  it('lists newest first and collapses repeats of the same finding on the same turn', () => {
    const rows = replyFindingRows([
      base,
      { ...base, time: 12 },
      { ...base, turn: 1, time: 20 },
      { ...base, kind: 'unsafe-code', type: 'CURL_PIPE_SHELL', rule: 'code.curl', cwe: 'CWE-494', time: 15 },
    ]);
    expect(rows.map((row) => [row.turn, row.kind, row.time])).toEqual([
      [1, 'injection', 20],
      [0, 'unsafe-code', 15],
      [0, 'injection', 12],
    ]);
  });

  it('keeps findings with different targets apart and labels every kind', () => {
    const link = { ...base, kind: 'exfil-link' as const, type: 'EXFIL_LINK', rule: 'inbound.exfil-link' };
    expect(replyFindingRows([{ ...link, target: 'a.example' }, { ...link, target: 'b.example' }])).toHaveLength(2);
    expect(replyFindingRows([])).toEqual([]);
    expect(Object.keys(REPLY_KIND_LABEL).sort()).toEqual(['exfil-link', 'hidden-text', 'injection', 'unsafe-code']);
  });
});

describe('policyRows', () => {
  it('gives each field and key its source and lock', () => {
    const rows = policyRows(effective({ managed: { actions: { pii: 'block' } }, user: { failMode: 'open' } }));
    expect(rows.find((row) => row.path === 'actions.pii')).toMatchObject({ value: 'block', source: 'managed', locked: true });
    expect(rows.find((row) => row.path === 'actions.secret')).toMatchObject({ source: 'default', locked: false });
    expect(rows.find((row) => row.path === 'failMode')).toMatchObject({ value: 'open', source: 'user', locked: false });
    expect(rows.find((row) => row.path === 'sites.claude')).toMatchObject({ value: true, source: 'default' });
  });

  it('builds a user-settings partial for a dotted path', () => {
    expect(partialFor('actions.pii', 'warn')).toEqual({ actions: { pii: 'warn' } });
    expect(partialFor('failMode', 'open')).toEqual({ failMode: 'open' });
  });
});

describe('highlightSegments', () => {
  it('splits text around findings, keeping every character', () => {
    const text = 'mail alice.smith@acme-corp.com now';
    const findings = scan(text);
    const segments = highlightSegments(text, findings);
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
    expect(segments.find((segment) => segment.finding)?.text).toBe('alice.smith@acme-corp.com');
  });
});

describe('auditQueryFor', () => {
  it('maps filters to the audit query, dates to whole local days', () => {
    expect(auditQueryFor(EMPTY_AUDIT_FILTERS)).toEqual({ limit: 500 });
    const query = auditQueryFor({ site: 'claude', kind: 'pii', type: ' email ', action: 'redact', from: '2026-11-01', to: '2026-11-02' });
    expect(query).toMatchObject({ site: 'claude', kind: 'pii', type: 'EMAIL', action: 'redact' });
    expect(query.from).toBe(new Date(2026, 10, 1).getTime());
    expect(query.to).toBe(new Date(2026, 10, 3).getTime() - 1);
    expect(dateInputToEpoch('nonsense', 'start')).toBeUndefined();
  });
});

describe('custom rule drafts', () => {
  const draft = { label: 'Ticket', pattern: 'TICKET-\\d{5}', flags: '', action: 'redact' as const };

  it('accepts a safe pattern and reports invalid, ReDoS-prone and badly flagged ones on their field', () => {
    expect(validatePatternDraft(draft)).toEqual({});
    expect(validatePatternDraft({ ...draft, pattern: 'TICKET-[0-9' }).pattern).toMatch(/not a valid regular expression/);
    expect(validatePatternDraft({ ...draft, pattern: '(a+)+$' }).pattern).toMatch(/catastrophic backtracking/);
    expect(validatePatternDraft({ ...draft, flags: 'g' }).flags).toBeTruthy();
    expect(validatePatternDraft({ ...draft, label: '' }).label).toBeTruthy();
    expect(validatePatternDraft({ ...draft, label: '', pattern: '' })).toEqual({});
  });

  it('validates term lists', () => {
    expect(validateTermDraft({ label: 'Codename', terms: 'Falcon\nOsprey', action: 'redact', caseSensitive: false })).toEqual({});
    expect(validateTermDraft({ label: 'Codename', terms: 'x', action: 'redact', caseSensitive: false }).terms).toBeTruthy();
  });

  it('scans the try-it text with the current policy plus valid drafts only', () => {
    const base = effective().policy;
    const text = 'ticket TICKET-12345 for codename Falcon';
    const term = { label: 'Codename', terms: 'Falcon', action: 'redact' as const, caseSensitive: false };
    const types = (policy: ReturnType<typeof tryItPolicy>) => scan(text, policy).map((finding) => finding.type);
    expect(types(tryItPolicy(base, null, null))).toEqual([]);
    expect(types(tryItPolicy(base, draft, term))).toEqual(['TICKET', 'CODENAME']);
    expect(types(tryItPolicy(base, { ...draft, pattern: '(a+)+$' }, null))).toEqual([]);
  });
});

describe('formatPolicyValue', () => {
  it('renders values briefly', () => {
    expect(formatPolicyValue(true)).toBe('on');
    expect(formatPolicyValue([])).toBe('—');
    expect(formatPolicyValue([{ label: 'A' }, { label: 'B' }])).toBe('A, B');
    expect(formatPolicyValue({})).toBe('—');
    expect(formatPolicyValue('x'.repeat(200))).toHaveLength(200);
  });
});
