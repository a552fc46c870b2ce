import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface RecoveryCodesListProps {
  codes: readonly string[];
  onDone: () => void;
}

/** Shown once: the staff member must confirm they saved them before the panel opens. */
export function RecoveryCodesList({ codes, onDone }: RecoveryCodesListProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const checkboxId = useId();
  const [saved, setSaved] = useState(false);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copyAll() {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  }

  return (
    <section className="card admin-stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.enroll.recoveryTitle')}</h2>
      <p>{t('admin.enroll.recoveryIntro')}</p>
      <ul className="admin-recovery-codes" aria-label={t('admin.enroll.recoveryListLabel')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="admin-actions admin-actions--start">
        <button type="button" className="button button--secondary" onClick={() => void copyAll()}>
          {t('admin.enroll.copyCodes')}
        </button>
        <span role="status" className="admin-hint">
          {copyState === 'copied'
            ? t('admin.common.copied')
            : copyState === 'failed'
              ? t('admin.common.copyFailed')
              : ''}
        </span>
      </div>
      <div className="admin-checkbox">
        <input id={checkboxId} type="checkbox" checked={saved} onChange={(event) => setSaved(event.target.checked)} />
        <label htmlFor={checkboxId}>{t('admin.enroll.savedCodes')}</label>
      </div>
      <div>
        <button type="button" className="button button--primary" disabled={!saved} onClick={onDone}>
          {t('admin.enroll.continue')}
        </button>
      </div>
    </section>
  );
}
