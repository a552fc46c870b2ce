export const securityEn = {
  title: 'Security',
  intro: 'Your password, two-step sign-in and the places where you are signed in.',
};

export const passwordEn = {
  title: 'Change password',
  intro:
    'A long passphrase of several unrelated words is both strong and easy to remember. Special characters are welcome but not required.',
  current: 'Current password',
  new: 'New password',
  newHint: 'At least {{min}} characters, at most {{max}}.',
  show: 'Show passwords',
  signOutOthers: 'Sign out my other sessions',
  signOutOthersHint: 'Anyone who might know your old password is signed out everywhere else.',
  revokeAppPasswords: 'Also revoke my app passwords',
  revokeAppPasswordsHint: 'Mail programs then need new app passwords.',
  submit: 'Change password',
  submitting: 'Changing…',
  changed: 'Your password was changed.',
  changedDetail: 'Other sessions signed out: {{sessions}}. App passwords revoked: {{appPasswords}}.',
  meter: {
    label: 'Password strength',
    levels: {
      '0': 'Very weak',
      '1': 'Weak',
      '2': 'Fair',
      '3': 'Strong',
      '4': 'Very strong',
    },
    checking: 'Checking strength…',
    meetsPolicy: 'This password meets all the rules.',
    problemsTitle: 'Not accepted yet:',
  },
  problems: {
    PASSWORD_TOO_SHORT: 'Use at least {{min}} characters (now {{length}}).',
    PASSWORD_TOO_LONG: 'Use at most {{max}} characters (now {{length}}).',
    PASSWORD_BLOCKLISTED: 'This password is on a list of commonly used or leaked passwords.',
    PASSWORD_CONTAINS_CONTEXT: 'Do not build it from your email address, your name or the name of this service.',
    PASSWORD_TOO_WEAK: 'It is too easy to guess. Add more unrelated words.',
  },
};

export const totpEn = {
  title: 'Two-step sign-in',
  intro:
    'With two-step sign-in you enter a code from an authenticator app on your phone after your password. A stolen password alone is then not enough to get into your account.',
  statusOn: 'On since {{date}}.',
  statusOff: 'Off.',
  recoveryLeft_one: '{{count}} recovery code left.',
  recoveryLeft_other: '{{count}} recovery codes left.',
  mailProgramsHint: 'While it is on, mail programs need app passwords: your account password no longer works there.',
  enable: 'Set up two-step sign-in',
  starting: 'Starting…',
  disable: 'Turn off two-step sign-in',
  regenerate: 'Create new recovery codes',
  regenerating: 'Creating…',
  enabled: 'Two-step sign-in is now on.',
  disabled: 'Two-step sign-in is now off.',
  confirmDisable: {
    title: 'Turn off two-step sign-in?',
    body: 'Your account will then be protected by your password alone. Your recovery codes stop working.',
    confirm: 'Turn off',
    pending: 'Turning off…',
  },
  confirmRegenerate: {
    title: 'Create new recovery codes?',
    body: 'Your current recovery codes stop working immediately.',
    confirm: 'Create new codes',
  },
  enroll: {
    title: 'Set up two-step sign-in',
    step1:
      '1. Scan this QR code with an authenticator app (for example Aegis, FreeOTP, Google Authenticator or 1Password).',
    qrAlt: 'QR code to add Mailgate to your authenticator app',
    qrFailed: 'The QR code could not be drawn. Use the key below instead.',
    step2: '2. Or type this key into the app:',
    manualKey: 'Setup key',
    copyKey: 'Copy setup key',
    step3: '3. Enter the 6-digit code the app now shows:',
    code: 'Code from the app',
    confirm: 'Turn on',
    confirming: 'Turning on…',
  },
  recovery: {
    title: 'Save your recovery codes',
    intro:
      'If you lose your phone, each of these codes lets you sign in once instead of an app code. Keep them somewhere safe, such as a password manager or on paper. They will not be shown again.',
    listLabel: 'Recovery codes',
    copy: 'Copy codes',
    download: 'Download as a text file',
    fileName: 'mailgate-recovery-codes.txt',
    fileHeader: 'Mailgate recovery codes for {{email}} (each works once):',
    saved: 'I have saved them',
  },
};

export const sessionsEn = {
  title: 'Where you are signed in',
  intro: 'Sessions in web browsers. Sign out any you do not recognise, and change your password.',
  thisDevice: 'This device',
  unknownDevice: 'Unknown browser',
  detail: 'Signed in {{created}} · last active {{lastSeen}}',
  ip: 'IP address {{ip}}',
  signOut: 'Sign out',
  signOutOthers: 'Sign out everywhere else',
  signingOut: 'Signing out…',
  signedOutOne: 'That session was signed out.',
  signedOutOthers_one: '{{count}} other session was signed out.',
  signedOutOthers_other: '{{count}} other sessions were signed out.',
  onlyThis: 'You are not signed in anywhere else.',
  listLabel: 'Active sessions',
};
