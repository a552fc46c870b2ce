import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title';

export function ActivityPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('activity.title')} />
      <h1>{t('activity.title')}</h1>
      <section className="card">
        <p className="muted">{t('activity.placeholder')}</p>
      </section>
    </>
  );
}
