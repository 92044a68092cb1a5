import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { startSync } from './sync/driver';
// The app's own font, served from its origin and precached: screen and print look the same
// on every computer, whatever fonts it has (src/app/fonts.css says why this one).
import './app/fonts.css';
import './app/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary what="the app">
      <App />
    </ErrorBoundary>
  </StrictMode>,
);

// Live sync, if it is on on this device (Settings → Sync). Nothing waits for it; a database
// that cannot open is already reported by the banner.
startSync().catch(() => undefined);
