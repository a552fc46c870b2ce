// The "site" part of a private Dovecot (listeners, TLS, mail store, own directories), standing for
// an operator's existing dovecot.conf; everything about Mailgate comes from deploy/dovecot/. Shared
// by the e2e suite and the Dovecot benchmark (bench/lib/bench-dovecot.mjs imports this file
// directly: Node strips its types, so it imports nothing but Node's own modules).

/** Owner of the mail store. Dovecot needs no /etc/passwd entry for a numeric uid. */
export const MAIL_UID = 5000;

export interface DovecotSite {
  readonly instanceName: string;
  readonly baseDir: string;
  readonly stateDir: string;
  readonly logFile: string;
  /** Mail homes go to <mailDir>/<domain>/<user>. */
  readonly mailDir: string;
  readonly certFile: string;
  readonly keyFile: string;
  /** The loopback port of each login service (imap, pop3); their implicit-TLS ports stay closed. */
  readonly loginPorts: Readonly<Partial<Record<'imap' | 'pop3', number>>>;
  /** Further protocols served without a login listener (lmtp). */
  readonly moreProtocols?: readonly string[];
  /** Text before the header and the login services (comments, settings of this site only). */
  readonly header?: string;
  readonly settings?: string;
  /** Further service blocks, after the login services. */
  readonly services?: string;
}

export function dovecotSiteConfig(site: DovecotSite): string {
  const logins = Object.entries(site.loginPorts).filter((entry): entry is [string, number] => entry[1] !== undefined);
  const protocols = [...logins.map(([protocol]) => protocol), ...(site.moreProtocols ?? [])].join(' ');
  const services = logins
    .map(
      ([protocol, port]) => `service ${protocol}-login {
  inet_listener ${protocol} {
    port = ${port}
  }
  inet_listener ${protocol}s {
    port = 0
  }
}
`,
    )
    .join('');
  return `${site.header ?? ''}instance_name = ${site.instanceName}
base_dir = ${site.baseDir}
state_dir = ${site.stateDir}
log_path = ${site.logFile}
listen = 127.0.0.1
protocols = ${protocols}
ssl = yes
ssl_cert = <${site.certFile}
ssl_key = <${site.keyFile}
mail_uid = ${MAIL_UID}
mail_gid = ${MAIL_UID}
first_valid_uid = ${MAIL_UID}
last_valid_uid = ${MAIL_UID}
first_valid_gid = ${MAIL_UID}
last_valid_gid = ${MAIL_UID}
mail_home = ${site.mailDir}/%d/%n
mail_location = maildir:~/Maildir
${site.settings ?? ''}${services}${site.services ?? ''}!include conf.d/*.conf
`;
}
