import { describe, expect, it } from 'vitest';
import { protocolIfKnown, toProtocol } from './mail-protocol.js';

describe('mail protocol names', () => {
  it('maps the mail servers’ names to the stored ones', () => {
    expect([toProtocol('imap'), toProtocol('pop3'), toProtocol('smtp')]).toEqual(['IMAP', 'POP3', 'SMTP']);
  });

  it('knows nothing else, not even the names every object has', () => {
    for (const value of ['ftp', 'IMAP', 'constructor', 'toString', '__proto__', 7, null, undefined]) {
      expect(protocolIfKnown(value)).toBeUndefined();
    }
    expect(protocolIfKnown('pop3')).toBe('POP3');
  });
});
