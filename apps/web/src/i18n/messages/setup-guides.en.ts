// Help on the "Mail programs" page: what the account password means for mail programs, and how
// to set up the common ones. Written for people who have never configured a mail account by hand.
export const guidesEn = {
  sharedPassword: {
    title: 'Your account password is also your mail password',
    body: 'Two-step sign-in is off, so a mail program logs in with the same password you use here, and with nothing else. Whoever guesses or steals it can read all your mail, delete it, and send mail in your name, without ever seeing this portal.',
    advice:
      'So make it long and unique to this account. Better still: give each mail program its own app password, or turn on two-step sign-in, after which only app passwords work in mail programs.',
    appPasswords: 'Create an app password',
    security: 'Turn on two-step sign-in',
  },
  risk: 'What is at stake: with your password, someone can read every message you ever received, search it for other passwords and bank letters, and write to your contacts as you.',
  title: 'Setting up your mail program',
  intro:
    'Turn on the protocols you need above first. Then use the server names, ports and user name from the settings box of each protocol.',
  steps: {
    thunderbird: {
      name: 'Thunderbird',
      steps: [
        'Open the menu, choose Account Settings, then Account Actions › Add Mail Account.',
        'Enter your name, your e-mail address and the password (or app password), then choose Configure manually.',
        'Incoming: IMAP (or POP3), the server and port shown above, SSL/TLS, normal password. Outgoing: SMTP, the server and port shown above, STARTTLS.',
        'Choose Re-test, then Done.',
      ],
    },
    outlook: {
      name: 'Outlook',
      steps: [
        'Choose File › Add Account (in the new Outlook: Settings › Accounts › Add account).',
        'Enter your e-mail address, open Advanced options and choose to set up the account manually, then IMAP or POP.',
        'Fill in the incoming and outgoing servers, ports and encryption from the settings above.',
        'Enter the password (or app password) when asked and finish.',
      ],
    },
    appleMail: {
      name: 'Apple Mail (Mac)',
      steps: [
        'Choose Mail › Add Account, then Other Mail Account.',
        'Enter your name, e-mail address and the password (or app password), then Sign In.',
        'If Mail cannot find the servers: enter the incoming and outgoing server names from the settings above.',
        'Choose which apps should use the account, then Done.',
      ],
    },
    phone: {
      name: 'Android and iPhone',
      steps: [
        'iPhone: Settings › Mail › Accounts › Add Account › Other › Add Mail Account. Android: open your mail app (for example Gmail) and add an account of type "Other" or "Personal (IMAP)".',
        'Enter your e-mail address and the password. An app password is the better choice on a phone: if the phone is lost, you revoke just that one.',
        'Choose IMAP, and enter the incoming and outgoing servers, ports and encryption from the settings above.',
        'Save; the app checks the settings and fetches your mail.',
      ],
    },
  },
};
