import { useEffect } from 'react';
import { Link } from '../../router/links';
import { useRouteError } from '../../router/hooks';
import { useTranslation } from '../../i18n/use-translation';
import { PageTitle } from '../../components/page-title';
import { PageShell } from '../../layout/page-shell';

/**
 * Error boundary of the layout routes. It renders its own shell because the layout that failed is
 * gone; it shows no error detail, which belongs in the console, not on screen.
 */
export function RouteErrorPage() {
  const error = useRouteError();
  const { t } = useTranslation();

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <PageShell showNav={false}>
      <PageTitle title={t('routeError.title')} />
      <h1>{t('routeError.title')}</h1>
      <p>{t('routeError.body')}</p>
      <p>
        <Link to="/">{t('routeError.home')}</Link>
      </p>
    </PageShell>
  );
}
