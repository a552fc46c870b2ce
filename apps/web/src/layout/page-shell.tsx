import type { ReactNode } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';

export const MAIN_CONTENT_ID = 'main-content';

interface PageShellProps {
  showNav: boolean;
  children: ReactNode;
}

export function PageShell({ showNav, children }: PageShellProps) {
  const { t } = useTranslation();
  return (
    <div className="page-shell">
      <a className="skip-link" href={`#${MAIN_CONTENT_ID}`}>
        {t('app.skipToContent')}
      </a>
      <SiteHeader showNav={showNav} />
      {/* tabIndex -1 lets the skip link move keyboard focus here, not just scroll. */}
      <main id={MAIN_CONTENT_ID} className="site-main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter />
    </div>
  );
}
