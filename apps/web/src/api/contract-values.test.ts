import { ACCESS_DURATIONS, APP_PASSWORD_EXPIRIES, MAIL_AUTH_REASONS, PROTOCOLS } from '@mailgate/contracts';
import { describe, expect, it } from 'vitest';
import {
  ACCESS_DURATION_LIST,
  APP_PASSWORD_EXPIRY_LIST,
  MAIL_AUTH_REASON_LIST,
  PROTOCOL_LIST,
} from './contract-values';

describe('contract value lists', () => {
  it('offer exactly the choices the contracts accept', () => {
    expect(PROTOCOL_LIST).toEqual(PROTOCOLS);
    expect(ACCESS_DURATION_LIST).toEqual(ACCESS_DURATIONS);
    expect(APP_PASSWORD_EXPIRY_LIST).toEqual(APP_PASSWORD_EXPIRIES);
    expect(MAIL_AUTH_REASON_LIST).toEqual(MAIL_AUTH_REASONS);
  });
});
