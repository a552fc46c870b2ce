import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RouteObject } from './match-routes';
import { createRouter } from './router';

/** Just enough of `window` for the router: location, history and the popstate listener. */
function fakeWindow(start: string) {
  const entries: { url: URL; state: unknown }[] = [{ url: new URL(start), state: null }];
  let index = 0;
  const listeners: (() => void)[] = [];
  const current = () => entries[index]!;
  const write = (replace: boolean) => (state: unknown, _title: string, href: string) => {
    const entry = { url: new URL(href, current().url), state };
    if (replace) entries[index] = entry;
    else entries.splice(++index, entries.length, entry);
  };
  return {
    entries,
    back() {
      index -= 1;
      for (const listener of listeners) listener();
    },
    window: {
      get location() {
        return current().url;
      },
      history: {
        get state() {
          return current().state;
        },
        pushState: write(false),
        replaceState: write(true),
      },
      addEventListener: (_type: string, listener: () => void) => listeners.push(listener),
    },
  };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => ((resolve = yes), (reject = no)));
  return { promise, resolve, reject };
}

const Home = () => null;
const Slow = () => null;

let browser: ReturnType<typeof fakeWindow>;
beforeEach(() => {
  browser = fakeWindow('http://portal.test/');
  vi.stubGlobal('window', browser.window);
});
afterEach(() => vi.unstubAllGlobals());

describe('createRouter', () => {
  it('keeps the current page and URL until the next page’s module has loaded', async () => {
    const module = deferred<{ Component: typeof Slow }>();
    const routes: RouteObject[] = [
      { index: true, Component: Home },
      { path: 'slow', lazy: () => module.promise },
    ];
    const router = createRouter(routes);
    const navigation = router.navigate('/slow?x=1');
    expect(router.getState().location.pathname).toBe('/');
    expect(browser.window.location.pathname).toBe('/');
    module.resolve({ Component: Slow });
    await navigation;
    expect(router.getState().location).toMatchObject({ pathname: '/slow', search: '?x=1' });
    expect(router.componentOf(router.getState().matches[0]!.route)).toBe(Slow);
    expect(browser.entries).toHaveLength(2);
  });

  it('lets a later navigation win over a slower earlier one', async () => {
    const module = deferred<{ Component: typeof Slow }>();
    const routes: RouteObject[] = [
      { index: true, Component: Home },
      { path: 'slow', lazy: () => module.promise },
      { path: 'fast', Component: Home },
    ];
    const router = createRouter(routes);
    const slow = router.navigate('/slow');
    await router.navigate('/fast');
    module.resolve({ Component: Slow });
    await slow;
    expect(router.getState().location.pathname).toBe('/fast');
    expect(browser.entries.map((entry) => entry.url.pathname)).toEqual(['/', '/fast']);
  });

  it('shows a failed module load as the branch’s error, at the new URL', async () => {
    const failure = new Error('chunk gone');
    const router = createRouter([{ path: 'broken', lazy: () => Promise.reject(failure) }]);
    await router.navigate('/broken');
    expect(router.getState()).toMatchObject({ location: { pathname: '/broken' }, loadError: failure });
  });

  it('replaces the history entry when asked, and follows the back button', async () => {
    const router = createRouter([
      { index: true, Component: Home },
      { path: 'a', Component: Home },
      { path: 'b', Component: Home },
    ]);
    const told = vi.fn();
    router.subscribe(told);
    await router.navigate('/a');
    await router.navigate({ pathname: '/b', search: '?q=1' }, { replace: true });
    expect(browser.entries.map((entry) => entry.url.pathname + entry.url.search)).toEqual(['/', '/b?q=1']);
    browser.back();
    expect(router.getState().location.pathname).toBe('/');
    expect(told).toHaveBeenCalledTimes(3);
  });
});
