import { describe, expect, it } from 'vitest';
import { SecretKeyring } from './secret-keyring.js';

const oldKey = 'old-secret-key-0123456789abcdef0123456789';
const newKey = 'new-secret-key-0123456789abcdef0123456789';

function keyring(id: string, secret: string, previous = '') {
  return new SecretKeyring({
    MAILGATE_SECRET_KEY: secret,
    MAILGATE_SECRET_KEY_ID: id,
    MAILGATE_PREVIOUS_SECRET_KEYS: previous,
  });
}

describe('SecretKeyring', () => {
  it('hashes with the key id and verifies in constant time', () => {
    const ring = keyring('k1', oldKey);
    const stored = ring.hash('app-password', 'ABCD EFGH');
    expect(stored).toMatch(/^k1:[0-9a-f]{64}$/);
    expect(ring.verifyHash('app-password', 'ABCD EFGH', stored)).toBe(true);
    expect(ring.verifyHash('app-password', 'ABCD EFGX', stored)).toBe(false);
    // Purposes are separated: a token hash never matches an app-password hash of the same text.
    expect(ring.verifyHash('service-token', 'ABCD EFGH', stored)).toBe(false);
  });

  it('keeps old hashes and ciphertexts readable after a key rotation', () => {
    const before = keyring('k1', oldKey);
    const storedHash = before.hash('app-password', 'secret');
    const storedSeed = before.encrypt('totp-seed', 'JBSWY3DPEHPK3PXP');
    const after = keyring('k2', newKey, `k1=${oldKey}`);
    expect(after.verifyHash('app-password', 'secret', storedHash)).toBe(true);
    expect(after.decrypt('totp-seed', storedSeed)).toBe('JBSWY3DPEHPK3PXP');
    expect(after.candidateHashes('app-password', 'secret')).toContain(storedHash);
    expect(after.hash('app-password', 'secret')).toMatch(/^k2:/);
  });

  it('refuses tampered or unknown-key ciphertexts', () => {
    const ring = keyring('k1', oldKey);
    const stored = ring.encrypt('totp-seed', 'seed');
    const parts = stored.split(':');
    parts[2] = Buffer.from('tampered').toString('base64url');
    expect(() => ring.decrypt('totp-seed', parts.join(':'))).toThrow();
    expect(() => keyring('k9', newKey).decrypt('totp-seed', stored)).toThrow(/unknown key/);
  });
});
