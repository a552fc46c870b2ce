import type { PasswordPolicySettings } from '@mailgate/password-policy';
import { useTranslation } from '../../i18n/use-translation';
import { TextField } from '../form-field';
import { StrengthMeter } from './strength-meter';
import type { EvaluationState } from './use-password-evaluation';

interface NewPasswordFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type: 'password' | 'text';
  /** The rules the server will apply; until they are known the hint and the meter wait. */
  rules: Pick<PasswordPolicySettings, 'minLength' | 'maxLength'> | undefined;
  evaluation: EvaluationState;
  /** Advice shown after the length rule. */
  advice?: string;
}

/**
 * The field where a new password is chosen: the length rule in the hint and the live meter below,
 * judged by the same evaluator and rules the server enforces. Every form that sets a password
 * uses it, so the meter and the verdict never say different things on different pages.
 */
export function NewPasswordField({ label, value, onChange, type, rules, evaluation, advice }: NewPasswordFieldProps) {
  const { t } = useTranslation();
  const lengthRule = rules ? t('password.newHint', { min: rules.minLength, max: rules.maxLength }) : null;
  const hint = [lengthRule, advice].filter(Boolean).join(' ') || undefined;
  return (
    <TextField
      label={label}
      hint={hint}
      type={type}
      autoComplete="new-password"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      required
      below={<StrengthMeter state={evaluation} policy={rules} />}
    />
  );
}

/** The rules the meter already knows the password breaks (none while it is still checking). */
export function meterProblems(evaluation: EvaluationState): readonly string[] {
  return evaluation.status === 'ready' ? evaluation.evaluation.problems : [];
}
