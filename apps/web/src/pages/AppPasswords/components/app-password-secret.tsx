import type { CreateAppPasswordResponse } from '@mailgate/contracts';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { CopyButton } from '../../../components/copy-button';
import { ServerSettings } from '../../../components/server-settings';

interface AppPasswordSecretProps {
  created: CreateAppPasswordResponse;
  onDone: () => void;
}

/** The one and only time the secret is on screen; it goes away with this component's state. */
export function AppPasswordSecret({ created, onDone }: AppPasswordSecretProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const inputRef = useRef<HTMLTextAreaElement>(null);
  // The form that had focus is gone; put focus on the secret, selected, ready to copy.
  useEffect(() => inputRef.current?.focus(), []);
  return (
    <div className="form">
      <Alert tone="warning" live>
        <p>{t('appPasswords.secret.warning')}</p>
      </Alert>
      <div className="field">
        <label htmlFor={inputId}>{t('appPasswords.secret.label', { name: created.appPassword.name })}</label>
        <div className="secret-box">
          {/* A textarea, not an input: on a narrow phone the secret wraps at its dashes and stays
              readable in full instead of scrolling out of sight. */}
          <textarea
            ref={inputRef}
            id={inputId}
            className="secret-box__value"
            value={created.secret}
            rows={1}
            readOnly
            spellCheck={false}
            autoComplete="off"
            aria-describedby={`${inputId}-hint`}
            onFocus={(event) => event.currentTarget.select()}
          />
          <CopyButton value={created.secret} label={t('appPasswords.secret.copy')} />
        </div>
        <p id={`${inputId}-hint`} className="field__hint">
          {t('appPasswords.secret.caseHint')}
        </p>
      </div>
      {created.serverSettings.map((settings) => (
        <ServerSettings
          key={settings.protocol}
          settings={settings}
          password={t('protocols.serverSettings.appPassword')}
          title={`${t('appPasswords.secret.settingsTitle')} (${settings.protocol})`}
        />
      ))}
      <div className="button-row">
        <Button variant="primary" onClick={onDone}>
          {t('common.done')}
        </Button>
      </div>
    </div>
  );
}
