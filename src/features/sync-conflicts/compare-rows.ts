/**
 * The rows of the side-by-side view of two versions: each field (or, for an assessment, each
 * item) whose value is not the same in the common version and both versions, with the
 * proposed value. Values are shown as text a clinician reads.
 */
import { fieldLabel } from '../../domain/sync-merge';
import { sameValue } from '../../domain/field-merge';
import type { SyncConflict } from '../../db/schema';
import { proposalOf, type ConflictProposal } from '../../db/sync-resolve';

export interface CompareRow {
  readonly key: string;
  readonly what: string;
  readonly base: string;
  readonly first: string;
  readonly second: string;
  /** The merged value; null: a choice is needed. */
  readonly proposed: string | null;
}

const HIDDEN = new Set([
  'id',
  'rev',
  'author',
  'device',
  'codeKey',
  'nameWords',
  'flaggedItems',
  'updatedAt',
  'createdAt',
  'finalizedAt',
  'entry',
]);

export const shownValue = (value: unknown): string =>
  value === undefined || value === null || value === ''
    ? '(empty)'
    : typeof value === 'string'
      ? value
      : typeof value === 'boolean'
        ? value
          ? 'yes'
          : 'no'
        : JSON.stringify(value);

type Fields = Readonly<Record<string, unknown>>;
const fieldsOf = (record: unknown): Fields | null => (record as Fields | null | undefined) ?? null;

function itemsOf(record: Fields | null): Readonly<Record<string, unknown>> {
  const entry = record?.entry as
    | { mode: 'items'; responses: readonly (number | null)[] }
    | { mode: 'summary'; total: number | null; items: Readonly<Record<string, number>> }
    | undefined;
  if (!entry) return {};
  if (entry.mode === 'items')
    return Object.fromEntries(entry.responses.map((v, i) => [`responses.${i}`, v]));
  return {
    total: entry.total,
    ...Object.fromEntries(Object.entries(entry.items).map(([k, v]) => [`items.${k}`, v])),
  };
}

const itemLabel = (scale: string, key: string) =>
  key === 'total'
    ? `${scale} total`
    : `${scale} item ${key.startsWith('responses.') ? Number(key.slice(10)) + 1 : key.slice(6)}`;

export function compareRows(conflict: SyncConflict, proposal: ConflictProposal): CompareRow[] {
  const [one, two] = conflict.versions;
  const base = fieldsOf(conflict.base?.record);
  const first = fieldsOf(one?.record);
  const second = fieldsOf(two?.record);
  const open = new Set(proposal.ok ? [] : proposal.conflicts.map((c) => c.key));
  // Where a choice is open, the rest of the merge still stands: shown with the open keys
  // set aside (taken from version 1 here, and shown as "your choice").
  const preview = proposal.ok
    ? proposal
    : proposalOf(conflict, Object.fromEntries([...open].map((key) => [key, 'mine' as const])));
  const merged = preview.ok ? fieldsOf(preview.value) : null;
  const rows: CompareRow[] = [];
  const add = (key: string, what: string, pick: (r: Fields | null) => unknown) => {
    const values = [base, first, second].map(pick);
    if (values.every((v) => sameValue(v, values[1]))) return;
    rows.push({
      key,
      what,
      base: conflict.base ? shownValue(values[0]) : 'not known',
      first: first === null ? '(deleted)' : shownValue(values[1]),
      second: second === null ? '(deleted)' : shownValue(values[2]),
      proposed:
        open.has(key) || open.has('record') || open.has('entry') ? null : shownValue(pick(merged)),
    });
  };
  const keys = new Set([first, second, base].flatMap((r) => Object.keys(r ?? {})));
  for (const key of keys) if (!HIDDEN.has(key)) add(key, fieldLabel(key), (r) => r?.[key]);
  if (conflict.table === 'assessments') {
    const named = first?.scaleId ?? second?.scaleId;
    const scale = typeof named === 'string' ? named : 'scale';
    const items = new Set([base, first, second].flatMap((r) => Object.keys(itemsOf(r))));
    for (const key of items) add(key, itemLabel(scale, key), (r) => itemsOf(r)[key]);
  }
  return rows;
}
