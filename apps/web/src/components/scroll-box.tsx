import type { ReactNode } from 'react';
import { useTranslation } from '../i18n/use-translation';

interface ScrollBoxProps {
  className: string;
  children: ReactNode;
}

/**
 * A wide table's own sideways-scrolling box, so the page itself never scrolls sideways on a phone.
 * Focusable and named, so keyboard users can scroll it with the arrow keys too.
 */
export function ScrollBox({ className, children }: ScrollBoxProps) {
  const { t } = useTranslation();
  return (
    // A scrollable region must be reachable by keyboard (WCAG 2.1.1); tabIndex 0 is the way.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className={className} tabIndex={0} role="region" aria-label={t('common.scrollBox')}>
      {children}
    </div>
  );
}
