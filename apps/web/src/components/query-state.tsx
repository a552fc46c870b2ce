import { useTranslation } from '../i18n/use-translation';
import { useErrorMessage } from '../i18n/error-message';
import { Button } from './button';

interface LoadingStateProps {
  label?: string;
}

/** Shown while data loads; a status region so screen readers hear that something is happening. */
export function LoadingState({ label }: LoadingStateProps) {
  const { t } = useTranslation();
  return (
    <p className="loading-state" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}

interface ErrorStateProps {
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
}

/** A failed load: the translated reason and a way to try again. */
export function ErrorState({ error, onRetry, retrying = false }: ErrorStateProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  return (
    <div className="error-state" role="alert">
      <p>{errorMessage(error)}</p>
      {onRetry && (
        <Button onClick={onRetry} pending={retrying} pendingLabel={t('common.retrying')}>
          {t('common.retry')}
        </Button>
      )}
    </div>
  );
}
