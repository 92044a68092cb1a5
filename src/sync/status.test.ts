import { describe, expect, it } from 'vitest';
import { describeFailure, MAX_RETRY_MS, retryDelay, statusOf } from './status';

describe('retrying after failures', () => {
  it.each([
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [6, 32_000],
    [7, MAX_RETRY_MS],
    [40, MAX_RETRY_MS],
  ])('waits, after %i failures, %i ms', (failures, wait) => {
    expect(retryDelay(failures)).toBe(wait);
  });
});

describe('failures in plain words', () => {
  it('offline: records are kept and sent later', () => {
    const said = describeFailure(new TypeError('Failed to fetch'), false);
    expect(said.phase).toBe('offline');
    expect(said.message).toContain('kept on this device');
  });

  it('a server that does not answer, or fails, is retried', () => {
    const said = describeFailure(new TypeError('Failed to fetch'), true);
    expect(said.phase).toBe('error');
    expect(said.message).toContain('The sync server is not answering.');
    expect(describeFailure({ status: 502 }, true).message).toContain('(it answered 502)');
  });

  it('reads the status of PouchDB and fetch failures, and nothing else', () => {
    expect(statusOf({ status: 401 })).toBe(401);
    expect(statusOf({ status: 0 })).toBeUndefined();
    expect(statusOf(new Error('x'))).toBeUndefined();
    expect(statusOf(null)).toBeUndefined();
  });
});
