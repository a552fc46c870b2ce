import type { SecurityNoticeView } from '@mailgate/contracts';
import type { TFunction } from '../i18n/message-keys';
import { beforeAll, describe, expect, it } from 'vitest';
import { testTranslators } from '../i18n/test-translators';
import { noticeText } from './notice-text';

let t: TFunction;
let tDe: TFunction;

beforeAll(async () => {
  ({ t, tDe } = await testTranslators());
});

function notice(kind: string, params: SecurityNoticeView['params'] = {}): SecurityNoticeView {
  return { id: '1', kind, params, byStaff: false, reason: null, createdAt: '2026-05-03T12:00:00.000Z', readAt: null };
}

const dateTime = (iso: string) => `<${iso.slice(11, 16)}>`;

describe('notice texts', () => {
  it('shows when a login pause ends in the formatted time, in both languages', () => {
    const locked = notice('LOGIN_LOCKED', { family: 'MAIL', until: '2026-05-03T13:00:00.000Z' });
    expect(noticeText(t, locked, dateTime)).toContain('paused until <13:00>.');
    expect(noticeText(tDe, locked, dateTime)).toContain('bis <13:00> pausiert');
    expect(noticeText(t, notice('LOGIN_LOCK_LIFTED', { family: 'MAIL' }), dateTime)).toBe(
      'A block on mail logins to your account was lifted.',
    );
  });

  it('says which time limit ran out and when, in both languages', () => {
    const expired = notice('PROTOCOL_ACCESS_EXPIRED', { protocol: 'POP3', enabledUntil: '2026-05-03T09:30:00.000Z' });
    expect(noticeText(t, expired, dateTime)).toBe(
      'The time limit for POP3 ran out on <09:30>, so POP3 is off now. Turn it on again if you still need it.',
    );
    expect(noticeText(tDe, expired, dateTime)).toContain('Die Frist für POP3 ist am <09:30> abgelaufen.');
  });

  it('names the protocol and address of a new mail device, in both languages', () => {
    const device = notice('NEW_MAIL_DEVICE', { protocol: 'IMAP', ip: '198.51.100.7', network: '198.51.100.7' });
    expect(noticeText(t, device, dateTime)).toContain('over IMAP from an address not seen before (198.51.100.7)');
    expect(noticeText(tDe, device, dateTime)).toContain(
      'über IMAP von einer bisher unbekannten Adresse (198.51.100.7)',
    );
  });

  it('fills the other params as they are, and words unknown kinds generically', () => {
    expect(noticeText(t, notice('PROTOCOL_ENABLED', { protocol: 'IMAP' }), dateTime)).toBe(
      'IMAP access was turned on.',
    );
    expect(noticeText(t, notice('SOMETHING_NEW'), dateTime)).toBe('A security setting of your account was changed.');
  });
});
