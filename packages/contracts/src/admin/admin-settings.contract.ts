import { z } from 'zod';
import { defineOperation } from '../common/operation.js';
import { routes } from '../routes.js';
import { zSafeText } from '../common/strings.js';
import { ZPasswordPolicyResponse } from '../password-policy/password.contract.js';
import { STAFF_WRITE_ERRORS, ZIsoDateTime, ZStaffReason } from './admin-common.js';
import { PASSWORD_POLICY_BOUNDS, RETENTION_DAYS_BOUNDS } from '../values.js';

/** A whole number within bounds the staff forms show too (values.ts). */
const zWithin = (bounds: { min: number; max: number }) => z.number().int().min(bounds.min).max(bounds.max);

// ---- Global settings --------------------------------------------------------------------------

const globalSettingsFields = {
  /** Protocols a new account starts with (off by default: enable only what is needed). */
  defaultImapEnabled: z.boolean(),
  defaultPop3Enabled: z.boolean(),
  defaultSmtpEnabled: z.boolean(),
  /** Refuse mail logins that were not protected by TLS. */
  requireTlsForProtocols: z.boolean(),
  /** Whether the account password may be used in mail programs while 2FA is off. */
  allowMainPasswordWithout2fa: z.boolean(),
  loginAttemptRetentionDays: zWithin(RETENTION_DAYS_BOUNDS.loginAttemptRetentionDays),
  auditRetentionDays: zWithin(RETENTION_DAYS_BOUNDS.auditRetentionDays),
};

/** Staff sessions must be confirmed with a passkey (a TOTP code no longer opens the panel). */
const ZStaffPasskeyRequired = z.boolean();

export const ZGlobalSettingsView = z
  .object({ ...globalSettingsFields, staffPasskeyRequired: ZStaffPasskeyRequired, updatedAt: ZIsoDateTime.nullable() })
  .meta({ id: 'GlobalSettings' });
export type GlobalSettingsView = z.infer<typeof ZGlobalSettingsView>;

// staffPasskeyRequired may be left out (older clients): the current value stays.
export const ZUpdateGlobalSettingsRequest = z.strictObject({
  ...globalSettingsFields,
  staffPasskeyRequired: ZStaffPasskeyRequired.optional(),
  reason: ZStaffReason,
});
export type UpdateGlobalSettingsRequest = z.infer<typeof ZUpdateGlobalSettingsRequest>;

// ---- Password policy --------------------------------------------------------------------------

const ZContextWord = zSafeText(PASSWORD_POLICY_BOUNDS.contextWordLength.max)
  .trim()
  .min(PASSWORD_POLICY_BOUNDS.contextWordLength.min, {
    message: `Context words need at least ${PASSWORD_POLICY_BOUNDS.contextWordLength.min} characters.`,
  });

const passwordPolicyFields = {
  /** Code points after NFKC. NIST SP 800-63B-4 asks for at least 8 (15 when it is the only factor). */
  minLength: zWithin(PASSWORD_POLICY_BOUNDS.minLength),
  /** 64 must always work; never truncated. (The ranges meet at 64, so max >= min always holds.) */
  maxLength: zWithin(PASSWORD_POLICY_BOUNDS.maxLength),
  /** zxcvbn score 0-4. */
  minScore: zWithin(PASSWORD_POLICY_BOUNDS.minScore),
  blocklistEnabled: z.boolean(),
  contextWords: z.array(ZContextWord).max(PASSWORD_POLICY_BOUNDS.contextWordsMax),
};

/** The policy in force as the portal reads it, plus when this version was saved. */
export const ZPasswordPolicyView = ZPasswordPolicyResponse.extend({ createdAt: ZIsoDateTime }).meta({
  id: 'PasswordPolicy',
});
export type PasswordPolicyView = z.infer<typeof ZPasswordPolicyView>;

export const ZUpdatePasswordPolicyRequest = z.strictObject({ ...passwordPolicyFields, reason: ZStaffReason });
export type UpdatePasswordPolicyRequest = z.infer<typeof ZUpdatePasswordPolicyRequest>;

export const adminSettingsOperations = {
  getGlobalSettings: defineOperation(routes.adminSettings.getGlobalSettings, {
    tag: 'Admin',
    summary: 'Read the global defaults (ADMIN only).',
    auth: 'session',
    responses: { 200: ZGlobalSettingsView },
    errors: [...STAFF_WRITE_ERRORS],
  }),
  updateGlobalSettings: defineOperation(routes.adminSettings.updateGlobalSettings, {
    tag: 'Admin',
    summary: 'Change the global defaults (ADMIN only). Applies to the next decision; audited.',
    auth: 'session',
    body: ZUpdateGlobalSettingsRequest,
    responses: { 200: ZGlobalSettingsView },
    errors: [...STAFF_WRITE_ERRORS],
  }),
  getPasswordPolicy: defineOperation(routes.adminSettings.getPasswordPolicy, {
    tag: 'Admin',
    summary: 'Read the current password policy (ADMIN only).',
    auth: 'session',
    responses: { 200: ZPasswordPolicyView },
    errors: [...STAFF_WRITE_ERRORS],
  }),
  updatePasswordPolicy: defineOperation(routes.adminSettings.updatePasswordPolicy, {
    tag: 'Admin',
    summary: 'Save a new version of the password policy (ADMIN only).',
    description: 'Applies to the next password change; existing passwords keep working.',
    auth: 'session',
    body: ZUpdatePasswordPolicyRequest,
    responses: { 200: ZPasswordPolicyView },
    errors: [...STAFF_WRITE_ERRORS],
  }),
};
