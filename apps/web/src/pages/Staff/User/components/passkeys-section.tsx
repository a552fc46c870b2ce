import type { AdminUserDetail } from '@mailgate/contracts';
import { useId } from 'react';
import { useTranslation } from '../../../../i18n/use-translation';
import { useRemoveUserPasskey } from '../../../../api/admin/mutations';
import { PasskeySummary } from '../../../../components/passkey/passkey-summary';
import { ReasonActionButton } from '../../components/reason-action-button';

interface PasskeysSectionProps {
  userId: string;
  passkeys: AdminUserDetail['passkeys'];
  canAct: boolean;
}

/** Which passkeys the user has (names and dates; never key material), and removing one with a reason. */
export function PasskeysSection({ userId, passkeys, canAct }: PasskeysSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const remove = useRemoveUserPasskey(userId);
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('passkeys.admin.title')}</h2>
      <p>{t('passkeys.admin.count', { count: passkeys.length })}</p>
      {passkeys.length > 0 && (
        <ul className="session-list" aria-label={t('passkeys.admin.title')}>
          {passkeys.map((passkey) => (
            <li key={passkey.id} className="session-list__item">
              <PasskeySummary passkey={passkey} />
              {canAct && (
                <ReasonActionButton
                  label={t('passkeys.remove')}
                  accessibleLabel={t('passkeys.admin.removeLabel', { name: passkey.name })}
                  dialogTitle={t('passkeys.removeTitle', { name: passkey.name })}
                  description={t('passkeys.admin.removeDescription')}
                  confirmLabel={t('passkeys.remove')}
                  destructive
                  run={(reason) => remove.mutateAsync({ itemId: passkey.id, reason })}
                  successMessage={t('passkeys.removed')}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
