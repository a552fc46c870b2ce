import {
  evaluatePassword,
  loadedPasswordDictionaries,
  loadPasswordDictionaries,
  type PasswordContext,
  type PasswordEvaluation,
  type PasswordPolicySettings,
} from '@mailgate/password-policy';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';

export type EvaluationState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'unavailable' }
  | { status: 'ready'; evaluation: PasswordEvaluation };

/**
 * Runs the same evaluator the server enforces, on every keystroke. Its word lists (~2 MB) load
 * at the first keystroke, not with the app or the page. If they cannot load, the form still works: the
 * server checks the password anyway and answers with the same problem codes.
 */
export function usePasswordEvaluation(
  password: string,
  /** The policy in force, or (in the admin's editor) the unsaved settings being tried out. */
  policy: PasswordPolicySettings | undefined,
  context: PasswordContext,
): EvaluationState {
  const [dictionaries, setDictionaries] = useState<'loading' | 'ready' | 'failed'>(() =>
    loadedPasswordDictionaries() ? 'ready' : 'loading',
  );
  // The word lists (~1.6 MB gzip) are fetched once the user starts typing a new password, not when
  // a page with a password form opens: most visits to the Security page never change it.
  const typing = password !== '';
  useEffect(() => {
    if (dictionaries !== 'loading' || !typing) return;
    let cancelled = false;
    loadPasswordDictionaries().then(
      () => !cancelled && setDictionaries('ready'),
      () => !cancelled && setDictionaries('failed'),
    );
    return () => {
      cancelled = true;
    };
  }, [dictionaries, typing]);

  // zxcvbn takes a few milliseconds on long inputs; typing stays responsive while it catches up.
  const deferredPassword = useDeferredValue(password);
  const { email, displayName } = context;
  return useMemo((): EvaluationState => {
    if (deferredPassword === '') return { status: 'idle' };
    if (dictionaries === 'failed') return { status: 'unavailable' };
    if (dictionaries === 'loading' || !policy) return { status: 'loading' };
    return { status: 'ready', evaluation: evaluatePassword(deferredPassword, policy, { email, displayName }) };
  }, [deferredPassword, dictionaries, policy, email, displayName]);
}
