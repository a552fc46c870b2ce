import { adminEn } from '../pages/Admin/i18n/admin.en';

// English is the reference catalogue: `de.ts` is typed against it, so a missing or extra key in the
// German catalogue is a compile error.
export const en = {
  app: {
    name: 'Mailgate',
    skipToContent: 'Skip to main content',
  },
  nav: {
    label: 'Main',
    mailPrograms: 'Mail programs',
    security: 'Security',
    activity: 'Activity',
    admin: 'Admin',
  },
  language: {
    label: 'Language',
  },
  footer: {
    copyright: 'Mailgate account portal',
    serviceStatus: 'Service status',
    statusOk: 'All systems normal',
    statusChecking: 'Checking…',
    statusDown: 'Unreachable',
  },
  signIn: {
    title: 'Sign in',
    intro: 'Use your email address and mailbox password to manage your account.',
    email: 'Email address',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    notAvailable: 'Signing in is not available yet. Please try again later.',
  },
  home: {
    title: 'Mail programs',
    intro:
      'Choose which protocols your mail programs may use, and create separate passwords for apps that cannot use two-step sign-in.',
    protocolsHeading: 'Protocol access',
    protocolsPlaceholder: 'The IMAP, POP3 and SMTP settings for your account will appear here.',
    appPasswordsHeading: 'App passwords',
    appPasswordsPlaceholder: 'Passwords for individual mail programs will be listed here.',
  },
  security: {
    title: 'Security',
    placeholder: 'Password and two-step sign-in settings will appear here.',
  },
  activity: {
    title: 'Activity',
    placeholder: 'Recent sign-ins to your account and mail programs will be listed here.',
  },
  admin: adminEn,
  notFound: {
    title: 'Page not found',
    body: 'The address may be mistyped, or the page has moved.',
    home: 'Go to the start page',
  },
  routeError: {
    title: 'Something went wrong',
    body: 'This page could not be shown. Reload the page or try again in a moment.',
    home: 'Go to the start page',
  },
  errors: {
    VALIDATION_FAILED: 'Some of the entries are missing or not valid. Please check them and try again.',
    MALFORMED_JSON: 'The request could not be read. Please reload the page and try again.',
    INVALID_ENCODING: 'The request contained characters that could not be read. Please check your entries.',
    PAYLOAD_TOO_LARGE: 'That is more data than we can accept in one go.',
    UNSUPPORTED_MEDIA_TYPE: 'The request could not be read. Please reload the page and try again.',
    NOT_FOUND: 'We could not find what you were looking for.',
    UNAUTHENTICATED: 'Please sign in to continue.',
    FORBIDDEN: 'You do not have permission to do this.',
    CSRF_CHECK_FAILED: 'For your protection, the request was refused. Please reload the page and try again.',
    RATE_LIMITED: 'Too many attempts. Please wait a moment before trying again.',
    INTERNAL_ERROR: 'Something went wrong on our side. Please try again later.',
    SERVICE_UNAVAILABLE: 'The service is briefly unavailable. Please try again in a few minutes.',
    NETWORK_ERROR: 'The service cannot be reached. Check your connection and try again.',
    UNEXPECTED_RESPONSE: 'The service sent an unexpected answer. Please try again later.',
    UNKNOWN: 'Something went wrong. Please try again.',
    // Sessions (contracts: auth/session-errors.ts).
    SESSION_EXPIRED: 'Your session has ended. Please sign in again.',
    STEP_UP_REQUIRED: 'Please confirm it is you before doing this: sign in again, then repeat the action.',
    STAFF_TOTP_REQUIRED: 'Staff accounts must set up two-step sign-in first.',
    ACCOUNT_DISABLED: 'This account is disabled. Please contact support.',
    // Staff panel (contracts: admin/admin.errors.ts).
    USER_NOT_FOUND: 'This account does not exist.',
    ITEM_NOT_FOUND: 'This item no longer exists or belongs to another account. The page has been refreshed.',
    LAST_ADMIN: 'This is the last administrator account, so it cannot be demoted or disabled.',
    SELF_ACTION_REFUSED: 'You cannot do this to your own account from the staff panel.',
    NO_CHANGE: 'The account is already in this state.',
    SEARCH_TERM_TOO_SHORT: 'Type at least 3 characters to search inside e-mails and names.',
    INVALID_CURSOR: 'This page of results is no longer valid. Please search again.',
    SERVICE_TOKEN_NAME_TAKEN: 'A token with this name already exists. Choose another name.',
    SERVICE_TOKEN_NOT_FOUND: 'This token does not exist or has already been revoked.',
    RESET_LINK_INVALID: 'This password-reset link is invalid or has expired. Ask support for a new one.',
    RESET_PASSWORD_REJECTED: 'The new password does not meet the password policy.',
  },
};

export type Messages = typeof en;
