/**
 * A conflicted document's leaves in the local replica, and the last revision they share.
 * PouchDB keeps the revision tree: each leaf's `_revisions` lists its ancestors, newest
 * first, so the common ancestor is the newest revision on every leaf's path. Its body is
 * there when this replica held it as a leaf once (a device's own earlier version); a
 * replica that only ever saw the leaves does not have it, and the merge then knows no base.
 */
import type { Database } from 'pouchdb-browser';
import type { SyncVersion } from '../db/schema';
import type { RecordDoc } from './docs';

export const versionOf = (doc: RecordDoc): SyncVersion => ({
  rev: doc.rev,
  author: doc.author,
  device: doc.device,
  hlc: doc.hlc,
  record: doc._deleted ? null : (doc.record ?? null),
});

const isMissing = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { status?: number }).status === 404;

/** Every revision on the path to one leaf, as "N-id", newest first. */
async function pathOf(local: Database, id: string, leaf: string): Promise<string[]> {
  const doc = await local.get(id, { rev: leaf, revs: true });
  const revisions = doc._revisions;
  if (!revisions) return [leaf];
  return revisions.ids.map((hash, i) => `${revisions.start - i}-${hash}`);
}

/** The common ancestor of the leaves `revs` (PouchDB `_rev`s), as a version; null: not known. */
export async function ancestorOf(
  local: Database,
  id: string,
  revs: readonly string[],
): Promise<SyncVersion | null> {
  const [first, ...rest] = await Promise.all(revs.map((rev) => pathOf(local, id, rev)));
  if (!first) return null;
  const shared = first.find((rev) => rest.every((path) => path.includes(rev)));
  if (!shared) return null;
  try {
    return versionOf((await local.get(id, { rev: shared })) as unknown as RecordDoc);
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/** The replica's live leaves of a document: the winner first, then the others. */
export async function leavesOf(local: Database, id: string): Promise<RecordDoc[]> {
  let winner: RecordDoc;
  try {
    winner = (await local.get(id, { conflicts: true })) as unknown as RecordDoc;
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
  const others = await Promise.all(
    (winner._conflicts ?? []).map((rev) => local.get(id, { rev }) as unknown as Promise<RecordDoc>),
  );
  return [winner, ...others];
}
