import { beforeAll, describe, expect, it } from 'vitest';
import { de } from '../../i18n/de';
import type { TFunction } from '../../i18n/message-keys';
import { Translator } from '../../i18n/translator';
import { en } from '../../i18n/en';
import { addAdminMessages } from './use-staff-messages';
import { securityEventName } from './security-event-name';

let t: TFunction;
let tDe: TFunction;

beforeAll(() => {
  const instance = new Translator('en', { en, de });
  addAdminMessages(instance);
  t = instance.fixedT('en');
  tDe = instance.fixedT('de');
});

const event = (action: string, before: unknown = null, after: unknown = null) => ({ action, before, after });

describe('security event names in the staff panel', () => {
  it('name a protocol change after its protocol, in both languages', () => {
    const expired = event('protocol_access.expired', { protocol: 'POP3', enabled: true }, { protocol: 'POP3' });
    expect(securityEventName(t, expired)).toBe('POP3 time limit ran out');
    expect(securityEventName(tDe, expired)).toBe('Frist für POP3 abgelaufen');
    expect(securityEventName(t, event('protocol_access.enabled', null, { protocol: 'IMAP' }))).toBe('IMAP turned on');
  });

  it('say what happened instead of the raw code, for changes by users, staff and the system', () => {
    for (const action of [
      'password.reset',
      'totp.disabled',
      'auth_lock.set',
      'password_reset.link_sent',
      'session.signed_out_others',
      'account.role_changed',
      // Staff-only changes, seen in the audit log.
      'password_policy.updated',
      'settings.updated',
      'service_token.created',
      'service_token.created_from_env',
      'service_token.revoked',
    ]) {
      for (const translate of [t, tDe]) {
        const name = securityEventName(translate, event(action));
        expect(name, action).not.toContain(action);
        expect(name, action).not.toMatch(/^admin\.events/);
      }
    }
    expect(securityEventName(tDe, event('password.changed'))).toBe('Passwort geändert');
  });

  it('still show an action the panel does not know yet, with its code', () => {
    expect(securityEventName(t, event('mailbox.moved'))).toBe('Other change (mailbox.moved)');
    expect(securityEventName(tDe, event('password.changed.twice'))).toBe('Andere Änderung (password.changed.twice)');
  });
});
