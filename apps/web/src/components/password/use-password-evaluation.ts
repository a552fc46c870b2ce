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
 * when the form first appears, not with the app. If they cannot load, the form still works: the
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
  useEffect(() => {
    if (dictionaries !== 'loading') return;
    let cancelled = false;
    loadPasswordDictionaries().then(
      () => !cancelled && setDictionaries('ready'),
      () => !cancelled && setDictionaries('failed'),
    );
    return () => {
      cancelled = true;
    };
  }, [dictionaries]);

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
