/**
 * How a record travels: one CouchDB document per record, its id the record's id, holding the
 * record (its data, without derived keys or stamps) and, beside it, what replication and the
 * server's validate_doc_update read: table, patient, author, device, clock and the record's
 * own revision. A deleted record is a deleted document that keeps those fields and no record.
 */
import type { ClinicalRecord, ClinicalTable } from '../db/schema';
import type { Incoming, Outgoing } from '../db/sync-store';

export interface RecordDoc {
  readonly _id: string;
  readonly _rev?: string;
  readonly _deleted?: boolean;
  readonly _conflicts?: readonly string[];
  readonly table: ClinicalTable;
  readonly patientId: string;
  readonly author: string;
  readonly device: string;
  readonly hlc: string;
  /** The record's own revision ("N-hash", src/db/revision.ts). */
  readonly rev: string;
  readonly record?: ClinicalRecord;
}

const DERIVED = new Set(['rev', 'author', 'device', 'codeKey', 'nameWords', 'flaggedItems']);

function dataOf(record: ClinicalRecord): ClinicalRecord {
  const entries = Object.entries(record).filter(([key]) => !DERIVED.has(key));
  return Object.fromEntries(entries) as unknown as ClinicalRecord;
}

const patientIdOf = (table: ClinicalTable, record: ClinicalRecord): string =>
  table === 'patients' ? record.id : ((record as { patientId?: string }).patientId ?? '');

/** The document for a record (or tombstone) to send, on top of `_rev` when the replica has one. */
export function docOf(item: Outgoing, replicaRev: string | undefined): RecordDoc {
  const rev = replicaRev === undefined ? {} : { _rev: replicaRev };
  if (item.record) {
    return {
      _id: item.record.id,
      ...rev,
      table: item.table,
      patientId: patientIdOf(item.table, item.record),
      // Records saved before blank names were stamped "this device" may carry ''.
      author: item.record.author || 'this device',
      device: item.record.device ?? '',
      hlc: item.hlc,
      rev: item.record.rev ?? '',
      record: dataOf(item.record),
    };
  }
  const t = item.tombstone;
  return {
    _id: t.id,
    ...rev,
    _deleted: true,
    table: t.table,
    patientId: t.patientId,
    author: t.author,
    device: t.device,
    hlc: item.hlc,
    rev: t.rev,
  };
}

/** The record a document carries, as the database applies it. */
export function incomingOf(doc: RecordDoc): Incoming {
  return {
    id: doc._id,
    table: doc.table,
    patientId: doc.patientId,
    rev: doc.rev,
    author: doc.author,
    device: doc.device,
    hlc: doc.hlc,
    record: doc._deleted ? null : (doc.record ?? null),
  };
}

/** The record's revision a document holds (a deleted one: its tombstone's). */
export const recordRevOf = (doc: RecordDoc): string => doc.rev;
