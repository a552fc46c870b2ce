/**
 * The token of a reset link (`/reset-password#token=…`). It travels in the fragment, which browsers
 * never send to servers or put into Referer headers, so it stays out of access logs.
 */
export function readResetToken(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token')?.trim();
  return token ? token : null;
}
