import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { Link, Navigate } from '../../router/links';
import { useNavigate, useSearchParams } from '../../router/hooks';
import { useSignIn, useSignInTotp } from '../../api/auth/mutations';
import { useMe } from '../../api/auth/queries';
import { isApiError } from '../../api/http';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { PageTitle } from '../../components/page-title';
import { LoadingState } from '../../components/query-state';
import { useToast } from '../../components/toast';
import { useActionError } from '../../i18n/error-message';
import { safeNextPath } from './safe-next-path';
import { SecondFactorForm, type SecondFactor } from './components/second-factor-form';
import { SignInForm, type SignInValues } from './components/sign-in-form';
import { PasskeySignIn } from './components/passkey-sign-in';
import type { SecondFactorMethod } from '@mailgate/contracts';

export function SignInPage() {
  const { t } = useTranslation();
  const actionError = useActionError();
  const toast = useToast();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useMe();
  const signIn = useSignIn();
  const signInTotp = useSignInTotp();
  const [step, setStep] = useState<'password' | 'second-factor'>('password');
  const [methods, setMethods] = useState<readonly SecondFactorMethod[]>(['totp']);
  const next = safeNextPath(params.get('next'));
  const reason = params.get('reason');

  if (me.isPending) return <LoadingState />;
  // Already signed in (e.g. the back button): nothing to do here.
  if (me.data && !signIn.isPending && !signInTotp.isPending) return <Navigate to={next} replace />;

  function handleSignIn(values: SignInValues) {
    signIn.mutate(values, {
      onSuccess: (response) => {
        if (response.status === 'signed-in') void navigate(next, { replace: true });
        else {
          setMethods(response.status === 'totp-required' ? ['totp'] : response.methods);
          setStep('second-factor');
        }
      },
    });
  }

  function handleSecondFactor(value: SecondFactor) {
    signInTotp.mutate(value, {
      onSuccess: (response) => {
        if (response.recoveryCodesRemaining !== undefined) {
          toast.show(t('signIn.recoveryCodesLeft', { count: response.recoveryCodesRemaining }), 'info');
        }
        void navigate(next, { replace: true });
      },
      onError: (error) => {
        // The pending sign-in is gone; the password has to be given again.
        if (isApiError(error) && error.code === 'SIGN_IN_PENDING_EXPIRED') setStep('password');
      },
    });
  }

  return (
    <div className="narrow">
      <PageTitle title={t('signIn.title')} />
      <h1>{t('signIn.title')}</h1>
      <p className="lead">{t('signIn.intro')}</p>
      {reason === 'expired' && <Alert tone="warning">{t('signIn.sessionEnded')}</Alert>}
      {reason === 'signed-out' && <Alert tone="info">{t('signIn.signedOut')}</Alert>}
      <section className="card">
        {step === 'password' ? (
          <>
            <SignInForm
              onSubmit={handleSignIn}
              pending={signIn.isPending}
              errorMessage={actionError(signIn.error) ?? actionError(signInTotp.error)}
            />
            <PasskeySignIn mode="alone" onSignedIn={() => void navigate(next, { replace: true })} />
          </>
        ) : (
          <>
            {methods.includes('passkey') && (
              <PasskeySignIn
                mode="second-factor"
                onSignedIn={() => void navigate(next, { replace: true })}
                onPendingExpired={() => setStep('password')}
              />
            )}
            {methods.includes('totp') ? (
              <SecondFactorForm
                onSubmit={handleSecondFactor}
                onStartOver={() => {
                  signIn.reset();
                  signInTotp.reset();
                  setStep('password');
                }}
                pending={signInTotp.isPending}
                errorMessage={actionError(signInTotp.error)}
              />
            ) : (
              <div className="button-row">
                <Button
                  variant="ghost"
                  onClick={() => {
                    signIn.reset();
                    setStep('password');
                  }}
                >
                  {t('signIn.startOver')}
                </Button>
              </div>
            )}
          </>
        )}
      </section>
      {step === 'password' && (
        <p>
          <Link to="/forgot-password">{t('recovery.forgotLink')}</Link>
        </p>
      )}
    </div>
  );
}
