import { describe, expect, it } from 'vitest';
import { mailAuthOperations, ZMailAuthRequest, ZMailAuthResponse, MAIL_AUTH_REASONS } from '@mailgate/contracts';
import { buildOpenApiDocument } from '../infrastructure/openapi/openapi-document.js';

describe('mail-auth contract', () => {
  it('documents the three mail-server operations under their own tag with the service-token scheme', () => {
    const document = buildOpenApiDocument(Object.values(mailAuthOperations), 'test');
    const auth = document.paths?.['/api/mail/v1/auth']?.post;
    expect(auth?.tags).toEqual(['Mail servers']);
    expect(auth?.security).toEqual([{ mailServerToken: [] }]);
    expect(Object.keys(auth?.responses ?? {}).sort()).toEqual(['200', '400', '401', '413', '503']);
    expect(document.paths?.['/api/mail/v1/users/{email}']?.get?.responses?.['404']).toBeDefined();
    expect(document.paths?.['/api/mail/v1/users/{email}/protocols/{protocol}']?.get).toBeDefined();
  });

  it('accepts a well-formed request and refuses unknown fields', () => {
    const request = { username: 'a@b.test', password: 'x', protocol: 'imap', clientIp: '2001:db8::1', secured: true };
    expect(ZMailAuthRequest.safeParse(request).success).toBe(true);
    expect(ZMailAuthRequest.safeParse({ ...request, extra: 1 }).success).toBe(false);
    expect(ZMailAuthRequest.safeParse({ ...request, clientIp: 'localhost' }).success).toBe(false);
  });

  it('only allows catalogue reasons in a deny', () => {
    expect(MAIL_AUTH_REASONS).toContain('LOCKED_USER_IP');
    expect(ZMailAuthResponse.safeParse({ decision: 'deny', reason: 'PROTOCOL_DISABLED' }).success).toBe(true);
    expect(ZMailAuthResponse.safeParse({ decision: 'deny', reason: 'SOMETHING' }).success).toBe(false);
  });
});
