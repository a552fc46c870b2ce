import type { MailServerEndpoint } from './mail-server-endpoints.js';
import { element, renderXmlDocument, type XmlElement } from './xml-writer.js';

export interface AutoconfigProvider {
  readonly domains: readonly string[];
  readonly displayName: string;
  readonly endpoints: readonly MailServerEndpoint[];
}

/**
 * Thunderbird's autoconfiguration file (format version 1.1). The user name is Thunderbird's own
 * placeholder for the address the user typed, so the file is the same for every address: it
 * cannot tell anyone whether a mailbox exists.
 */
export function renderThunderbirdConfig(provider: AutoconfigProvider): string {
  const [primaryDomain = ''] = provider.domains;
  const incoming = provider.endpoints.filter((endpoint) => endpoint.protocol !== 'SMTP');
  const outgoing = provider.endpoints.filter((endpoint) => endpoint.protocol === 'SMTP');
  return renderXmlDocument(
    element(
      'clientConfig',
      { version: '1.1' },
      element(
        'emailProvider',
        { id: primaryDomain },
        ...provider.domains.map((domain) => element('domain', null, domain)),
        element('displayName', null, provider.displayName),
        element('displayShortName', null, provider.displayName),
        ...incoming.map((endpoint) => server('incomingServer', endpoint)),
        ...outgoing.map((endpoint) => server('outgoingServer', endpoint)),
      ),
    ),
  );
}

function server(kind: 'incomingServer' | 'outgoingServer', endpoint: MailServerEndpoint): XmlElement {
  return element(
    kind,
    { type: endpoint.protocol.toLowerCase() },
    element('hostname', null, endpoint.host),
    element('port', null, endpoint.port),
    // "SSL" is Thunderbird's name for TLS from the first byte; plain is never offered.
    element('socketType', null, endpoint.security === 'SSL/TLS' ? 'SSL' : 'STARTTLS'),
    element('authentication', null, 'password-cleartext'),
    element('username', null, '%EMAILADDRESS%'),
  );
}
