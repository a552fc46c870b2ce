import type { RouteObject } from './router/match-routes';
import { PortalLayout, PublicLayout } from './layout/layouts';
import { staffPanelRoute } from './pages/Staff/staff-panel-route';
import { HomePage } from './pages/Home/home-page';
import { NotFoundPage } from './pages/NotFound/not-found-page';
import { RouteErrorPage } from './pages/RouteError/route-error-page';
import { SignInPage } from './pages/SignIn/sign-in-page';

// The two pages a visit starts on (sign-in and the mail programs) ship with the app; the others are
// fetched when first visited, which keeps the first page light (see docs/benchmarks.md).
export const routes: RouteObject[] = [
  {
    Component: PublicLayout,
    ErrorBoundary: RouteErrorPage,
    children: [
      { path: 'sign-in', Component: SignInPage },
      {
        path: 'reset-password',
        lazy: async () => ({
          Component: (await import('./pages/PasswordReset/password-reset-page')).PasswordResetPage,
        }),
      },
      {
        path: 'forgot-password',
        lazy: async () => ({
          Component: (await import('./pages/ForgotPassword/forgot-password-page')).ForgotPasswordPage,
        }),
      },
      {
        path: 'confirm-recovery-address',
        lazy: async () => ({
          Component: (await import('./pages/ConfirmRecovery/confirm-recovery-page')).ConfirmRecoveryPage,
        }),
      },
    ],
  },
  {
    Component: PortalLayout,
    ErrorBoundary: RouteErrorPage,
    children: [
      { index: true, Component: HomePage },
      {
        path: 'app-passwords',
        lazy: async () => ({ Component: (await import('./pages/AppPasswords/app-passwords-page')).AppPasswordsPage }),
      },
      {
        path: 'security',
        lazy: async () => ({ Component: (await import('./pages/Security/security-page')).SecurityPage }),
      },
      {
        path: 'activity',
        lazy: async () => ({ Component: (await import('./pages/Activity/activity-page')).ActivityPage }),
      },
      {
        path: 'setup-device',
        lazy: async () => ({ Component: (await import('./pages/SetupDevice/setup-device-page')).SetupDevicePage }),
      },
      {
        path: 'setup/phone',
        lazy: async () => ({ Component: (await import('./pages/SetupPhone/setup-phone-page')).SetupPhonePage }),
      },
      staffPanelRoute,
      { path: '*', Component: NotFoundPage },
    ],
  },
];
