import {
  activityOperations,
  appPasswordsOperations,
  authOperations,
  noticesOperations,
  passwordOperations,
  pendingResetLinkOperations,
  protocolAccessOperations,
  recoveryOperations,
  totpOperations,
  mailSetupOperations,
  passkeyOperations,
} from '@mailgate/contracts';
import { describe, expect, it } from 'vitest';
import { endpoints } from './endpoints';

const ID = '0b5e9a36-8f0e-4c8e-9a3e-1d2f3a4b5c6d';

/** Fills `{param}` placeholders the way the SPA does, so the two can be compared. */
function fill(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_match, name: string) => params[name] ?? `{${name}}`);
}

describe('endpoints', () => {
  it('match the paths of the contract operations they call', () => {
    const pairs: [string, string][] = [
      [endpoints.me, authOperations.me.path],
      [endpoints.signIn, authOperations.signIn.path],
      [endpoints.signInTotp, authOperations.signInTotp.path],
      [endpoints.signOut, authOperations.signOut.path],
      [endpoints.stepUp, authOperations.stepUp.path],
      [endpoints.sessions, authOperations.listSessions.path],
      [endpoints.signOutOthers, authOperations.signOutOthers.path],
      [endpoints.session(ID), fill(authOperations.revokeSession.path, { id: ID })],
      [endpoints.totp, totpOperations.status.path],
      [endpoints.totp, totpOperations.disable.path],
      [endpoints.totpEnrollment, totpOperations.startEnrollment.path],
      [endpoints.totpEnrollmentConfirm, totpOperations.confirmEnrollment.path],
      [endpoints.totpRecoveryCodes, totpOperations.regenerateRecoveryCodes.path],
      [endpoints.passkeys, passkeyOperations.list.path],
      [endpoints.passkeys, passkeyOperations.register.path],
      [endpoints.passkey(ID), fill(passkeyOperations.rename.path, { id: ID })],
      [endpoints.passkey(ID), fill(passkeyOperations.remove.path, { id: ID })],
      [endpoints.passkeyRegistrationOptions, passkeyOperations.registrationOptions.path],
      [endpoints.passkeySignInOptions, passkeyOperations.signInOptions.path],
      [endpoints.signInPasskey, passkeyOperations.signIn.path],
      [endpoints.stepUpPasskeyOptions, passkeyOperations.stepUpOptions.path],
      [endpoints.passwordPolicy, passwordOperations.policy.path],
      [endpoints.password, passwordOperations.change.path],
      [endpoints.protocols, protocolAccessOperations.list.path],
      [endpoints.deviceProfiles, mailSetupOperations.createProfile.path],
      [endpoints.deviceHandoffs, mailSetupOperations.createHandoff.path],
      [endpoints.deviceHandoffRedeem, mailSetupOperations.redeemHandoff.path],
      [endpoints.appPasswordFirstLogin(ID), fill(mailSetupOperations.firstLogin.path, { id: ID })],
      [endpoints.protocol('IMAP'), fill(protocolAccessOperations.set.path, { protocol: 'imap' })],
      [endpoints.appPasswords, appPasswordsOperations.list.path],
      [endpoints.appPasswords, appPasswordsOperations.create.path],
      [endpoints.appPassword(ID), fill(appPasswordsOperations.revoke.path, { id: ID })],
      [endpoints.appPasswordsRevokeAll, appPasswordsOperations.revokeAll.path],
      [endpoints.loginActivity(5).split('?')[0]!, activityOperations.logins.path],
      [endpoints.securityEvents(5).split('?')[0]!, activityOperations.events.path],
      [endpoints.resetLinks, pendingResetLinkOperations.listPendingLinks.path],
      [endpoints.resetLink(ID), fill(pendingResetLinkOperations.cancelLink.path, { id: ID })],
      [endpoints.recoveryAddress, recoveryOperations.getRecoveryAddress.path],
      [endpoints.recoveryAddress, recoveryOperations.setRecoveryAddress.path],
      [endpoints.recoveryAddress, recoveryOperations.removeRecoveryAddress.path],
      [endpoints.recoveryConfirm, recoveryOperations.confirmRecoveryAddress.path],
      [endpoints.forgotPassword, recoveryOperations.requestPasswordReset.path],
      [endpoints.notices, noticesOperations.list.path],
      [endpoints.noticeRead(ID), fill(noticesOperations.markRead.path, { id: ID })],
      [endpoints.noticesReadAll, noticesOperations.markAllRead.path],
    ];
    for (const [spa, contract] of pairs) expect(spa).toBe(contract);
  });

  it('sends the limit the activity contract accepts', () => {
    expect(activityOperations.logins.query.parse({ limit: '50' })).toEqual({ limit: 50 });
    expect(endpoints.loginActivity(50)).toBe('/api/account/activity/logins?limit=50');
  });

  it('encodes path segments', () => {
    expect(endpoints.appPassword('a/b?c')).toBe('/api/account/app-passwords/a%2Fb%3Fc');
  });
});
