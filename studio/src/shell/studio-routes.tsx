import { Center, Loader } from '@mantine/core';
import { Suspense, type ComponentType } from 'react';
import { isRouteErrorResponse, useRouteError, type RouteObject } from 'react-router';
import { AccessGate } from './AccessGate.js';
import { DESIGNERS, PUBLISH_PAGE } from './designers.js';
import { ErrorPanel } from './ErrorPanel.js';
import { NotFoundPage } from './NotFoundPage.js';
import { StudioLayout } from './StudioLayout.js';

function Lazy({ page: Page }: { page: ComponentType }) {
  return (
    <Suspense
      fallback={
        <Center py="xl">
          <Loader aria-label="Loading" />
        </Center>
      }
    >
      <Page />
    </Suspense>
  );
}

/** A page that throws while rendering shows what went wrong inside the frame: never a blank screen. */
function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : error instanceof Error ? error.message : String(error);
  return <ErrorPanel title="This page failed" message={message}>Reload the page; your unsaved edits are kept in this browser.</ErrorPanel>;
}

/** Every studio route under the access gate and the frame; each designer's pages are their own chunks. */
export const studioRoutes: RouteObject[] = [
  {
    path: '/',
    element: (
      <AccessGate>
        <StudioLayout />
      </AccessGate>
    ),
    errorElement: <RouteError />,
    children: [
      ...DESIGNERS.map((d): RouteObject =>
        d.path === ''
          ? { index: true, element: <Lazy page={d.list} />, errorElement: <RouteError /> }
          : {
              path: d.path,
              errorElement: <RouteError />,
              children: [{ index: true, element: <Lazy page={d.list} /> }, ...(d.children ?? []).map((c) => ({ path: c.path, element: <Lazy page={c.page} /> }))],
            },
      ),
      { path: 'publish', element: <Lazy page={PUBLISH_PAGE} />, errorElement: <RouteError /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
