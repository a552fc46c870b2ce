import { defineErrorCodes } from '../common/error-codes.js';

export const MailSetupErrors = defineErrorCodes({
  // Thrown when autoconfiguration is asked about an address whose domain this provider does not serve.
  MAIL_DOMAIN_NOT_SERVED: {
    status: 404,
    message: 'This provider does not serve that mail domain.',
  },
  // Thrown when an Autodiscover request is not the XML document Outlook sends (no EMailAddress).
  AUTODISCOVER_REQUEST_INVALID: {
    status: 400,
    message: 'The Autodiscover request could not be read.',
  },
  // Thrown when a phone hand-off link is unknown, used, expired, or meant for another account.
  HANDOFF_INVALID: {
    status: 404,
    message: 'This setup link is no longer valid. Create a new one on your computer.',
  },
});
