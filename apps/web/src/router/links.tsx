import { useContext, useEffect, type AnchorHTMLAttributes, type MouseEvent } from 'react';
import { useLocation, useNavigate } from './hooks';
import type { NavigateOptions } from './router';
import { RouterContext } from './router-context';

interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  /** An absolute path, optionally with query and hash. */
  to: string;
  replace?: boolean;
}

/** Clicks that the browser should handle itself: new tab or window, download, another frame. */
function opensElsewhere(event: MouseEvent<HTMLAnchorElement>): boolean {
  const target = event.currentTarget.getAttribute('target');
  return (
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey ||
    (target !== null && target !== '_self') ||
    event.currentTarget.hasAttribute('download')
  );
}

/** A real `<a href>` (copyable, opens in a new tab) that navigates inside the app on a plain click. */
export function Link({ to, replace, onClick, children, ...anchor }: LinkProps) {
  const context = useContext(RouterContext);
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    if (!context || event.defaultPrevented || opensElsewhere(event)) return;
    event.preventDefault();
    const { pathname, search, hash } = context.state.location;
    // Clicking a link to where one already is adds no history entry (as React Router did).
    const same = to === pathname + search + hash;
    void context.router.navigate(to, { replace: replace ?? same });
  }
  return (
    <a {...anchor} href={to} onClick={handleClick}>
      {children}
    </a>
  );
}

interface NavLinkProps extends LinkProps {
  /** Active only on exactly this path, not on the paths below it. */
  end?: boolean;
}

/** A Link that marks itself `aria-current="page"` while its page (or one below it) is shown. */
export function NavLink({ end, ...link }: NavLinkProps) {
  const { pathname } = useLocation();
  const current = pathname.toLowerCase().replace(/\/+$/, '') || '/';
  const target = link.to.split(/[?#]/)[0]!.toLowerCase().replace(/\/+$/, '') || '/';
  const active = current === target || (!end && current.startsWith(target === '/' ? '/' : `${target}/`));
  return <Link {...link} aria-current={active ? 'page' : undefined} />;
}

/** Redirects once rendered (an effect, so rendering stays pure). */
export function Navigate({ to, replace }: { to: string } & NavigateOptions) {
  const navigate = useNavigate();
  useEffect(() => {
    void navigate(to, { replace });
  }, [navigate, to, replace]);
  return null;
}
