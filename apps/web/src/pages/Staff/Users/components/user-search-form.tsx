import type { Role, UserSearchMatch } from '@mailgate/contracts';
import { ROLES, USER_SEARCH_MATCHES, USER_SEARCH_SUBSTRING_MIN } from '@mailgate/contracts/values';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../../i18n/use-translation';
import { FormError } from '../../../../components/alert';
import { Button } from '../../../../components/button';

interface UserSearchFormProps {
  initialQuery: string;
  initialMatch: UserSearchMatch;
  initialRole: Role | undefined;
  onSearch: (search: { q: string; match: UserSearchMatch; role: Role | undefined }) => void;
}

export function UserSearchForm({ initialQuery, initialMatch, initialRole, onSearch }: UserSearchFormProps) {
  const { t } = useTranslation();
  const queryId = useId();
  const matchId = useId();
  const roleId = useId();
  const hintId = useId();
  const [query, setQuery] = useState(initialQuery);
  const [match, setMatch] = useState<UserSearchMatch>(initialMatch);
  const [role, setRole] = useState<Role | ''>(initialRole ?? '');
  const [error, setError] = useState<string | null>(null);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = query.trim();
    if (!q) return setError(t('admin.users.termRequired'));
    // The server refuses shorter substring terms (SEARCH_TERM_TOO_SHORT); say so before asking it.
    if (match === 'substring' && [...q].length < USER_SEARCH_SUBSTRING_MIN) {
      return setError(t('admin.users.termTooShort', { min: USER_SEARCH_SUBSTRING_MIN }));
    }
    setError(null);
    onSearch({ q, match, role: role || undefined });
  }

  return (
    <form className="card admin-search" role="search" onSubmit={handleSubmit} noValidate>
      <FormError message={error} />
      <div className="admin-search__row">
        <div className="field admin-search__term">
          <label htmlFor={queryId}>{t('admin.users.termLabel')}</label>
          <input
            id={queryId}
            type="search"
            name="q"
            autoComplete="off"
            spellCheck={false}
            aria-describedby={hintId}
            aria-invalid={error ? true : undefined}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={matchId}>{t('admin.users.matchLabel')}</label>
          <select id={matchId} value={match} onChange={(event) => setMatch(event.target.value as UserSearchMatch)}>
            {USER_SEARCH_MATCHES.map((option) => (
              <option key={option} value={option}>
                {t(`admin.users.match.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={roleId}>{t('admin.users.roleLabel')}</label>
          <select id={roleId} value={role} onChange={(event) => setRole(event.target.value as Role | '')}>
            <option value="">{t('admin.users.anyRole')}</option>
            {ROLES.map((option) => (
              <option key={option} value={option}>
                {t(`admin.roles.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="primary">
          {t('admin.users.submit')}
        </Button>
      </div>
      <p id={hintId} className="admin-hint">
        {t('admin.users.termHint')}
      </p>
    </form>
  );
}
