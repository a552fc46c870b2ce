import { describe, expect, it } from 'vitest';
import { matchRoutes, type RouteObject } from './match-routes';

const Layout = () => null;
const Page = () => null;

const routes: RouteObject[] = [
  { Component: Layout, children: [{ path: 'sign-in', Component: Page }] },
  {
    Component: Layout,
    children: [
      { index: true, Component: Page },
      { path: 'setup/phone', Component: Page },
      {
        path: 'admin',
        Component: Layout,
        children: [
          { index: true, Component: Page },
          { path: 'users/:userId', Component: Page },
        ],
      },
      { path: '*', Component: Page },
    ],
  },
];

const pathOf = (pathname: string) =>
  matchRoutes(routes, pathname)?.map((match) => match.route.path ?? (match.route.index ? '(index)' : '(layout)'));

describe('matchRoutes', () => {
  it('matches through layouts to the page, outermost first', () => {
    expect(pathOf('/sign-in')).toEqual(['(layout)', 'sign-in']);
    expect(pathOf('/')).toEqual(['(layout)', '(index)']);
    expect(pathOf('/setup/phone')).toEqual(['(layout)', 'setup/phone']);
    expect(pathOf('/admin')).toEqual(['(layout)', 'admin', '(index)']);
  });

  it('ignores trailing slashes and the case of static segments', () => {
    expect(pathOf('/sign-in/')).toEqual(['(layout)', 'sign-in']);
    expect(pathOf('/Admin')).toEqual(['(layout)', 'admin', '(index)']);
  });

  it('decodes parameters and passes them down the branch', () => {
    const matches = matchRoutes(routes, '/admin/users/a%20b');
    expect(matches?.at(-1)?.params).toEqual({ userId: 'a b' });
  });

  it('falls through to the catch-all when a parent matches but none of its children does', () => {
    expect(pathOf('/admin/nope')).toEqual(['(layout)', '*']);
    expect(matchRoutes(routes, '/x/y')?.at(-1)?.params).toEqual({ '*': 'x/y' });
    expect(pathOf('/admin/users/%E0%A4%A')).toEqual(['(layout)', '*']);
  });

  it('matches nothing without a catch-all', () => {
    expect(matchRoutes([{ path: 'a', Component: Page }], '/b')).toBeNull();
  });
});
