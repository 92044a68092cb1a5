/**
 * The only place that writes clinical records: each change is written together with its
 * history entry, so nothing changes without a trace. Call inside runWrite.
 */
import { db } from './db';
import type { PatientBundle } from './patient-bundle';
import { nextRev, revise } from './revision';
import { deviceIdOf, nextHlc, THIS_DEVICE } from './stamps';
import { adjustOpenFlags, refreshSummaries } from './summary-writer';
import { nowIso, newId } from './write';
import type {
  Assessment,
  ClinicalTable,
  Cohort,
  Enrolment,
  HistoryAction,
  HistoryEntry,
  Patient,
  RecordMap,
  SafetyAck,
  Tombstone,
  TreatmentEvent,
  Visit,
} from './schema';

/** One record's change: before null = created, after null = deleted. */
export type Change = {
  [K in ClinicalTable]: {
    readonly table: K;
    readonly before: RecordMap[K] | null;
    readonly after: RecordMap[K] | null;
  };
}[ClinicalTable];

export interface Operation {
  /** What the user did, in words ('edit patient'). */
  readonly name: string;
  readonly by?: string | undefined;
  /** Set by undo: the group being undone. */
  readonly undoOf?: string;
}

/**
 * The operation name of changes read from another device (src/db/sync-store.ts): written
 * with the other device's revision and stamps, and never sent back.
 */
export const SYNC_APPLY = 'change from another device';

/** The operation name of draft saves, which are coalesced (see saveDraftAssessment). */
export const DRAFT_SAVE = 'save draft assessment';

export function recordOf(change: Change): RecordMap[ClinicalTable] {
  const record = change.after ?? change.before;
  if (!record)
    throw new Error(`A change of ${change.table} has neither a before nor an after value`);
  return record;
}

export function patientIdOf(change: Change): string {
  switch (change.table) {
    case 'patients':
      return recordOf(change).id;
    case 'cohorts':
      // A cohort belongs to no patient (its enrolments each belong to theirs).
      return '';
    default:
      return (change.after ?? change.before ?? { patientId: '' }).patientId;
  }
}

const actionOf = (change: Change, undo: boolean): HistoryAction =>
  undo ? 'undo' : change.before === null ? 'create' : change.after === null ? 'delete' : 'update';

type Buckets = {
  patients: Patient[];
  events: TreatmentEvent[];
  visits: Visit[];
  assessments: Assessment[];
  safetyAcks: SafetyAck[];
  cohorts: Cohort[];
  enrolments: Enrolment[];
};

function bucketPuts(changes: readonly Change[]): Buckets {
  const puts: Buckets = {
    patients: [],
    events: [],
    visits: [],
    assessments: [],
    safetyAcks: [],
    cohorts: [],
    enrolments: [],
  };
  for (const change of changes) {
    switch (change.table) {
      case 'patients':
        if (change.after) puts.patients.push(change.after);
        break;
      case 'events':
        if (change.after) puts.events.push(change.after);
        break;
      case 'visits':
        if (change.after) puts.visits.push(change.after);
        break;
      case 'assessments':
        if (change.after) puts.assessments.push(change.after);
        break;
      case 'safetyAcks':
        if (change.after) puts.safetyAcks.push(change.after);
        break;
      case 'cohorts':
        if (change.after) puts.cohorts.push(change.after);
        break;
      case 'enrolments':
        if (change.after) puts.enrolments.push(change.after);
        break;
    }
  }
  return puts;
}

/**
 * Who made a change: the clinician named (`by`), else "this device" (also when the settings'
 * clinician is left blank: an empty author is no one, and the sync server refuses it).
 * applyChanges stamps every record it writes; a repository that returns the record it wrote
 * stamps it the same way first, so what it returns is what was stored.
 */
export function stampFor(by: string | undefined): {
  readonly author: string;
  readonly device: string;
} {
  return { author: by?.trim() || THIS_DEVICE, device: deviceIdOf(db) };
}

const stampOf = (operation: Operation) => stampFor(operation.by);

/** What replication keeps of a deleted record: no content, the revision of the deletion. */
export function tombstoneOf(change: Change, at: string, operation: Operation): Tombstone {
  const record = recordOf(change);
  const stamp = stampOf(operation);
  return {
    id: record.id,
    table: change.table,
    patientId: patientIdOf(change),
    rev: nextRev(record, { deleted: true }),
    deletedAt: at,
    ...stamp,
  };
}

/**
 * Writes the changes and one history entry each, as one group. Deletes go first, so a
 * record can take over a unique patient code that a deleted one held; each leaves a
 * tombstone, and a record written again (undo of a delete) loses its tombstone. Returns the
 * group id.
 */
