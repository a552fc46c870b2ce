import { useId } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { CopyButton } from '../../../components/copy-button';

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
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p id={noticeId} className="field__hint">
        {notice}
      </p>
      <div className="secret-box">
        <input
          id={id}
          className="secret-box__value"
          readOnly
          value={value}
          aria-describedby={noticeId}
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
        />
        <CopyButton value={value} label={t('admin.common.copy')} />
      </div>
    </div>
  );
}
