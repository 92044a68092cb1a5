/**
 * One round of sync: send what changed here into the local replica (a PouchDB database in
 * this browser), replicate it both ways with the clinic's CouchDB, and read what arrived back
 * into the app's database through src/db/sync-store.ts. PouchDB keeps the revision tree, so
 * two devices' edits of one record made apart both survive: a record with conflicting
 * revisions is never applied but listed for a clinician with every version.
 */
import type { Database, PouchDoc } from 'pouchdb-browser';
import type { SyncConflict, SyncResolution } from '../db/schema';
import { forgetSyncResolution, readSyncResolved } from '../db/sync-resolve';
import { listBrokenRules } from '../db/sync-rules';
import {
  addSyncConflicts,
  applyRemote,
  dropSettledConflicts,
  readOutbox,
  readSyncState,
  versionAtRev,
  writeSyncState,
  type Outgoing,
} from '../db/sync-store';
import { docOf, incomingOf, type RecordDoc } from './docs';
import { ancestorOf, leavesOf, versionOf } from './leaves';

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

async function conflictOf(item: Outgoing, theirs: RecordDoc): Promise<SyncConflict> {
  const mine = docOf(item, undefined);
  return {
    id: mine._id,
    kind: 'versions',
    table: mine.table,
    patientId: mine.patientId,
    reason: 'changed on two devices',
    versions: [versionOf(mine), versionOf(theirs)],
    base: item.base === null ? null : await versionAtRev(mine._id, item.base),
    seenAt: new Date().toISOString(),
  };
}

/**
 * A clinician's resolution: written over the replica's winning leaf, every other leaf of
 * the revisions it resolved deleted, in one request, so one leaf is left to replicate. A
 * leaf the resolution did not see (a newer edit elsewhere) makes it a new conflict: false.
 */
async function sendResolution(local: Replica, item: Outgoing, resolution: SyncResolution) {
  const leaves = await leavesOf(local, resolution.id);
  if (leaves.some((leaf) => !resolution.revs.includes(leaf.rev))) return false;
  const [winner, ...others] = leaves;
  await local.bulkDocs([
    docOf(item, winner?._rev) as unknown as PouchDoc,
    ...others.map((leaf) => ({ _id: leaf._id, _rev: leaf._rev ?? '', _deleted: true })),
  ]);
  return true;
}

/** Writes the outbox into the local replica; a record the replica changed meanwhile is a conflict. */
async function sendToReplica(local: Replica, items: readonly Outgoing[]) {
  let sent = 0;
  const conflicts: SyncConflict[] = [];
  const resolutions = new Map((await readSyncResolved()).map((r) => [r.id, r]));
  for (const item of items) {
    const doc = docOf(item, undefined);
    const resolution = resolutions.get(doc._id);
    if (resolution) {
      if (await sendResolution(local, item, resolution)) {
        await forgetSyncResolution(doc._id);
        sent += 1;
        continue;
      }
      await forgetSyncResolution(doc._id);
    }
    const theirs = await winnerOf(local, doc._id);
    if (theirs && theirs.rev === doc.rev && Boolean(theirs._deleted) === Boolean(doc._deleted))
      continue;
    if (theirs && theirs.rev !== item.base) {
      conflicts.push(await conflictOf(item, theirs));
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
      const leafRevs = [doc._rev ?? '', ...doc._conflicts];
      conflicts.push({
        id: doc._id,
        kind: 'versions',
        table: doc.table,
        patientId: doc.patientId,
        reason: 'changed on two devices',
        versions: [doc, ...others].map(versionOf),
        base: await ancestorOf(local, doc._id, leafRevs),
        seenAt: new Date().toISOString(),
      });
      continue;
    }
    incoming.push(incomingOf(doc));
  }
  // A conflict resolved on another device arrives as one leaf newer than every version.
  await dropSettledConflicts(incoming);
  const applied = await applyRemote(incoming, sentThrough);
  const broken = await listBrokenRules(incoming.map((i) => i.patientId));
  return { applied, conflicts, broken, lastSeq: changes.last_seq };
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
    conflicts: conflicts.length + read.applied.conflicts + read.broken,
    refused: moved.refused,
    pushed: moved.pushed,
    pulled: moved.pulled,
  };
}
