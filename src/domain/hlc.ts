/**
 * Hybrid logical clock (Kulkarni et al. 2014; the form Actual Budget uses in packages/crdt):
 * a timestamp that orders the changes of every device even when their wall clocks disagree.
 * It is the wall-clock time in milliseconds, a counter for changes within one millisecond (or
 * while the wall clock lags a time already seen), and the device that made it. Written as
 * `2026-12-02T13:20:00.000Z-0000-0123456789abcdef`, so comparing the strings compares the
 * clocks: time first, then counter, then device (a fixed tie-break, never a tie).
 */

export interface Hlc {
  readonly millis: number;
  readonly counter: number;
  /** 16 lower-case hex digits naming the device. */
  readonly node: string;
}

/** Largest counter: 4 hex digits. */
const MAX_COUNTER = 0xffff;
/** A remote clock further ahead of ours than this is refused (a device with a broken clock). */
export const MAX_DRIFT_MS = 5 * 60 * 1000;

/** The node part of a clock for a device id (a UUID): its first 16 hex digits. */
export function nodeOf(deviceId: string): string {
  return deviceId
    .replace(/[^0-9a-f]/gi, '')
    .toLowerCase()
    .padEnd(16, '0')
    .slice(0, 16);
}

export function formatHlc(clock: Hlc): string {
  return `${new Date(clock.millis).toISOString()}-${clock.counter.toString(16).padStart(4, '0')}-${clock.node}`;
}

const PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([0-9a-f]{16})$/;

/** The clock a string names, or null when it is not one. */
export function parseHlc(text: string): Hlc | null {
  const match = PATTERN.exec(text);
  if (!match) return null;
  const millis = Date.parse(match[1] ?? '');
  if (!Number.isFinite(millis)) return null;
  return { millis, counter: Number.parseInt(match[2] ?? '', 16), node: match[3] ?? '' };
}

export type ClockResult =
  { readonly ok: true; readonly value: Hlc } | { readonly ok: false; readonly reason: string };

function advance(millis: number, counter: number, node: string): ClockResult {
  if (counter > MAX_COUNTER)
    return { ok: false, reason: `more than ${MAX_COUNTER + 1} changes in one millisecond` };
  return { ok: true, value: { millis, counter, node } };
}

/** The clock of a change made on this device now, after `last` (the latest clock seen). */
export function tick(last: Hlc, now: number): ClockResult {
  const millis = Math.max(last.millis, now);
  return advance(millis, millis === last.millis ? last.counter + 1 : 0, last.node);
}

/**
 * Our clock after seeing a change made elsewhere at `remote`: later than both. A remote
 * clock more than MAX_DRIFT_MS ahead of our wall clock is refused, so one device with a
 * wrong date cannot drag every other device's clock into the future.
 */
export function receive(last: Hlc, remote: Hlc, now: number): ClockResult {
  if (remote.millis - now > MAX_DRIFT_MS)
    return {
      ok: false,
      reason: `a change is dated ${new Date(remote.millis).toISOString()}, more than 5 minutes ahead of this device's clock`,
    };
  const millis = Math.max(last.millis, remote.millis, now);
  const counter =
    millis === last.millis && millis === remote.millis
      ? Math.max(last.counter, remote.counter) + 1
      : millis === last.millis
        ? last.counter + 1
        : millis === remote.millis
          ? remote.counter + 1
          : 0;
  return advance(millis, counter, last.node);
}
