import { useTranslation } from '../../../i18n/use-translation';

/** Shown instead of an ADMIN-only page to support staff who followed a link there. */
export function AdminOnlyNote() {
  const { t } = useTranslation();
  return <p className="admin-note">{t('admin.gate.adminOnly')}</p>;
}
