import { useTranslation } from '../i18n/use-translation';
import { useSignOut } from '../api/auth/mutations';
import { useMe } from '../api/auth/queries';
import { Button } from '../components/button';

/** Who is signed in, and the way out. */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOut();
  if (!me.data) return null;
  return (
    <div className="user-menu">
      <span className="user-menu__email" title={t('common.signedInAs', { email: me.data.email })}>
        {me.data.email}
      </span>
      <Button
        variant="ghost"
        pending={signOut.isPending}
        pendingLabel={t('common.signingOut')}
        onClick={() => signOut.mutate()}
      >
        {t('common.signOut')}
      </Button>
    </div>
  );
}
