import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

/**
 * A small software passkey authenticator for tests: ES256 keys from node:crypto, attestation
 * "none", CBOR written by hand. It produces the same JSON a browser hands to
 * @simplewebauthn/browser's callers, so the server is tested against real signatures, and it can be
 * told to lie (another origin, no user verification, a counter going backwards) to test refusals.
 */

// ---- Minimal CBOR (major types 0, 1, 2, 3, 5: all that attestation "none" needs) ----
type Cbor = number | string | Uint8Array | Map<Cbor, Cbor>;

function head(major: number, length: number): Buffer {
  if (length < 24) return Buffer.from([(major << 5) | length]);
  if (length < 0x100) return Buffer.from([(major << 5) | 24, length]);
  const out = Buffer.alloc(3);
  out[0] = (major << 5) | 25;
  out.writeUInt16BE(length, 1);
  return out;
}

export function encodeCbor(value: Cbor): Buffer {
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') return Buffer.concat([head(3, Buffer.byteLength(value)), Buffer.from(value)]);
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), Buffer.from(value)]);
  const parts = [head(5, value.size)];
  for (const [key, entry] of value) parts.push(encodeCbor(key), encodeCbor(entry));
  return Buffer.concat(parts);
}

const b64url = (data: Uint8Array | string) => Buffer.from(data).toString('base64url');
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

export interface CeremonyTweaks {
  /** The origin the "browser" reports (default: the authenticator's own). */
  origin?: string;
  /** Leave out user verification (default: verified). */
  userVerified?: boolean;
  /** Report this signature counter instead of the next one. */
  counter?: number;
}

export class SoftwareAuthenticator {
  readonly credentialId = randomBytes(32);
  private readonly privateKey: KeyObject;
  private readonly publicJwk: { x: string; y: string };
  private counter = 0;
  private userHandle: string | undefined;

  constructor(
    readonly rpId: string,
    readonly origin: string,
  ) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.privateKey = privateKey;
    const jwk = publicKey.export({ format: 'jwk' });
    this.publicJwk = { x: jwk.x!, y: jwk.y! };
  }

  get id(): string {
    return b64url(this.credentialId);
  }

  /** Answers navigator.credentials.create() options (as the server sent them). */
  register(options: { challenge: string; user?: { id: string } }, tweaks: CeremonyTweaks = {}) {
    this.userHandle = options.user?.id;
    const clientDataJSON = this.clientData('webauthn.create', options.challenge, tweaks);
    const coseKey = new Map<Cbor, Cbor>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, Buffer.from(this.publicJwk.x, 'base64url')],
      [-3, Buffer.from(this.publicJwk.y, 'base64url')],
    ]);
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(this.credentialId.length);
    const authData = Buffer.concat([
      this.authDataHead(tweaks, FLAG_AT, 0),
      Buffer.alloc(16), // AAGUID: none
      idLength,
      this.credentialId,
      encodeCbor(coseKey),
    ]);
    const attestationObject = encodeCbor(
      new Map<Cbor, Cbor>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', authData],
      ]),
    );
    return {
      ...this.credentialFields(),
      response: {
        clientDataJSON: b64url(clientDataJSON),
        attestationObject: b64url(attestationObject),
        transports: ['internal'],
      },
    };
  }

  /** What the browser returns about this credential in either ceremony. */
  private credentialFields() {
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key' as const,
      clientExtensionResults: {},
      authenticatorAttachment: 'platform' as const,
    };
  }

  /** Answers navigator.credentials.get() options; each call uses the next signature counter. */
  authenticate(options: { challenge: string }, tweaks: CeremonyTweaks = {}) {
    const counter = tweaks.counter ?? ++this.counter;
    const clientDataJSON = this.clientData('webauthn.get', options.challenge, tweaks);
    const authData = this.authDataHead(tweaks, 0, counter);
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), this.privateKey);
    return {
      ...this.credentialFields(),
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        ...(this.userHandle ? { userHandle: this.userHandle } : {}),
      },
    };
  }

  private clientData(type: string, challenge: string, tweaks: CeremonyTweaks): string {
    return JSON.stringify({ type, challenge, origin: tweaks.origin ?? this.origin, crossOrigin: false });
  }

  private authDataHead(tweaks: CeremonyTweaks, extraFlags: number, counter: number): Buffer {
    const flags = FLAG_UP | (tweaks.userVerified === false ? 0 : FLAG_UV) | extraFlags;
    const count = Buffer.alloc(4);
    count.writeUInt32BE(counter);
    return Buffer.concat([sha256(this.rpId), Buffer.from([flags]), count]);
  }
}
