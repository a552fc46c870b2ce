import { Link } from '../../../router/links';
import { useParams } from '../../../router/hooks';
import { useTranslation } from '../../../i18n/use-translation';
import { useAdminUser } from '../../../api/admin/queries';
import { PageTitle } from '../../../components/page-title';
import { ErrorState, LoadingState } from '../../../components/query-state';
import { useIsAdmin } from '../../Staff/staff-context';
import { AccountSection } from './components/account-section';
import { AppPasswordsSection } from './components/app-passwords-section';
import { LocksSection } from './components/locks-section';
import { LoginAttemptsSection } from './components/login-attempts-section';
import { LoginDiagnosisPanel } from './components/login-diagnosis-panel';
import { ProtocolAccessSection } from './components/protocol-access-section';
import { RoleSection } from './components/role-section';
import { SecurityEventsSection } from './components/security-events-section';
import { SessionsSection } from './components/sessions-section';
import { PasskeysSection } from './components/passkeys-section';
import { TwoFactorSection } from './components/two-factor-section';
import { UserHeader } from './components/user-header';

/** Everything support needs about one account on one screen, the login diagnosis first. */
export function AdminUserPage() {
  const { t } = useTranslation();
  const { userId = '' } = useParams();
  const user = useAdminUser(userId);
  const isAdmin = useIsAdmin();

  if (user.isPending) return <LoadingState />;
  if (user.isError) {
    return (
      <>
        <PageTitle title={t('admin.user.title')} />
        <h1>{t('admin.user.title')}</h1>
        <ErrorState error={user.error} onRetry={() => void user.refetch()} />
        <p>
          <Link to="/admin">{t('admin.user.backToSearch')}</Link>
        </p>
      </>
    );
  }

  const detail = user.data;
  const canAct = detail.permissions.canAct;
  return (
    <>
      <PageTitle title={detail.user.email} />
      <UserHeader user={detail.user} />
      {!canAct && <p className="admin-note">{t('admin.user.readOnly')}</p>}
      <LoginDiagnosisPanel detail={detail} />
      <div className="admin-user-grid">
        <ProtocolAccessSection userId={userId} access={detail.protocolAccess} canAct={canAct} />
        <LocksSection userId={userId} locks={detail.locks} canAct={canAct} />
        <AppPasswordsSection userId={userId} appPasswords={detail.appPasswords} canAct={canAct} />
        <SessionsSection userId={userId} sessions={detail.sessions} canAct={canAct} />
        <TwoFactorSection userId={userId} twoFactor={detail.twoFactor} canAct={canAct} />
        <PasskeysSection userId={userId} passkeys={detail.passkeys} canAct={canAct} />
        <AccountSection userId={userId} user={detail.user} canAct={canAct} />
        {isAdmin && detail.permissions.canChangeRole && <RoleSection userId={userId} role={detail.user.role} />}
      </div>
      <LoginAttemptsSection attempts={detail.loginAttempts} />
      <SecurityEventsSection userId={userId} events={detail.securityEvents} />
    </>
  );
}
