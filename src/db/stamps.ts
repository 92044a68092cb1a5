/**
 * Who and when, for replication: every record carries its author and device, every history
 * entry a hybrid logical clock (src/domain/hlc.ts). The device id is made once and kept in
 * meta; the clock lives in memory, seeded when the database opens from the latest clock in
 * history, and moves on synchronously so it can be read inside a write's transaction.
 */
import type { Dexie, Table } from 'dexie';
import {
  formatHlc,
  nodeOf,
  parseHlc,
  receive,
  tick,
  type ClockResult,
  type Hlc,
} from '../domain/hlc';
import type { HistoryEntry, MetaRecord } from './schema';

/** The author of changes made while no clinician is named (nobody signed in). */
export const THIS_DEVICE = 'this device';

interface DeviceClock {
  readonly deviceId: string;
  last: Hlc;
}

const clocks = new WeakMap<Dexie, DeviceClock>();

/** The device id kept in meta, made (and kept) if there is none. */
export async function ensureDeviceId(meta: Table<MetaRecord, string>): Promise<string> {
  const stored = await meta.get('deviceId');
  if (stored?.key === 'deviceId') return stored.value;
  const deviceId = crypto.randomUUID();
  await meta.put({ key: 'deviceId', value: deviceId });
  return deviceId;
}

/**
 * Runs when the database opens (db.on('ready')): reads the device id and the latest clock
 * through `vip`, the handle Dexie lets through while opening, for `database`.
 */
export async function loadDeviceClock(database: Dexie, vip: Dexie): Promise<void> {
  const deviceId = await ensureDeviceId(vip.table<MetaRecord, string>('meta'));
  const latest = await vip.table<HistoryEntry, number>('history').orderBy('hlc').last();
  const seen = latest?.hlc === undefined ? null : parseHlc(latest.hlc);
  const node = nodeOf(deviceId);
  clocks.set(database, {
    deviceId,
    last: seen ? { ...seen, node } : { millis: 0, counter: 0, node },
  });
}

function clockOf(database: Dexie): DeviceClock {
  const clock = clocks.get(database);
  // The ready handler runs before any other use of an opened database: missing is a bug.
  if (!clock) throw new Error('The device clock is read before the database opened');
  return clock;
}

export function deviceIdOf(database: Dexie): string {
  return clockOf(database).deviceId;
}

function moveTo(clock: DeviceClock, result: ClockResult): string {
  // Only 65,536 changes within one millisecond overflow the counter: a bug, not user input.
  if (!result.ok) throw new Error(`Clock: ${result.reason}`);
  clock.last = result.value;
  return formatHlc(result.value);
}

/** The clock of a change made on this device now. */
export function nextHlc(database: Dexie): string {
  const clock = clockOf(database);
  return moveTo(clock, tick(clock.last, Date.now()));
}

/**
 * Moves this device's clock past a clock received from another device (sync), so every later
 * change here sorts after it. A clock that is not one, or too far ahead, is refused.
 */
export function receiveHlc(
  database: Dexie,
  remote: string,
): { readonly ok: true } | { readonly ok: false; readonly reason: string } {
  const clock = clockOf(database);
  const parsed = parseHlc(remote);
  if (!parsed) return { ok: false, reason: `"${remote}" is not a clock` };
  const result = receive(clock.last, parsed, Date.now());
  if (!result.ok) return result;
  moveTo(clock, result);
  return { ok: true };
}
