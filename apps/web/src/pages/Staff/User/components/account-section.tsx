import type { AdminUserDetail, RevealPasswordResetLinkResponse } from '@mailgate/contracts';
import { useId, useState } from 'react';
import { useTranslation } from '../../../../i18n/use-translation';
import {
  useCreatePasswordResetLink,
  useRevealPasswordResetLink,
  useSetUserDisabled,
} from '../../../../api/admin/mutations';
import { OneTimeSecret } from '../../components/one-time-secret';
import { ReasonActionButton } from '../../components/reason-action-button';
import { useIsAdmin } from '../../../Staff/staff-context';
import { useFormat } from '../../../../i18n/format';
import { Button } from '../../../../components/button';

/** Without PUBLIC_URL the server answers a path; an admin needs a link they can paste into an e-mail. */
function absoluteUrl(url: string): string {
  return new URL(url, window.location.origin).toString();
}

interface AccountSectionProps {
  userId: string;
  user: AdminUserDetail['user'];
  canAct: boolean;
}

/**
 * Disabling, re-enabling, and password-reset links. A link goes to the user's confirmed recovery
 * address (staff see it masked, never the link); only an admin may create one to hand over, and
 * only for a user without a recovery address.
 */
export function AccountSection({ userId, user, canAct }: AccountSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const format = useFormat();
  const isAdmin = useIsAdmin();
  const setDisabled = useSetUserDisabled(userId);
  const sendLink = useCreatePasswordResetLink(userId);
  const revealLink = useRevealPasswordResetLink(userId);
  const [sent, setSent] = useState<{ sentTo: string; expiresAt: string } | null>(null);
  const [revealed, setRevealed] = useState<RevealPasswordResetLinkResponse | null>(null);

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.account.title')}</h2>
      <p>{user.disabled ? t('admin.account.isDisabled') : t('admin.account.isActive')}</p>
      <p className="muted">
        {user.recoveryAddress
          ? t('admin.account.recoveryAddress', { address: user.recoveryAddress })
          : t('admin.account.noRecoveryAddress')}
      </p>
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
          {user.recoveryAddress ? (
            <ReasonActionButton
              label={t('admin.account.resetLink')}
              dialogTitle={t('admin.account.resetLinkTitle')}
              description={t('admin.account.resetLinkDescription', { address: user.recoveryAddress })}
              confirmLabel={t('admin.account.resetLinkCreate')}
              run={(reason) => sendLink.mutateAsync({ reason })}
              successMessage={t('admin.account.resetLinkCreated')}
              onDone={setSent}
            />
          ) : (
            isAdmin && (
              <ReasonActionButton
                label={t('admin.account.revealLink')}
                dialogTitle={t('admin.account.revealLinkTitle')}
                description={t('admin.account.revealLinkDescription')}
                confirmLabel={t('admin.account.revealLinkCreate')}
                run={(reason) => revealLink.mutateAsync({ reason })}
                successMessage={t('admin.account.resetLinkCreated')}
                onDone={setRevealed}
              />
            )
          )}
        </div>
      )}
      {canAct && !user.recoveryAddress && !isAdmin && <p className="muted">{t('admin.account.resetLinkNoAddress')}</p>}
      {sent && (
        <p role="status">
          {t('admin.account.resetLinkSent', { address: sent.sentTo, until: format.dateTime(sent.expiresAt) })}
        </p>
      )}
      {revealed && (
        <div className="admin-once">
          <OneTimeSecret
            label={t('admin.account.resetLinkLabel')}
            value={absoluteUrl(revealed.url)}
            notice={t('admin.account.resetLinkNotice', { until: format.dateTime(revealed.expiresAt) })}
          />
          <Button onClick={() => setRevealed(null)}>{t('admin.common.hide')}</Button>
        </div>
      )}
    </section>
  );
}
