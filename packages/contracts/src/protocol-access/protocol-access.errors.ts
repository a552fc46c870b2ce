import { defineErrorCodes } from '../common/error-codes.js';

export const ProtocolAccessErrors = defineErrorCodes({
  // Thrown when `pop3KeepCopy` is sent for IMAP or SMTP, where it has no meaning.
  POP3_KEEP_COPY_ONLY_FOR_POP3: {
    status: 400,
    message: 'The "keep a copy on the server" option only applies to POP3.',
  },
});
