import type { StartTotpEnrollmentResponse } from '@mailgate/contracts';
import { useId, useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { useStartTotpEnrollment } from '../../../api/totp/mutations';
import { FormError } from '../../../components/alert';
import { Button } from '../../../components/button';
import { PageTitle } from '../../../components/page-title';
import { TotpEnrollment } from '../../../components/totp/totp-enrollment';
import { useActionError } from '../../../i18n/error-message';

interface StaffTotpEnrollmentProps {
  /** Called after the recovery codes were acknowledged. */
  onEnrolled: () => void;
}

/**
 * The gate in front of the panel: a staff account without 2FA enrolls here, at its first visit,
 * and the server refuses every admin request (STAFF_TOTP_REQUIRED) until it has. The enrollment
 * itself is the portal's (same endpoints, same steps as on the security page); starting it needs a
 * recent step-up, which a fresh password sign-in already is.
 */
export function StaffTotpEnrollment({ onEnrolled }: StaffTotpEnrollmentProps) {
  const { t } = useTranslation();
  const actionError = useActionError();
  const headingId = useId();
  const start = useStartTotpEnrollment();
  const [enrollment, setEnrollment] = useState<StartTotpEnrollmentResponse | null>(null);

  return (
    <div className="admin-enroll">
      <PageTitle title={t('admin.enroll.title')} />
      <h1>{t('admin.enroll.title')}</h1>
      <p className="lead">{t('admin.enroll.intro')}</p>
      {enrollment ? (
        <section className="card" aria-labelledby={headingId}>
          <h2 id={headingId}>{t('admin.enroll.scanTitle')}</h2>
          <TotpEnrollment enrollment={enrollment} onCancel={() => setEnrollment(null)} onDone={onEnrolled} />
        </section>
      ) : (
        <section className="card admin-stack">
          <p>{t('admin.enroll.needApp')}</p>
          <FormError message={actionError(start.error)} />
          <div>
            <Button
              variant="primary"
              pending={start.isPending}
              pendingLabel={t('admin.common.working')}
              onClick={() => start.mutate(undefined, { onSuccess: setEnrollment })}
            >
              {t('admin.enroll.begin')}
            </Button>
          </div>
        </section>
      )}
    </div>
  );
}
