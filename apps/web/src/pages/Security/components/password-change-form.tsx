import type { ChangePasswordResponse } from '@mailgate/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { useMe } from '../../../api/auth/queries';
import { isApiError } from '../../../api/http';
import { useChangePassword } from '../../../api/password/mutations';
import { usePasswordPolicy } from '../../../api/password/queries';
import { Alert, FormError } from '../../../components/alert';
import { Button } from '../../../components/button';
import { CheckboxField, TextField } from '../../../components/form-field';
import { errorMessageKey, useActionError } from '../../../i18n/error-message';
import { meterProblems, NewPasswordField } from '../../../components/password/new-password-field';
import { usePasswordEvaluation } from '../../../components/password/use-password-evaluation';

export function PasswordChangeForm() {
  const { t } = useTranslation();
  const actionError = useActionError();
  const me = useMe();
  const policy = usePasswordPolicy();
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [showPasswords, setShowPasswords] = useState(false);
  const [signOutOtherSessions, setSignOutOtherSessions] = useState(true);
  const [revokeAppPasswords, setRevokeAppPasswords] = useState(true);
  const [blocked, setBlocked] = useState(false);
  const [result, setResult] = useState<ChangePasswordResponse | null>(null);

  const evaluation = usePasswordEvaluation(newPassword, policy.data, {
    email: me.data?.email ?? '',
    displayName: me.data?.displayName ?? '',
  });
  const clientProblems = meterProblems(evaluation);
  const knownBad = clientProblems.length > 0;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setResult(null);
    // The meter already lists what is wrong; a round trip would only repeat it.
    if (knownBad) {
      setBlocked(true);
      return;
    }
    setBlocked(false);
    change.mutate(
      { currentPassword, newPassword, signOutOtherSessions, revokeAppPasswords },
      {
        onSuccess: (response) => {
          setResult(response);
          setCurrentPassword('');
          setNewPassword('');
        },
      },
    );
  }

  // A server refusal can name several rules; say all of them, not only the first.
  const serverProblems = isApiError(change.error) && change.error.problems?.length ? change.error.problems : null;
  const errorText = serverProblems
    ? serverProblems.map((code) => t(errorMessageKey(code))).join(' ')
    : actionError(change.error);
  const inputType = showPasswords ? 'text' : 'password';

  return (
    <form className="form" onSubmit={handleSubmit} noValidate>
      {result && (
        <Alert tone="success" live title={t('password.changed')}>
          <p>
            {t('password.changedDetail', {
              sessions: result.signedOutSessions,
              appPasswords: result.revokedAppPasswords,
            })}
          </p>
        </Alert>
      )}
      <FormError
        message={blocked && knownBad ? clientProblems.map((code) => t(errorMessageKey(code))).join(' ') : errorText}
      />
      <TextField
        label={t('password.current')}
        type={inputType}
        autoComplete="current-password"
        value={currentPassword}
        onChange={(event) => setCurrentPassword(event.target.value)}
        required
      />
      <NewPasswordField
        label={t('password.new')}
        type={inputType}
        value={newPassword}
        onChange={(value) => {
          setNewPassword(value);
          setBlocked(false);
        }}
        rules={policy.data}
        evaluation={evaluation}
      />
      <CheckboxField
        label={t('password.show')}
        checked={showPasswords}
        onChange={(event) => setShowPasswords(event.target.checked)}
      />
      <CheckboxField
        label={t('password.signOutOthers')}
        hint={t('password.signOutOthersHint')}
        checked={signOutOtherSessions}
        onChange={(event) => setSignOutOtherSessions(event.target.checked)}
      />
      <CheckboxField
        label={t('password.revokeAppPasswords')}
        hint={t('password.revokeAppPasswordsHint')}
        checked={revokeAppPasswords}
        onChange={(event) => setRevokeAppPasswords(event.target.checked)}
      />
      <div>
        <Button type="submit" variant="primary" pending={change.isPending} pendingLabel={t('password.submitting')}>
          {t('password.submit')}
        </Button>
      </div>
    </form>
  );
}
