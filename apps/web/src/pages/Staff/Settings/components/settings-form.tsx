import type { GlobalSettingsView } from '@mailgate/contracts';
import { RETENTION_DAYS_BOUNDS as RETENTION } from '@mailgate/contracts/values';
import { useId, useState } from 'react';
import { useTranslation } from '../../../../i18n/use-translation';
import { useUpdateGlobalSettings } from '../../../../api/admin/mutations';
import { ReasonActionButton } from '../../components/reason-action-button';

const SWITCHES = [
  'defaultImapEnabled',
  'defaultPop3Enabled',
  'defaultSmtpEnabled',
  'requireTlsForProtocols',
  'allowMainPasswordWithout2fa',
] as const;

// The contract's bounds (admin-settings.contract.ts).
type RetentionKey = keyof typeof RETENTION;

export function SettingsForm({ settings }: { settings: GlobalSettingsView }) {
  const { t } = useTranslation();
  const update = useUpdateGlobalSettings();
  const protocolsId = useId();
  const securityId = useId();
  const retentionId = useId();
  const inputIds = { loginAttemptRetentionDays: useId(), auditRetentionDays: useId() };
  const switchIds = {
    defaultImapEnabled: useId(),
    defaultPop3Enabled: useId(),
    defaultSmtpEnabled: useId(),
    requireTlsForProtocols: useId(),
    allowMainPasswordWithout2fa: useId(),
  };
  const [switches, setSwitches] = useState(
    () => Object.fromEntries(SWITCHES.map((key) => [key, settings[key]])) as Record<(typeof SWITCHES)[number], boolean>,
  );
  const staffPasskeyId = useId();
  const [staffPasskeyRequired, setStaffPasskeyRequired] = useState(settings.staffPasskeyRequired);
  const [retention, setRetention] = useState<Record<RetentionKey, string>>({
    loginAttemptRetentionDays: String(settings.loginAttemptRetentionDays),
    auditRetentionDays: String(settings.auditRetentionDays),
  });

  const parsed = {
    loginAttemptRetentionDays: Number.parseInt(retention.loginAttemptRetentionDays, 10),
    auditRetentionDays: Number.parseInt(retention.auditRetentionDays, 10),
  };
  const invalid = (Object.keys(RETENTION) as RetentionKey[]).filter(
    (key) => !(Number.isInteger(parsed[key]) && parsed[key] >= RETENTION[key].min && parsed[key] <= RETENTION[key].max),
  );

  const checkbox = (key: (typeof SWITCHES)[number]) => (
    <div className="admin-checkbox" key={key}>
      <input
        id={switchIds[key]}
        type="checkbox"
        checked={switches[key]}
        onChange={(event) => setSwitches((current) => ({ ...current, [key]: event.target.checked }))}
      />
      <label htmlFor={switchIds[key]}>{t(`admin.settings.fields.${key}`)}</label>
    </div>
  );

  return (
    <form className="card form" onSubmit={(event) => event.preventDefault()} aria-label={t('admin.settings.title')}>
      <fieldset className="admin-fieldset" aria-describedby={protocolsId}>
        <legend>{t('admin.settings.protocolsLegend')}</legend>
        <p id={protocolsId} className="admin-hint">
          {t('admin.settings.protocolsHint')}
        </p>
        {checkbox('defaultImapEnabled')}
        {checkbox('defaultPop3Enabled')}
        {checkbox('defaultSmtpEnabled')}
      </fieldset>
      <fieldset className="admin-fieldset" aria-describedby={securityId}>
        <legend>{t('admin.settings.securityLegend')}</legend>
        <p id={securityId} className="admin-hint">
          {t('admin.settings.securityHint')}
        </p>
        {checkbox('requireTlsForProtocols')}
        {checkbox('allowMainPasswordWithout2fa')}
        <div className="admin-checkbox">
          <input
            id={staffPasskeyId}
            type="checkbox"
            checked={staffPasskeyRequired}
            aria-describedby={`${staffPasskeyId}-hint`}
            onChange={(event) => setStaffPasskeyRequired(event.target.checked)}
          />
          <label htmlFor={staffPasskeyId}>{t('passkeys.admin.settingLabel')}</label>
        </div>
        <p id={`${staffPasskeyId}-hint`} className="admin-hint">
          {t('passkeys.admin.settingHint')}
        </p>
      </fieldset>
      <fieldset className="admin-fieldset" aria-describedby={retentionId}>
        <legend>{t('admin.settings.retentionLegend')}</legend>
        <p id={retentionId} className="admin-hint">
          {t('admin.settings.retentionHint')}
        </p>
        {(Object.keys(RETENTION) as RetentionKey[]).map((key) => (
          <div className="field admin-field--short" key={key}>
            <label htmlFor={inputIds[key]}>{t(`admin.settings.fields.${key}`)}</label>
            <input
              id={inputIds[key]}
              type="number"
              inputMode="numeric"
              min={RETENTION[key].min}
              max={RETENTION[key].max}
              aria-invalid={invalid.includes(key) || undefined}
              value={retention[key]}
              onChange={(event) => setRetention((current) => ({ ...current, [key]: event.target.value }))}
            />
          </div>
        ))}
      </fieldset>
      <div role="alert" className={invalid.length ? 'form-alert' : undefined}>
        {invalid.map((key) => (
          <p key={key}>
            {t('admin.settings.outOfRange', { field: t(`admin.settings.fields.${key}`), ...RETENTION[key] })}
          </p>
        ))}
      </div>
      <div className="admin-actions admin-actions--start">
        <ReasonActionButton
          label={t('admin.settings.save')}
          disabled={invalid.length > 0}
          dialogTitle={t('admin.settings.saveTitle')}
          description={t('admin.settings.saveDescription')}
          confirmLabel={t('admin.settings.save')}
          run={(reason) => update.mutateAsync({ ...switches, staffPasskeyRequired, ...parsed, reason })}
          successMessage={t('admin.settings.saved')}
        />
      </div>
    </form>
  );
}
