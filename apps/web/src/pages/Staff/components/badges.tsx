import type { Role } from '@mailgate/contracts';
import { useTranslation } from '../../../i18n/use-translation';

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation();
  return <span className={`admin-badge admin-badge--${role.toLowerCase()}`}>{t(`admin.roles.${role}`)}</span>;
}

export function StatusBadge({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={disabled ? 'admin-badge admin-badge--danger' : 'admin-badge admin-badge--ok'}>
      {disabled ? t('admin.common.disabled') : t('admin.common.active')}
    </span>
  );
}

/** On/off as words, never colour alone. */
export function OnOffBadge({ on }: { on: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={on ? 'admin-badge admin-badge--ok' : 'admin-badge'}>{on ? t('common.on') : t('common.off')}</span>
  );
}
