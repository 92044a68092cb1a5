/**
 * Revisions: every clinical record carries `rev`, "N-hash" as in CouchDB's `_rev`. N counts
 * the writes of the record (1 on creation); the hash is a deterministic digest of the parent
 * revision and the new content, so the same edit of the same parent gives the same revision
 * on any device (CouchDB's `new_edits` rule), and two different edits of one parent give two
 * revisions with the same N: a conflict a replicator can see. Every save names the revision
 * it edited (`base`); a save against a moved record merges field by field or stops with both
 * values (see docs/ARCHITECTURE.md, "Revisions").
 *
 * Records written before revisions existed have none: they count as revision 0 and get
 * "1-…" on their first write.
 */
import { canonicalJson } from './derived';

export interface Revisioned {
  readonly rev?: string;
}

/** The N of "N-hash"; 0 for a record without a revision. */
export function revNumber(rev: string | undefined): number {
  if (rev === undefined) return 0;
  const n = Number.parseInt(rev.split('-')[0] ?? '', 10);
  return Number.isSafeInteger(n) && n >= 0 ? n : 0;
}

/** cyrb53 (public domain): a fast 53-bit string hash, synchronous so it can run inside a transaction. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/**
 * The record without its stamps (revision, author, device): what the revision's hash covers
 * and what a backup file carries. Leaving the author out of the hash keeps CouchDB's rule
 * that the same edit of the same parent is the same revision, whoever made it.
 */
export function withoutStamps<T extends object>(record: T): Omit<T, 'rev' | 'author' | 'device'> {
  const rest: Record<string, unknown> = { ...(record as Record<string, unknown>) };
  delete rest.rev;
  delete rest.author;
  delete rest.device;
  return rest as Omit<T, 'rev' | 'author' | 'device'>;
}

/** The revision `after` gets when it replaces `before` (null: created). Deterministic. */
export function nextRev(before: Revisioned | null, after: object): string {
  const parent = before?.rev ?? '';
  return `${revNumber(before?.rev) + 1}-${hash53(`${parent}\n${canonicalJson(withoutStamps(after))}`)}`;
}

/** `after` stamped with its next revision. */
export function revise<T extends object>(before: Revisioned | null, after: T): T & { rev: string } {
  return { ...after, rev: nextRev(before, after) };
}

/** Whether the stored record is still the revision a form loaded. */
export const sameRev = (stored: Revisioned, base: Revisioned): boolean => stored.rev === base.rev;
