/**
 * The database's side of replication (src/sync drives it). What to send is read from history
 * (the outbox is every entry after the last one sent, by hybrid logical clock, so a folded
 * draft save that moved on is sent again); what arrives is written through applyChanges like
 * any change, with the other device's revision and stamps and a history entry, so undo and
 * the patient's history show it. Nothing is ever picked silently: a record changed here
 * since it was last sent is not overwritten (it goes out first, and the replica sees the two
 * versions), and a record that would break a rule across records (a patient code used twice)
 * is kept out and listed as a conflict for a clinician.
 */
import { db } from './db';
import { withAssessmentKeys, withPatientKeys } from './derived';
import { applyChanges, SYNC_APPLY, type Change } from './history-writer';
import { receiveHlc } from './stamps';
import type {
  Assessment,
  ClinicalRecord,
  ClinicalTable,
  Patient,
  SyncConflict,
  SyncVersion,
  SyncState,
  Tombstone,
} from './schema';
import { nowIso, runWrite } from './write';

/**
 * One record's state to send: the record, or its tombstone, and `base`: its revision when it
 * was last sent or read (null: new here), so the sender can tell whether the replica moved on.
 */
export type Outgoing = { readonly base: string | null } & (
  | {
      readonly table: ClinicalTable;
      readonly record: ClinicalRecord;
      readonly hlc: string;
      readonly tombstone: null;
    }
  | {
      readonly table: ClinicalTable;
      readonly record: null;
      readonly hlc: string;
      readonly tombstone: Tombstone;
    }
);

/** One record as the replica holds it (the winning revision), for applyRemote. */
export interface Incoming {
  readonly id: string;
  readonly table: ClinicalTable;
  readonly patientId: string;
  readonly rev: string;
  readonly author: string;
  readonly device: string;
  readonly hlc: string;
  /** null: deleted on the other device. */
  readonly record: ClinicalRecord | null;
}

export const EMPTY_SYNC_STATE: SyncState = {
  sentThrough: null,
  readThrough: null,
  lastSyncAt: null,
  refused: [],
};

export async function readSyncState(): Promise<SyncState> {
  const stored = await db.meta.get('syncState');
  return stored?.key === 'syncState' ? { ...EMPTY_SYNC_STATE, ...stored.value } : EMPTY_SYNC_STATE;
}

export async function writeSyncState(changes: Partial<SyncState>): Promise<SyncState> {
  const next = { ...(await readSyncState()), ...changes };
  await db.meta.put({ key: 'syncState', value: next });
  return next;
}

export async function readSyncConflicts(): Promise<readonly SyncConflict[]> {
  const stored = await db.meta.get('syncConflicts');
  return stored?.key === 'syncConflicts' ? stored.value : [];
}

/** Changes made here not yet sent (history entries after the last sent clock). */
export function countPending(sentThrough: string | null): Promise<number> {
  return db.history
    .where('hlc')
    .above(sentThrough ?? '')
    .filter((e) => e.operation !== SYNC_APPLY)
    .count();
}

/**
 * What changed here after `sentThrough`: each record once, as it is now (or its tombstone),
 * and the clock to remember once they are sent.
 */
export async function readOutbox(
  sentThrough: string | null,
): Promise<{ readonly items: readonly Outgoing[]; readonly through: string | null }> {
  const entries = await db.history
    .where('hlc')
    .above(sentThrough ?? '')
    .toArray();
  const latest = new Map<string, { table: ClinicalTable; hlc: string; base: string | null }>();
  for (const entry of entries) {
    // Changes of the conventions in use (meta) do not replicate: each device keeps its own.
    if (entry.table === 'clinicalRules') continue;
    // Clinic-defined scales do not replicate yet (issue 16 report): each device imports them.
    if (entry.table === 'scaleDefinitions') continue;
    if (entry.operation === SYNC_APPLY || entry.hlc === undefined) continue;
    const first = latest.get(entry.recordId);
    const base = first ? first.base : (entry.before?.rev ?? null);
    latest.set(entry.recordId, { table: entry.table, hlc: entry.hlc, base });
  }
  const items: Outgoing[] = [];
  for (const [id, { table, hlc, base }] of latest) {
    const record = await db.table<ClinicalRecord, string>(table).get(id);
    if (record) {
      items.push({ table, record, hlc, base, tombstone: null });
      continue;
    }
    const tombstone = await db.tombstones.get(id);
    if (tombstone) items.push({ table, record: null, hlc, base, tombstone });
  }
  const through = entries.at(-1)?.hlc ?? sentThrough;
  return { items, through };
}

