import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title';

export function AdminPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('admin.title')} />
      <h1>{t('admin.title')}</h1>
      <section className="card">
        <p className="muted">{t('admin.placeholder')}</p>
      </section>
    </>
  );
}
