import type { ProtocolAccessView } from '@mailgate/contracts';
import { useId } from 'react';
import { useTranslation } from '../../../../i18n/use-translation';
import { useSetUserProtocolAccess } from '../../../../api/admin/mutations';
import { OnOffBadge } from '../../components/badges';
import { ReasonActionButton } from '../../components/reason-action-button';
import { useFormat } from '../../../../i18n/format';

interface ProtocolAccessSectionProps {
  userId: string;
  access: readonly ProtocolAccessView[];
  canAct: boolean;
}

export function ProtocolAccessSection({ userId, access, canAct }: ProtocolAccessSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const format = useFormat();
  const setAccess = useSetUserProtocolAccess(userId);

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.protocols.title')}</h2>
      <table className="data-table admin-table">
        <caption className="visually-hidden">{t('admin.protocols.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.protocols.protocol')}</th>
            <th scope="col">{t('admin.protocols.state')}</th>
            {canAct && <th scope="col">{t('admin.common.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {access.map((entry) => {
            const on = entry.effectiveEnabled;
            const verb = on ? t('admin.protocols.turnOff') : t('admin.protocols.turnOn');
            return (
              <tr key={entry.protocol}>
                <th scope="row">{entry.protocol}</th>
                <td>
                  <OnOffBadge on={on} />
                  {on && entry.enabledUntil && (
                    <span className="admin-hint">
                      {' '}
                      {t('admin.protocols.until', { until: format.dateTime(entry.enabledUntil) })}
                    </span>
                  )}
                  {!on && entry.enabled && <span className="admin-hint"> {t('admin.protocols.expired')}</span>}
                  {entry.isDefault && <span className="admin-hint"> {t('admin.protocols.isDefault')}</span>}
                  {entry.protocol === 'POP3' && on && (
                    <span className="admin-hint">
                      {' '}
                      {entry.pop3KeepCopy ? t('admin.protocols.keepsCopy') : t('admin.protocols.noCopy')}
                    </span>
                  )}
                </td>
                {canAct && (
                  <td>
                    <ReasonActionButton
                      label={verb}
                      accessibleLabel={t('admin.protocols.actionLabel', { action: verb, protocol: entry.protocol })}
                      dialogTitle={t(on ? 'admin.protocols.offTitle' : 'admin.protocols.onTitle', {
                        protocol: entry.protocol,
                      })}
                      description={t(on ? 'admin.protocols.offDescription' : 'admin.protocols.onDescription', {
                        protocol: entry.protocol,
                      })}
                      confirmLabel={verb}
                      destructive={on}
                      run={(reason) => setAccess.mutateAsync({ protocol: entry.protocol, enabled: !on, reason })}
                      successMessage={t(on ? 'admin.protocols.turnedOff' : 'admin.protocols.turnedOn', {
                        protocol: entry.protocol,
                      })}
                    />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
