import type { AdminUserDetail } from '@mailgate/contracts';
import { Link } from '../../../../router/links';
import { useTranslation } from '../../../../i18n/use-translation';
import { RoleBadge, StatusBadge } from '../../components/badges';
import { useFormat } from '../../../../i18n/format';

export function UserHeader({ user }: { user: AdminUserDetail['user'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <header className="admin-user-header">
      <p>
        <Link to="/admin">{t('admin.user.backToSearch')}</Link>
      </p>
      <h1>{user.email}</h1>
      <dl className="admin-facts">
        <div>
          <dt>{t('admin.user.name')}</dt>
          <dd>{user.displayName || '—'}</dd>
        </div>
        <div>
          <dt>{t('admin.user.role')}</dt>
          <dd>
            <RoleBadge role={user.role} />
          </dd>
        </div>
        <div>
          <dt>{t('admin.user.status')}</dt>
          <dd>
            <StatusBadge disabled={user.disabled} />
            {user.disabledReason && <span className="admin-hint"> {user.disabledReason}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('admin.user.created')}</dt>
          <dd>{format.dateTime(user.createdAt)}</dd>
        </div>
        <div>
          <dt>{t('admin.user.passwordChanged')}</dt>
          <dd>{format.dateTime(user.passwordChangedAt)}</dd>
        </div>
      </dl>
    </header>
  );
}
