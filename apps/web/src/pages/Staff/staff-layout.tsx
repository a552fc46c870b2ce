import { useQueryClient } from '@tanstack/react-query';
import { Link, NavLink } from '../../router/links';
import { Outlet } from '../../router/router-provider';
import { useTranslation } from '../../i18n/use-translation';
import { adminKeys } from '../../api/admin/query-keys';
import { useStaffMe } from '../../api/admin/staff-me';
import { isApiError } from '../../api/http';
import { PageTitle } from '../../components/page-title';
import { StaffTotpEnrollment } from './Enrollment/staff-totp-enrollment';
import { StaffPasskeyGate } from './Enrollment/staff-passkey-gate';
import { ErrorState, LoadingState } from '../../components/query-state';
import { STAFF_TOTP_REQUIRED, useStaffTotpRequired } from './components/use-staff-totp-signal';
import { StaffContext } from '../Staff/staff-context';
import { useStaffMessages } from '../Staff/use-staff-messages';
import '../../styles/staff.css';

const SIGN_IN_CODES = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED']);

/**
 * The panel's frame under /admin. It asks the server who is calling first: a staff account without
 * 2FA is taken through enrollment (nothing else renders), a non-staff account is told so. The
 * server guards every endpoint regardless; this only avoids showing doors that will not open.
 */
export function StaffLayout() {
  useStaffMessages();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useStaffMe();
  const totpSignal = useStaffTotpRequired();

  const errorCode = isApiError(me.error) ? me.error.code : null;
  if (totpSignal.required || errorCode === STAFF_TOTP_REQUIRED) {
    // Only once the recovery codes are acknowledged is the staff check repeated and the panel shown.
    const enrolled = () => {
      totpSignal.reset();
      void queryClient.invalidateQueries({ queryKey: adminKeys.all });
    };
    return <StaffTotpEnrollment onEnrolled={enrolled} />;
  }
  if (errorCode === 'STAFF_PASSKEY_REQUIRED') {
    return <StaffPasskeyGate onConfirmed={() => void queryClient.invalidateQueries({ queryKey: adminKeys.all })} />;
  }
  if (me.isPending) return <LoadingState />;
  if (me.error) {
    if (errorCode && SIGN_IN_CODES.has(errorCode))
      return <AdminGate message={t('admin.gate.signIn')} to="/sign-in" linkText={t('admin.gate.signInLink')} />;
    if (errorCode === 'FORBIDDEN')
      return <AdminGate message={t('admin.gate.notStaff')} to="/" linkText={t('admin.gate.home')} />;
    return (
      <>
        <PageTitle title={t('admin.title')} />
        <h1>{t('admin.title')}</h1>
        <ErrorState error={me.error} onRetry={() => void me.refetch()} retrying={me.isFetching} />
      </>
    );
  }

  const isAdmin = me.data.role === 'ADMIN';
  return (
    <StaffContext.Provider value={me.data}>
      <div className="admin-panel">
        <nav className="admin-nav" aria-label={t('admin.nav.label')}>
          <ul>
            <li>
              <NavLink to="/admin" end>
                {t('admin.nav.users')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/admin/audit">{t('admin.nav.audit')}</NavLink>
            </li>
            {isAdmin && (
              <>
                <li>
                  <NavLink to="/admin/password-policy">{t('admin.nav.policy')}</NavLink>
                </li>
                <li>
                  <NavLink to="/admin/settings">{t('admin.nav.settings')}</NavLink>
                </li>
                <li>
                  <NavLink to="/admin/service-tokens">{t('admin.nav.tokens')}</NavLink>
                </li>
              </>
            )}
          </ul>
          <p className="admin-nav__who">
            {t('admin.nav.signedInAs', { email: me.data.email, role: t(`admin.roles.${me.data.role}`) })}
          </p>
        </nav>
        <Outlet />
      </div>
    </StaffContext.Provider>
  );
}

/** Instead of the panel: why it is closed to this visitor, and where to go instead. */
function AdminGate({ message, to, linkText }: { message: string; to: string; linkText: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('admin.title')} />
      <h1>{t('admin.title')}</h1>
      <p>{message}</p>
      <p>
        <Link to={to}>{linkText}</Link>
      </p>
    </>
  );
}
