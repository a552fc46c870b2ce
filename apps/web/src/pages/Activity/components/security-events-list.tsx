import type { SecurityEvent } from '@mailgate/contracts';
import { useTranslation } from '../../../i18n/use-translation';
import { useFormat } from '../../../i18n/format';
import { eventText } from './activity-text';

export function SecurityEventsList({ events }: { events: SecurityEvent[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const actor = {
    you: t('activity.events.byYou'),
    support: t('activity.events.bySupport'),
    system: t('activity.events.bySystem'),
  };
  return (
    <ol className="event-list" aria-label={t('activity.events.listLabel')}>
      {events.map((event) => (
        <li key={event.id} className="event-list__item">
          <p className="event-list__text">{eventText(t, event)}</p>
          <p className="muted">
            <time dateTime={event.time}>{format.dateTime(event.time)}</time> · {actor[event.actorKind]}
            {event.reason && <> · {t('activity.events.reason', { reason: event.reason })}</>}
          </p>
        </li>
      ))}
    </ol>
  );
}
