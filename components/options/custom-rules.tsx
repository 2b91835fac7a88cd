import { useEffect, useMemo, useState } from 'preact/hooks';
import { ACTIONS, type Action, type CustomPattern, type CustomTerm } from '../../lib/policy/types';
import { sendUiApp, type PolicySnapshot } from '../../lib/messaging/ui-protocol';
import {
  patternFromDraft,
  termFromDraft,
  tryItPolicy,
  validatePatternDraft,
  validateTermDraft,
  type DraftErrors,
  type PatternDraft,
  type TermDraft,
} from '../../lib/ui/custom-rule-draft';
import { t } from '../../lib/ui/i18n';
import { highlightSegments } from '../../lib/ui/policy-rows';
import { SourceBadge } from '../ui/source-badge';
import { FieldErrorList } from './org-policy';
import { errorMessage } from './use-policy';
import type { PolicyFieldError } from '../../lib/policy/types';

type ScanFunction = typeof import('../../lib/detection').scan;

const EMPTY_PATTERN: PatternDraft = { label: '', pattern: '', flags: '', action: 'redact' };
const EMPTY_TERM: TermDraft = { label: '', terms: '', action: 'redact', caseSensitive: false };

/** Custom terms and patterns: those in force (with their source), the user's own (removable), drafts validated live. */
export function CustomRules({ snapshot, onSaved }: { snapshot: PolicySnapshot; onSaved: () => void }) {
  const { effective, userSettings } = snapshot;
  const [pattern, setPattern] = useState<PatternDraft>(EMPTY_PATTERN);
  const [term, setTerm] = useState<TermDraft>(EMPTY_TERM);
  const [saveErrors, setSaveErrors] = useState<PolicyFieldError[]>([]);
  const patternErrors = useMemo(() => validatePatternDraft(pattern), [pattern]);
  const termErrors = useMemo(() => validateTermDraft(term), [term]);
  const userPatterns = userSettings.customPatterns ?? [];
  const userTerms = userSettings.customTerms ?? [];

  const save = async (partial: { customPatterns?: CustomPattern[]; customTerms?: CustomTerm[] }) => {
    setSaveErrors([]);
    try {
      const result = await sendUiApp('ui-app:set-user-settings', { partial });
      if (!result.ok) {
        setSaveErrors(result.errors);
        return false;
      }
      return true;
    } catch (failure) {
      setSaveErrors([{ field: 'policy', message: errorMessage(failure) }]);
      return false;
    } finally {
      onSaved();
    }
  };

  const patternReady = pattern.label.trim() !== '' && pattern.pattern !== '' && Object.keys(patternErrors).length === 0;
  const termReady = term.label.trim() !== '' && term.terms.trim() !== '' && Object.keys(termErrors).length === 0;

  return (
    <div class="stack">
      <div class="rules-in-force">
        <h3>{t('optionsRulesInForce')}</h3>
        {effective.policy.customPatterns.length + effective.policy.customTerms.length === 0 ? (
          <p class="muted small">{t('optionsRulesNone')}</p>
        ) : (
          <ul class="rule-list">
            {effective.policy.customPatterns.map((entry, index) => {
              const source = effective.origins.customPatterns[index] ?? 'user';
              const own = source === 'user' ? userPatterns.findIndex((mine) => JSON.stringify(mine) === JSON.stringify(entry)) : -1;
              return (
                <li key={`p${index}`} data-rule-label={entry.label}>
                  <span class="rule-kind">{t('optionsRulePattern')}</span>
                  <strong>{entry.label}</strong> <code>/{entry.pattern}/{entry.flags ?? ''}</code>
                  <span class="muted small">→ {entry.action}</span>
                  <SourceBadge source={source} />
                  {own >= 0 && (
                    <button
                      type="button"
                      class="btn btn-small"
                      aria-label={t('optionsRuleRemoveNamed', entry.label)}
                      onClick={() => void save({ customPatterns: userPatterns.filter((_, i) => i !== own) })}
                    >
                      {t('optionsRuleRemove')}
                    </button>
                  )}
                </li>
              );
            })}
            {effective.policy.customTerms.map((entry, index) => {
              const source = effective.origins.customTerms[index] ?? 'user';
              const own = source === 'user' ? userTerms.findIndex((mine) => JSON.stringify(mine) === JSON.stringify(entry)) : -1;
              return (
                <li key={`t${index}`} data-rule-label={entry.label}>
                  <span class="rule-kind">{t('optionsRuleTerms')}</span>
                  <strong>{entry.label}</strong> <span class="small">{t('optionsRuleTermCount', String(entry.terms.length))}</span>
                  <span class="muted small">→ {entry.action}</span>
                  <SourceBadge source={source} />
                  {own >= 0 && (
                    <button
                      type="button"
                      class="btn btn-small"
                      aria-label={t('optionsRuleRemoveNamed', entry.label)}
                      onClick={() => void save({ customTerms: userTerms.filter((_, i) => i !== own) })}
                    >
                      {t('optionsRuleRemove')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>

      <div class="two-col">
        <form
          class="card draft"
          aria-labelledby="pattern-form-title"
          onSubmit={(event) => {
            event.preventDefault();
            if (!patternReady) return;
            void save({ customPatterns: [...userPatterns, patternFromDraft(pattern)] }).then((ok) => ok && setPattern(EMPTY_PATTERN));
          }}
        >
          <h3 id="pattern-form-title">{t('optionsAddPattern')}</h3>
          <DraftField id="pattern-label" label={t('optionsDraftLabel')} error={patternErrors.label}>
            <input id="pattern-label" type="text" value={pattern.label} onInput={(e) => setPattern({ ...pattern, label: (e.currentTarget as HTMLInputElement).value })} />
          </DraftField>
          <DraftField id="pattern-source" label={t('optionsDraftPattern')} error={patternErrors.pattern ?? patternErrors.entry}>
            <input id="pattern-source" type="text" class="mono" spellcheck={false} placeholder="TICKET-\d{5}" value={pattern.pattern} onInput={(e) => setPattern({ ...pattern, pattern: (e.currentTarget as HTMLInputElement).value })} />
          </DraftField>
          <div class="row">
            <DraftField id="pattern-flags" label={t('optionsDraftFlags')} error={patternErrors.flags}>
              <input id="pattern-flags" type="text" class="mono flags-input" value={pattern.flags} onInput={(e) => setPattern({ ...pattern, flags: (e.currentTarget as HTMLInputElement).value })} />
            </DraftField>
            <ActionSelect id="pattern-action" value={pattern.action} onChange={(action) => setPattern({ ...pattern, action })} />
          </div>
          {patternReady && <p class="small ok-text" role="status">{t('optionsDraftValid')}</p>}
          <button type="submit" class="btn btn-primary" disabled={!patternReady}>
            {t('optionsAddPatternButton')}
          </button>
        </form>

        <form
          class="card draft"
          aria-labelledby="term-form-title"
          onSubmit={(event) => {
            event.preventDefault();
            if (!termReady) return;
            void save({ customTerms: [...userTerms, termFromDraft(term)] }).then((ok) => ok && setTerm(EMPTY_TERM));
          }}
        >
          <h3 id="term-form-title">{t('optionsAddTerms')}</h3>
          <DraftField id="term-label" label={t('optionsDraftLabel')} error={termErrors.label}>
            <input id="term-label" type="text" value={term.label} onInput={(e) => setTerm({ ...term, label: (e.currentTarget as HTMLInputElement).value })} />
          </DraftField>
          <DraftField id="term-terms" label={t('optionsDraftTerms')} error={termErrors.terms ?? termErrors.entry}>
            <textarea id="term-terms" rows={3} value={term.terms} onInput={(e) => setTerm({ ...term, terms: (e.currentTarget as HTMLTextAreaElement).value })} />
          </DraftField>
          <div class="row">
            <label class="switch">
              <input type="checkbox" checked={term.caseSensitive} onChange={(e) => setTerm({ ...term, caseSensitive: (e.currentTarget as HTMLInputElement).checked })} />
              <span>{t('optionsDraftCaseSensitive')}</span>
            </label>
            <ActionSelect id="term-action" value={term.action} onChange={(action) => setTerm({ ...term, action })} />
          </div>
          <button type="submit" class="btn btn-primary" disabled={!termReady}>
            {t('optionsAddTermsButton')}
          </button>
        </form>
      </div>

      {saveErrors.length > 0 && (
        <div class="alert alert-error" role="alert">
          <FieldErrorList errors={saveErrors} />
        </div>
      )}

      <TryIt snapshot={snapshot} pattern={pattern} term={term} />
    </div>
  );
}

function DraftField({ id, label, error, children }: { id: string; label: string; error: string | undefined; children: preact.ComponentChildren }) {
  return (
    <div class="draft-field" data-invalid={error ? 'true' : 'false'}>
      <label for={id}>{label}</label>
      {children}
      {error && (
        <p id={`${id}-error`} class="error-text" role="alert" data-field-error={id}>
          {error}
        </p>
      )}
    </div>
  );
}

function ActionSelect({ id, value, onChange }: { id: string; value: Action; onChange: (action: Action) => void }) {
  return (
    <div class="draft-field">
      <label for={id}>{t('optionsDraftAction')}</label>
      <select id={id} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as Action)}>
        {ACTIONS.map((action) => (
          <option key={action} value={action}>
            {action}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Type text, see what the current policy plus the drafts would find. Runs locally; nothing is stored. */
function TryIt({ snapshot, pattern, term }: { snapshot: PolicySnapshot; pattern: PatternDraft; term: TermDraft }) {
  const [text, setText] = useState('');
  // The engine (rules, name lexicons) is most of the page's weight: load it when the box is first used.
  const [scan, setScan] = useState<ScanFunction | null>(null);
  useEffect(() => {
    if (text && !scan) void import('../../lib/detection').then((engine) => setScan(() => engine.scan));
  }, [text, scan]);
  const policy = useMemo(() => tryItPolicy(snapshot.effective.policy, pattern, term), [snapshot, pattern, term]);
  const findings = useMemo(() => (text && scan ? scan(text, policy) : []), [text, policy, scan]);
  const segments = highlightSegments(text, findings);
  return (
    <div class="card try-it">
      <h3>
        <label for="try-it-input">{t('optionsTryItHeading')}</label>
      </h3>
      <p class="small muted">{t('optionsTryItHint')}</p>
      <textarea id="try-it-input" rows={4} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
      <div class="try-it-output" aria-live="polite" data-findings={String(findings.length)}>
        {text === '' ? (
          <p class="muted small">{t('optionsTryItEmpty')}</p>
        ) : (
          <>
            <p class="small">{t('optionsTryItCount', String(findings.length))}</p>
            <p class="highlighted">
              {segments.map((segment, index) =>
                segment.finding ? (
                  <mark key={index} title={`${segment.finding.type} · ${segment.finding.rule}`} data-type={segment.finding.type}>
                    {segment.text}
                    <span class="mark-type">{segment.finding.type}</span>
                  </mark>
                ) : (
                  <span key={index}>{segment.text}</span>
                ),
              )}
            </p>
          </>
        )}
      </div>
    </div>
  );
}
