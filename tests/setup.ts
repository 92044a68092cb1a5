// Test environment for unit, component and integration tests (jsdom).
// fake-indexeddb gives Dexie a spec-following IndexedDB; jest-dom adds DOM matchers.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { resetPreferences } from '../src/state/preferences';

// Every zustand store starts fresh in every test (bulletproof-react habit).
afterEach(() => {
  cleanup();
  resetPreferences();
});

// jsdom lays nothing out and has no scrollIntoView; every browser the app supports has it.
if (typeof Element !== 'undefined' && typeof Element.prototype.scrollIntoView !== 'function') {
  Element.prototype.scrollIntoView = () => undefined;
}
