import { defineErrorCodes } from '../common/error-codes.js';

export const ProtocolAccessErrors = defineErrorCodes({
  // Thrown when `pop3KeepCopy` is sent for IMAP or SMTP, where it has no meaning.
  POP3_KEEP_COPY_ONLY_FOR_POP3: {
    status: 400,
    message: 'The "keep a copy on the server" option only applies to POP3.',
  },
  // Thrown when `duration: keep` is sent for a protocol that is not on right now (off, or its time
  // limit ended meanwhile): there is no limit to keep, and guessing one would change what the user
  // did not choose.
  NO_LIMIT_TO_KEEP: {
    status: 409,
    message: 'This protocol is not on right now, so there is no time limit to keep. Choose how long it stays on.',
  },
});
