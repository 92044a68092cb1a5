import { describe, expect, it } from 'vitest';
import { formatHlc, MAX_DRIFT_MS, nodeOf, parseHlc, receive, tick, type Hlc } from './hlc';

const node = nodeOf('0b1d0000-0000-4000-8000-000000000001');
const at = (iso: string, counter = 0, n = node): Hlc => ({
  millis: Date.parse(iso),
  counter,
  node: n,
});
const value = (r: ReturnType<typeof tick>): Hlc => {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

describe('hybrid logical clock', () => {
  it('names a device by the first 16 hex digits of its id', () => {
    expect(node).toBe('0b1d000000004000');
  });

  it('writes clocks that sort as strings in clock order and reads them back', () => {
    const a = at('2026-12-02T13:20:00.000Z', 15);
    const b = at('2026-12-02T13:20:00.000Z', 16);
    const c = at('2026-12-02T13:20:00.001Z', 0);
    expect(formatHlc(a)).toBe('2026-12-02T13:20:00.000Z-000f-0b1d000000004000');
    const texts = [formatHlc(c), formatHlc(b), formatHlc(a)].sort();
    expect(texts).toEqual([formatHlc(a), formatHlc(b), formatHlc(c)]);
    expect(parseHlc(formatHlc(b))).toEqual(b);
    expect(parseHlc('2026-12-02 13:20')).toBeNull();
  });

  it('takes the wall clock when it is ahead, else counts up', () => {
    const last = at('2026-12-02T13:20:00.000Z', 3);
    expect(value(tick(last, Date.parse('2026-12-02T13:20:00.005Z')))).toEqual(
      at('2026-12-02T13:20:00.005Z', 0),
    );
    // Same millisecond, or a wall clock set back: the counter orders the changes.
    expect(value(tick(last, Date.parse('2026-12-02T13:20:00.000Z')))).toEqual(
      at('2026-12-02T13:20:00.000Z', 4),
    );
    expect(value(tick(last, Date.parse('2026-12-02T13:19:00.000Z')))).toEqual(
      at('2026-12-02T13:20:00.000Z', 4),
    );
  });

  it('refuses a counter beyond 4 hex digits', () => {
    const r = tick(at('2026-12-02T13:20:00.000Z', 0xffff), Date.parse('2026-12-02T13:20:00.000Z'));
    expect(r).toEqual({ ok: false, reason: 'more than 65536 changes in one millisecond' });
  });

  it('moves past a remote clock it receives, keeping its own node', () => {
    const other = nodeOf('ffff0000-0000-4000-8000-000000000009');
    const last = at('2026-12-02T13:20:00.000Z', 2);
    const remote = at('2026-12-02T13:20:01.000Z', 7, other);
    const now = Date.parse('2026-12-02T13:20:00.500Z');
    expect(value(receive(last, remote, now))).toEqual(at('2026-12-02T13:20:01.000Z', 8));
    expect(value(receive(last, at('2026-12-02T13:20:00.000Z', 9, other), now - 1000))).toEqual(
      at('2026-12-02T13:20:00.000Z', 10),
    );
    expect(value(receive(last, at('2026-12-02T13:19:00.000Z', 9, other), now))).toEqual(
      at('2026-12-02T13:20:00.500Z', 0),
    );
  });

  it('refuses a remote clock more than 5 minutes ahead', () => {
    const now = Date.parse('2026-12-02T13:20:00.000Z');
    const remote = { millis: now + MAX_DRIFT_MS + 1, counter: 0, node: 'ffff000000004000' };
    const r = receive(at('2026-12-02T13:20:00.000Z'), remote, now);
    expect(r.ok).toBe(false);
  });
});
