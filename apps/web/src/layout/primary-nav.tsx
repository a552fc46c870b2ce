import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';

export function PrimaryNav() {
  const { t } = useTranslation();
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
          <NavLink to="/security">{t('nav.security')}</NavLink>
        </li>
        <li>
          <NavLink to="/activity">{t('nav.activity')}</NavLink>
        </li>
        <li>
          <NavLink to="/admin">{t('nav.admin')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
