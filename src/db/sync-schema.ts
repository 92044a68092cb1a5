/** What replication keeps beside the records (v6; src/sync, sync-store.ts). */
import type { ClinicalRecord, ClinicalTable, IsoTimestamp } from './schema';

/**
 * A deleted record, as replication needs it: which record, of which table, at which
 * revision it was deleted, by whom. It holds no clinical content (undo reads the deleted
 * values from history; erasing a patient removes the history too, so nothing of the record
 * stays on the device). Recreating the record (undo of the delete) removes its tombstone.
 */
export interface Tombstone {
  /** The deleted record's id (ids are UUIDs, unique across tables). */
  readonly id: string;
  readonly table: ClinicalTable;
  readonly patientId: string;
  /** The revision of the deletion: the next after the record's last one. */
  readonly rev: string;
  readonly deletedAt: IsoTimestamp;
  readonly author: string;
  readonly device: string;
}

/** Replication bookkeeping: what was sent, what was read, and when. */
export interface SyncState {
  /** The clock of the last history entry sent (the outbox is history after it). */
  readonly sentThrough: string | null;
  /** The last change of the local replica read back into this database. */
  readonly readThrough: string | number | null;
  readonly lastSyncAt: IsoTimestamp | null;
  /** Records the server refused (its validate_doc_update), with its reason: kept here, not lost. */
  readonly refused: readonly { readonly id: string; readonly reason: string }[];
}

/** One version of a record as a device saved it (null record: deleted there). */
export interface SyncVersion {
  readonly rev: string;
  readonly author: string;
  readonly device: string;
  readonly hlc: string;
  readonly record: ClinicalRecord | null;
}

/**
 * What kind of conflict: two versions of one record ('versions'), or a rule across records
 * that two devices broke between them, each version valid alone: a patient code used by two
 * patients, two index events or two draft visits of one patient, an assessment whose copy
 * of its visit's date or status disagrees with the visit. Absent on entries listed before
 * kinds existed: 'versions', or 'patient-code' for a code used twice.
 */
export type SyncConflictKind =
  'versions' | 'patient-code' | 'index-event' | 'draft-visit' | 'visit-copy';

/** A record two devices changed apart, or a rule across records they broke between them. */
export interface SyncConflict {
  /** The record's id; for a rule across records, `<kind>:<patient id>` (or the record's id). */
  readonly id: string;
  readonly kind?: SyncConflictKind;
  readonly table: ClinicalTable;
  readonly patientId: string;
  /** What is wrong, in words: 'changed on two devices', 'patient code DEZ-001 used twice'. */
  readonly reason: string;
  readonly versions: readonly SyncVersion[];
  /**
   * The last version both share (the common ancestor the merge starts from), when the
   * replica still holds it; null or absent: not known, so every difference is a choice.
   */
  readonly base?: SyncVersion | null;
  readonly seenAt: IsoTimestamp;
}

/**
 * A conflict a clinician resolved here, until the resolution is sent: the record's revisions
 * it replaces, so the replica's other leaves of those revisions are deleted with it (every
 * device and the server then keep one). A leaf not listed arrived after the choice: a new
 * conflict, listed again.
 */
export interface SyncResolution {
  readonly id: string;
  readonly revs: readonly string[];
}

/**
 * Where and whether this device syncs (Settings → Sync). The password is never stored: the
 * server's session cookie (CouchDB `/_session`) is what keeps the clinician signed in.
 */
export interface SyncSettings {
  readonly enabled: boolean;
  /** The clinic's CouchDB, on the app's own origin (served there by a proxy; see README). */
  readonly address: string;
  /** The clinic's database on that server. */
  readonly database: string;
  /** The name last signed in with (shown, and offered again); '' before the first sign-in. */
  readonly user: string;
}
