import type { AdminSecurityEvent } from '@mailgate/contracts';
import { Link } from '../../../../router/links';
import { useTranslation } from '../../../../i18n/use-translation';
import { useFormat } from '../../../../i18n/format';
import { securityEventName } from '../../security-event-name';
import { UserDetailTable } from './user-detail-table';

interface SecurityEventsSectionProps {
  userId: string;
  events: readonly AdminSecurityEvent[];
}

export function SecurityEventsSection({ userId, events }: SecurityEventsSectionProps) {
  const { t } = useTranslation();
  const format = useFormat();

  return (
    <UserDetailTable
      title={t('admin.events.title')}
      noneText={t('admin.events.none')}
      isEmpty={events.length === 0}
      columns={[t('admin.events.when'), t('admin.events.action'), t('admin.events.by'), t('admin.events.reason')]}
      footer={
        <p>
          <Link to={`/admin/audit?userId=${encodeURIComponent(userId)}`}>{t('admin.events.fullLog')}</Link>
        </p>
      }
    >
      {events.map((event) => (
        <tr key={event.id}>
          <th scope="row">{format.dateTime(event.createdAt)}</th>
          <td>{securityEventName(t, event)}</td>
          <td>
            {event.actorEmail ?? t('admin.events.system')} <span className="admin-hint">({event.actorRole})</span>
          </td>
          <td>{event.reason ?? '—'}</td>
        </tr>
      ))}
    </UserDetailTable>
  );
}
