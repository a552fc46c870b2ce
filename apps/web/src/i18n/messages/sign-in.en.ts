export const signInEn = {
  title: 'Sign in',
  intro: 'Use your email address and mailbox password to manage your account.',
  email: 'Email address',
  password: 'Password',
  submit: 'Sign in',
  submitting: 'Signing in…',
  sessionEnded: 'Your session has ended. Please sign in again.',
  signedOut: 'You have been signed out.',
  secondStepTitle: 'Two-step sign-in',
  secondStepIntro: 'Open your authenticator app and enter the 6-digit code it shows for Mailgate.',
  code: 'Authentication code',
  codeHint: '6 digits; spaces are fine.',
  recoveryIntro: 'Enter one of the recovery codes you saved when you set up two-step sign-in. Each code works once.',
  recoveryCode: 'Recovery code',
  verify: 'Continue',
  verifying: 'Checking…',
  useRecoveryCode: 'Use a recovery code instead',
  useAuthenticator: 'Use a code from the app instead',
  startOver: 'Start over',
  recoveryCodesLeft_one:
    'Signed in with a recovery code. You have {{count}} recovery code left: create new ones under Security.',
  recoveryCodesLeft_other:
    'Signed in with a recovery code. You have {{count}} recovery codes left: create new ones under Security if you are running low.',
};

export const stepUpEn = {
  title: 'Confirm it is you',
  passwordIntro: 'This change affects how your account can be accessed. Please enter your password again.',
  totpIntro:
    'This change affects how your account can be accessed. Please enter the current code from your authenticator app.',
  password: 'Your password',
  code: 'Authentication code',
  submit: 'Confirm',
  submitting: 'Confirming…',
};
