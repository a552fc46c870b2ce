import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePasswordPolicyPreview, type PolicySettings } from '../../../api/admin/password-policy-preview';
import { useErrorMessage } from '../../../i18n/error-message';
import { useDebouncedValue } from '../../Admin/components/use-debounced-value';

const KNOWN_PROBLEMS = ['TOO_SHORT', 'TOO_LONG', 'SCORE_TOO_LOW', 'BLOCKLISTED', 'CONTEXT_WORD'] as const;
type KnownProblem = (typeof KNOWN_PROBLEMS)[number];

/** "What would this policy say about this password?" — scored with the unsaved settings, as typed. */
export function PolicyPreview({ settings, usable }: { settings: PolicySettings; usable: boolean }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const inputId = useId();
  const headingId = useId();
  const hintId = useId();
  const [sample, setSample] = useState('');
  const debounced = useDebouncedValue({ sample, settings });
  const preview = usePasswordPolicyPreview(usable ? debounced.sample : '', debounced.settings);

  return (
    <section className="card admin-stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.policy.previewTitle')}</h2>
      <div className="field">
        <label htmlFor={inputId}>{t('admin.policy.sample')}</label>
        <input
          id={inputId}
          type="text"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={hintId}
          value={sample}
          onChange={(event) => setSample(event.target.value)}
        />
        <p id={hintId} className="admin-hint">
          {t('admin.policy.sampleHint')}
        </p>
      </div>
      {/* Polite: the verdict is read when typing pauses, without interrupting. */}
      <div role="status" className="admin-preview">
        {!sample ? null : !usable ? (
          <p>{t('admin.policy.previewNeedsValidSettings')}</p>
        ) : preview.isError ? (
          <p className="form-alert">{errorMessage(preview.error)}</p>
        ) : preview.data ? (
          <>
            <p className={preview.data.ok ? 'admin-verdict admin-verdict--ok' : 'admin-verdict admin-verdict--bad'}>
              {preview.data.ok ? t('admin.policy.accepted') : t('admin.policy.refused')}{' '}
              {t('admin.policy.score', { score: preview.data.score })}
            </p>
            <meter
              min={0}
              max={4}
              low={2}
              high={3}
              optimum={4}
              value={preview.data.score}
              aria-label={t('admin.policy.scoreLabel')}
            />
            {preview.data.problems.length > 0 && (
              <ul>
                {preview.data.problems.map((problem) => (
                  <li key={problem.code}>
                    {(KNOWN_PROBLEMS as readonly string[]).includes(problem.code)
                      ? t(`admin.policy.previewProblems.${problem.code as KnownProblem}`, {
                          minLength: settings.minLength,
                          maxLength: settings.maxLength,
                          minScore: settings.minScore,
                        })
                      : problem.code}
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : (
          <p className="muted">{t('admin.common.loading')}</p>
        )}
      </div>
    </section>
  );
}
