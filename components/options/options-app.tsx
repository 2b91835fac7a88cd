import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../../lib/ui/i18n';
import { dominantSource } from '../../lib/ui/popup-model';
import { SourceBadge } from '../ui/source-badge';
import { AuditLogView } from './audit-log';
import { CustomRules } from './custom-rules';
import { DataSection } from './data-section';
import { OrgPolicy } from './org-policy';
import { PolicyTable } from './policy-table';
import { usePolicySnapshot } from './use-policy';
import { UserSettings } from './user-settings';

const SECTIONS: Array<{ id: string; title: MessageKey }> = [
  { id: 'policy', title: 'optionsSectionPolicy' },
  { id: 'settings', title: 'optionsSectionSettings' },
  { id: 'org', title: 'optionsSectionOrg' },
  { id: 'rules', title: 'optionsSectionRules' },
  { id: 'audit', title: 'optionsSectionAudit' },
  { id: 'data', title: 'optionsSectionData' },
];

export function OptionsApp() {
  const { snapshot, error, reload } = usePolicySnapshot();
  // Bumped after changes that can touch the audit log (delete all data) so it reloads.
  const [auditKey, setAuditKey] = useState(0);
  const reloadAll = () => {
    void reload();
    setAuditKey((key) => key + 1);
  };

  return (
    <div class="options">
      <header class="options-header">
        <img src="/icon/48.png" width="32" height="32" alt="" />
        <div>
          <h1>{t('optionsTitle')}</h1>
          <p class="small muted">{t('optionsSubtitle')}</p>
        </div>
      </header>
      <nav class="options-nav" aria-label={t('optionsNavLabel')}>
        <ul>
          {SECTIONS.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{t(section.title)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <main class="options-main">
        {error && (
          <p class="alert alert-error" role="alert">
            {t('optionsLoadError', error)}
          </p>
        )}
        {!snapshot && !error && <p class="muted">{t('popupLoading')}</p>}
        {snapshot && (
          <>
            <section id="policy" aria-labelledby="policy-title" class="options-section">
              <h2 id="policy-title">{t('optionsSectionPolicy')}</h2>
              <p class="section-intro">
                {t('optionsPolicyIntro')} <SourceBadge source={dominantSource(snapshot.effective)} />
              </p>
              {snapshot.effective.managed.active && (
                <p class="alert alert-warn small" role="note" data-testid="managed-note">
                  {snapshot.effective.managed.fromLastGood ? t('optionsManagedLastGood') : t('optionsManagedActive')}
                </p>
              )}
              <PolicyIssues snapshot={snapshot} />
              <PolicyTable effective={snapshot.effective} />
            </section>
            <section id="settings" aria-labelledby="settings-title" class="options-section">
              <h2 id="settings-title">{t('optionsSectionSettings')}</h2>
              <p class="section-intro">{t('optionsSettingsIntro')}</p>
              <UserSettings snapshot={snapshot} onSaved={reloadAll} />
            </section>
            <section id="org" aria-labelledby="org-title" class="options-section">
              <h2 id="org-title">{t('optionsSectionOrg')}</h2>
              <p class="section-intro">{t('optionsOrgIntro')}</p>
              <OrgPolicy snapshot={snapshot} onChanged={reloadAll} />
            </section>
            <section id="rules" aria-labelledby="rules-title" class="options-section">
              <h2 id="rules-title">{t('optionsSectionRules')}</h2>
              <p class="section-intro">{t('optionsRulesIntro')}</p>
              <CustomRules snapshot={snapshot} onSaved={reloadAll} />
            </section>
            <section id="audit" aria-labelledby="audit-title" class="options-section">
              <h2 id="audit-title">{t('optionsSectionAudit')}</h2>
              <p class="section-intro">{t('optionsAuditIntro')}</p>
              <AuditLogView refreshKey={auditKey} />
            </section>
            <section id="data" aria-labelledby="data-title" class="options-section">
              <h2 id="data-title">{t('optionsSectionData')}</h2>
              <DataSection snapshot={snapshot} onChanged={reloadAll} />
            </section>
          </>
        )}
      </main>
    </div>
  );
}

function PolicyIssues({ snapshot }: { snapshot: NonNullable<ReturnType<typeof usePolicySnapshot>['snapshot']> }) {
  const issues = snapshot.effective.errors;
  if (issues.length === 0) return null;
  return (
    <div class="alert alert-warn" role="status">
      <p>
        <strong>{t('optionsPolicyIssues')}</strong>
      </p>
      <ul class="field-errors">
        {issues.map((issue, index) => (
          <li key={index}>
            <SourceBadge source={issue.source} /> <code>{issue.field}</code>: {issue.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
