import type { AuditEventView } from '@mailgate/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/query-state';
import { useFormat } from '../../../i18n/format';
import { Button } from '../../../components/button';
import { ScrollBox } from '../../../components/scroll-box';

interface AuditTableProps {
  events: readonly AuditEventView[];
  hasMore: boolean;
  loadingMore: boolean;
  loadMoreError: unknown;
  onLoadMore: () => void;
}

function showJson(value: unknown): string {
  return value === null || value === undefined ? '—' : JSON.stringify(value, null, 2);
}

export function AuditTable({ events, hasMore, loadingMore, loadMoreError, onLoadMore }: AuditTableProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const format = useFormat();

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.audit.events')}</h2>
      <p role="status">
        {events.length === 0 ? t('admin.audit.none') : t('admin.audit.shown', { count: events.length })}
      </p>
      {events.length > 0 && (
        <ScrollBox className="admin-table-wrap">
          <table className="admin-table admin-table--dense">
            <caption className="visually-hidden">{t('admin.audit.events')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.audit.columns.when')}</th>
                <th scope="col">{t('admin.audit.columns.actor')}</th>
                <th scope="col">{t('admin.audit.columns.target')}</th>
                <th scope="col">{t('admin.audit.columns.action')}</th>
                <th scope="col">{t('admin.audit.columns.reason')}</th>
                <th scope="col">{t('admin.audit.columns.change')}</th>
                <th scope="col">{t('admin.audit.columns.origin')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <th scope="row">{format.dateTime(event.createdAt)}</th>
                  <td>
                    {event.actorEmail ?? t('admin.events.system')}
                    <span className="admin-hint"> ({event.actorRole})</span>
                  </td>
                  <td>{event.targetEmail ?? '—'}</td>
                  <td>
                    <code>{event.action}</code>
                  </td>
                  <td className="admin-table__wrap">{event.reason ?? '—'}</td>
                  <td>
                    {event.before === null && event.after === null ? (
                      '—'
                    ) : (
                      <details>
                        <summary>{t('admin.audit.showChange')}</summary>
                        <div className="admin-change">
                          <p>{t('admin.audit.before')}</p>
                          <pre>{showJson(event.before)}</pre>
                          <p>{t('admin.audit.after')}</p>
                          <pre>{showJson(event.after)}</pre>
                        </div>
                      </details>
                    )}
                  </td>
                  <td>
                    {event.ip ?? '—'}
                    {event.requestId && <span className="admin-hint admin-mono"> {event.requestId}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      {loadMoreError !== null && <ErrorState error={loadMoreError} />}
      {hasMore && (
        <Button pending={loadingMore} pendingLabel={t('common.loading')} onClick={onLoadMore}>
          {t('admin.audit.loadMore')}
        </Button>
      )}
    </section>
  );
}
