import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';

/** Separate keys per purpose, derived from MAILGATE_SECRET_KEY, so one use cannot attack another. */
export type KeyPurpose =
  | 'app-password'
  | 'service-token'
  | 'session'
  | 'totp-seed'
  | 'reset-token'
  | 'credential-cache'
  | 'recovery-code'
  | 'sign-in-pending'
  | 'passkey-browser'
  | 'device-handoff'
  | 'recovery-confirm'
  | 'outbox-mail';

interface KeyMaterial {
  readonly id: string;
  readonly secret: Buffer;
}

/**
 * Keyed hashing (HMAC-SHA-256) and encryption (AES-256-GCM) with MAILGATE_SECRET_KEY. Every
 * stored value carries the id of the key that made it (`k1:…`), so the key can be rotated:
 * set a new MAILGATE_SECRET_KEY / _ID and move the old one to MAILGATE_PREVIOUS_SECRET_KEYS.
 */
@Injectable()
export class SecretKeyring {
  private readonly current: KeyMaterial;
  private readonly byId: ReadonlyMap<string, KeyMaterial>;
  // KeyObjects, not Buffers: node re-imports a Buffer key on every createHmac (~3x the cost of
  // the HMAC itself), and mail logins compute one or two per attempt.
  private readonly derived = new Map<string, KeyObject>();

  constructor(
    @Inject(APP_CONFIG)
    config: Pick<AppConfig, 'MAILGATE_SECRET_KEY' | 'MAILGATE_SECRET_KEY_ID' | 'MAILGATE_PREVIOUS_SECRET_KEYS'>,
  ) {
    this.current = { id: config.MAILGATE_SECRET_KEY_ID, secret: Buffer.from(config.MAILGATE_SECRET_KEY, 'utf8') };
    const previous = config.MAILGATE_PREVIOUS_SECRET_KEYS.split(',')
      .map((pair) => pair.trim())
      .filter(Boolean)
      .map((pair): KeyMaterial => {
        const separator = pair.indexOf('=');
        return { id: pair.slice(0, separator), secret: Buffer.from(pair.slice(separator + 1), 'utf8') };
      });
    this.byId = new Map([...previous, this.current].map((key) => [key.id, key]));
  }

  /** `<keyId>:<hex HMAC>` of a value, for lookups by secret (app passwords, tokens). */
  hash(purpose: KeyPurpose, value: string): string {
    return `${this.current.id}:${this.hmacHex(this.current, purpose, value)}`;
  }

  /** All hashes the value may be stored under (current key first), for lookups during a rotation. */
  candidateHashes(purpose: KeyPurpose, value: string): string[] {
    return [...this.byId.values()].reverse().map((key) => `${key.id}:${this.hmacHex(key, purpose, value)}`);
  }

  /** Constant-time comparison of a value against a stored `<keyId>:<hex>` hash. */
  verifyHash(purpose: KeyPurpose, value: string, stored: string): boolean {
    const [keyId, hex] = splitOnce(stored);
    const key = this.byId.get(keyId);
    if (!key || !hex) return false;
    const expected = Buffer.from(this.hmacHex(key, purpose, value), 'hex');
    const actual = Buffer.from(hex, 'hex');
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }

  /** Raw HMAC bytes with the current key (cache keys and similar non-stored uses). */
  mac(purpose: KeyPurpose, value: string): Buffer {
    return createHmac('sha256', this.subKey(this.current, purpose)).update(value, 'utf8').digest();
  }

  encrypt(purpose: KeyPurpose, plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.subKey(this.current, purpose), iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [
      this.current.id,
      iv.toString('base64url'),
      ciphertext.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
    ].join(':');
  }

  decrypt(purpose: KeyPurpose, stored: string): string {
    const [keyId, iv, ciphertext, tag] = stored.split(':');
    const key = keyId ? this.byId.get(keyId) : undefined;
    if (!key || !iv || !ciphertext || !tag) throw new Error('stored value was encrypted with an unknown key');
    const decipher = createDecipheriv('aes-256-gcm', this.subKey(key, purpose), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }

  private hmacHex(key: KeyMaterial, purpose: KeyPurpose, value: string): string {
    return createHmac('sha256', this.subKey(key, purpose)).update(value, 'utf8').digest('hex');
  }

  private subKey(key: KeyMaterial, purpose: KeyPurpose): KeyObject {
    const cacheKey = `${key.id}/${purpose}`;
    let derived = this.derived.get(cacheKey);
    if (!derived) {
      derived = createSecretKey(
        Buffer.from(hkdfSync('sha256', key.secret, Buffer.alloc(0), `mailgate/${purpose}`, 32)),
      );
      this.derived.set(cacheKey, derived);
    }
    return derived;
  }
}

function splitOnce(value: string): [string, string | undefined] {
  const index = value.indexOf(':');
  return index < 0 ? [value, undefined] : [value.slice(0, index), value.slice(index + 1)];
}
