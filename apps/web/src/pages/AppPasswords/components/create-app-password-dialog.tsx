import { useTranslation } from '../../../i18n/use-translation';
import { useCreateAppPassword } from '../../../api/app-passwords/mutations';
import { Dialog } from '../../../components/dialog';
import { useActionError } from '../../../i18n/error-message';
import { AppPasswordSecret } from './app-password-secret';
import { CreateAppPasswordForm } from './create-app-password-form';

interface CreateAppPasswordDialogProps {
  open: boolean;
  onClose: () => void;
}

export function CreateAppPasswordDialog({ open, onClose }: CreateAppPasswordDialogProps) {
  const { t } = useTranslation();
  const actionError = useActionError();
  const create = useCreateAppPassword();

  // Closing forgets the mutation's result, and with it the only copy of the secret in the page.
  function close() {
    create.reset();
    onClose();
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title={create.data ? t('appPasswords.secret.title') : t('appPasswords.form.title')}
    >
      {create.data ? (
        <AppPasswordSecret created={create.data} onDone={close} />
      ) : (
        <CreateAppPasswordForm
          onSubmit={(request) => create.mutate(request)}
          onCancel={close}
          pending={create.isPending}
          errorMessage={actionError(create.error)}
        />
      )}
    </Dialog>
  );
}
