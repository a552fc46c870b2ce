import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title';
import { SignInForm, type SignInValues } from './components/sign-in-form';

export function SignInPage() {
  const { t } = useTranslation();
  const [attempted, setAttempted] = useState(false);

  // Not wired yet: the sign-in issue adds `useSignIn` in src/api/auth/ (a mutation on
  // POST /api/auth/sign-in, typed from @mailgate/contracts), passes its isPending as `pending`, and
  // shows `useErrorMessage()(mutation.error)` instead of this fixed notice. Messages are translated
  // at render time, so they follow a language switch.
  function handleSubmit(_values: SignInValues) {
    setAttempted(true);
  }

  return (
    <div className="narrow">
      <PageTitle title={t('signIn.title')} />
      <h1>{t('signIn.title')}</h1>
      <p className="lead">{t('signIn.intro')}</p>
      <section className="card">
        <SignInForm
          onSubmit={handleSubmit}
          pending={false}
          errorMessage={attempted ? t('signIn.notAvailable') : null}
        />
      </section>
    </div>
  );
}
