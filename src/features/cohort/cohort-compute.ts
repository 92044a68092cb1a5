/**
 * The cohort figures from the database: what the cohort worker runs (and the page itself
 * where there is no Worker). The page sends only who is in which arm and the choices; the
 * records, about 100,000 assessments for 1,000 patients, are read here, so they are never
 * read, copied or scored on the main thread.
 */
import { buildCohortCsv } from '../../db/backup/cohort-csv';
import { readCohortRecords } from '../../db/cohort-queries';
import { membersOf } from '../../domain/cohort/cohort-input';
import { summariseCohort, type CohortSummary } from '../../domain/cohort/cohort-summary';
import type { CohortArm, CohortInput, WindowOptions } from '../../domain/cohort/cohort-types';
import { toCohortView, type CohortView } from '../../domain/cohort/cohort-view';

export interface CohortQuery {
  readonly arms: readonly CohortArm[];
  /** Patient id → arm id: who is counted, and in which arm. */
  readonly members: ReadonlyMap<string, string>;
  readonly rules: CohortInput['rules'];
  readonly window: WindowOptions;
}

/** Computes cohorts and keeps the last full summary for its long CSV. */
export function cohortComputer() {
  let last: CohortSummary | null = null;
  return {
    async view(query: CohortQuery): Promise<CohortView> {
      const records = await readCohortRecords();
      last = summariseCohort({
        arms: query.arms,
        patients: membersOf(records, query.members),
        rules: query.rules,
        window: query.window,
      });
      return toCohortView(last);
    },
    csv(title: string): string | null {
      return last ? buildCohortCsv(last, title) : null;
    },
  };
}
