import { useId } from 'react';

interface SwitchProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Visible label; also the switch's accessible name. */
  label: string;
  /** Extra text read after the name (e.g. "ends on 3 May"). */
  description?: string;
  pending?: boolean;
  disabled?: boolean;
}

/** An on/off control (ARIA switch pattern): Space and Enter toggle it, like any button. */
export function Switch({ checked, onChange, label, description, pending = false, disabled = false }: SwitchProps) {
  const labelId = useId();
  const descriptionId = useId();
  return (
    <div className="switch-row">
      <button
        type="button"
        role="switch"
        className="switch"
        aria-checked={checked}
        aria-labelledby={labelId}
        aria-describedby={description ? descriptionId : undefined}
        aria-busy={pending || undefined}
        aria-disabled={pending || undefined}
        disabled={disabled}
        onClick={() => {
          if (!pending) onChange(!checked);
        }}
      >
        <span className="switch__thumb" aria-hidden="true" />
      </button>
      <span className="switch-row__text">
        <span id={labelId} className="switch-row__label">
          {label}
        </span>
        {description && (
          <span id={descriptionId} className="switch-row__description">
            {description}
          </span>
        )}
      </span>
    </div>
  );
}
