import { useTranslation } from '../i18n/use-translation';

interface PageTitleProps {
  title: string;
}

/**
 * Sets the document title (React 19 hoists <title> into <head>). A distinct title per page is how
 * screen-reader users learn that a client-side navigation happened.
 */
export function PageTitle({ title }: PageTitleProps) {
  const { t } = useTranslation();
  return <title>{`${title} · ${t('app.name')}`}</title>;
}
