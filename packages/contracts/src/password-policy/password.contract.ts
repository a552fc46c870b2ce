import { z } from 'zod';
import { CommonErrors } from '../common/error-codes.js';
import { defineOperation } from '../common/operation.js';
import { routes } from '../routes.js';
import { ZPasswordInput } from '../common/strings.js';
import { PasswordErrors } from './password.errors.js';

/** Every reason a new password can be refused; the evaluator returns these codes. */
export const ZPasswordProblem = z.enum([
  'PASSWORD_TOO_LONG',
  'PASSWORD_TOO_SHORT',
  'PASSWORD_BLOCKLISTED',
  'PASSWORD_CONTAINS_CONTEXT',
  'PASSWORD_TOO_WEAK',
]);
export type PasswordProblemCode = z.infer<typeof ZPasswordProblem>;

/** The rules a new password is checked against: exactly what the live strength meter evaluates. */
export const ZPasswordRules = z.object({
  minLength: z.number().int(),
  maxLength: z.number().int(),
  minScore: z.number().int().min(0).max(4),
  blocklistEnabled: z.boolean(),
  contextWords: z.array(z.string()),
});
export type PasswordRules = z.infer<typeof ZPasswordRules>;

export const ZPasswordPolicyResponse = ZPasswordRules.extend({ version: z.number().int() }).meta({
  id: 'PasswordPolicyResponse',
  description: 'The policy in force, for the live strength meter.',
});
export type PasswordPolicyResponse = z.infer<typeof ZPasswordPolicyResponse>;

export const ZChangePasswordRequest = z
  .strictObject({
    currentPassword: ZPasswordInput,
    newPassword: ZPasswordInput,
    signOutOtherSessions: z.boolean().default(true),
    revokeAppPasswords: z.boolean().default(true),
  })
  .meta({ id: 'ChangePasswordRequest' });
export type ChangePasswordRequest = z.input<typeof ZChangePasswordRequest>;

export const ZChangePasswordResponse = z
  .object({
    signedOutSessions: z.number().int(),
    revokedAppPasswords: z.number().int(),
  })
  .meta({ id: 'ChangePasswordResponse' });
export type ChangePasswordResponse = z.infer<typeof ZChangePasswordResponse>;

export const passwordOperations = {
  policy: defineOperation(routes.password.policy, {
    tag: 'Password',
    summary: 'The password policy in force.',
    auth: 'session',
    responses: { 200: ZPasswordPolicyResponse },
  }),
  change: defineOperation(routes.password.change, {
    tag: 'Password',
    summary: 'Change the account password.',
    description:
      'Refusals name every rule the new password breaks in `problems`; `code` is the first of them. Other sessions are signed out and app passwords revoked unless the flags say otherwise.',
    auth: 'session',
    body: ZChangePasswordRequest,
    responses: { 200: ZChangePasswordResponse },
    errors: [
      PasswordErrors.CURRENT_PASSWORD_WRONG,
      PasswordErrors.PASSWORD_TOO_LONG,
      PasswordErrors.PASSWORD_TOO_SHORT,
      PasswordErrors.PASSWORD_BLOCKLISTED,
      PasswordErrors.PASSWORD_CONTAINS_CONTEXT,
      PasswordErrors.PASSWORD_TOO_WEAK,
      PasswordErrors.PASSWORD_UNCHANGED,
      CommonErrors.RATE_LIMITED,
    ],
  }),
};
