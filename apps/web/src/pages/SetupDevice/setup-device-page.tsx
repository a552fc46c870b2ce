import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useCreateHandoff, useDownloadProfile } from '../../api/mail-setup/mutations';
import { Alert, FormError } from '../../components/alert';
import { Button } from '../../components/button';
import { PageTitle } from '../../components/page-title';
import { useActionError } from '../../i18n/error-message';
import { useFormat } from '../../i18n/format';
import { DeviceForm, type DeviceChoice } from './components/device-form';
import { FirstLoginStatus } from './components/first-login-status';
import { PHONE_SETUP_PATH } from '../SetupPhone/setup-link-token';
import { LinkQrCode } from './components/link-qr-code';

/** "Set up a device": an Apple profile download or a QR code for the phone, then the first-login check. */
export function SetupDevicePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const actionError = useActionError();
  const [choice, setChoice] = useState<DeviceChoice>({ deviceName: '', incoming: 'IMAP' });
  const [submitted, setSubmitted] = useState(false);
  const profile = useDownloadProfile();
  const handoff = useCreateHandoff();
  const request = { deviceName: choice.deviceName.trim(), incoming: choice.incoming };
  const valid = request.deviceName !== '';

  function run(action: () => void) {
    setSubmitted(true);
    if (valid) action();
  }

  return (
    <>
      <PageTitle title={t('mailSetup.title')} />
      <h1>{t('mailSetup.title')}</h1>
      <p className="lead">{t('mailSetup.intro')}</p>
      <DeviceForm value={choice} onChange={setChoice} showErrors={submitted} />

      <section className="setup-option" aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t('mailSetup.profile.title')}</h2>
        <p>{t('mailSetup.profile.body')}</p>
        <FormError message={actionError(profile.error)} />
        <Button
          variant="primary"
          pending={profile.isPending}
          pendingLabel={t('mailSetup.profile.downloading')}
          onClick={() => run(() => profile.mutate(request))}
        >
          {t('mailSetup.profile.download')}
        </Button>
        {profile.data && (
          <Alert tone="success" live>
            <p>{t('mailSetup.profile.done', { fileName: profile.data.fileName })}</p>
          </Alert>
        )}
      </section>

      <section className="setup-option" aria-labelledby="qr-heading">
        <h2 id="qr-heading">{t('mailSetup.qr.title')}</h2>
        <p>{t('mailSetup.qr.body')}</p>
        <FormError message={actionError(handoff.error)} />
        <Button
          pending={handoff.isPending}
          pendingLabel={t('mailSetup.qr.creating')}
          onClick={() => run(() => handoff.mutate(request))}
        >
          {t('mailSetup.qr.create')}
        </Button>
        {handoff.data && (
          <div className="setup-qr">
            <LinkQrCode url={`${window.location.origin}${PHONE_SETUP_PATH}#${handoff.data.token}`} />
            <p>{t('mailSetup.qr.expires', { time: format.dateTime(handoff.data.expiresAt) })}</p>
          </div>
        )}
      </section>

      {profile.data?.appPasswordId && <FirstLoginStatus appPasswordId={profile.data.appPasswordId} />}
    </>
  );
}
