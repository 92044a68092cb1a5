/**
 * The patient list, read from the patient summaries (patient-summary.ts): one indexed query
 * per screenful in any column's order, and prefix search on code and name words. Its cost
 * depends on the page size, not on how many patients the clinic has.
 */
import { Dexie } from 'dexie';
import type { ScaleId } from '../domain/scale-types';
import { db } from './db';
import { codeKeyOf } from './derived';
import { totalKeyOf } from './patient-summary';
import type { PatientSummary } from './schema';
import { runRead } from './write';

/** A sortable column of the list: the fixed ones and each scale's latest total. */
export type ListColumn = 'code' | 'name' | 'lastVisit' | 'status' | 'flags' | ScaleId;
export type SortDirection = 'ascending' | 'descending';

export interface ListSort {
  readonly column: ListColumn;
  readonly direction: SortDirection;
}

export interface ListRequest {
  /** Code or name-word prefix; '' lists everyone, a page at a time. */
  readonly search: string;
  readonly sort: ListSort;
  /** First row (0-based) when not searching. */
  readonly start: number;
  readonly pageSize: number;
}

export interface PatientListPage {
  readonly rows: readonly PatientSummary[];
  /** Index of the first row in the whole ordered list (0 while searching). */
  readonly start: number;
  /** Searching: more patients match than one page holds (type more). */
  readonly truncated: boolean;
  /** All patients in the database. */
  readonly patientCount: number;
}

interface ColumnSpec {
  /** The summary index that orders this column ([key+codeKey]), or codeKey itself. */
  readonly index: string;
  /** The value a summary stores when it has none (sorted after the rest), or null. */
  readonly missing: string | number | null;
  readonly key: (s: PatientSummary) => string | number;
}

function columnSpec(column: ListColumn): ColumnSpec {
  switch (column) {
    case 'code':
      return { index: 'codeKey', missing: null, key: (s) => s.codeKey };
    case 'name':
      return { index: '[nameKey+codeKey]', missing: '', key: (s) => s.nameKey };
    case 'lastVisit':
      return { index: '[lastVisit+codeKey]', missing: '', key: (s) => s.lastVisit };
    case 'status':
      return { index: '[statusRank+codeKey]', missing: -1, key: (s) => s.statusRank };
    case 'flags':
      return { index: '[openFlags+codeKey]', missing: null, key: (s) => s.openFlags };
    default: {
      const total = totalKeyOf(column);
      return { index: `[totals.${total}+codeKey]`, missing: -1, key: (s) => s.totals[total] ?? -1 };
    }
  }
}

const compareKeys = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/** The order the indexes give, for rows found by search (a few, sorted in memory). */
export function compareSummaries(sort: ListSort): (a: PatientSummary, b: PatientSummary) => number {
  const { key, missing } = columnSpec(sort.column);
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return (a, b) => {
    const [x, y] = [key(a), key(b)];
    const absent = Number(x === missing) - Number(y === missing);
    if (absent !== 0) return absent;
    if (x === missing) return compareKeys(a.codeKey, b.codeKey);
    return sign * (compareKeys(x, y) || compareKeys(a.codeKey, b.codeKey));
  };
}

async function pageOf(sort: ListSort, start: number, size: number): Promise<PatientSummary[]> {
  const { index, missing } = columnSpec(sort.column);
  const table = db.patientSummaries;
  const descending = sort.direction === 'descending';
  if (missing === null) {
    const ordered = table.orderBy(index);
    return (descending ? ordered.reverse() : ordered).offset(start).limit(size).toArray();
  }
  // Patients with a value, in the chosen direction; then those without, by code.
  const present = () =>
    table.where(index).between([missing, Dexie.maxKey], [Dexie.maxKey, Dexie.maxKey], true, true);
  const presentCount = await present().count();
  const rows: PatientSummary[] = [];
  if (start < presentCount) {
    const ordered = present();
    rows.push(
      ...(await (descending ? ordered.reverse() : ordered).offset(start).limit(size).toArray()),
    );
  }
  if (rows.length < size) {
    rows.push(
      ...(await table
        .where(index)
        .between([missing, Dexie.minKey], [missing, Dexie.maxKey], true, true)
        .offset(Math.max(0, start - presentCount))
        .limit(size - rows.length)
        .toArray()),
    );
  }
  return rows;
}

/** How many patients the database holds (the list's "of N"). */
export const countPatients = (): Promise<number> => db.patientSummaries.count();

/**
 * One screenful of the list: a page in the chosen order, or the patients a search finds.
 * A search does not count the patients (patientCount null): a keystroke runs its two prefix
 * queries only, and the caller keeps the count from a query that wakes on writes alone.
 */
export function listPatientPage(
  request: ListRequest,
): Promise<Omit<PatientListPage, 'patientCount'> & { readonly patientCount: number | null }> {
  return runRead(async () => {
    const { sort, pageSize } = request;
    const query = codeKeyOf(request.search);
    if (!query) {
      const patientCount = await countPatients();
      const start = Math.max(0, Math.min(request.start, patientCount - 1));
      const rows = await pageOf(sort, start, pageSize);
      return { rows, start, truncated: false, patientCount };
    }
    const [byCode, byName] = await Promise.all([
      db.patientSummaries
        .where('codeKey')
        .startsWith(query)
        .limit(pageSize + 1)
        .toArray(),
      db.patientSummaries
        .where('nameWords')
        .startsWith(query)
        .distinct()
        .limit(pageSize + 1)
        .toArray(),
    ]);
    const found = new Map<string, PatientSummary>();
    for (const s of [...byCode, ...byName]) found.set(s.patientId, s);
    const rows = [...found.values()].sort(compareSummaries(sort));
    return {
      rows: rows.slice(0, pageSize),
      start: 0,
      truncated: rows.length > pageSize,
      patientCount: null,
    };
  });
}

export interface OpenFlagTotals {
  readonly flags: number;
  readonly patients: number;
}

/** Open flags of all patients, for the list's banner: only flagged patients are read. */
export function countOpenFlags(): Promise<OpenFlagTotals> {
  return runRead(async () => {
    const flagged = await db.patientSummaries
      .where('[openFlags+codeKey]')
      .between([0, Dexie.maxKey], [Dexie.maxKey, Dexie.maxKey], true, true)
      .toArray();
    return { flags: flagged.reduce((n, s) => n + s.openFlags, 0), patients: flagged.length };
  });
}
