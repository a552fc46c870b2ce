import { useTranslation } from '../../../i18n/use-translation';
import { useCancelResetLink } from '../../../api/reset-links/mutations';
import { usePendingResetLinks } from '../../../api/reset-links/queries';
import { FormError } from '../../../components/alert';
import { Button } from '../../../components/button';
import { ErrorState, LoadingState } from '../../../components/query-state';
import { useToast } from '../../../components/toast';
import { useActionError } from '../../../i18n/error-message';
import { useFormat } from '../../../i18n/format';

/** Pending staff-issued password-reset links, each with a way to cancel it. */
export function ResetLinksSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const actionError = useActionError();
  const links = usePendingResetLinks();
  const cancel = useCancelResetLink();

  if (links.isPending) return <LoadingState />;
  if (links.isError) {
    return <ErrorState error={links.error} onRetry={() => void links.refetch()} retrying={links.isFetching} />;
  }
  if (links.data.links.length === 0) return <p className="muted">{t('resetLinks.none')}</p>;

  return (
    <div className="form">
      <ul className="session-list" aria-label={t('resetLinks.listLabel')}>
        {links.data.links.map((link) => {
          const created = format.dateTime(link.createdAt);
          return (
            <li key={link.id} className="session-list__item">
              <div>
                <p className="session-list__device">{t(`resetLinks.issuedBy.${link.issuedBy}`)}</p>
                <p className="muted">{t('resetLinks.detail', { created, expires: format.dateTime(link.expiresAt) })}</p>
                {link.reason && <p className="muted">{t('resetLinks.reason', { reason: link.reason })}</p>}
              </div>
              <Button
                variant="ghost"
                pending={cancel.isPending && cancel.variables === link.id}
                onClick={() => cancel.mutate(link.id, { onSuccess: () => toast.show(t('resetLinks.cancelled')) })}
              >
                {t('resetLinks.cancel')}
                <span className="visually-hidden"> {t('resetLinks.cancelFor', { created })}</span>
              </Button>
            </li>
          );
        })}
      </ul>
      <FormError message={actionError(cancel.error)} />
    </div>
  );
}
