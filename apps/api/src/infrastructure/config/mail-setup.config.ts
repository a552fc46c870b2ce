import { z } from 'zod';

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const filePath = z.string().min(1).optional();

/**
 * Environment of the mail-program setup features: autoconfiguration (Thunderbird, Outlook) and
 * Apple configuration profiles. Spread into the main schema; the README's table lists them.
 */
export const MAIL_SETUP_ENVIRONMENT = {
  /** The mail domains this provider serves (comma-separated); autoconfiguration answers only for these. */
  MAIL_DOMAINS: z
    .string()
    .default('example.test')
    .transform((value) =>
      value
        .split(',')
        .map((domain) => domain.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().regex(DOMAIN, { message: 'each entry must be a domain name such as example.com' }))
        .min(1, { message: 'name at least one domain' }),
    ),
  /** The provider's name as mail programs show it. */
  MAIL_PROVIDER_NAME: z.string().min(1).max(64).default('Mailgate'),
  /** PEM certificate and key that sign Apple configuration profiles; unset = profiles are unsigned. */
  PROFILE_SIGNING_CERT: filePath,
  PROFILE_SIGNING_KEY: filePath,
  /** Optional PEM file with the intermediate certificates sent along with the signature. */
  PROFILE_SIGNING_CHAIN: filePath,
};
