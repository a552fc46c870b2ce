import { useEffect, useState } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { Button } from './button';

interface CopyButtonProps {
  value: string;
  /** Visible text, e.g. "Copy app password". */
  label: string;
  /** A longer name for screen readers when the visible text is short ("Copy" next to a value). */
  accessibleLabel?: string;
  /** A small button that sits beside the value it copies. */
  compact?: boolean;
}

type CopyState = 'idle' | 'copied' | 'failed';
const RESET_MS = 4000;

export function CopyButton({ value, label, accessibleLabel, compact = false }: CopyButtonProps) {
  const { t } = useTranslation();
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), RESET_MS);
    return () => window.clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      // Clipboard access can be refused (permissions, insecure context); the value stays visible
      // and selectable, so say so rather than pretending it worked.
      setState('failed');
    }
  }

  return (
    <span className={compact ? 'copy-button copy-button--compact' : 'copy-button'}>
      <Button onClick={() => void copy()} aria-label={accessibleLabel}>
        {label}
      </Button>
      <span role="status" className={state === 'failed' ? 'copy-button__status--failed' : 'copy-button__status'}>
        {state === 'copied' ? t('common.copied') : state === 'failed' ? t('common.copyFailed') : ''}
      </span>
    </span>
  );
}
