import type { PasskeyView } from '@mailgate/contracts';
import { PASSKEY_NAME_MAX } from '@mailgate/contracts/values';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { useAddPasskey, useRemovePasskey, useRenamePasskey } from '../../../api/passkeys/mutations';
import { usePasskeys } from '../../../api/passkeys/queries';
import { FormError } from '../../../components/alert';
import { PasskeySummary } from '../../../components/passkey/passkey-summary';
import { Button } from '../../../components/button';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { Dialog } from '../../../components/dialog';
import { TextField } from '../../../components/form-field';
import { ErrorState, LoadingState } from '../../../components/query-state';
import { useToast } from '../../../components/toast';
import { useActionError } from '../../../i18n/error-message';

/** The user's passkeys: add one (after a step-up), rename, remove (warning when it is the last strong factor). */
export function PasskeysSection() {
  const { t } = useTranslation();
  const toast = useToast();
  const actionError = useActionError();
  const passkeys = usePasskeys();
  const add = useAddPasskey();
  const rename = useRenamePasskey();
  const remove = useRemovePasskey();
  const [renaming, setRenaming] = useState<PasskeyView | null>(null);
  const [removing, setRemoving] = useState<PasskeyView | null>(null);

  if (passkeys.isPending) return <LoadingState />;
  if (passkeys.isError) {
    return <ErrorState error={passkeys.error} onRetry={() => void passkeys.refetch()} retrying={passkeys.isFetching} />;
  }
  const { passkeys: list, totpEnabled, limit } = passkeys.data;
  const lastStrongFactor = list.length === 1 && !totpEnabled;

  function handleAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get('name') ?? '').trim() || t('passkeys.defaultName');
    add.mutate(name, {
      onSuccess: () => {
        form.reset();
        toast.show(t('passkeys.added'));
      },
    });
  }

  function handleRename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!renaming) return;
    const name = String(new FormData(event.currentTarget).get('name') ?? '');
    rename.mutate({ id: renaming.id, name }, { onSuccess: () => setRenaming(null) });
  }

  return (
    <div className="form">
      <p className="muted">{t('passkeys.mailProgramsHint')}</p>
      {list.length === 0 ? (
        <p>
          <strong>{t('passkeys.none')}</strong>
        </p>
      ) : (
        <ul className="session-list" aria-label={t('passkeys.listLabel')}>
          {list.map((passkey) => (
            <li key={passkey.id} className="session-list__item">
              <PasskeySummary passkey={passkey} />
              <div className="button-row">
                <Button variant="ghost" onClick={() => setRenaming(passkey)}>
                  {t('passkeys.rename')}
                  <span className="visually-hidden"> {passkey.name}</span>
                </Button>
                <Button variant="ghost" onClick={() => setRemoving(passkey)}>
                  {t('passkeys.remove')}
                  <span className="visually-hidden"> {passkey.name}</span>
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <FormError message={actionError(add.error) ?? actionError(remove.error)} />
      {list.length < limit && (
        <form className="form" onSubmit={handleAdd}>
          <TextField
            label={t('passkeys.nameLabel')}
            hint={t('passkeys.nameHint')}
            name="name"
            maxLength={PASSKEY_NAME_MAX}
            autoComplete="off"
          />
          <div>
            <Button type="submit" variant="primary" pending={add.isPending} pendingLabel={t('passkeys.adding')}>
              {t('passkeys.add')}
            </Button>
          </div>
        </form>
      )}

      <Dialog open={renaming !== null} onClose={() => setRenaming(null)} title={t('passkeys.renameTitle')}>
        {renaming && (
          <form className="form" onSubmit={handleRename}>
            <FormError message={actionError(rename.error)} />
            <TextField
              label={t('passkeys.nameLabel')}
              name="name"
              defaultValue={renaming.name}
              maxLength={PASSKEY_NAME_MAX}
              required
            />
            <div className="button-row">
              <Button type="submit" variant="primary" pending={rename.isPending}>
                {t('passkeys.save')}
              </Button>
              <Button onClick={() => setRenaming(null)}>{t('common.cancel')}</Button>
            </div>
          </form>
        )}
      </Dialog>

      <ConfirmDialog
        open={removing !== null}
        title={t('passkeys.removeTitle', { name: removing?.name ?? '' })}
        body={lastStrongFactor ? t('passkeys.removeLastWarning') : t('passkeys.removeBody')}
        confirmLabel={t('passkeys.remove')}
        pending={remove.isPending}
        error={actionError(remove.error)}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id, {
            onSuccess: () => {
              setRemoving(null);
              toast.show(t('passkeys.removed'));
            },
          })
        }
        onCancel={() => setRemoving(null)}
      />
    </div>
  );
}
