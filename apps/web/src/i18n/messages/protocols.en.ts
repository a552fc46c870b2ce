// Help texts for the "Mail programs" page, written for people who have never heard of IMAP.
export const protocolsEn = {
  title: 'Mail programs',
  intro:
    'Mail programs such as Thunderbird, Outlook or the mail app on your phone connect with POP3, IMAP and SMTP. Each one is off until you turn it on here.',
  // The sentence under the intro, from the real state of the three switches.
  summary: {
    none: 'Right now all three are off: no mail program can log in.',
    all: 'Right now all three are on.',
    some: 'Right now on: {{list}}. The others are off.',
  },
  turnOn: {
    title: 'Turn on {{protocol}}',
    confirm: 'Turn on {{protocol}}',
    pending: 'Turning on…',
  },
  whyOff: {
    title: 'Why is everything off by default?',
    body: 'A mail program logs in with a password every few minutes, without any second step. Attackers use the same way in: they try password after password against mail servers, and some older programs still send the password without encryption, where it can be read along the way. A protocol that is off cannot be misused like that.',
    advice:
      'So turn on only what you really use, and if you only need it for a while (say, to move your mail to a new computer), let it switch itself off after a few days.',
  },
  totpNotice: {
    title: 'Your account password does not work in mail programs',
    totp: 'Two-step sign-in is on for your account. Mail programs cannot ask for a code, so they would get in with the password alone; that is why your account password is refused there. Create an app password for each mail program instead: it only works for the protocols you pick, and you can revoke it on its own.',
    admin:
      'Your provider requires app passwords for mail programs. Create an app password for each mail program: it only works for the protocols you pick, and you can revoke it on its own.',
    create: 'Create an app password',
  },
  state: {
    on: 'On',
    off: 'Off',
    onUntilOff: 'On until you turn it off',
    endsOn: 'Ends on {{date}}',
    expired: 'The time limit ended on {{date}}; the protocol now counts as off.',
  },
  switchLabel: '{{protocol}} access',
  learnMore: 'Learn more about {{protocol}}',
  duration: {
    legend: 'How long should it stay on?',
    unlimited: 'Until I turn it off',
    '1d': 'For 1 day',
    '7d': 'For 7 days',
    '30d': 'For 30 days',
    restartHint: 'A time limit counts from the moment you save.',
  },
  keepCopy: {
    label: 'Keep a copy of every message on the server',
    hint: 'Recommended. Your mail program still downloads everything, but the messages stay available to your other devices and to webmail.',
  },
  changeOptions: 'Change duration or options',
  saveOptions: 'Save',
  savingOptions: 'Saving…',
  turnedOn: '{{protocol}} is now on.',
  turnedOff: '{{protocol}} is now off.',
  optionsSaved: 'The {{protocol}} settings were saved.',
  serverSettings: {
    title: 'Settings for your mail program',
    host: 'Server',
    port: 'Port',
    encryption: 'Encryption',
    username: 'User name',
    password: 'Password',
    accountPassword: 'Your account password (the one you sign in here with), or better an app password',
    appPassword: 'An app password',
    copy: 'Copy',
    copyHost: 'Copy the {{protocol}} server name',
    copyUsername: 'Copy the {{protocol}} user name',
  },
  IMAP: {
    name: 'IMAP',
    tagline: 'Read mail on all your devices',
    short: 'Your mail stays on the server, and every device shows the same folders, read marks and deletions.',
    long: [
      'With IMAP your messages live on our server; your mail program shows what is there and keeps it in step. Read a message on your phone and it shows as read on your laptop too.',
      'This works both ways: deleting a message in your mail program deletes it on the server, and with it on every other device and in webmail.',
      'Choose IMAP if you use more than one device, or if you want your mail to stay safe when a device breaks.',
    ],
  },
  POP3: {
    name: 'POP3',
    tagline: 'Download mail to one device',
    short:
      'New mail is downloaded to the device that fetches it. Unless a copy is kept on the server, your other devices no longer see it.',
    long: [
      'POP3 collects new messages and stores them on the one device that fetched them. Folders, read marks and deletions are not shared with anything else.',
      'Without "keep a copy on the server", fetched messages disappear from the server, so your phone, other computers and webmail will not see them any more. If that device is lost, so is the mail.',
      'POP3 suits one computer that should keep its own archive. For several devices, IMAP is the better choice.',
      'Without a copy on the server, POP3 also frees your mailbox: fetched messages no longer count against your storage, which helps when the mailbox is nearly full.',
    ],
  },
  SMTP: {
    name: 'SMTP',
    tagline: 'Send mail from a mail program',
    short: 'Lets your mail program send messages through our server. Receiving needs IMAP or POP3.',
    long: [
      'SMTP is only for sending. Your mail program hands each outgoing message to our server, which delivers it.',
      'Turn it on together with IMAP or POP3 if you want to write mail from Thunderbird, Outlook or your phone. Webmail does not need it.',
      'A stolen password with SMTP on can be used to send spam in your name, which is one more reason to keep it off when you do not need it.',
    ],
  },
};
