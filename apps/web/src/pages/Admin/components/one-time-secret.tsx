import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface OneTimeSecretProps {
  label: string;
  value: string;
  /** Why it is shown only now (e.g. "copy it now; it cannot be shown again"). */
  notice: string;
}

/** A secret the server returns exactly once: readable, selectable, copyable, and never stored here. */
export function OneTimeSecret({ label, value, notice }: OneTimeSecretProps) {
  const { t } = useTranslation();
  const id = useId();
  const noticeId = useId();
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('copied');
    } catch {
      // Clipboard access can be refused (permissions, insecure context); the text stays selectable.
      setCopied('failed');
    }
  }

  return (
    <div className="admin-secret">
      <label htmlFor={id}>{label}</label>
      <p id={noticeId} className="admin-hint">
        {notice}
      </p>
      <div className="admin-secret__row">
        <input
          id={id}
          className="admin-secret__value"
          readOnly
          value={value}
          aria-describedby={noticeId}
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {t('admin.common.copy')}
        </button>
      </div>
      <p role="status" className="admin-hint">
        {copied === 'copied' ? t('admin.common.copied') : copied === 'failed' ? t('admin.common.copyFailed') : ''}
      </p>
    </div>
  );
}
