import type { AuthLockView } from '@mailgate/contracts';
import { useId } from 'react';
import { useTranslation } from '../../../../i18n/use-translation';
import { useLiftUserLock } from '../../../../api/admin/mutations';
import { ReasonActionButton } from '../../components/reason-action-button';
import { useFormat } from '../../../../i18n/format';

interface LocksSectionProps {
  userId: string;
  locks: readonly AuthLockView[];
  canAct: boolean;
}

export function LocksSection({ userId, locks, canAct }: LocksSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const format = useFormat();
  const lift = useLiftUserLock(userId);

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.locks.title')}</h2>
      {locks.length === 0 ? (
        <p className="muted">{t('admin.locks.none')}</p>
      ) : (
        <ul className="admin-list">
          {locks.map((lock) => {
            const description = t(`admin.locks.scope.${lock.scope}`, {
              failures: lock.failures,
              ip: lock.clientIp ?? '—',
              until: format.moment(lock.lockedUntil),
            });
            return (
              <li key={lock.id} className="admin-list__item">
                <p>{description}</p>
                {canAct && (
                  <ReasonActionButton
                    label={t('admin.locks.lift')}
                    accessibleLabel={t('admin.locks.liftLabel', { description })}
                    dialogTitle={t('admin.locks.liftTitle')}
                    description={
                      <>
                        <p>{description}</p>
                        <p>{t('admin.locks.liftDescription')}</p>
                      </>
                    }
                    confirmLabel={t('admin.locks.lift')}
                    run={(reason) => lift.mutateAsync({ itemId: lock.id, reason })}
                    successMessage={t('admin.locks.lifted')}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
