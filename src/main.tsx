import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { watchConnection } from './db/connection-status';
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

// Live sync, if it is on on this device (Settings → Sync). Nothing waits for it. Its first
// read opens the database, so the connection is watched first: an upgrade blocked by an old
// tab, or a failed open, is reported by the banner whoever opened the database.
watchConnection();
startSync().catch(() => undefined);
