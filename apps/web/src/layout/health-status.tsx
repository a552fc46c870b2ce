import { useTranslation } from '../i18n/use-translation';
import { useHealth } from '../api/health/queries';

type Indicator = 'ok' | 'checking' | 'down';

export function HealthStatus() {
  const { t } = useTranslation();
  const health = useHealth();
  const indicator: Indicator = health.isPending ? 'checking' : health.data?.status === 'ok' ? 'ok' : 'down';
  const label = {
    ok: t('footer.statusOk'),
    checking: t('footer.statusChecking'),
    down: t('footer.statusDown'),
  }[indicator];

  // Deliberately not a live region: a background poll should not interrupt screen-reader users.
  return (
    <p className="health-status" data-status={indicator}>
      <span className="health-status__dot" aria-hidden="true" />
      {t('footer.serviceStatus')}: {label}
    </p>
  );
}
