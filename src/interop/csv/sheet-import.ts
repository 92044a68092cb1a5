/** What a spreadsheet reader gives: the records, and how each column was read (shown before import). */
import type { ExternalAssessment, ExternalImport } from '../../db/backup/external-import';
import type { RecordStatus } from '../../db/schema';
import { compareDated, type ClockTime } from '../../domain/visit-time';
import type { Problems } from '../problems';

export interface ColumnUse {
  /** 0-based; shown as a spreadsheet letter. */
  readonly index: number;
  /** The spreadsheet letter: A, B, … AA. */
  readonly column: string;
  readonly header: string;
  /** What the column is read as ("HAMD-17 item 3"), or null: not imported. */
  readonly meaning: string | null;
}

export interface SheetImport {
  readonly file: ExternalImport;
  readonly columns: readonly ColumnUse[];
  readonly rows: number;
}

interface BuiltVisit {
  readonly at: string;
  readonly date: string;
  readonly time?: ClockTime | undefined;
  readonly status: RecordStatus;
  readonly assessments: ExternalAssessment[];
}

/** Patients and visits gathered row by row; a visit has one status, whatever row says it. */
export class PatientsBuilder {
  private readonly patients = new Map<string, { at: string; code: string; visits: BuiltVisit[] }>();

  constructor(private readonly problems: Problems) {}

  visit(
    code: string,
    date: string,
    status: RecordStatus,
    at: string,
    statusPlace: string,
    time?: ClockTime,
  ): BuiltVisit | null {
    const key = code.toLowerCase();
    let p = this.patients.get(key);
    if (!p) {
      p = { at, code, visits: [] };
      this.patients.set(key, p);
    }
    // A visit is its date and time of day: pre-dose and +2 h on one day are two visits.
    const v = p.visits.find((x) => x.date === date && (x.time ?? '') === (time ?? ''));
    if (!v) {
      const made = { at, date, ...(time ? { time } : {}), status, assessments: [] };
      p.visits.push(made);
      return made;
    }
    if (v.status !== status) {
      this.problems.add(
        statusPlace,
        `expected ${v.status}, as in ${v.at} for the same visit (got ${status})`,
      );
      return null;
    }
    return v;
  }

  result(source: string): ExternalImport {
    return {
      source,
      patients: [...this.patients.values()].map((p) => ({
        at: p.at,
        code: p.code,
        events: [],
        visits: [...p.visits].sort((a, b) => compareDated({ ...a, id: '' }, { ...b, id: '' })),
      })),
    };
  }
}
