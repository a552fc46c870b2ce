import type { PasswordEvaluation, PasswordPolicySettings } from '@mailgate/password-policy';
import { useTranslation } from '../../i18n/use-translation';
import { passwordProblemText } from './password-problem-text';
import type { EvaluationState } from './use-password-evaluation';

interface StrengthMeterProps {
  state: EvaluationState;
  policy: Pick<PasswordPolicySettings, 'minLength' | 'maxLength'> | undefined;
}

const MAX_SCORE = 4;
/** The highest level a password that is not accepted yet may show: "Weak". */
const NOT_ACCEPTED_MAX_SCORE = 1;

/**
 * The level the meter shows. zxcvbn's score alone can call a password "Strong" that the policy still
 * refuses (too short, built on the e-mail address); the meter and the verdict must never disagree.
 */
export function displayedScore(evaluation: Pick<PasswordEvaluation, 'ok' | 'score'>): number {
  return evaluation.ok ? evaluation.score : Math.min(evaluation.score, NOT_ACCEPTED_MAX_SCORE);
}

/**
 * The live verdict under the new-password field. A polite live region: screen readers hear the
 * reasons after the user pauses typing, without being interrupted on every key.
 */
export function StrengthMeter({ state, policy }: StrengthMeterProps) {
  const { t } = useTranslation();
  if (state.status === 'idle' || state.status === 'unavailable') {
    return <div className="strength" aria-live="polite" />;
  }
  if (state.status === 'loading') {
    return (
      <div className="strength" aria-live="polite">
        <p className="muted">{t('password.meter.checking')}</p>
      </div>
    );
  }
  const { evaluation } = state;
  const score = displayedScore(evaluation);
  const level = t(`password.meter.levels.${score as 0 | 1 | 2 | 3 | 4}`);
  return (
    <div className="strength" aria-live="polite">
      <div className="strength__row">
        <meter
          className="strength__bar"
          min={0}
          max={MAX_SCORE}
          low={2}
          high={3}
          optimum={MAX_SCORE}
          value={score}
          aria-label={t('password.meter.label')}
          aria-valuetext={level}
          data-score={score}
        />
        <span className="strength__level">
          {t('password.meter.label')}: {level}
        </span>
      </div>
      {evaluation.ok ? (
        <p className="strength__ok">{t('password.meter.meetsPolicy')}</p>
      ) : (
        <>
          <p className="strength__problems-title">{t('password.meter.problemsTitle')}</p>
          <ul className="strength__problems">
            {evaluation.problems.map((problem) => (
              <li key={problem}>{passwordProblemText(t, problem, policy, evaluation.length)}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
