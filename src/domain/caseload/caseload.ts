/**
 * The clinic's caseload: per patient, when the next visit is due and the latest course
 * status, ordered so that the patients to call come first. Pure: records and today in.
 */
import type { ClinicalRules } from '../clinical-rules';
import { courseRules } from '../clinical-rules';
import type { AssessmentInput, VisitInput } from '../patient-course';
import { patientOverview, type PatientOverview } from '../patient-overview';
import type { IsoDate } from '../time';
import type { ClockTime } from '../visit-time';
import { visitDue, type DueState, type VisitDue } from './due';

/** What the caseload reads of a patient: finished visits and assessments only. */
export interface CaseloadRecord {
  readonly patient: {
    readonly id: string;
    readonly code: string;
    readonly name?: string;
    readonly baselineVisitId?: string;
    readonly expectedIntervalDays?: number;
  };
  readonly indexDate: IsoDate | null;
  /** The index event's time, when recorded: it decides the baseline on the index day. */
  readonly indexTime?: ClockTime | null;
  readonly visits: readonly VisitInput[];
  readonly assessments: readonly AssessmentInput[];
  /** A visit in progress (not counted as seen until finished). */
  readonly draftDate: IsoDate | null;
}

export interface CaseloadRow {
  readonly patientId: string;
  readonly code: string;
  readonly name: string | null;
  readonly due: VisitDue;
  readonly status: PatientOverview['status'];
  readonly draftDate: IsoDate | null;
}

const ORDER: Record<DueState, number> = {
  overdue: 0,
  'first-visit': 1,
  'due-this-week': 2,
  later: 3,
};

/**
 * Overdue first (longest overdue first), then patients never seen, then due this week
 * (soonest first), then the rest by due date; ties by patient code.
 */
export function caseloadRows(
  records: readonly CaseloadRecord[],
  rules: ClinicalRules,
  today: IsoDate,
): CaseloadRow[] {
  const ruleChoice = courseRules(rules);
  const rows = records.map((r): CaseloadRow => {
    const overview = patientOverview(r.visits, r.assessments, {
      indexDate: r.indexDate,
      indexTime: r.indexTime ?? null,
      baselineVisitId: r.patient.baselineVisitId,
      rules: ruleChoice,
    });
    return {
      patientId: r.patient.id,
      code: r.patient.code,
      name: r.patient.name ?? null,
      due: visitDue(overview.lastVisit, r.patient.expectedIntervalDays, today),
      status: overview.status,
      draftDate: r.draftDate,
    };
  });
  return rows.sort(
    (a, b) =>
      ORDER[a.due.state] - ORDER[b.due.state] ||
      (b.due.daysLate ?? 0) - (a.due.daysLate ?? 0) ||
      a.code.localeCompare(b.code),
  );
}

export interface CaseloadCounts {
  readonly overdue: number;
  readonly dueThisWeek: number;
  readonly firstVisit: number;
  readonly later: number;
}

export function caseloadCounts(rows: readonly CaseloadRow[]): CaseloadCounts {
  const count = (state: DueState) => rows.filter((r) => r.due.state === state).length;
  return {
    overdue: count('overdue'),
    dueThisWeek: count('due-this-week'),
    firstVisit: count('first-visit'),
    later: count('later'),
  };
}
