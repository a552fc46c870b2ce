export const resetLinksEn = {
  title: 'Password-reset links from support',
  intro:
    'When you are locked out, support can create a one-time link that lets you set a new password. Cancel any link you did not ask for: it stops working at once.',
  none: 'There are no open links for your account.',
  listLabel: 'Open password-reset links',
  issuedBy: {
    support: 'Created by support',
    you: 'Created by you',
    system: 'Created automatically',
  },
  detail: 'Created {{created}} · valid until {{expires}}',
  reason: 'Reason given: {{reason}}',
  cancel: 'Cancel link',
  cancelFor: 'created {{created}}',
  cancelled: 'The link was cancelled and no longer works.',
};
