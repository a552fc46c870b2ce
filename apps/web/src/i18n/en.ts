import type { AdminMessages } from './messages/staff.en';
import { passkeyErrorsEn, passkeysEn } from './messages/passkeys.en';
import { staffErrorsEn } from './messages/staff-errors.en';
import { activityEn, noticesEn } from './messages/activity.en';
import { appPasswordsEn } from './messages/app-passwords.en';
import { commonEn } from './messages/common.en';
import { resetPageEn } from './messages/password-reset.en';
import { portalErrorsEn } from './messages/portal-errors.en';
import { protocolsEn } from './messages/protocols.en';
import { guidesEn } from './messages/setup-guides.en';
import { passwordEn, securityEn, sessionsEn, totpEn } from './messages/security.en';
import { recoveryEn } from './messages/recovery.en';
import { resetLinksEn } from './messages/reset-links.en';
import { mailSetupEn } from './messages/mail-setup.en';
import { signInEn, stepUpEn } from './messages/sign-in.en';
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
    appPasswords: 'App passwords',
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
  // The portal's pages keep their texts in ./messages (one file per area, both languages).
  common: commonEn,
  signIn: signInEn,
  stepUp: stepUpEn,
  protocols: protocolsEn,
  guides: guidesEn,
  appPasswords: appPasswordsEn,
  security: securityEn,
  password: passwordEn,
  totp: totpEn,
  passkeys: passkeysEn,
  sessions: sessionsEn,
  resetLinks: resetLinksEn,
  mailSetup: mailSetupEn,
  recovery: recoveryEn,
  activity: activityEn,
  notices: noticesEn,
  resetPage: resetPageEn,
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
    ...portalErrorsEn,
    ...passkeyErrorsEn,
    ...staffErrorsEn,
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
  },
};

/** What the main bundle carries: everything but the staff panel's texts. */
export type PortalMessages = typeof en;

/**
 * Every key `t()` knows. The staff panel's texts (`admin.*`) are added to the catalogue when the
 * panel's code loads (see use-admin-messages.ts), so the portal never downloads them.
 */
export type Messages = PortalMessages & { admin: AdminMessages };
