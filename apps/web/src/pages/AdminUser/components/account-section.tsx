import type { AdminUserDetail, CreatePasswordResetLinkResponse } from '@mailgate/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreatePasswordResetLink, useSetUserDisabled } from '../../../api/admin/mutations';
import { OneTimeSecret } from '../../Admin/components/one-time-secret';
import { ReasonActionButton } from '../../Admin/components/reason-action-button';
import { useFormat } from '../../../i18n/format';
import { Button } from '../../../components/button';

/** Without PUBLIC_URL the server answers a path; staff need a link they can paste into an e-mail. */
function absoluteUrl(url: string): string {
  return new URL(url, window.location.origin).toString();
}

interface AccountSectionProps {
  userId: string;
  user: AdminUserDetail['user'];
  canAct: boolean;
}

/** Disabling, re-enabling, and the one-time reset link (staff never choose or see a password). */
export function AccountSection({ userId, user, canAct }: AccountSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const format = useFormat();
  const setDisabled = useSetUserDisabled(userId);
  const createLink = useCreatePasswordResetLink(userId);
  const [resetLink, setResetLink] = useState<CreatePasswordResetLinkResponse | null>(null);

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.account.title')}</h2>
      <p>{user.disabled ? t('admin.account.isDisabled') : t('admin.account.isActive')}</p>
      {canAct && (
        <div className="admin-actions admin-actions--start">
          {user.disabled ? (
            <ReasonActionButton
              label={t('admin.account.enable')}
              dialogTitle={t('admin.account.enableTitle')}
              description={t('admin.account.enableDescription')}
              confirmLabel={t('admin.account.enable')}
              run={(reason) => setDisabled.mutateAsync({ disabled: false, reason })}
              successMessage={t('admin.account.enabled')}
            />
          ) : (
            <ReasonActionButton
              label={t('admin.account.disable')}
              dialogTitle={t('admin.account.disableTitle')}
              description={t('admin.account.disableDescription')}
              confirmLabel={t('admin.account.disable')}
              destructive
              run={(reason) => setDisabled.mutateAsync({ disabled: true, reason })}
              successMessage={t('admin.account.disabled')}
            />
          )}
          <ReasonActionButton
            label={t('admin.account.resetLink')}
            dialogTitle={t('admin.account.resetLinkTitle')}
            description={t('admin.account.resetLinkDescription')}
            confirmLabel={t('admin.account.resetLinkCreate')}
            run={(reason) => createLink.mutateAsync({ reason })}
            successMessage={t('admin.account.resetLinkCreated')}
            onDone={setResetLink}
          />
        </div>
      )}
      {resetLink && (
        <div className="admin-once">
          <OneTimeSecret
            label={t('admin.account.resetLinkLabel')}
            value={absoluteUrl(resetLink.url)}
            notice={t('admin.account.resetLinkNotice', { until: format.dateTime(resetLink.expiresAt) })}
          />
          <Button onClick={() => setResetLink(null)}>{t('admin.common.hide')}</Button>
        </div>
      )}
    </section>
  );
}
