import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title';

export function SecurityPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('security.title')} />
      <h1>{t('security.title')}</h1>
      <section className="card">
        <p className="muted">{t('security.placeholder')}</p>
      </section>
    </>
  );
}
