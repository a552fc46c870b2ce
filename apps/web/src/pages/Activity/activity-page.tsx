import { useTranslation } from '../../i18n/use-translation';
import { useLoginActivity, useSecurityEvents } from '../../api/activity/queries';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/query-state';
import { LoginActivityTable } from './components/login-activity-table';
import { SecurityEventsList } from './components/security-events-list';

const LOGINS_SHOWN = 50;
const EVENTS_SHOWN = 50;

export function ActivityPage() {
  const { t } = useTranslation();
  const logins = useLoginActivity(LOGINS_SHOWN);
  const events = useSecurityEvents(EVENTS_SHOWN);
  return (
    <>
      <PageTitle title={t('activity.title')} />
      <h1>{t('activity.title')}</h1>
      <p className="lead">{t('activity.intro')}</p>
      <div className="stack">
        <section className="card" aria-labelledby="logins-heading">
          <h2 id="logins-heading">{t('activity.logins.title')}</h2>
          {logins.isPending && <LoadingState />}
          {logins.isError && (
            <ErrorState error={logins.error} onRetry={() => void logins.refetch()} retrying={logins.isFetching} />
          )}
          {logins.data &&
            (logins.data.logins.length === 0 ? (
              <p className="muted">{t('activity.logins.empty')}</p>
            ) : (
              <LoginActivityTable logins={logins.data.logins} />
            ))}
        </section>
        <section className="card" aria-labelledby="events-heading">
          <h2 id="events-heading">{t('activity.events.title')}</h2>
          {events.isPending && <LoadingState />}
          {events.isError && (
            <ErrorState error={events.error} onRetry={() => void events.refetch()} retrying={events.isFetching} />
          )}
          {events.data &&
            (events.data.events.length === 0 ? (
              <p className="muted">{t('activity.events.empty')}</p>
            ) : (
              <SecurityEventsList events={events.data.events} />
            ))}
        </section>
      </div>
    </>
  );
}
