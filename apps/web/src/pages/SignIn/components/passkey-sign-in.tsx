import { useTranslation } from '../../../i18n/use-translation';
import { useSignInWithPasskey } from '../../../api/passkeys/mutations';
import { FormError } from '../../../components/alert';
import { Button } from '../../../components/button';
import { useActionError } from '../../../i18n/error-message';

interface PasskeySignInProps {
  /** 'alone': no password typed yet; 'second-factor': finishes the password sign-in. */
  mode: 'alone' | 'second-factor';
  onSignedIn: () => void;
  onPendingExpired?: () => void;
}

/** Sign in with a passkey: the browser shows its own prompt (fingerprint, face, PIN or security key). */
export function PasskeySignIn({ mode, onSignedIn, onPendingExpired }: PasskeySignInProps) {
  const { t } = useTranslation();
  const actionError = useActionError();
  const signIn = useSignInWithPasskey();
  return (
    <div className="form">
      {mode === 'alone' && <p className="muted">{t('passkeys.signInIntro')}</p>}
      <FormError message={actionError(signIn.error)} />
      <Button
        variant={mode === 'alone' ? 'secondary' : 'primary'}
        pending={signIn.isPending}
        pendingLabel={t('passkeys.waiting')}
        onClick={() =>
          signIn.mutate(undefined, {
            onSuccess: onSignedIn,
            onError: (error) => {
              if ((error as { code?: string }).code === 'SIGN_IN_PENDING_EXPIRED') onPendingExpired?.();
            },
          })
        }
      >
        {mode === 'alone' ? t('passkeys.signInAlone') : t('passkeys.signInSecondStep')}
      </Button>
    </div>
  );
}
