import type { ProtocolAccessItem } from '@mailgate/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSetProtocolAccess } from '../../../api/protocol-access/mutations';
import { FormError } from '../../../components/alert';
import { Button } from '../../../components/button';
import { ServerSettings } from '../../../components/server-settings';
import { Switch } from '../../../components/switch';
import { useToast } from '../../../components/toast';
import { useActionError } from '../../../i18n/error-message';
import { useFormat } from '../../../i18n/format';
import { ProtocolOptions, type ProtocolOptionValues } from './protocol-options';

interface ProtocolCardProps {
  item: ProtocolAccessItem;
  /** False while 2FA is on (or an admin requires app passwords): then mail programs need one. */
  mainPasswordUsable: boolean;
}

export function ProtocolCard({ item, mainPasswordUsable }: ProtocolCardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const actionError = useActionError();
  const headingId = useId();
  const setAccess = useSetProtocolAccess();
  const { protocol } = item;
  const [options, setOptions] = useState<ProtocolOptionValues>({
    duration: 'unlimited',
    keepCopy: item.pop3KeepCopy ?? true,
  });

  const on = item.effectiveEnabled;
  const expired = item.enabled && !item.effectiveEnabled && item.enabledUntil !== null;
  const stateText = on
    ? item.enabledUntil
      ? t('protocols.state.endsOn', { date: format.dateTime(item.enabledUntil) })
      : t('protocols.state.onUntilOff')
    : t('protocols.state.off');

  function save(enabled: boolean, message: string) {
    setAccess.mutate(
      enabled
        ? {
            protocol,
            enabled,
            duration: options.duration,
            ...(protocol === 'POP3' ? { pop3KeepCopy: options.keepCopy } : {}),
          }
        : { protocol, enabled },
      { onSuccess: () => toast.show(message) },
    );
  }

  const name = t(`protocols.${protocol}.name`);
  return (
    <section className="card protocol-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="protocol-card__title">
        {name}
        <span className="protocol-card__tagline">{t(`protocols.${protocol}.tagline`)}</span>
      </h2>
      <p>{t(`protocols.${protocol}.short`)}</p>
      <Switch
        checked={on}
        label={t('protocols.switchLabel', { protocol: name })}
        description={stateText}
        pending={setAccess.isPending}
        onChange={(next) =>
          save(next, next ? t('protocols.turnedOn', { protocol: name }) : t('protocols.turnedOff', { protocol: name }))
        }
      />
      {expired && item.enabledUntil && (
        <p className="muted">{t('protocols.state.expired', { date: format.dateTime(item.enabledUntil) })}</p>
      )}
      <FormError message={actionError(setAccess.error)} />
      {!on && (
        <ProtocolOptions
          protocol={protocol}
          idSuffix="enable"
          values={options}
          onChange={setOptions}
          disabled={setAccess.isPending}
        />
      )}
      {on && (
        <>
          <ServerSettings
            settings={item.serverSettings}
            password={
              mainPasswordUsable
                ? t('protocols.serverSettings.accountPassword')
                : t('protocols.serverSettings.appPassword')
            }
          />
          <details className="disclosure">
            <summary>{t('protocols.changeOptions')}</summary>
            <div className="disclosure__body">
              <ProtocolOptions
                protocol={protocol}
                idSuffix="change"
                values={options}
                onChange={setOptions}
                disabled={setAccess.isPending}
              />
              <Button
                variant="primary"
                pending={setAccess.isPending}
                pendingLabel={t('protocols.savingOptions')}
                onClick={() => save(true, t('protocols.optionsSaved', { protocol: name }))}
              >
                {t('protocols.saveOptions')}
              </Button>
            </div>
          </details>
        </>
      )}
      <details className="disclosure">
        <summary>{t('protocols.learnMore', { protocol: name })}</summary>
        <div className="disclosure__body">
          {t(`protocols.${protocol}.long`, { returnObjects: true }).map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </div>
      </details>
    </section>
  );
}
