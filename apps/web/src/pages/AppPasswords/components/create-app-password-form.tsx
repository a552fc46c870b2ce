import type { AppPasswordExpiry, CreateAppPasswordRequest, Protocol } from '@mailgate/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { APP_PASSWORD_EXPIRIES, APP_PASSWORD_NAME_MAX, PROTOCOLS } from '@mailgate/contracts/values';
import { useProtocolAccess } from '../../../api/protocol-access/queries';
import { FormError } from '../../../components/alert';
import { Button } from '../../../components/button';
import { CheckboxField, SelectField, TextField } from '../../../components/form-field';
import { TurnOnOffer } from './turn-on-offer';

interface CreateAppPasswordFormProps {
  onSubmit: (request: CreateAppPasswordRequest) => void;
  onCancel: () => void;
  pending: boolean;
  errorMessage: string | null;
}

export function CreateAppPasswordForm({ onSubmit, onCancel, pending, errorMessage }: CreateAppPasswordFormProps) {
  const { t } = useTranslation();
  const access = useProtocolAccess();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Protocol[]>([]);
  const [expiresIn, setExpiresIn] = useState<AppPasswordExpiry>('365d');
  const [submitted, setSubmitted] = useState(false);

  const nameError = submitted && name.trim() === '' ? t('appPasswords.form.nameRequired') : null;
  const scopesError = submitted && scopes.length === 0 ? t('appPasswords.form.scopesRequired') : null;
  const offScopes = scopes.filter(
    (scope) => access.data?.protocols.find((item) => item.protocol === scope)?.effectiveEnabled === false,
  );

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (name.trim() === '' || scopes.length === 0) return;
    onSubmit({ name: name.trim(), scopes, expiresIn });
  }

  function toggleScope(scope: Protocol, checked: boolean) {
    setScopes((current) =>
      checked
        ? PROTOCOLS.filter((item) => item === scope || current.includes(item))
        : current.filter((item) => item !== scope),
    );
  }

  return (
    <form className="form" onSubmit={handleSubmit} noValidate>
      <FormError message={errorMessage} />
      <TextField
        label={t('appPasswords.form.name')}
        hint={t('appPasswords.form.nameHint')}
        error={nameError}
        value={name}
        onChange={(event) => setName(event.target.value)}
        maxLength={APP_PASSWORD_NAME_MAX}
        autoComplete="off"
        required
      />
      <fieldset className="choice-group" aria-describedby="scopes-hint">
        <legend>{t('appPasswords.form.scopes')}</legend>
        <p id="scopes-hint" className="field__hint">
          {t('appPasswords.form.scopesHint')}
        </p>
        {PROTOCOLS.map((scope) => (
          <CheckboxField
            key={scope}
            label={scope}
            checked={scopes.includes(scope)}
            onChange={(event) => toggleScope(scope, event.target.checked)}
          />
        ))}
        {scopesError && <p className="field__error">{scopesError}</p>}
        {offScopes.map((scope) => (
          <TurnOnOffer key={scope} protocol={scope} />
        ))}
      </fieldset>
      <SelectField
        label={t('appPasswords.form.expiry')}
        value={expiresIn}
        onChange={(event) => setExpiresIn(event.target.value as AppPasswordExpiry)}
      >
        {APP_PASSWORD_EXPIRIES.map((expiry) => (
          <option key={expiry} value={expiry}>
            {t(`appPasswords.form.expiry${expiry === 'never' ? 'Never' : expiry}`)}
          </option>
        ))}
      </SelectField>
      <div className="button-row">
        <Button type="submit" variant="primary" pending={pending} pendingLabel={t('appPasswords.form.submitting')}>
          {t('appPasswords.form.submit')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