/** The stored form of an incoming record: derived keys recomputed, stamps from the replica. */
export function storedFormOf(item: Incoming): ClinicalRecord | null {
  if (item.record === null) return null;
  const stamps = { rev: item.rev, author: item.author, device: item.device };
  if (item.table === 'patients') return { ...withPatientKeys(item.record as Patient), ...stamps };
  if (item.table === 'assessments')
    return { ...withAssessmentKeys(item.record as Assessment), ...stamps };
  return { ...item.record, ...stamps };
}

export interface ApplySummary {
  readonly applied: number;
  /** Changed here since last sent: left for the next round, which sends them first. */
  readonly held: number;
  readonly conflicts: number;
}

/** Writes what other devices changed, one transaction per record. */
export async function applyRemote(
  items: readonly Incoming[],
  sentThrough: string | null,
): Promise<ApplySummary> {
  let applied = 0;
  let held = 0;
  const conflicts: SyncConflict[] = [];
  for (const item of items) {
    const outcome = await runWrite(async () => {
      const local = await db.table<ClinicalRecord, string>(item.table).get(item.id);
      if ((local?.rev ?? null) === (item.record ? item.rev : null))
        return { ok: true, value: 'same' } as const;
      const unsent = await db.history
        .where('recordId')
        .equals(item.id)
        .filter((e) => e.operation !== SYNC_APPLY && (e.hlc ?? '') > (sentThrough ?? ''))
        .count();
      if (unsent > 0) return { ok: true, value: 'held' } as const;
      const after = storedFormOf(item);
      if (after && item.table === 'patients') {
        const patient = after as Patient;
        const holder = await db.patients.where('codeKey').equals(patient.codeKey).first();
        if (holder && holder.id !== patient.id) {
          conflicts.push({
            id: item.id,
            kind: 'patient-code',
            table: item.table,
            patientId: item.patientId,
            reason: `Patient code ${patient.code} is used by two patients (one made on another device); rename one to keep both.`,
            versions: [
              {
                rev: item.rev,
                author: item.author,
                device: item.device,
                hlc: item.hlc,
                record: after,
              },
            ],
            seenAt: nowIso(),
          });
          return { ok: true, value: 'conflict' } as const;
        }
      }
      if (!local && !after) return { ok: true, value: 'same' } as const;
      receiveHlc(db, item.hlc);
      const change = { table: item.table, before: local ?? null, after } as Change;
      await applyChanges({ name: SYNC_APPLY, by: item.author }, [change]);
      return { ok: true, value: 'applied' } as const;
    });
    if (!outcome.ok)
      throw new Error(`Sync could not write ${item.table} ${item.id}: ${outcome.reason}`);
    if (outcome.value === 'applied') applied += 1;
    if (outcome.value === 'held') held += 1;
  }
  if (conflicts.length) await addSyncConflicts(conflicts);
  return { applied, held, conflicts: conflicts.length };
}

/** Lists conflicts for a clinician (one entry per record: a newer report replaces an older). */
export async function addSyncConflicts(found: readonly SyncConflict[]): Promise<void> {
  await runWrite(async () => {
    const known = (await readSyncConflicts()).filter((c) => !found.some((f) => f.id === c.id));
    await db.meta.put({ key: 'syncConflicts', value: [...known, ...found] });
    return { ok: true, value: null };
  }, ['meta']);
}

/** A record as it was at revision `rev` on this device (from history); null: not known here. */
export async function versionAtRev(id: string, rev: string): Promise<SyncVersion | null> {
  const entries = await db.history.where('recordId').equals(id).toArray();
  for (const entry of entries.reverse()) {
    if (entry.table === 'clinicalRules' || entry.table === 'scaleDefinitions') continue;
    const record =
      entry.after?.rev === rev ? entry.after : entry.before?.rev === rev ? entry.before : null;
    if (record)
      return {
        rev,
        author: record.author ?? 'this device',
        device: record.device ?? '',
        hlc: entry.hlc ?? '',
        record,
      };
  }
  return null;
}

/**
 * Listed conflicts of two versions that another device resolved: the record arrived as one
 * leaf, written after every listed version (its clock is later: the resolving device read
 * them all before choosing), so the listing is stale and goes.
 */
export async function dropSettledConflicts(
  arrived: readonly { readonly id: string; readonly hlc: string }[],
): Promise<void> {
  const listed = await readSyncConflicts();
  const settled = new Set(
    arrived
      .filter((doc) =>
        listed.some(
          (c) =>
            c.id === doc.id &&
            (c.kind ?? 'versions') === 'versions' &&
            c.versions.every((v) => v.hlc < doc.hlc),
        ),
      )
      .map((doc) => doc.id),
  );
  if (settled.size === 0) return;
  await runWrite(async () => {
    const left = (await readSyncConflicts()).filter((c) => !settled.has(c.id));
    await db.meta.put({ key: 'syncConflicts', value: left });
    return { ok: true, value: null };
  }, ['meta']);
}
