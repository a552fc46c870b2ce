import type { PasswordPolicySettings } from '@mailgate/password-policy';
import { useState } from 'react';
import { useTranslation } from '../../../../i18n/use-translation';
import { TextField } from '../../../../components/form-field';
import { StrengthMeter } from '../../../../components/password/strength-meter';
import { usePasswordEvaluation } from '../../../../components/password/use-password-evaluation';

/** A sample is judged as a password of nobody in particular: only the policy's own words apply. */
const NO_USER = { email: '', displayName: '' };

/**
 * "What would this policy say about this password?" — the shared evaluator (the one the server
 * enforces and the portal's meter runs), with the unsaved settings as typed; the sample never
 * leaves the page.
 */
export function PolicyPreview({ settings }: { settings: PasswordPolicySettings | null }) {
  const { t } = useTranslation();
  const [sample, setSample] = useState('');
  const evaluation = usePasswordEvaluation(sample, settings ?? undefined, NO_USER);

  return (
    <section className="card admin-stack" aria-labelledby="policy-preview-heading">
      <h2 id="policy-preview-heading">{t('admin.policy.previewTitle')}</h2>
      <TextField
        label={t('admin.policy.sample')}
        hint={t('admin.policy.sampleHint')}
        type="text"
        autoComplete="off"
        spellCheck={false}
        value={sample}
        onChange={(event) => setSample(event.target.value)}
        below={
          sample && !settings ? (
            <p role="status">{t('admin.policy.previewNeedsValidSettings')}</p>
          ) : (
            <StrengthMeter state={evaluation} policy={settings ?? undefined} />
          )
        }
      />
    </section>
  );
}
