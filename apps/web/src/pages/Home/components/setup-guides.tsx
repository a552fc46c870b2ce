import { useTranslation } from '../../../i18n/use-translation';

const PROGRAMS = ['thunderbird', 'outlook', 'appleMail', 'phone'] as const;

/** Step-by-step setup for the common mail programs, one disclosure each, read when needed. */
export function SetupGuides() {
  const { t } = useTranslation();
  return (
    <section className="explainer" aria-labelledby="setup-guides-heading">
      <h2 id="setup-guides-heading">{t('guides.title')}</h2>
      <p>{t('guides.intro')}</p>
      {PROGRAMS.map((program) => (
        <details key={program} className="disclosure">
          <summary>{t(`guides.steps.${program}.name`)}</summary>
          <ol className="disclosure__body">
            {t(`guides.steps.${program}.steps`, { returnObjects: true }).map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </details>
      ))}
    </section>
  );
}
