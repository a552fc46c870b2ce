import type { AdminSecurityEvent } from '@mailgate/contracts';
import { useId } from 'react';
import { Link } from '../../../../router/links';
import { useTranslation } from '../../../../i18n/use-translation';
import { useFormat } from '../../../../i18n/format';
import { ScrollBox } from '../../../../components/scroll-box';
import { securityEventName } from '../security-event-name';

interface SecurityEventsSectionProps {
  userId: string;
  events: readonly AdminSecurityEvent[];
}

export function SecurityEventsSection({ userId, events }: SecurityEventsSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const format = useFormat();

  return (
    <section className="card admin-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.events.title')}</h2>
      {events.length === 0 ? (
        <p className="muted">{t('admin.events.none')}</p>
      ) : (
        <ScrollBox className="admin-table-wrap">
          <table className="admin-table">
            <caption className="visually-hidden">{t('admin.events.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.events.when')}</th>
                <th scope="col">{t('admin.events.action')}</th>
                <th scope="col">{t('admin.events.by')}</th>
                <th scope="col">{t('admin.events.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <th scope="row">{format.dateTime(event.createdAt)}</th>
                  <td>{securityEventName(t, event)}</td>
                  <td>
                    {event.actorEmail ?? t('admin.events.system')}{' '}
                    <span className="admin-hint">({event.actorRole})</span>
                  </td>
                  <td>{event.reason ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      <p>
        <Link to={`/admin/audit?userId=${encodeURIComponent(userId)}`}>{t('admin.events.fullLog')}</Link>
      </p>
    </section>
  );
}
