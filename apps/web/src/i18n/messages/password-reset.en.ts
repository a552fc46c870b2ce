// The page behind a password-reset link from support: public, so part of the main catalogue.
export const resetPageEn = {
  title: 'Choose a new password',
  intro: 'This link works once and only for a short time. Choose a new password for your account.',
  noToken:
    'This page needs the complete link you were given. Copy the whole link into the address bar, or ask support for a new one.',
  newPassword: 'New password',
  hint: 'Long is strong: several unrelated words work well. Do not build it on your name or e-mail address.',
  repeat: 'Repeat the new password',
  mismatch: 'The two passwords are not the same.',
  submit: 'Set new password',
  submitting: 'Setting the password…',
  done: 'Your password was changed. You were signed out everywhere; mail programs need the new password (or an app password).',
  signIn: 'Sign in',
};
