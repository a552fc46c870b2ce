import type { AuditEventView } from '@mailgate/contracts';
import { useId } from 'react';
import { useTranslation } from '../../../../i18n/use-translation';
import { useFormat } from '../../../../i18n/format';
import { securityEventName } from '../../security-event-name';
import { LoadMore, type LoadMoreProps } from '../../components/load-more';
import { StaffTable } from '../../components/staff-table';
import { changeFields } from '../change-fields';

interface AuditTableProps extends LoadMoreProps {
  events: readonly AuditEventView[];
}

export function AuditTable({ events, ...paging }: AuditTableProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const format = useFormat();
  // Staff and system actors have roles the portal's catalogue knows; anything else shows as sent.
  const roleName = (role: string) =>
    role === 'USER' || role === 'SUPPORT' || role === 'ADMIN' ? t(`admin.roles.${role}`) : t('admin.events.system');

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.audit.events')}</h2>
      <p role="status">
        {events.length === 0 ? t('admin.audit.none') : t('admin.audit.shown', { count: events.length })}
      </p>
      {events.length > 0 && (
        <StaffTable
          caption={t('admin.audit.events')}
          dense
          columns={[
            t('admin.audit.columns.when'),
            t('admin.audit.columns.actor'),
            t('admin.audit.columns.target'),
            t('admin.audit.columns.action'),
            t('admin.audit.columns.reason'),
            t('admin.audit.columns.change'),
            t('admin.audit.columns.origin'),
          ]}
        >
          {events.map((event) => (
            <tr key={event.id}>
              <th scope="row">{format.dateTime(event.createdAt)}</th>
              <td>
                {event.actorEmail ?? t('admin.events.system')}
                <span className="admin-hint"> ({roleName(event.actorRole)})</span>
              </td>
              <td>{event.targetEmail ?? '—'}</td>
              <td>
                {securityEventName(t, event)}
                <span className="admin-hint admin-mono"> {event.action}</span>
              </td>
              <td className="admin-table__wrap">{event.reason ?? '—'}</td>
              <td>
                {event.before === null && event.after === null ? (
                  '—'
                ) : (
                  <details>
                    <summary>{t('admin.audit.showChange')}</summary>
                    <table className="admin-change">
                      <thead>
                        <tr>
                          <th scope="col">{t('admin.audit.field')}</th>
                          <th scope="col">{t('admin.audit.before')}</th>
                          <th scope="col">{t('admin.audit.after')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {changeFields(event.before, event.after).map((row) => (
                          <tr key={row.field} className={row.changed ? 'admin-change--changed' : undefined}>
                            <th scope="row">{row.field}</th>
                            <td>{row.before}</td>
                            <td>{row.after}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </details>
                )}
              </td>
              <td>
                {event.ip ?? '—'}
                {event.requestId && <span className="admin-hint admin-mono"> {event.requestId}</span>}
              </td>
            </tr>
          ))}
        </StaffTable>
      )}
      <LoadMore {...paging} label={t('admin.audit.loadMore')} />
    </section>
  );
}
