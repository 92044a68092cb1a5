/**
 * One round of sync: send what changed here into the local replica (a PouchDB database in
 * this browser), replicate it both ways with the clinic's CouchDB, and read what arrived back
 * into the app's database through src/db/sync-store.ts. PouchDB keeps the revision tree, so
 * two devices' edits of one record made apart both survive: a record with conflicting
 * revisions is never applied but listed for a clinician with every version.
 */
import type { Database, PouchDoc } from 'pouchdb-browser';
import type { SyncConflict } from '../db/schema';
import {
  addSyncConflicts,
  applyRemote,
  readOutbox,
  readSyncState,
  writeSyncState,
  type Outgoing,
} from '../db/sync-store';
import { docOf, incomingOf, type RecordDoc } from './docs';

export type Replica = Database;

export interface RoundSummary {
  readonly sent: number;
  readonly received: number;
  readonly conflicts: number;
  /** Records the server refused, with its reason (validate_doc_update). */
  readonly refused: readonly { readonly id: string; readonly reason: string }[];
  /** Documents replicated each way in this round. */
  readonly pushed: number;
  readonly pulled: number;
}

const isMissing = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { status?: number }).status === 404;

async function winnerOf(local: Replica, id: string): Promise<RecordDoc | null> {
  try {
    return (await local.get(id)) as unknown as RecordDoc;
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  // A deleted document: its last revision still names the record's revision.
  try {
    const [first] = await local.get(id, { open_revs: 'all' });
    return first && 'ok' in first ? (first.ok as unknown as RecordDoc) : null;
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

function conflictOf(item: Outgoing, theirs: RecordDoc, reason: string): SyncConflict {
  const mine = docOf(item, undefined);
  const version = (doc: RecordDoc) => ({
    rev: doc.rev,
    author: doc.author,
    device: doc.device,
    hlc: doc.hlc,
    record: doc._deleted ? null : (doc.record ?? null),
  });
  return {
    id: mine._id,
    table: mine.table,
    patientId: mine.patientId,
    reason,
    versions: [version(mine), version(theirs)],
    seenAt: new Date().toISOString(),
  };
}

/** Writes the outbox into the local replica; a record the replica changed meanwhile is a conflict. */
async function sendToReplica(local: Replica, items: readonly Outgoing[]) {
  let sent = 0;
  const conflicts: SyncConflict[] = [];
  for (const item of items) {
    const doc = docOf(item, undefined);
    const theirs = await winnerOf(local, doc._id);
    if (theirs && theirs.rev === doc.rev && Boolean(theirs._deleted) === Boolean(doc._deleted))
      continue;
    if (theirs && theirs.rev !== item.base) {
      conflicts.push(conflictOf(item, theirs, 'changed on two devices'));
      continue;
    }
    await local.put(docOf(item, theirs?._rev) as unknown as PouchDoc);
    sent += 1;
  }
  return { sent, conflicts };
}

/** Replicates both ways, once; records refused by the server are collected, not lost. */
async function replicateBothWays(local: Replica, remote: Replica) {
  const refused: { id: string; reason: string }[] = [];
  const push = local.replicate.to(remote);
  push.on('denied', (error) => {
    const e = error as { id?: string; reason?: string; message?: string };
    refused.push({ id: e.id ?? '?', reason: e.reason ?? e.message ?? 'refused by the server' });
  });
  const pushed = await push;
  const pulled = await local.replicate.from(remote);
  return { refused, pushed: pushed.docs_written, pulled: pulled.docs_written };
}

/** Reads what changed in the replica since last time into the app's database. */
async function readFromReplica(
  local: Replica,
  since: string | number | null,
  sentThrough: string | null,
) {
  const changes = await local.changes({
    since: since ?? 0,
    include_docs: true,
    conflicts: true,
  });
  const incoming = [];
  const conflicts: SyncConflict[] = [];
  for (const change of changes.results) {
    const doc = change.doc as unknown as RecordDoc | undefined;
    if (!doc || doc._id.startsWith('_design/')) continue;
    if (doc._conflicts?.length) {
      const others = await Promise.all(
        doc._conflicts.map((rev) => local.get(doc._id, { rev }) as unknown as Promise<RecordDoc>),
      );
      const versions = [doc, ...others].map((d) => ({
        rev: d.rev,
        author: d.author,
        device: d.device,
        hlc: d.hlc,
        record: d._deleted ? null : (d.record ?? null),
      }));
      conflicts.push({
        id: doc._id,
        table: doc.table,
        patientId: doc.patientId,
        reason: 'changed on two devices',
        versions,
        seenAt: new Date().toISOString(),
      });
      continue;
    }
    incoming.push(incomingOf(doc));
  }
  const applied = await applyRemote(incoming, sentThrough);
  return { applied, conflicts, lastSeq: changes.last_seq };
}

/** One full round. Throws when the server cannot be reached (the caller retries with backoff). */
export async function syncRound(local: Replica, remote: Replica): Promise<RoundSummary> {
  const state = await readSyncState();
  const outbox = await readOutbox(state.sentThrough);
  const sending = await sendToReplica(local, outbox.items);
  const moved = await replicateBothWays(local, remote);
  // Sent means on the server: if replication failed, the next round reads the same outbox
  // (records the replica already holds at that revision are skipped) and pushes again.
  await writeSyncState({ sentThrough: outbox.through });
  const read = await readFromReplica(local, state.readThrough, outbox.through);
  const conflicts = [...sending.conflicts, ...read.conflicts];
  if (conflicts.length) await addSyncConflicts(conflicts);
  const refusedIds = new Set(moved.refused.map((r) => r.id));
  await writeSyncState({
    readThrough: read.lastSeq,
    lastSyncAt: new Date().toISOString(),
    refused: [...state.refused.filter((r) => !refusedIds.has(r.id)), ...moved.refused],
  });
  return {
    sent: sending.sent,
    received: read.applied.applied,
    conflicts: conflicts.length + read.applied.conflicts,
    refused: moved.refused,
    pushed: moved.pushed,
    pulled: moved.pulled,
  };
}
