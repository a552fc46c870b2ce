import type { MailUserdbFields } from '@mailgate/contracts';
import type { AppConfig } from '../infrastructure/config/config.js';
import type { UserDecisionState } from './user-decision-state.js';

/** Dovecot's POP3 "hide instead of expunge" keyword, set per user when they keep a copy. */
export const POP3_DELETED_FLAG = '$POP3Deleted';

type UserdbConfig = Pick<AppConfig, 'MAIL_USERDB_HOME' | 'MAIL_USERDB_MAIL' | 'MAIL_USERDB_UID' | 'MAIL_USERDB_GID'>;

/**
 * The per-user fields Dovecot applies after a login or a userdb lookup. Paths come from the
 * operator's templates (%u full address, %n local part, %d domain); POP3 "keep a copy" becomes
 * `pop3_deleted_flag`, so DELE hides a message from POP3 instead of expunging it.
 */
export function userdbFields(
  config: UserdbConfig,
  user: UserDecisionState,
  options: { includePop3Flag: boolean },
): MailUserdbFields {
  const at = user.email.lastIndexOf('@');
  const expand = (template: string | undefined): string | undefined =>
    template?.replace(/%([und%])/g, (_match, key: string) =>
      key === 'u' ? user.email : key === 'n' ? user.email.slice(0, at) : key === 'd' ? user.email.slice(at + 1) : '%',
    );
  const fields: MailUserdbFields = {};
  const home = expand(config.MAIL_USERDB_HOME);
  const mail = expand(config.MAIL_USERDB_MAIL);
  const uid = expand(config.MAIL_USERDB_UID);
  const gid = expand(config.MAIL_USERDB_GID);
  if (home) fields.home = home;
  if (mail) fields.mail = mail;
  if (uid) fields.uid = uid;
  if (gid) fields.gid = gid;
  // Without a stored POP3 choice the schema's default applies: keep a copy.
  if (options.includePop3Flag && (user.protocols.POP3?.pop3KeepCopy ?? true))
    fields.pop3_deleted_flag = POP3_DELETED_FLAG;
  return fields;
}
