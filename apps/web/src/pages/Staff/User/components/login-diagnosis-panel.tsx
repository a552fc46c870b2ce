import type { AdminUserDetail } from '@mailgate/contracts';
import { useId } from 'react';
import { useTranslation } from '../../../../i18n/use-translation';
import { useFormat } from '../../../../i18n/format';
import { DIAGNOSIS_SCAN, diagnoseRefusedLogins, groupDiagnoses, type DiagnosisGroup } from '../login-diagnosis';

/**
 * "Why was this login refused?" in plain language: the answer support needs first when a customer
 * says their mail program rejects the password.
 */
export function LoginDiagnosisPanel({ detail }: { detail: AdminUserDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const diagnoses = groupDiagnoses(diagnoseRefusedLogins(detail, new Date(), DIAGNOSIS_SCAN));
  const lastAttempt = detail.loginAttempts[0];

  return (
    <section className="card admin-diagnosis" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.diagnosis.title')}</h2>
      {diagnoses.length === 0 ? (
        <p>{lastAttempt ? t('admin.diagnosis.noneRefused') : t('admin.diagnosis.noAttempts')}</p>
      ) : (
        <>
          {lastAttempt?.result === 'ALLOW' && <p className="admin-note">{t('admin.diagnosis.lastSucceeded')}</p>}
          <ol className="admin-diagnosis__list">
            {diagnoses.map((diagnosis) => (
              <DiagnosisItem key={diagnosis.attempt.id} diagnosis={diagnosis} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function DiagnosisItem({ diagnosis }: { diagnosis: DiagnosisGroup }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { attempt, reason, lock, resolvedSince } = diagnosis;
  const protocol = attempt.protocol ?? t('admin.diagnosis.unknownProtocol');
  const ip = lock?.clientIp ?? attempt.clientIp ?? t('admin.diagnosis.unknownIp');
  const values = {
    protocol,
    ip,
    code: attempt.reasonCode,
    failures: lock?.failures ?? 0,
    until: lock ? format.moment(lock.lockedUntil) : '',
  };
  const explanation =
    lock && (reason === 'LOCKED_USER_IP' || reason === 'LOCKED_IP' || reason === 'LOCKED_ACCOUNT')
      ? t(`admin.diagnosis.lockedWithDetail.${reason}`, values)
      : t(`admin.diagnosis.reasons.${reason}`, values);
  const hint = t(`admin.diagnosis.hints.${reason}`, values);

  return (
    <li className="admin-diagnosis__item">
      <p className="admin-diagnosis__meta">
        {t('admin.diagnosis.meta', {
          when: format.dateTime(attempt.time),
          protocol,
          ip: attempt.clientIp ?? t('admin.diagnosis.unknownIp'),
        })}
        {' · '}
        {attempt.secured ? t('admin.diagnosis.encrypted') : t('admin.diagnosis.unencrypted')}
        {diagnosis.count > 1 && (
          <>
            {' · '}
            <strong>
              {t('admin.diagnosis.repeated', { count: diagnosis.count, since: format.dateTime(diagnosis.firstTime) })}
            </strong>
          </>
        )}
      </p>
      <p className="admin-diagnosis__explanation">{explanation}</p>
      {resolvedSince ? (
        <p className="admin-diagnosis__resolved">
          {t(
            reason.startsWith('LOCKED') ? 'admin.diagnosis.resolved.lock' : 'admin.diagnosis.resolved.protocol',
            values,
          )}
        </p>
      ) : (
        hint && <p className="admin-hint">{hint}</p>
      )}
    </li>
  );
}
