import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseRoute } from '../state/navigation';
import { sanitizePreferences } from '../state/preferences';
import { App } from './App';
import { ErrorBoundary } from './ErrorBoundary';

afterEach(() => {
  window.location.hash = '';
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('no blank page', () => {
  it.each(['#/patients/%', '#/patients/%E0%A4%A/edit', '#/patients/a/visits/%zz'])(
    'a malformed address (%s) is a page that does not exist, not a crash',
    (hash) => {
      expect(parseRoute(hash)).toEqual({ name: 'not-found', path: hash.slice(1) });
    },
  );

  it('the app shows "Page not found" at #/patients/% with the header still there', async () => {
    window.location.hash = '#/patients/%';
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
  });

  it('a screen that throws shows what failed and what to do; the shell stays', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const Broken = () => {
      throw new TypeError('Cannot read properties of undefined');
    };
    render(
      <>
        <nav aria-label="Main">shell</nav>
        <ErrorBoundary what="this screen">
          <Broken />
        </ErrorBoundary>
      </>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'What failed: TypeError: Cannot read properties of undefined',
    );
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export a backup' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
  });
});

describe('saved preferences are checked on load', () => {
  it('keeps good fields, resets damaged ones to defaults and names them', () => {
    const { preferences, damaged } = sanitizePreferences({
      clinician: 42,
      defaultScales: ['PHQ-9', 'NOT-A-SCALE'],
      timeAxis: 'days',
      backupReminderDays: -3,
    });
    expect(preferences.clinician).toBe('');
    expect(preferences.defaultScales).toEqual(['HAMD-17', 'MADRS', 'PHQ-9', 'DARS']);
    expect(preferences.timeAxis).toBe('days');
    expect(preferences.backupReminderDays).toBe(7);
    expect(damaged).toEqual(['clinician name', 'default scales', 'backup reminder']);
  });

  it('a value that is not an object at all resets everything', () => {
    expect(sanitizePreferences('garbage').damaged).toEqual(['all settings']);
    expect(sanitizePreferences(undefined).damaged).toEqual([]);
  });
});
