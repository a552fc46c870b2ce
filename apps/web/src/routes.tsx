import type { RouteObject } from 'react-router';
import { PortalLayout, PublicLayout } from './layout/layouts';
import { ActivityPage } from './pages/Activity/activity-page';
import { adminPanelRoute } from './pages/Admin/admin-panel-route';
import { PasswordResetPage } from './pages/AdminPasswordReset/password-reset-page';
import { ConfirmRecoveryPage } from './pages/ConfirmRecovery/confirm-recovery-page';
import { ForgotPasswordPage } from './pages/ForgotPassword/forgot-password-page';
import { AppPasswordsPage } from './pages/AppPasswords/app-passwords-page';
import { HomePage } from './pages/Home/home-page';
import { NotFoundPage } from './pages/NotFound/not-found-page';
import { RouteErrorPage } from './pages/RouteError/route-error-page';
import { SecurityPage } from './pages/Security/security-page';
import { SetupDevicePage } from './pages/SetupDevice/setup-device-page';
import { SetupPhonePage } from './pages/SetupPhone/setup-phone-page';
import { SignInPage } from './pages/SignIn/sign-in-page';

export const routes: RouteObject[] = [
  {
    Component: PublicLayout,
    ErrorBoundary: RouteErrorPage,
    children: [
      { path: 'sign-in', Component: SignInPage },
      { path: 'reset-password', Component: PasswordResetPage },
      { path: 'forgot-password', Component: ForgotPasswordPage },
      { path: 'confirm-recovery-address', Component: ConfirmRecoveryPage },
    ],
  },
  {
    Component: PortalLayout,
    ErrorBoundary: RouteErrorPage,
    children: [
      { index: true, Component: HomePage },
      { path: 'app-passwords', Component: AppPasswordsPage },
      { path: 'security', Component: SecurityPage },
      { path: 'activity', Component: ActivityPage },
      { path: 'setup-device', Component: SetupDevicePage },
      { path: 'setup/phone', Component: SetupPhonePage },
      adminPanelRoute,
      { path: '*', Component: NotFoundPage },
    ],
  },
];
