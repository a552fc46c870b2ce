import type { SecurityNoticeView } from '@mailgate/contracts';
import type { TFunction } from '../i18n/message-keys';
import { en } from '../i18n/en';

type KnownKind = Exclude<keyof typeof en.notices.kinds, 'unknown'>;

function isKnownKind(kind: string): kind is KnownKind {
  return kind !== 'unknown' && Object.hasOwn(en.notices.kinds, kind);
}

/** Params that hold an instant (ISO string) and are shown as a date and time in the UI language. */
const INSTANT_PARAMS = new Set(['until', 'enabledUntil']);

/** The notice in words; a kind this SPA does not know yet still gets a sensible sentence. */
export function noticeText(t: TFunction, notice: SecurityNoticeView, dateTime: (iso: string) => string): string {
  if (!isKnownKind(notice.kind)) return t('notices.kinds.unknown');
  const params = Object.fromEntries(
    Object.entries(notice.params).map(([key, value]) => [
      key,
      value === null ? '' : INSTANT_PARAMS.has(key) && typeof value === 'string' ? dateTime(value) : String(value),
    ]),
  );
  return t(`notices.kinds.${notice.kind}`, {
    protocol: '',
    name: '',
    remaining: '',
    until: '',
    enabledUntil: '',
    ...params,
  });
}
