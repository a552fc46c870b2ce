import { z } from 'zod';

/** base64url as WebAuthn's JSON encoding uses it; bounded so hostile input stays cheap. */
const zBase64Url = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/, { message: 'Not base64url.' });

/** Client extension outputs are informational only (nothing here reads them); plain JSON, bounded. */
const ZClientExtensionResults = z.record(z.string().max(64), z.json()).refine((v) => Object.keys(v).length <= 16);

const ZAuthenticatorAttachment = z.enum(['platform', 'cross-platform']).optional();

/** What every credential the browser returns carries, from registration and sign-in alike. */
const credentialFields = {
  id: zBase64Url(1400),
  rawId: zBase64Url(1400),
  type: z.literal('public-key'),
  authenticatorAttachment: ZAuthenticatorAttachment,
  clientExtensionResults: ZClientExtensionResults,
};

/** What `@simplewebauthn/browser`'s startRegistration() returns. */
export const ZPasskeyRegistrationResponse = z
  .strictObject({
    ...credentialFields,
    response: z.strictObject({
      clientDataJSON: zBase64Url(4096),
      attestationObject: zBase64Url(16384),
      authenticatorData: zBase64Url(8192).optional(),
      transports: z.array(z.string().max(32)).max(8).optional(),
      publicKeyAlgorithm: z.number().int().optional(),
      publicKey: zBase64Url(8192).optional(),
    }),
  })
  .meta({ id: 'PasskeyRegistrationResponse' });
export type PasskeyRegistrationResponse = z.infer<typeof ZPasskeyRegistrationResponse>;

/** What `@simplewebauthn/browser`'s startAuthentication() returns. */
export const ZPasskeyAuthenticationResponse = z
  .strictObject({
    ...credentialFields,
    response: z.strictObject({
      clientDataJSON: zBase64Url(4096),
      authenticatorData: zBase64Url(8192),
      // Post-quantum signatures (ML-DSA, which the library offers where the runtime supports it) run to ~4.6 KB.
      signature: zBase64Url(8192),
      userHandle: zBase64Url(128).optional(),
    }),
  })
  .meta({ id: 'PasskeyAuthenticationResponse' });
export type PasskeyAuthenticationResponse = z.infer<typeof ZPasskeyAuthenticationResponse>;

/** Options for navigator.credentials.create()/get(), in WebAuthn's JSON form; pass them to the browser library as they are. */
export const ZPasskeyOptions = z
  .looseObject({ challenge: z.string(), timeout: z.number().optional() })
  .meta({ id: 'PasskeyOptions' });
export type PasskeyOptions = z.infer<typeof ZPasskeyOptions>;
