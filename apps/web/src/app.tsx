import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import type { DataRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { ToastProvider } from './components/toast';

interface AppProps {
  router: DataRouter;
  queryClient: QueryClient;
  i18n: I18n;
}

// The singletons are created by the caller (main.tsx), once per page load: a router created during
// render would be created twice under StrictMode and leave a history listener behind.
export function App({ router, queryClient, i18n }: AppProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <ToastProvider>
          <RouterProvider router={router} />
        </ToastProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
