/**
 * A clinician resolves a replication conflict (a record two devices changed apart). The
 * merged or chosen record is written like any change, with history, in one transaction:
 * first the version this device did not hold (as a change from another device, so history
 * shows both versions and undo can go back to either), then the resolution itself. The
 * resolution is sent at the next sync round; src/sync/replicate.ts then deletes the
 * replica's other leaves of the revisions listed here, so every device and the server end
 * with one.
 */
import { mergeVersions, type RecordFields } from '../domain/sync-merge';
import type { Choices, FieldConflict } from '../domain/field-merge';
import { db } from './db';
import { applyChanges, SYNC_APPLY, type Change } from './history-writer';
import { refuse, succeed, type DbResult } from './result';
import { receiveHlc } from './stamps';
import type { ClinicalRecord, SyncConflict, SyncResolution, SyncVersion } from './schema';
import { readSyncConflicts, storedFormOf } from './sync-store';
import { runWrite, type WriteOptions } from './write';

/** Where a conflict's merge stands: ready to save, or the fields that need a choice. */
export type ConflictProposal =
  | { readonly ok: true; readonly value: ClinicalRecord | null }
  | {
      readonly ok: false;
      readonly conflicts: readonly FieldConflict[];
      readonly problems: readonly string[];
    };

const fieldsOf = (v: SyncVersion | null | undefined): RecordFields | null =>
  (v?.record as RecordFields | null | undefined) ?? null;

/** The three-way merge of a listed conflict's two versions, with the choices made so far. */
export function proposalOf(conflict: SyncConflict, choices: Choices = {}): ConflictProposal {
  const [mine, theirs] = conflict.versions;
  if (!mine || !theirs) return { ok: true, value: fieldsOf(mine) as ClinicalRecord | null };
  const merged = mergeVersions(
    conflict.table,
    fieldsOf(conflict.base),
    fieldsOf(mine),
    fieldsOf(theirs),
    choices,
  );
  return merged.ok ? { ok: true, value: merged.value as ClinicalRecord | null } : merged;
}

export async function readSyncResolved(): Promise<readonly SyncResolution[]> {
  const stored = await db.meta.get('syncResolved');
  return stored?.key === 'syncResolved' ? stored.value : [];
}

/** The resolution sent: the replica holds one leaf again. */
export async function forgetSyncResolution(id: string): Promise<void> {
  await runWrite(async () => {
    const left = (await readSyncResolved()).filter((r) => r.id !== id);
    await db.meta.put({ key: 'syncResolved', value: left });
    return succeed(null);
  }, ['meta']);
}

/**
 * Resolves the listed conflict `id` with the clinician's `choices` (by conflict key, as the
 * proposal names them). Refused, with nothing written, while a choice is missing, when the
 * conflict is not listed (resolved already) or is a rule across records (fixed by editing
 * the records), and when the record changed here after the conflict was listed.
 */
export function resolveSyncConflict(
  id: string,
  choices: Choices,
  options: WriteOptions = {},
): Promise<DbResult<ClinicalRecord | null>> {
  return runWrite<ClinicalRecord | null>(async () => {
    const listed = await readSyncConflicts();
    const conflict = listed.find((c) => c.id === id);
    if (!conflict) return refuse('This conflict is not listed any more: it was resolved already.');
    if ((conflict.kind ?? 'versions') !== 'versions')
      return refuse('This conflict is resolved by editing the records it names, not by a choice.');
    const proposal = proposalOf(conflict, choices);
    if (!proposal.ok)
      return refuse(
        `Choose a value for ${proposal.conflicts.map((c) => c.field).join(', ')} first.`,
      );
    const table = conflict.table;
    const local = (await db.table<ClinicalRecord, string>(table).get(id)) ?? null;
    const revs = conflict.versions.map((v) => v.rev);
    if (local && !revs.includes(local.rev ?? ''))
      return refuse(
        'This record was changed on this device after the conflict was found. Sync again: the conflict is then listed with the newest versions.',
      );
    for (const v of conflict.versions) receiveHlc(db, v.hlc);
    // The version this device does not hold goes into history first, so both stay there.
    let before: ClinicalRecord | null = local;
    const other = conflict.versions.find((v) => v.rev !== (local?.rev ?? ''));
    if (other && (local !== null || other.record !== null)) {
      const after = storedFormOf({ ...other, id, table, patientId: conflict.patientId });
      if (local !== null || after !== null) {
        await applyChanges({ name: SYNC_APPLY, by: other.author }, [
          { table, before, after } as Change,
        ]);
        before = after;
      }
    }
    const resolved = proposal.value;
    const after =
      resolved === null
        ? null
        : storedFormOf({
            id,
            table,
            patientId: conflict.patientId,
            rev: '',
            author: '',
            device: '',
            hlc: '',
            record: resolved,
          });
    if (before !== null || after !== null)
      await applyChanges({ name: 'resolve sync conflict', by: options.by }, [
        { table, before, after } as Change,
      ]);
    const resolvedList = (await readSyncResolved()).filter((r) => r.id !== id);
    await db.meta.bulkPut([
      { key: 'syncConflicts', value: listed.filter((c) => c.id !== id) },
      { key: 'syncResolved', value: [...resolvedList, { id, revs }] },
    ]);
    return succeed(
      after ? ((await db.table<ClinicalRecord, string>(table).get(id)) ?? null) : null,
    );
  });
}
