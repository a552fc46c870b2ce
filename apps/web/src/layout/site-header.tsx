import { Link } from '../router/links';
import { useTranslation } from '../i18n/use-translation';
import { LanguageSwitch } from './language-switch';
import { PrimaryNav } from './primary-nav';
import { UserMenu } from './user-menu';

interface SiteHeaderProps {
  /** The navigation only makes sense once signed in. */
  showNav: boolean;
}

export function SiteHeader({ showNav }: SiteHeaderProps) {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true" />
          {t('app.name')}
        </Link>
        {showNav && <PrimaryNav />}
        <LanguageSwitch />
        {showNav && <UserMenu />}
      </div>
    </header>
  );
}
