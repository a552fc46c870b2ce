import type { CreateServiceTokenResponse } from '@mailgate/contracts';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateServiceToken } from '../../../api/admin/mutations';
import { useErrorMessage } from '../../../i18n/error-message';
import { useAnnounce } from '../../Admin/components/announcer';
import { useStepUpRetry } from '../../Admin/components/use-step-up-retry';

// The contract's rule (ZCreateServiceTokenRequest), checked before the round trip.
const TOKEN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function CreateTokenForm({ onCreated }: { onCreated: (token: CreateServiceTokenResponse) => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const announce = useAnnounce();
  const nameId = useId();
  const hintId = useId();
  const headingId = useId();
  const create = useCreateServiceToken();
  const [name, setName] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const stepUp = useStepUpRetry('totp');

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!TOKEN_NAME.test(trimmed)) return setLocalError(t('admin.tokens.nameInvalid'));
    setLocalError(null);
    submit(trimmed);
  }

  // Creating a token needs a recent confirmation; after the step-up dialog the same name is sent again.
  function submit(trimmed: string) {
    create.mutate(
      { name: trimmed },
      {
        onSuccess: (token) => {
          setName('');
          announce(t('admin.tokens.created', { name: token.name }));
          onCreated(token);
        },
        onError: (error) => {
          if (stepUp.handle(error, () => submit(trimmed))) create.reset();
        },
      },
    );
  }

  const shownError = localError ?? (create.error ? errorMessage(create.error) : null);
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.tokens.createTitle')}</h2>
      <form className="form" onSubmit={handleSubmit} noValidate>
        <div role="alert" className={shownError ? 'form-alert' : undefined}>
          {shownError}
        </div>
        <div className="field admin-field--medium">
          <label htmlFor={nameId}>{t('admin.tokens.name')}</label>
          <input
            id={nameId}
            name="name"
            autoComplete="off"
            spellCheck={false}
            maxLength={64}
            aria-describedby={hintId}
            aria-invalid={localError ? true : undefined}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
          <p id={hintId} className="admin-hint">
            {t('admin.tokens.nameHint')}
          </p>
        </div>
        <div>
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {create.isPending ? t('admin.common.working') : t('admin.tokens.create')}
          </button>
        </div>
      </form>
      {stepUp.dialog}
    </section>
  );
}
