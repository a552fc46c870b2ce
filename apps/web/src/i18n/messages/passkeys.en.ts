// Passkeys: the security page's section, passkey sign-in and step-up, the mail-programs explainer,
// and the messages for the passkey error codes (spread into `errors` by en.ts).
export const passkeysEn = {
  title: 'Passkeys',
  intro:
    'A passkey signs you in with your fingerprint, face, device PIN or a security key instead of your password and a code. It only works on this site, so a fake page cannot capture it.',
  mailProgramsHint: 'Passkeys are for this website only. Mail programs keep using app passwords.',
  none: 'You have no passkeys yet.',
  listLabel: 'Your passkeys',
  detail: 'Added {{created}} · last used {{lastUsed}}',
  neverUsed: 'never',
  nameLabel: 'Name of the new passkey',
  nameHint: 'So you can tell your passkeys apart, e.g. “Work laptop”.',
  defaultName: 'Passkey',
  add: 'Add a passkey',
  adding: 'Waiting for your device…',
  added: 'The passkey was added.',
  rename: 'Rename',
  renameTitle: 'Rename passkey',
  save: 'Save',
  remove: 'Remove',
  removeTitle: 'Remove “{{name}}”?',
  removeBody: 'You can no longer sign in with this passkey. Remove it from your device or password manager too.',
  removeLastWarning:
    'This is your last passkey and two-step sign-in with an app is off: afterwards your password alone signs you in again. Add another passkey or turn on two-step sign-in first if you want to keep strong protection.',
  removed: 'The passkey was removed.',
  waiting: 'Waiting for your passkey…',
  signInIntro: 'Or sign in without your password:',
  signInAlone: 'Use a passkey',
  signInSecondStep: 'Confirm with a passkey',
  stepUpIntro: 'Confirm with one of your passkeys.',
  stepUpButton: 'Use a passkey',
  admin: {
    title: 'Passkeys',
    count_one: '{{count}} passkey (web sign-in only; never mail programs).',
    count_other: '{{count}} passkeys (web sign-in only; never mail programs).',
    removeLabel: 'Remove passkey {{name}}',
    removeDescription:
      'The user can no longer sign in with it and is told, with your reason. Do this when a device is lost, after verifying the person.',
    settingLabel: 'Staff must confirm with a passkey',
    settingHint:
      'Staff sessions open the panel only after a sign-in or confirmation with a passkey; a code from an app is no longer enough. Register your own passkey first.',
  },
  staffGate: {
    title: 'Confirm with a passkey',
    body: 'An administrator requires staff to confirm with a passkey before the panel opens. A code from an app is not enough here.',
    noPasskey: 'No passkey yet?',
    securityLink: 'Add one on the security page',
  },
  mail: {
    title: 'Passkeys and mail programs',
    body: 'Mail programs (IMAP, POP3, SMTP) cannot use passkeys. Give each program an app password of its own.',
    unchanged:
      'Adding a passkey changes nothing for mail programs: those already set up keep working, and the switches above stay as they are.',
    appPasswordsLink: 'Manage app passwords',
  },
};

export const passkeyErrorsEn = {
  PASSKEY_CHALLENGE_INVALID: 'That passkey request has expired. Please try again.',
  PASSKEY_REGISTRATION_FAILED:
    'The passkey could not be added. Your device has to confirm it is you (fingerprint, face or PIN); please try again.',
  PASSKEY_NOT_ACCEPTED: 'That passkey was not accepted. Use a passkey you added to this account.',
  PASSKEY_ALREADY_REGISTERED: 'This device already has a passkey for your account.',
  PASSKEY_LIMIT_REACHED: 'You have the maximum number of passkeys. Remove one first.',
  STEP_UP_PASSKEY_REQUIRED: 'Please confirm with one of your passkeys.',
  STAFF_PASSKEY_REQUIRED: 'Staff must confirm with a passkey to use the panel.',
  PASSKEY_CANCELLED: 'The passkey prompt was closed. Try again when you are ready.',
  PASSKEY_UNAVAILABLE: 'Passkeys cannot be used in this browser or on this device.',
};
