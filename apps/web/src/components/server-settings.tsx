import type { ServerSettings as ServerSettingsData } from '@mailgate/contracts';
import { useId } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { BreakableName } from './breakable-name';
import { CopyButton } from './copy-button';

interface ServerSettingsProps {
  settings: ServerSettingsData;
  /** What goes into the password field of the mail program. */
  password: string;
  /** Heading level inside its card. */
  headingLevel?: 3 | 4;
  title?: string;
}

/** The values to type into a mail program's account setup, as a labelled description list. */
export function ServerSettings({ settings, password, headingLevel = 3, title }: ServerSettingsProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <section className="server-settings" aria-labelledby={headingId}>
      <Heading id={headingId} className="server-settings__title">
        {title ?? `${t('protocols.serverSettings.title')} (${settings.protocol})`}
      </Heading>
      <dl className="server-settings__list">
        <dt>{t('protocols.serverSettings.host')}</dt>
        <dd className="server-settings__value">
          <code>
            <BreakableName value={settings.host} />
          </code>
          <CopyButton
            value={settings.host}
            label={t('protocols.serverSettings.copy')}
            accessibleLabel={t('protocols.serverSettings.copyHost', { protocol: settings.protocol })}
            compact
          />
        </dd>
        <dt>{t('protocols.serverSettings.port')}</dt>
        <dd>
          <code>{settings.port}</code>
        </dd>
        <dt>{t('protocols.serverSettings.encryption')}</dt>
        <dd>{settings.encryption}</dd>
        <dt>{t('protocols.serverSettings.username')}</dt>
        <dd className="server-settings__value">
          <code>
            <BreakableName value={settings.username} />
          </code>
          <CopyButton
            value={settings.username}
            label={t('protocols.serverSettings.copy')}
            accessibleLabel={t('protocols.serverSettings.copyUsername', { protocol: settings.protocol })}
            compact
          />
        </dd>
        <dt>{t('protocols.serverSettings.password')}</dt>
        <dd>{password}</dd>
      </dl>
    </section>
  );
}
