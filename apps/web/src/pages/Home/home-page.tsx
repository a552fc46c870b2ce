import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title';

export function HomePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('home.title')} />
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <div className="card-grid">
        <section className="card" aria-labelledby="protocols-heading">
          <h2 id="protocols-heading">{t('home.protocolsHeading')}</h2>
          <p className="muted">{t('home.protocolsPlaceholder')}</p>
        </section>
        <section className="card" aria-labelledby="app-passwords-heading">
          <h2 id="app-passwords-heading">{t('home.appPasswordsHeading')}</h2>
          <p className="muted">{t('home.appPasswordsPlaceholder')}</p>
        </section>
      </div>
    </>
  );
}
