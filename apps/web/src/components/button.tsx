import type { ButtonHTMLAttributes, MouseEvent, Ref } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  /** While true the button announces itself as busy and ignores clicks, but keeps keyboard focus. */
  pending?: boolean;
  /** Text shown while pending (e.g. "Saving…"); defaults to the normal label. */
  pendingLabel?: string;
  ref?: Ref<HTMLButtonElement>;
}

/**
 * A pending button stays focusable (aria-disabled instead of disabled): a disabled button drops
 * keyboard focus to <body>, and a keyboard user would have to find their place again.
 */
export function Button({
  variant = 'secondary',
  pending = false,
  pendingLabel,
  type = 'button',
  className,
  children,
  onClick,
  ...rest
}: ButtonProps) {
  function handleClick(event: MouseEvent<HTMLButtonElement>) {
    if (pending) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  }

  return (
    <button
      {...rest}
      type={type}
      className={['button', `button--${variant}`, className].filter(Boolean).join(' ')}
      aria-disabled={pending || undefined}
      aria-busy={pending || undefined}
      onClick={handleClick}
    >
      {pending && <span className="spinner" aria-hidden="true" />}
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
