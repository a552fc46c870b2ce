import { useTranslation } from '../i18n/use-translation';
import { HealthStatus } from './health-status';

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p>{t('footer.copyright')}</p>
        <HealthStatus />
      </div>
    </footer>
  );
}
