import { useRef, type ReactNode } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { FormError } from './alert';
import { Button } from './button';
import { Dialog } from './dialog';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  pendingLabel?: string;
  pending: boolean;
  /** Already translated. */
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/** "Are you sure?" for actions that cannot be undone; Cancel has the focus, so Enter is harmless. */
export function ConfirmDialog({
  open,
  title,
  body,
  confirmLabel,
  pendingLabel,
  pending,
  error = null,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog open={open} onClose={onCancel} title={title} initialFocusRef={cancelRef}>
      <div className="form">
        <div>{body}</div>
        <FormError message={error} />
        <div className="button-row">
          <Button variant="danger" pending={pending} pendingLabel={pendingLabel} onClick={onConfirm}>
            {confirmLabel}
          </Button>
          <Button ref={cancelRef} onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
