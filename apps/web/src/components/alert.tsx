import type { ReactNode } from 'react';

export type AlertTone = 'info' | 'success' | 'warning' | 'error';

interface AlertProps {
  tone: AlertTone;
  title?: string;
  children?: ReactNode;
  /** Announce when it appears: errors interrupt (role=alert), everything else waits (role=status). */
  live?: boolean;
  actions?: ReactNode;
}

export function Alert({ tone, title, children, live = false, actions }: AlertProps) {
  const role = live ? (tone === 'error' ? 'alert' : 'status') : undefined;
  return (
    <div className={`alert alert--${tone}`} role={role}>
      <div className="alert__content">
        {title && <p className="alert__title">{title}</p>}
        {children}
      </div>
      {actions && <div className="alert__actions">{actions}</div>}
    </div>
  );
}

interface FormErrorProps {
  /** Already translated; null renders the (empty) region. */
  message: string | null;
}

/**
 * An error region that exists before its text does: some screen readers ignore live regions that
 * are inserted together with their content.
 */
export function FormError({ message }: FormErrorProps) {
  return (
    <div role="alert" className={message ? 'form-alert' : 'form-alert form-alert--empty'}>
      {message}
    </div>
  );
}
