import { ACTIONS, SITE_IDS, INSPECTION_FAMILIES } from '../../lib/policy/types';
import type { PolicySnapshot } from '../../lib/messaging/ui-protocol';
import { t, type MessageKey } from '../../lib/ui/i18n';
import { SettingControl } from './setting-control';

const SITE_LABEL: Record<(typeof SITE_IDS)[number], MessageKey> = { chatgpt: 'siteChatgpt', claude: 'siteClaude', gemini: 'siteGemini' };
const FAMILY_LABEL: Record<(typeof INSPECTION_FAMILIES)[number], MessageKey> = {
  hiddenText: 'familyHiddenText',
  injection: 'familyInjection',
  exfiltration: 'familyExfiltration',
  unsafeCode: 'familyUnsafeCode',
};

/** The settings a user may change (inputs of locked ones are disabled, with the reason). */
export function UserSettings({ snapshot, onSaved }: { snapshot: PolicySnapshot; onSaved: () => void }) {
  const common = { snapshot, onSaved };
  return (
    <div class="settings-grid">
      <fieldset>
        <legend>{t('optionsGroupGeneral')}</legend>
        <SettingControl {...common} path="enabled" label={t('settingEnabled')} spec={{ kind: 'toggle' }} />
        <SettingControl {...common} path="userMayPause" label={t('settingUserMayPause')} spec={{ kind: 'toggle' }} />
        <SettingControl {...common} path="failMode" label={t('settingFailMode')} hint={t('settingFailModeHint')} spec={{ kind: 'select', options: ['closed', 'open'] }} />
      </fieldset>
      <fieldset>
        <legend>{t('optionsGroupActions')}</legend>
        <SettingControl {...common} path="actions.secret" label={t('settingActionSecret')} spec={{ kind: 'select', options: ACTIONS }} />
        <SettingControl {...common} path="actions.pii" label={t('settingActionPii')} spec={{ kind: 'select', options: ACTIONS }} />
        <SettingControl {...common} path="actions.custom" label={t('settingActionCustom')} spec={{ kind: 'select', options: ACTIONS }} />
        <SettingControl {...common} path="uploads" label={t('settingUploads')} spec={{ kind: 'select', options: ['redact', 'block', 'allow'] }} />
        <SettingControl {...common} path="maxPromptTokens" label={t('settingMaxPromptTokens')} hint={t('settingMaxPromptTokensHint')} spec={{ kind: 'number', min: 0, max: 2_000_000 }} />
      </fieldset>
      <fieldset>
        <legend>{t('optionsGroupSites')}</legend>
        {SITE_IDS.map((site) => (
          <SettingControl key={site} {...common} path={`sites.${site}`} label={t(SITE_LABEL[site])} spec={{ kind: 'toggle' }} />
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('optionsGroupInspection')}</legend>
        {INSPECTION_FAMILIES.map((family) => (
          <SettingControl key={family} {...common} path={`inspection.${family}`} label={t(FAMILY_LABEL[family])} spec={{ kind: 'toggle' }} />
        ))}
      </fieldset>
    </div>
  );
}
