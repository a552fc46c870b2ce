import type { DeviceSettingsResponse } from '@mailgate/contracts';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useRedeemHandoff } from '../../api/mail-setup/mutations';
import { Alert, FormError } from '../../components/alert';
import { Button } from '../../components/button';
import { CopyButton } from '../../components/copy-button';
import { PageTitle } from '../../components/page-title';
import { ServerSettings } from '../../components/server-settings';
import { useActionError } from '../../i18n/error-message';
import { FirstLoginStatus } from '../SetupDevice/components/first-login-status';
import { forgetSetupLinkToken, parkedSetupLinkToken, parkSetupLinkToken } from './setup-link-token';

/**
 * The token arrives after `#`; a link opened in a tab that is already signed in is parked here
 * (main.tsx parks it at start for a tab that signs in first).
 */
function takeToken(): string | null {
  parkSetupLinkToken();
  return parkedSetupLinkToken();
}

/** The phone's side of the QR hand-off: install the profile, or show the settings to copy. */
export function SetupPhonePage() {
  const { t } = useTranslation();
  const actionError = useActionError();
  const [token] = useState(takeToken);
  const redeem = useRedeemHandoff();
  const result = redeem.data;
  const settings = result && 'secret' in result ? (result as DeviceSettingsResponse) : null;
  const appPasswordId = settings?.appPassword.id ?? (result && 'appPasswordId' in result ? result.appPasswordId : null);

  function use(as: 'profile' | 'settings') {
    if (!token) return;
    redeem.mutate({ token, as }, { onSettled: forgetSetupLinkToken });
  }

  return (
    <>
      <PageTitle title={t('mailSetup.phone.title')} />
      <h1>{t('mailSetup.phone.title')}</h1>
      {!token && <Alert tone="warning">{t('mailSetup.phone.noLink')}</Alert>}
      {token && !result && (
        <>
          <p className="lead">{t('mailSetup.phone.intro')}</p>
          <FormError message={actionError(redeem.error)} />
          <div className="button-column">
            <Button variant="primary" pending={redeem.isPending} onClick={() => use('profile')}>
              {t('mailSetup.phone.installProfile')}
            </Button>
            <Button pending={redeem.isPending} onClick={() => use('settings')}>
              {t('mailSetup.phone.showSettings')}
            </Button>
          </div>
        </>
      )}
      {result && !settings && <Alert tone="success">{t('mailSetup.phone.profileDone')}</Alert>}
      {settings && (
        <>
          <p>{t('mailSetup.phone.settingsIntro')}</p>
          <p>
            {t('mailSetup.phone.password')}: <code className="secret">{settings.secret}</code>{' '}
            <CopyButton value={settings.secret} label={t('mailSetup.phone.copyPassword')} />
          </p>
          {settings.serverSettings.map((item) => (
            <ServerSettings
              key={item.protocol}
              settings={item}
              password={t('mailSetup.phone.password')}
              headingLevel={3}
            />
          ))}
        </>
      )}
      {appPasswordId && <FirstLoginStatus appPasswordId={appPasswordId} />}
    </>
  );
}
