import type { LoginActivity, SecurityEvent } from '@mailgate/contracts';
import type { TFunction } from '../../../i18n/message-keys';
import { beforeAll, describe, expect, it } from 'vitest';
import { testTranslators } from '../../../i18n/test-translators';
import { credentialText, eventText, reasonText } from './activity-text';

let t: TFunction;
let tDe: TFunction;

beforeAll(async () => {
  ({ t, tDe } = await testTranslators());
});

function event(action: string, details: SecurityEvent['details'] = {}): SecurityEvent {
  return { id: '1', action, time: '2026-05-03T12:00:00.000Z', actorKind: 'you', reason: null, details };
}

describe('activity texts', () => {
  it('explains reason codes, and names unknown ones instead of failing', () => {
    expect(reasonText(t, 'MAIN_PASSWORD_NOT_ALLOWED')).toBe(
      'The account password was used, but mail programs need an app password.',
    );
    expect(reasonText(tDe, 'PROTOCOL_DISABLED')).toBe('Dieses Protokoll ist für Ihr Konto ausgeschaltet.');
    expect(reasonText(t, 'SOMETHING_NEW')).toBe('Other reason (SOMETHING_NEW).');
    expect(reasonText(t, 'unknown')).toBe('Other reason (unknown).');
  });

  it('words audit actions with their details', () => {
    expect(eventText(t, event('protocol_access.enabled', { protocol: 'IMAP' }))).toBe('IMAP turned on');
    expect(eventText(tDe, event('app_password.created', { name: 'Laptop' }))).toBe('App-Passwort „Laptop“ erstellt');
    expect(eventText(t, event('totp.enabled'))).toBe('Two-step sign-in turned on');
    expect(eventText(t, event('auth_lock.set'))).toBe(
      'Mail logins from new addresses paused after many wrong passwords',
    );
    expect(eventText(tDe, event('auth_lock.lifted'))).toBe('Eine Sperre für Mail-Anmeldungen wurde aufgehoben');
  });

  it('words the changes support makes', () => {
    expect(eventText(t, event('account.disabled'))).toBe('Account disabled');
    expect(eventText(t, event('account.role_changed', { role: 'SUPPORT' }))).toBe('Role changed to SUPPORT');
    expect(eventText(tDe, event('session.revoked_all'))).toBe('Überall abgemeldet');
    expect(eventText(t, event('password_reset.link_created'))).toBe('One-time link to set a new password created');
    expect(eventText(t, event('auth_lock.lifted'))).toBe('A block on mail logins was lifted');
  });

  it('falls back for actions it does not know, including prototype names', () => {
    expect(eventText(t, event('admin.role_changed'))).toBe('Account change (admin.role_changed)');
    expect(eventText(t, event('protocol_access.toString'))).toBe('Account change (protocol_access.toString)');
    expect(eventText(t, event('protocol_access.enabled.extra'))).toBe('Account change (protocol_access.enabled.extra)');
  });

  it('names the app password a login used', () => {
    const login = { credential: 'APP_PASSWORD', appPasswordName: 'Phone' } as LoginActivity;
    expect(credentialText(t, login)).toBe('App password “Phone”');
    expect(credentialText(t, { ...login, appPasswordName: null })).toBe('App password');
    expect(credentialText(t, { ...login, credential: 'PASSWORD' })).toBe('Account password');
  });
});
