import type { PasswordPolicyView } from '@mailgate/contracts';
import { PASSWORD_POLICY_BOUNDS as POLICY_BOUNDS } from '@mailgate/contracts/values';
import { useId, useState } from 'react';
import { useTranslation } from '../../../../i18n/use-translation';
import { useUpdatePasswordPolicy } from '../../../../api/admin/mutations';
import { ReasonActionButton } from '../../components/reason-action-button';
import { useFormat } from '../../../../i18n/format';
import { toFormValues, toSettings, type PolicyFormValues } from '../policy-form-values';
import { PolicyPreview } from './policy-preview';

const SCORES = [0, 1, 2, 3, 4] as const;

export function PolicyEditor({ policy }: { policy: PasswordPolicyView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const ids = {
    min: useId(),
    max: useId(),
    score: useId(),
    blocklist: useId(),
    words: useId(),
    wordsHint: useId(),
    lengthHint: useId(),
    problems: useId(),
  };
  const update = useUpdatePasswordPolicy();
  const [values, setValues] = useState<PolicyFormValues>(() => toFormValues(policy));
  const { settings, problems } = toSettings(values);

  function set<K extends keyof PolicyFormValues>(key: K, value: PolicyFormValues[K]) {
    setValues((current) => ({ ...current, [key]: value }));
  }

  return (
    <div className="admin-policy">
      <form className="card form" onSubmit={(event) => event.preventDefault()} aria-label={t('admin.policy.formLabel')}>
        <p className="admin-hint">
          {t('admin.policy.version', {
            version: policy.version,
            when: format.dateTime(policy.createdAt),
          })}
        </p>
        <div className="admin-filters__grid">
          <div className="field">
            <label htmlFor={ids.min}>{t('admin.policy.minLength')}</label>
            <input
              id={ids.min}
              type="number"
              inputMode="numeric"
              min={POLICY_BOUNDS.minLength.min}
              max={POLICY_BOUNDS.minLength.max}
              aria-describedby={ids.lengthHint}
              aria-invalid={problems.includes('minLength') || undefined}
              value={values.minLength}
              onChange={(event) => set('minLength', event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.max}>{t('admin.policy.maxLength')}</label>
            <input
              id={ids.max}
              type="number"
              inputMode="numeric"
              min={POLICY_BOUNDS.maxLength.min}
              max={POLICY_BOUNDS.maxLength.max}
              aria-describedby={ids.lengthHint}
              aria-invalid={problems.includes('maxLength') || undefined}
              value={values.maxLength}
              onChange={(event) => set('maxLength', event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.score}>{t('admin.policy.minScore')}</label>
            <select id={ids.score} value={values.minScore} onChange={(event) => set('minScore', event.target.value)}>
              {SCORES.map((score) => (
                <option key={score} value={String(score)}>
                  {t(`admin.policy.scores.s${score}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p id={ids.lengthHint} className="admin-hint">
          {t('admin.policy.lengthHint')}
        </p>
        <div className="admin-checkbox">
          <input
            id={ids.blocklist}
            type="checkbox"
            checked={values.blocklistEnabled}
            onChange={(event) => set('blocklistEnabled', event.target.checked)}
          />
          <label htmlFor={ids.blocklist}>{t('admin.policy.blocklist')}</label>
        </div>
        <div className="field">
          <label htmlFor={ids.words}>{t('admin.policy.contextWords')}</label>
          <textarea
            id={ids.words}
            rows={4}
            spellCheck={false}
            aria-describedby={ids.wordsHint}
            aria-invalid={
              problems.includes('contextWordShort') || problems.includes('contextWordsTooMany') || undefined
            }
            value={values.contextWords}
            onChange={(event) => set('contextWords', event.target.value)}
          />
          <p id={ids.wordsHint} className="admin-hint">
            {t('admin.policy.contextWordsHint')}
          </p>
        </div>
        <div role="alert" id={ids.problems} className={problems.length ? 'form-alert' : undefined}>
          {problems.length > 0 && (
            <ul>
              {problems.map((problem) => (
                <li key={problem}>{t(`admin.policy.problems.${problem}`, POLICY_BOUNDS_TEXT)}</li>
              ))}
            </ul>
          )}
        </div>
        <p className="admin-hint">{t('admin.policy.notRetroactive')}</p>
        <div className="admin-actions admin-actions--start">
          <ReasonActionButton
            label={t('admin.policy.save')}
            disabled={problems.length > 0}
            dialogTitle={t('admin.policy.saveTitle')}
            description={t('admin.policy.saveDescription')}
            confirmLabel={t('admin.policy.save')}
            run={(reason) => update.mutateAsync({ ...settings, contextWords: [...settings.contextWords], reason })}
            successMessage={t('admin.policy.saved')}
          />
        </div>
      </form>
      <PolicyPreview settings={problems.length === 0 ? settings : null} />
    </div>
  );
}

const POLICY_BOUNDS_TEXT = {
  minFrom: POLICY_BOUNDS.minLength.min,
  minTo: POLICY_BOUNDS.minLength.max,
  maxFrom: POLICY_BOUNDS.maxLength.min,
  maxTo: POLICY_BOUNDS.maxLength.max,
  wordMin: POLICY_BOUNDS.contextWordLength.min,
  wordsMax: POLICY_BOUNDS.contextWordsMax,
};
