import { NavLink } from '../router/links';
import { useTranslation } from '../i18n/use-translation';
import { useMe } from '../api/auth/queries';

export function PrimaryNav() {
  const { t } = useTranslation();
  const me = useMe();
  const isStaff = me.data?.role === 'SUPPORT' || me.data?.role === 'ADMIN';
  // NavLink sets aria-current="page" on the active link; the CSS styles that attribute.
  return (
    <nav className="primary-nav" aria-label={t('nav.label')}>
      <ul>
        <li>
          <NavLink to="/" end>
            {t('nav.mailPrograms')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/app-passwords">{t('nav.appPasswords')}</NavLink>
        </li>
        <li>
          <NavLink to="/security">{t('nav.security')}</NavLink>
        </li>
        <li>
          <NavLink to="/activity">{t('nav.activity')}</NavLink>
        </li>
        {isStaff && (
          <li>
            <NavLink to="/admin">{t('nav.admin')}</NavLink>
          </li>
        )}
      </ul>
    </nav>
  );
}
