import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../i18n/error-message';

/** Announced politely, so a screen reader hears that something is loading without losing its place. */
export function LoadingNote({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="muted" role="status">
      {label ?? t('admin.common.loading')}
    </p>
  );
}

interface ErrorNoteProps {
  error: unknown;
  onRetry?: () => void;
}

/** A failed load: the message for the error code, and a way to try again. */
export function ErrorNote({ error, onRetry }: ErrorNoteProps) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  return (
    <div className="form-alert admin-error" role="alert">
      <p>{message(error)}</p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('admin.common.retry')}
        </button>
      )}
    </div>
  );
}
