import type { ProtocolAccessItem } from '@mailgate/contracts';
import { KEEP_CURRENT_LIMIT } from '@mailgate/contracts/values';
import { useId, useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { useSetProtocolAccess } from '../../../api/protocol-access/mutations';
import { FormError } from '../../../components/alert';
import { Button } from '../../../components/button';
import { ServerSettings } from '../../../components/server-settings';
import { Switch } from '../../../components/switch';
import { useToast } from '../../../components/toast';
import { useActionError } from '../../../i18n/error-message';
import { useFormat } from '../../../i18n/format';
import { changedOptions, currentOptions } from './current-options';
import { ProtocolOptions, type ProtocolOptionValues } from '../../../components/protocol/protocol-options';
import { TurnOnDialog } from '../../../components/protocol/turn-on-dialog';

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
  const current = currentOptions(item);
  // The "change" form starts from the real state each time it is opened; null while untouched.
  const [edited, setEdited] = useState<ProtocolOptionValues | null>(null);
  const options = edited ?? current;
  const changed = changedOptions(current, options);
  const [turningOn, setTurningOn] = useState(false);

  const on = item.effectiveEnabled;
  const expired = item.enabled && !item.effectiveEnabled && item.enabledUntil !== null;
  const stateText = on
    ? item.enabledUntil
      ? t('protocols.state.endsOn', { date: format.dateTime(item.enabledUntil) })
      : t('protocols.state.onUntilOff')
    : t('protocols.state.off');

  /** `keepLimit`: the duration was not touched, so the limit in force stays as it is. */
  function save(
    enabled: boolean,
    values: ProtocolOptionValues,
    message: string,
    { keepLimit = false, onDone }: { keepLimit?: boolean; onDone?: () => void } = {},
  ) {
    setAccess.mutate(
      enabled
        ? {
            protocol,
            enabled,
            duration: keepLimit ? KEEP_CURRENT_LIMIT : values.duration,
            ...(protocol === 'POP3' ? { pop3KeepCopy: values.keepCopy } : {}),
          }
        : { protocol, enabled },
      {
        onSuccess: () => {
          toast.show(message);
          setEdited(null);
          onDone?.();
        },
      },
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
        onChange={(next) => {
          // Turning off is always safe and immediate; turning on first asks how.
          if (next) {
            setAccess.reset();
            setTurningOn(true);
          } else save(false, current, t('protocols.turnedOff', { protocol: name }));
        }}
      />
      {turningOn && (
        <TurnOnDialog
          protocol={protocol}
          initial={{ duration: 'unlimited', keepCopy: current.keepCopy }}
          pending={setAccess.isPending}
          error={actionError(setAccess.error)}
          onCancel={() => setTurningOn(false)}
          onConfirm={(values) =>
            save(true, values, t('protocols.turnedOn', { protocol: name }), { onDone: () => setTurningOn(false) })
          }
        />
      )}
      {expired && item.enabledUntil && (
        <p className="muted">{t('protocols.state.expired', { date: format.dateTime(item.enabledUntil) })}</p>
      )}
      {!turningOn && <FormError message={actionError(setAccess.error)} />}
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
                onChange={setEdited}
                disabled={setAccess.isPending}
              />
              <Button
                variant="primary"
                pending={setAccess.isPending}
                pendingLabel={t('protocols.savingOptions')}
                disabled={!changed.duration && !changed.keepCopy}
                onClick={() =>
                  save(true, options, t('protocols.optionsSaved', { protocol: name }), {
                    keepLimit: !changed.duration,
                  })
                }
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
