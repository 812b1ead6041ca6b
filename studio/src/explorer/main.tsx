// Must run before GraphiQL creates an editor: it tells monaco where vite bundled its workers.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadStudioConfig } from '../config/load-studio-config.js';
import { Explorer } from './Explorer.js';

const root = createRoot(document.getElementById('root')!);

loadStudioConfig().then(
  (config) =>
    root.render(
      <StrictMode>
        <Explorer config={config} />
      </StrictMode>,
    ),
  (error: unknown) =>
    root.render(
      <p role="alert" style={{ font: '14px system-ui, sans-serif', padding: '2rem', color: '#b42318' }}>
        The explorer could not load its settings. {error instanceof Error ? error.message : String(error)}
      </p>,
    ),
);
