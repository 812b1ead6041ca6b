import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { StudioRoot } from './StudioRoot.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StudioRoot />
  </StrictMode>,
);
