import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { MailServerEndpoint } from './mail-server-endpoints.js';
import { element, renderXmlDocument, type XmlElement } from './xml-writer.js';

export const AUTODISCOVER_RESPONSE_NS = 'http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006';
export const OUTLOOK_RESPONSE_SCHEMA =
  'http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a';

export interface AutodiscoverRequest {
  readonly emailAddress: string;
  readonly acceptableResponseSchema: string | null;
}

// Entities stay unexpanded (no billion laughs, no external entities): the request is two strings.
const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  processEntities: false,
  parseTagValue: false,
  trimValues: true,
});

/** Reads Outlook's POX request; null when the body is not that document. */
export function parseAutodiscoverRequest(body: string): AutodiscoverRequest | null {
  if (body.trim() === '' || XMLValidator.validate(body) !== true || /<!DOCTYPE/i.test(body)) return null;
  const document = parser.parse(body) as { Autodiscover?: { Request?: Record<string, unknown> } };
  const request = document.Autodiscover?.Request;
  const emailAddress = request?.EMailAddress;
  if (typeof emailAddress !== 'string' || emailAddress === '') return null;
  const schema = request?.AcceptableResponseSchema;
  return { emailAddress, acceptableResponseSchema: typeof schema === 'string' ? schema : null };
}

/**
 * The POX answer with one Protocol block per server. The login name is the address Outlook sent:
 * nothing is looked up, so every address of a served domain gets the same settings.
 */
export function renderAutodiscoverResponse(emailAddress: string, endpoints: readonly MailServerEndpoint[]): string {
  return renderXmlDocument(
    element(
      'Autodiscover',
      { xmlns: AUTODISCOVER_RESPONSE_NS },
      element(
        'Response',
        { xmlns: OUTLOOK_RESPONSE_SCHEMA },
        element(
          'Account',
          null,
          element('AccountType', null, 'email'),
          element('Action', null, 'settings'),
          ...endpoints.map((endpoint) => protocolBlock(endpoint, emailAddress)),
        ),
      ),
    ),
  );
}

function protocolBlock(endpoint: MailServerEndpoint, emailAddress: string): XmlElement {
  return element(
    'Protocol',
    null,
    element('Type', null, endpoint.protocol),
    element('Server', null, endpoint.host),
    element('Port', null, endpoint.port),
    element('LoginName', null, emailAddress),
    element('DomainRequired', null, 'off'),
    element('SPA', null, 'off'),
    element('SSL', null, 'on'),
    // Outlook's names: "SSL" = TLS from the first byte, "TLS" = STARTTLS.
    element('Encryption', null, endpoint.security === 'SSL/TLS' ? 'SSL' : 'TLS'),
    element('AuthRequired', null, 'on'),
    endpoint.protocol === 'SMTP' && element('UsePOPAuth', null, 'on'),
  );
}
