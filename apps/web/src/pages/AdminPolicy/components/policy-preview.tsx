import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { previewPassword, type PolicySettings } from '../policy-preview-evaluator';

/**
 * "What would this policy say about this password?" — checked in the browser against the unsaved
 * settings as typed; the sample never leaves the page.
 */
export function PolicyPreview({ settings, usable }: { settings: PolicySettings; usable: boolean }) {
  const { t } = useTranslation();
  const inputId = useId();
  const headingId = useId();
  const hintId = useId();
  const [sample, setSample] = useState('');
  const preview = sample && usable ? previewPassword(sample, settings) : null;
  const values = { minLength: settings.minLength, maxLength: settings.maxLength, minScore: settings.minScore };

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
        {!sample ? null : !preview ? (
          <p>{t('admin.policy.previewNeedsValidSettings')}</p>
        ) : (
          <>
            <p
              className={
                preview.problems.length === 0 ? 'admin-verdict admin-verdict--ok' : 'admin-verdict admin-verdict--bad'
              }
            >
              {preview.problems.length === 0 ? t('admin.policy.passesRules') : t('admin.policy.refused')}{' '}
              {t('admin.policy.length', { count: preview.length })}
            </p>
            {preview.problems.length > 0 && (
              <ul>
                {preview.problems.map((problem) => (
                  <li key={problem}>{t(`admin.policy.previewProblems.${problem}`, values)}</li>
                ))}
              </ul>
            )}
            {preview.score === null ? (
              <p className="admin-hint">{t('admin.policy.scoreOnSave', values)}</p>
            ) : (
              <>
                <p>{t('admin.policy.score', { score: preview.score })}</p>
                <meter
                  min={0}
                  max={4}
                  low={2}
                  high={3}
                  optimum={4}
                  value={preview.score}
                  aria-label={t('admin.policy.scoreLabel')}
                />
              </>
            )}
          </>
        )}
      </div>
    </section>
  );
}
