import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../../i18n/use-translation';
import type { AuditFilters } from '../../../../api/admin/queries';
import { accountFilter, isoToLocalInput, localInputToIso } from '../audit-filters';
import { FormError } from '../../../../components/alert';
import { Button } from '../../../../components/button';

const ACTION = /^[a-z0-9_.-]+$/;

interface AuditFilterFormProps {
  initial: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}

export function AuditFilterForm({ initial, onApply }: AuditFilterFormProps) {
  const { t } = useTranslation();
  const ids = { userId: useId(), actorId: useId(), action: useId(), from: useId(), to: useId(), hint: useId() };
  const [values, setValues] = useState({
    userId: initial.userEmail ?? initial.userId ?? '',
    actorId: initial.actorEmail ?? initial.actorId ?? '',
    action: initial.action ?? '',
    from: isoToLocalInput(initial.from),
    to: isoToLocalInput(initial.to),
  });
  const [error, setError] = useState<string | null>(null);

  function update(key: keyof typeof values, value: string) {
    setValues((current) => ({ ...current, [key]: value }));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const target = accountFilter(values.userId);
    const actor = accountFilter(values.actorId);
    const action = values.action.trim();
    if (target.kind === 'invalid' || actor.kind === 'invalid') return setError(t('admin.audit.badId'));
    if (action && !ACTION.test(action)) return setError(t('admin.audit.badAction'));
    setError(null);
    onApply({
      userId: target.kind === 'id' ? target.value : undefined,
      userEmail: target.kind === 'email' ? target.value : undefined,
      actorId: actor.kind === 'id' ? actor.value : undefined,
      actorEmail: actor.kind === 'email' ? actor.value : undefined,
      action: action || undefined,
      from: localInputToIso(values.from),
      to: localInputToIso(values.to),
    });
  }

  return (
    <form className="card admin-filters" onSubmit={handleSubmit} noValidate aria-label={t('admin.audit.filters')}>
      <FormError message={error} />
      <div className="admin-filters__grid">
        <div className="field">
          <label htmlFor={ids.userId}>{t('admin.audit.userId')}</label>
          <input
            id={ids.userId}
            value={values.userId}
            spellCheck={false}
            onChange={(e) => update('userId', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.actorId}>{t('admin.audit.actorId')}</label>
          <input
            id={ids.actorId}
            value={values.actorId}
            spellCheck={false}
            onChange={(e) => update('actorId', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.action}>{t('admin.audit.action')}</label>
          <input
            id={ids.action}
            value={values.action}
            spellCheck={false}
            aria-describedby={ids.hint}
            onChange={(e) => update('action', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.from}>{t('admin.audit.from')}</label>
          <input
            id={ids.from}
            type="datetime-local"
            value={values.from}
            onChange={(e) => update('from', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.to}>{t('admin.audit.to')}</label>
          <input id={ids.to} type="datetime-local" value={values.to} onChange={(e) => update('to', e.target.value)} />
        </div>
      </div>
      <p id={ids.hint} className="admin-hint">
        {t('admin.audit.actionHint')}
      </p>
      <div className="admin-actions admin-actions--start">
        <Button type="submit" variant="primary">
          {t('admin.audit.apply')}
        </Button>
        <Button onClick={() => onApply({})}>{t('admin.audit.clear')}</Button>
      </div>
    </form>
  );
}
