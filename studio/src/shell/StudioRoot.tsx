import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './studio.css';
import { Center, Loader, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { loadStudioConfig } from '../config/load-studio-config.js';
import { useDevSession, withDevSession } from '../dev-sign-in/index.js';
import { ErrorPanel } from './ErrorPanel.js';
import { studioRoutes } from './studio-routes.js';
import { StudioContextProvider } from './studio-context.js';
import { studioCssVariables, studioTheme } from './theme.js';
import { useLoadable } from './use-loadable.js';

const queryClient = new QueryClient({
  defaultOptions: {
    // Admin screens: an error is shown, not retried three times behind a spinner.
    queries: { retry: false, refetchOnWindowFocus: true },
  },
});

/** Providers (theme, server state, the identity) around the router. */
export function StudioRoot() {
  const config = useLoadable(() => loadStudioConfig(), []);
  const [session, setSession] = useDevSession();
  // Made on mount (not on import), so it reads the location the page has then.
  const [router] = useState(() => createBrowserRouter(studioRoutes, { basename: '/studio' }));
  const value = useMemo(() => (config.status === 'ready' ? { config: withDevSession(config.value, session), session, setSession } : null), [config, session, setSession]);
  return (
    <MantineProvider theme={studioTheme} cssVariablesResolver={studioCssVariables} defaultColorScheme="light">
      <Notifications position="bottom-right" />
      <QueryClientProvider client={queryClient}>
        {config.status === 'loading' && (
          <Center h="100vh">
            <Loader aria-label="Loading the studio" />
          </Center>
        )}
        {config.status === 'error' && <ErrorPanel title="The studio could not load its settings" message={config.message} />}
        {value && (
          <StudioContextProvider value={value}>
            <RouterProvider router={router} />
          </StudioContextProvider>
        )}
      </QueryClientProvider>
    </MantineProvider>
  );
}
