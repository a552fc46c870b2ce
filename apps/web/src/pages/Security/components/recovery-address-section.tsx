import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { useRemoveRecoveryAddress, useSetRecoveryAddress } from '../../../api/recovery/mutations';
import { useRecoveryAddress } from '../../../api/recovery/queries';
import { FormError } from '../../../components/alert';
import { Button } from '../../../components/button';
import { TextField } from '../../../components/form-field';
import { ErrorState, LoadingState } from '../../../components/query-state';
import { useToast } from '../../../components/toast';
import { useActionError } from '../../../i18n/error-message';
import { useFormat } from '../../../i18n/format';

/** The recovery address: shown, added or changed (a confirmation link goes there first), removed. */
export function RecoveryAddressSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const actionError = useActionError();
  const view = useRecoveryAddress();
  const save = useSetRecoveryAddress();
  const remove = useRemoveRecoveryAddress();
  const [email, setEmail] = useState('');

  if (view.isPending) return <LoadingState />;
  if (view.isError)
    return <ErrorState error={view.error} onRetry={() => void view.refetch()} retrying={view.isFetching} />;
  const { address, confirmedAt, pending } = view.data;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate(
      { email },
      {
        onSuccess: () => {
          toast.show(t('recovery.sent', { address: email }));
          setEmail('');
        },
      },
    );
  }

  return (
    <div className="form">
      {address ? (
        <p>
          {t('recovery.current', { address })}{' '}
          {confirmedAt && (
            <span className="muted">{t('recovery.confirmedAt', { date: format.dateTime(confirmedAt) })}</span>
          )}
        </p>
      ) : (
        <p className="muted">{t('recovery.none')}</p>
      )}
      {pending && (
        <p className="muted">
          {t('recovery.pending', { address: pending.address, until: format.dateTime(pending.expiresAt) })}
        </p>
      )}
      <form className="form" onSubmit={handleSubmit}>
        <FormError message={actionError(save.error) ?? actionError(remove.error)} />
        <TextField
          label={t('recovery.email')}
          hint={t('recovery.emailHint')}
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <div className="button-row">
          <Button type="submit" variant="primary" pending={save.isPending}>
            {address ? t('recovery.change') : t('recovery.save')}
          </Button>
          {(address || pending) && (
            <Button
              variant="ghost"
              pending={remove.isPending}
              onClick={() => remove.mutate(undefined, { onSuccess: () => toast.show(t('recovery.removed')) })}
            >
              {t('recovery.remove')}
            </Button>
          )}
        </div>
      </form>
    </div>
  );
}
