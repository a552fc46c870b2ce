import type { AccessDuration, ProtocolAccessItem } from '@mailgate/contracts';
import type { ProtocolOptionValues } from '../../../components/protocol/protocol-options';

const DAY_MS = 86_400_000;
const LIMITED: readonly { duration: Exclude<AccessDuration, 'unlimited'>; days: number }[] = [
  { duration: '1d', days: 1 },
  { duration: '7d', days: 7 },
  { duration: '30d', days: 30 },
];

/**
 * The options as they are now, so a form opens on the real state: a protocol turned on "for 7 days"
 * shows "For 7 days", not the default. The API stores the end, not the choice; the choice is the
 * limit closest to the span between turning on and the end.
 */
export function currentOptions(item: ProtocolAccessItem): ProtocolOptionValues {
  const keepCopy = item.pop3KeepCopy ?? true;
  if (!item.enabledUntil) return { duration: 'unlimited', keepCopy };
  const end = Date.parse(item.enabledUntil);
  const start = item.enabledAt ? Date.parse(item.enabledAt) : Date.now();
  const days = (end - start) / DAY_MS;
  const closest = LIMITED.reduce((best, option) =>
    Math.abs(option.days - days) < Math.abs(best.days - days) ? option : best,
  );
  return { duration: closest.duration, keepCopy };
}

/** What a save would change: only the fields the user touched are sent. */
export function changedOptions(
  before: ProtocolOptionValues,
  after: ProtocolOptionValues,
): { duration: boolean; keepCopy: boolean } {
  return { duration: before.duration !== after.duration, keepCopy: before.keepCopy !== after.keepCopy };
}
