import { z } from 'zod';

/**
 * Outgoing mail (recovery links, security notices). Spread into the main schema; the README's
 * configuration table lists them. Without SMTP_URL, demo mode writes each mail as an .eml file
 * under MAIL_OUTBOX_DIR; otherwise mails wait in the outbox table until a relay is configured.
 */
export const MAIL_ENVIRONMENT = {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://host:465; empty = not set. */
  SMTP_URL: z
    .preprocess(
      (value) => (value === '' ? undefined : value),
      z
        .string()
        .refine((value) => /^smtps?:\/\/[^/]+/.test(value), { message: 'must be an smtp:// or smtps:// URL' })
        .optional(),
    )
    .meta({ sensitive: true }),
  MAIL_FROM: z.string().min(3).default('Mailgate <no-reply@mailgate.invalid>'),
  /** How often the sender looks for due mails; 0 = this instance does not send (another one must). */
  MAIL_OUTBOX_INTERVAL_MS: z.coerce
    .number()
    .int()
    .refine((ms) => ms === 0 || (ms >= 50 && ms <= 3_600_000), { message: 'must be 0 or 50 to 3600000' })
    .default(2_000),
  /** Delivery attempts before a mail is marked FAILED and shown to staff. */
  MAIL_OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  /** Wait before the first retry; doubles with each failed attempt, at most one hour. */
  MAIL_OUTBOX_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  /** Where demo mode (no SMTP_URL) writes mails; relative to the repository root. */
  MAIL_OUTBOX_DIR: z.string().min(1).default('.data/outbox'),
  /** Deadline for one SMTP conversation (connect, greeting, send). */
  SMTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
};
