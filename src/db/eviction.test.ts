import { afterEach, describe, expect, it } from 'vitest';
import {
  applyMarkerAction,
  notePatientCount,
  observeCount,
  parseMarker,
  readMarker,
  resetEvictionState,
  type EvictionState,
  type HeldMarker,
} from './eviction';

const unknown: EvictionState = { kind: 'unknown' };
const fine: EvictionState = { kind: 'fine' };
const held: HeldMarker = { patients: 12, day: '2026-11-30' };
const today = '2026-12-02';

describe('observeCount', () => {
  it.each([
    // [case, state, marker, count, state after, marker action]
    ['first look: empty, marker says 12', unknown, held, 0, 'evicted', 'keep'],
    ['first look: empty, no marker (a new device)', unknown, null, 0, 'fine', 'keep'],
    ['first look: empty, marker says 0', unknown, { patients: 0, day: today }, 0, 'fine', 'clear'],
    ['first look: records', unknown, held, 3, 'fine', 'write'],
    ['the app deleted the last patient', fine, held, 0, 'fine', 'clear'],
    [
      'still evicted on the next count',
      { kind: 'evicted', marker: held },
      held,
      0,
      'evicted',
      'keep',
    ],
    ['restored from a backup', { kind: 'evicted', marker: held }, held, 12, 'fine', 'write'],
    ['unchanged count on the same day', fine, { patients: 12, day: today }, 12, 'fine', 'keep'],
  ] as const)('%s', (_, state, marker, count, after, action) => {
    const next = observeCount(state, marker, count, today);
    expect(next.state.kind).toBe(after);
    expect(next.action.kind).toBe(action);
  });

  it('keeps the last known count and day in the evicted state, and writes today on records', () => {
    expect(observeCount(unknown, held, 0, today).state).toEqual({ kind: 'evicted', marker: held });
    expect(observeCount(fine, held, 5, today).action).toEqual({
      kind: 'write',
      marker: { patients: 5, day: today },
    });
  });
});

describe('the marker outside IndexedDB', () => {
  afterEach(() => {
    applyMarkerAction({ kind: 'clear' });
    resetEvictionState();
  });

  it('reads only well-formed text', () => {
    expect(parseMarker('12@2026-11-30')).toEqual(held);
    expect(parseMarker('12')).toBeNull();
    expect(parseMarker('-1@2026-11-30')).toBeNull();
    expect(parseMarker('{"patients":12}')).toBeNull();
    expect(parseMarker(null)).toBeNull();
  });

  it('is written to localStorage and a cookie, and survives the loss of localStorage', () => {
    applyMarkerAction({ kind: 'write', marker: held });
    expect(localStorage.getItem('trajectory-held')).toBe('12@2026-11-30');
    expect(document.cookie).toContain('trajectory-held=12%402026-11-30');
    localStorage.clear();
    expect(readMarker()).toEqual(held);
    applyMarkerAction({ kind: 'clear' });
    expect(readMarker()).toBeNull();
    expect(document.cookie).not.toContain('trajectory-held=12');
  });

  it('notices a database emptied behind the app, across "reloads"', () => {
    notePatientCount(4, new Date('2026-12-01T10:00:00Z'));
    expect(readMarker()).toEqual({ patients: 4, day: '2026-12-01' });
    resetEvictionState(); // a reload, after the browser cleared the database
    notePatientCount(0);
    expect(readMarker()).toEqual({ patients: 4, day: '2026-12-01' });
    resetEvictionState(); // and another reload still says so
    notePatientCount(0);
    expect(readMarker()).toEqual({ patients: 4, day: '2026-12-01' });
  });
});
