import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createRouter } from './router/router';
import { createQueryClient } from './api/query-client';
import { App } from './app';
import { createI18n } from './i18n/i18n';
import { parkSetupLinkToken } from './pages/SetupPhone/setup-link-token';
import { routes } from './routes';
import './styles.css';
import './styles/components.css';
import './styles/portal-pages.css';
import './styles/mail-setup.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain an element with id "root"');

// Before the router can send a phone without a session to sign-in and lose the link's `#token`.
parkSetupLinkToken();

// Top-level await: German readers wait for their catalogue, then the page renders once, translated.
const i18n = await createI18n();
const queryClient = createQueryClient();
const router = createRouter(routes);

createRoot(container).render(
  <StrictMode>
    <App router={router} queryClient={queryClient} i18n={i18n} />
  </StrictMode>,
);
