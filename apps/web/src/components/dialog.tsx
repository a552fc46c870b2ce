import { useEffect, useId, useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { MAIN_CONTENT_ID } from '../layout/page-shell';

interface DialogProps {
  open: boolean;
  /** Called for Escape and the close button; the caller decides whether to set `open` to false. */
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** What gets focus when the dialog opens; defaults to the first focusable element. */
  initialFocusRef?: RefObject<HTMLElement | null>;
}

/** A modal dialog; renders nothing while closed so its contents never linger in the page. */
export function Dialog(props: DialogProps) {
  return props.open ? <OpenDialog {...props} /> : null;
}

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'summary',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

function focusableIn(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.offsetParent !== null);
}

function OpenDialog({ onClose, title, description, children, initialFocusRef }: DialogProps) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  // The latest onClose, so the listeners below are attached once and never call a stale closure.
  const onCloseRef = useRef(onClose);
  useLayoutEffect(() => {
    onCloseRef.current = onClose;
  });

  // showModal() makes the rest of the page inert (no clicks, no focus, hidden from screen readers).
  // On close, focus goes back to whatever opened the dialog, so keyboard users keep their place.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    // The first field of the body, not the close button: that is where the user's task starts.
    const body = dialog.querySelector<HTMLElement>('.dialog__body');
    (initialFocusRef?.current ?? (body && focusableIn(body)[0]) ?? dialog).focus();
    return () => {
      dialog.close();
      // The opener may be gone (e.g. the row of a revoked app password): fall back to the main
      // content, never to <body>, where a keyboard user would start again from the top.
      if (opener?.isConnected) opener.focus();
      else document.getElementById(MAIN_CONTENT_ID)?.focus();
    };
    // Opening is a one-time event of this mounted instance.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    // Escape fires `cancel`; React state, not the browser, decides whether the dialog closes.
    const handleCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    // The inert page keeps Tab inside the document, but Tab past the last control would still reach
    // the browser's own UI; wrap around instead, as the dialog pattern expects.
    const handleKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Tab') return;
      const focusable = focusableIn(dialog);
      const first = focusable[0];
      const last = focusable.at(-1);
      if (!first || !last) {
        event.preventDefault();
        return;
      }
      if (event.shiftKey && (document.activeElement === first || document.activeElement === dialog)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    };
    dialog.addEventListener('cancel', handleCancel);
    dialog.addEventListener('keydown', handleKeyDown);
    return () => {
      dialog.removeEventListener('cancel', handleCancel);
      dialog.removeEventListener('keydown', handleKeyDown);
    };
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
    >
      <div className="dialog__header">
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <button type="button" className="dialog__close" onClick={() => onCloseRef.current()}>
          <span aria-hidden="true">×</span>
          <span className="visually-hidden">{t('common.close')}</span>
        </button>
      </div>
      {description && (
        <div id={descriptionId} className="dialog__description">
          {description}
        </div>
      )}
      <div className="dialog__body">{children}</div>
    </dialog>
  );
}
