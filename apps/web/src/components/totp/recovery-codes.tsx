import { useId } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useMe } from '../../api/auth/queries';
import { Alert } from '../alert';
import { Button } from '../button';
import { CopyButton } from '../copy-button';

interface RecoveryCodesProps {
  codes: string[];
  onDone: () => void;
}

/** Shown once, right after 2FA is turned on or the codes are replaced. */
export function RecoveryCodes({ codes, onDone }: RecoveryCodesProps) {
  const { t } = useTranslation();
  const me = useMe();
  const listId = useId();
  const fileText = [t('totp.recovery.fileHeader', { email: me.data?.email ?? '' }), '', ...codes, ''].join('\n');

  function download() {
    // Made in the page: the codes never travel anywhere but to the user's own disk.
    const url = URL.createObjectURL(new Blob([fileText], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = t('totp.recovery.fileName');
    link.click();
    window.setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  return (
    <div className="form">
      <Alert tone="warning" live>
        <p>{t('totp.recovery.intro')}</p>
      </Alert>
      <p id={listId} className="visually-hidden">
        {t('totp.recovery.listLabel')}
      </p>
      <ol className="recovery-codes" aria-labelledby={listId}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <CopyButton value={codes.join('\n')} label={t('totp.recovery.copy')} />
        <Button onClick={download}>{t('totp.recovery.download')}</Button>
      </div>
      <div className="button-row">
        <Button variant="primary" onClick={onDone}>
          {t('totp.recovery.saved')}
        </Button>
      </div>
    </div>
  );
}