export async function applyChanges(
  operation: Operation,
  given: readonly Change[],
  options: { readonly undo?: boolean } = {},
): Promise<string> {
  const groupId = newId();
  const at = nowIso();
  // Every written record gets its next revision here, the one place clinical records are
  // written, so no writer can forget it. revise() is deterministic: a caller that stamped
  // the record already (to return it) gets the same value.
  // Author and device are stamped here too, for the same reason.
  const stamp = stampOf(operation);
  // A change read from another device keeps that device's revision and stamps.
  const remote = operation.name === SYNC_APPLY;
  const changes = given.map((change) =>
    change.after === null || remote
      ? change
      : ({ ...change, after: revise(change.before, { ...change.after, ...stamp }) } as Change),
  );
  const deletes: Record<ClinicalTable, string[]> = {
    patients: [],
    events: [],
    visits: [],
    assessments: [],
    safetyAcks: [],
    cohorts: [],
    enrolments: [],
  };
  for (const change of changes) {
    if (change.after === null) deletes[change.table].push(recordOf(change).id);
  }
  // Only the tables with something to write are touched, so a write may run in a
  // transaction that locks just those (runWrite's scope).
  const tables = {
    patients: db.patients,
    events: db.events,
    visits: db.visits,
    assessments: db.assessments,
    safetyAcks: db.safetyAcks,
    cohorts: db.cohorts,
    enrolments: db.enrolments,
  } as const;
  await Promise.all(
    (Object.keys(deletes) as ClinicalTable[])
      .filter((t) => deletes[t].length > 0)
      .map((t) => tables[t].bulkDelete(deletes[t])),
  );
  const removed = changes.filter((c) => c.after === null);
  if (removed.length)
    await db.tombstones.bulkPut(removed.map((c) => tombstoneOf(c, at, operation)));
  const created = changes.filter((c) => c.before === null && c.after !== null);
  if (created.length) await db.tombstones.bulkDelete(created.map((c) => recordOf(c).id));
  const puts = bucketPuts(changes);
  await Promise.all([
    puts.patients.length ? db.patients.bulkPut(puts.patients) : null,
    puts.events.length ? db.events.bulkPut(puts.events) : null,
    puts.visits.length ? db.visits.bulkPut(puts.visits) : null,
    puts.assessments.length ? db.assessments.bulkPut(puts.assessments) : null,
    puts.safetyAcks.length ? db.safetyAcks.bulkPut(puts.safetyAcks) : null,
    puts.cohorts.length ? db.cohorts.bulkPut(puts.cohorts) : null,
    puts.enrolments.length ? db.enrolments.bulkPut(puts.enrolments) : null,
  ]);
  const undo = options.undo ?? false;
  const entries = changes.map((change): Omit<HistoryEntry, 'id'> => ({
    ...change,
    recordId: recordOf(change).id,
    patientId: patientIdOf(change),
    action: actionOf(change, undo),
    at,
    groupId,
    operation: operation.name,
    hlc: nextHlc(db),
    device: stamp.device,
    ...(operation.by === undefined ? {} : { by: operation.by }),
    ...(operation.undoOf === undefined ? {} : { undoOf: operation.undoOf }),
  }));
  await db.history.bulkAdd(entries);
  await keepSummaries(changes);
  return groupId;
}

type Bucketed = Omit<Buckets, 'patients' | 'cohorts' | 'enrolments'> & { patient: Patient };

/** Cohorts and enrolments are not part of a patient summary. */
const COHORT_TABLES: readonly ClinicalTable[] = ['cohorts', 'enrolments'];

const isDraft = (a: Assessment | null) => a === null || a.status === 'draft';

/** The patient summaries of everyone these changes touch, recomputed (summary-writer.ts). */
async function keepSummaries(all: readonly Change[]): Promise<void> {
  const changes = all.filter((c) => !COHORT_TABLES.includes(c.table));
  if (changes.length === 0) return;
  const drafts = changes.flatMap((c) =>
    c.table === 'assessments' && isDraft(c.before) && isDraft(c.after) ? [c] : [],
  );
  if (drafts.length === changes.length) {
    await adjustOpenFlags(drafts);
    return;
  }
  const created = new Set(
    changes.flatMap((c) => (c.table === 'patients' && c.before === null ? [recordOf(c).id] : [])),
  );
  const fresh = new Map<string, PatientBundle>();
  if (created.size) {
    const afters = bucketPuts(changes.filter((c) => created.has(patientIdOf(c))));
    const bundles = new Map<string, Bucketed>(
      afters.patients.map((patient) => [
        patient.id,
        { patient, events: [], visits: [], assessments: [], safetyAcks: [] },
      ]),
    );
    for (const r of afters.events) bundles.get(r.patientId)?.events.push(r);
    for (const r of afters.visits) bundles.get(r.patientId)?.visits.push(r);
    for (const r of afters.assessments) bundles.get(r.patientId)?.assessments.push(r);
    for (const r of afters.safetyAcks) bundles.get(r.patientId)?.safetyAcks.push(r);
    const byDate = (a: { date: string }, b: { date: string }) => a.date.localeCompare(b.date);
    for (const [id, b] of bundles) {
      b.events.sort(byDate);
      b.visits.sort(byDate);
      b.assessments.sort(byDate);
      fresh.set(id, b);
    }
  }
  await refreshSummaries(changes.map(patientIdOf), fresh);
}

/**
 * A draft save: written with history like any change, except that repeated saves of the
 * same draft are folded into its latest draft-save entry (its `after` and `at` move on)
 * instead of adding one entry per keystroke. The entry keeps the value from before the
 * first save of the run, so undo still restores it, and it always equals the stored draft,
 * so the "unchanged since" check of undo holds.
 */
export async function applyDraftSave(
  operation: Operation,
  before: Assessment | null,
  unrevised: Assessment,
): Promise<void> {
  const after = revise(before, { ...unrevised, ...stampOf(operation) });
  const latest = await db.history.where('recordId').equals(after.id).last();
  const foldable =
    latest !== undefined &&
    latest.table === 'assessments' &&
    latest.operation === DRAFT_SAVE &&
    latest.after?.status === 'draft' &&
    (latest.by ?? null) === (operation.by ?? null);
  if (!foldable) {
    await applyChanges(operation, [{ table: 'assessments', before, after }]);
    return;
  }
  await db.assessments.put(after);
  // A new clock too: the entry moves to the end of the order, where replication looks for
  // what changed since it last ran.
  await db.history.update(latest.id, { after, at: nowIso(), hlc: nextHlc(db) });
  await adjustOpenFlags([{ before, after }]);
}
