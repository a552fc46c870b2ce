import type { PasskeyView } from '@mailgate/contracts';
import { useTranslation } from '../../i18n/use-translation';
import { useFormat } from '../../i18n/format';

/** A passkey as a list shows it, to its owner and to staff alike: its name, when made and last used. */
export function PasskeySummary({ passkey }: { passkey: Pick<PasskeyView, 'name' | 'createdAt' | 'lastUsedAt'> }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div>
      <p className="session-list__device">{passkey.name}</p>
      <p className="muted">
        {t('passkeys.detail', {
          created: format.dateTime(passkey.createdAt),
          lastUsed: passkey.lastUsedAt ? format.dateTime(passkey.lastUsedAt) : t('passkeys.neverUsed'),
        })}
      </p>
    </div>
  );
}
