import type { Role } from '@mailgate/contracts';
import { ROLES } from '@mailgate/contracts/values';
import { useId, useState } from 'react';
import { useTranslation } from '../../../../i18n/use-translation';
import { useChangeUserRole } from '../../../../api/admin/mutations';
import { ReasonActionButton } from '../../components/reason-action-button';

/** ADMIN only (the server checks, and asks for a recent confirmation: STEP_UP_REQUIRED). */
export function RoleSection({ userId, role }: { userId: string; role: Role }) {
  const { t } = useTranslation();
  const headingId = useId();
  const selectId = useId();
  const hintId = useId();
  const change = useChangeUserRole(userId);
  const [next, setNext] = useState<Role>(role);

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.role.title')}</h2>
      <div className="field">
        <label htmlFor={selectId}>{t('admin.role.label')}</label>
        <select
          id={selectId}
          value={next}
          aria-describedby={hintId}
          onChange={(event) => setNext(event.target.value as Role)}
        >
          {ROLES.map((option) => (
            <option key={option} value={option}>
              {t(`admin.roles.${option}`)}
            </option>
          ))}
        </select>
        <p id={hintId} className="admin-hint">
          {t('admin.role.hint')}
        </p>
      </div>
      <div className="admin-actions admin-actions--start">
        <ReasonActionButton
          label={t('admin.role.change')}
          disabled={next === role}
          dialogTitle={t('admin.role.changeTitle')}
          description={t('admin.role.changeDescription', {
            from: t(`admin.roles.${role}`),
            to: t(`admin.roles.${next}`),
          })}
          confirmLabel={t('admin.role.change')}
          run={(reason) => change.mutateAsync({ role: next, reason })}
          successMessage={t('admin.role.changed', { role: t(`admin.roles.${next}`) })}
        />
      </div>
    </section>
  );
}
