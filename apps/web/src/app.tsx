import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { Translator } from './i18n/translator';
import { I18nProvider } from './i18n/use-translation';
import type { Router } from './router/router';
import { RouterProvider } from './router/router-provider';
import { ToastProvider } from './components/toast';

interface AppProps {
  router: Router;
  queryClient: QueryClient;
  i18n: Translator;
}

// The singletons are created by the caller (main.tsx), once per page load: a router created during
// render would be created twice under StrictMode and leave a history listener behind.
export function App({ router, queryClient, i18n }: AppProps) {
  return (
    <I18nProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <ToastProvider>
          <RouterProvider router={router} />
        </ToastProvider>
      </QueryClientProvider>
    </I18nProvider>
  );
}
