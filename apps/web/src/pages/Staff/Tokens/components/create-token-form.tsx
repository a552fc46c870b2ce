import type { CreateServiceTokenResponse } from '@mailgate/contracts';
import { SERVICE_TOKEN_NAME_MAX, SERVICE_TOKEN_NAME_PATTERN } from '@mailgate/contracts/values';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../../i18n/use-translation';
import { useCreateServiceToken } from '../../../../api/admin/mutations';
import { FormError } from '../../../../components/alert';
import { Button } from '../../../../components/button';
import { TextField } from '../../../../components/form-field';
import { useToast } from '../../../../components/toast';
import { useActionError } from '../../../../i18n/error-message';

/** Creating a token needs a recent step-up; the portal's dialog asks for it and the request repeats. */
export function CreateTokenForm({ onCreated }: { onCreated: (token: CreateServiceTokenResponse) => void }) {
  const { t } = useTranslation();
  const actionError = useActionError();
  const toast = useToast();
  const headingId = useId();
  const create = useCreateServiceToken();
  const [name, setName] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    // The contract's rule, checked before the round trip.
    if (!SERVICE_TOKEN_NAME_PATTERN.test(trimmed)) {
      return setLocalError(t('admin.tokens.nameInvalid', { max: SERVICE_TOKEN_NAME_MAX }));
    }
    setLocalError(null);
    create.mutate(
      { name: trimmed },
      {
        onSuccess: (token) => {
          setName('');
          toast.show(t('admin.tokens.created', { name: token.name }));
          onCreated(token);
        },
      },
    );
  }

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.tokens.createTitle')}</h2>
      <form className="form" onSubmit={handleSubmit} noValidate>
        <FormError message={localError ?? actionError(create.error)} />
        <TextField
          label={t('admin.tokens.name')}
          hint={t('admin.tokens.nameHint')}
          name="name"
          autoComplete="off"
          spellCheck={false}
          maxLength={SERVICE_TOKEN_NAME_MAX}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <div>
          <Button type="submit" variant="primary" pending={create.isPending} pendingLabel={t('admin.common.working')}>
            {t('admin.tokens.create')}
          </Button>
        </div>
      </form>
    </section>
  );
}
