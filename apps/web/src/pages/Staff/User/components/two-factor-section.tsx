import type { AdminUserDetail } from '@mailgate/contracts';
import { useId } from 'react';
import { useTranslation } from '../../../../i18n/use-translation';
import { useRemoveUserTwoFactor } from '../../../../api/admin/mutations';
import { OnOffBadge } from '../../components/badges';
import { ReasonActionButton } from '../../components/reason-action-button';
import { useFormat } from '../../../../i18n/format';

interface TwoFactorSectionProps {
  userId: string;
  twoFactor: AdminUserDetail['twoFactor'];
  canAct: boolean;
}

export function TwoFactorSection({ userId, twoFactor, canAct }: TwoFactorSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const format = useFormat();
  const remove = useRemoveUserTwoFactor(userId);

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.twoFactor.title')}</h2>
      <p>
        <OnOffBadge on={twoFactor.enabled} />
        {twoFactor.enabled && twoFactor.enabledAt && (
          <span className="admin-hint">
            {' '}
            {t('admin.twoFactor.since', { when: format.dateTime(twoFactor.enabledAt) })}
          </span>
        )}
      </p>
      {twoFactor.enabled && (
        <p className="admin-hint">{t('admin.twoFactor.recoveryLeft', { count: twoFactor.recoveryCodesRemaining })}</p>
      )}
      {canAct && twoFactor.enabled && (
        <ReasonActionButton
          label={t('admin.twoFactor.remove')}
          dialogTitle={t('admin.twoFactor.removeTitle')}
          description={
            <>
              <p>{t('admin.twoFactor.removeVerify')}</p>
              <p>{t('admin.twoFactor.removeDescription')}</p>
            </>
          }
          confirmLabel={t('admin.twoFactor.remove')}
          destructive
          run={(reason) => remove.mutateAsync({ reason })}
          successMessage={t('admin.twoFactor.removed')}
        />
      )}
    </section>
  );
}
