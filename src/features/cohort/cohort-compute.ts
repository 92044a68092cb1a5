/**
 * The cohort figures from the database: what the cohort worker runs (and the page itself
 * where there is no Worker). The page sends only who is in which arm and the choices; the
 * records, about 100,000 assessments for 1,000 patients, are read here, so they are never
 * read, copied or scored on the main thread.
 */
import { buildCohortCsv } from '../../db/backup/cohort-csv';
import { readCohortRecords, readCohortSeries } from '../../db/cohort-queries';
import { membersOf } from '../../domain/cohort/cohort-input';
import {
  summariseCohort,
  summariseSeries,
  type CohortSummary,
} from '../../domain/cohort/cohort-summary';
import type { CohortArm, CohortInput, WindowOptions } from '../../domain/cohort/cohort-types';
import { toCohortView, type CohortView } from '../../domain/cohort/cohort-view';

export interface CohortQuery {
  readonly arms: readonly CohortArm[];
  /** Patient id → arm id: who is counted, and in which arm. */
  readonly members: ReadonlyMap<string, string>;
  readonly rules: CohortInput['rules'];
  readonly window: WindowOptions;
}

/**
 * The summary from the series kept in the patient summaries (a thousand rows rather than a
 * hundred thousand assessments to read and score), else from the records. Both give the same
 * figures: the series are kept by the same function (patientSeries) with the same rules, and
 * tests/integration/cohort-cache.test.ts checks it.
 */
async function summary(query: CohortQuery): Promise<CohortSummary> {
  const kept = await readCohortSeries([...query.members.keys()]);
  if (kept !== null) {
    return summariseSeries({
      arms: query.arms,
      window: query.window,
      patients: kept.map(({ patientId, code, cohort }) => {
        const armId = query.members.get(patientId) ?? '';
        return {
          code,
          armId,
          indexDate: cohort.indexDate,
          series: cohort.series.map((s) => ({ ...s, armId })),
        };
      }),
    });
  }
  const records = await readCohortRecords();
  return summariseCohort({
    arms: query.arms,
    patients: membersOf(records, query.members),
    rules: query.rules,
    window: query.window,
  });
}

/** Computes cohorts and keeps the last full summary for its long CSV. */
export function cohortComputer() {
  let last: CohortSummary | null = null;
  return {
    async view(query: CohortQuery): Promise<CohortView> {
      last = await summary(query);
      return toCohortView(last);
    },
    /** The last full summary computed, if any. */
    last(): CohortSummary | null {
      return last;
    },
    csv(title: string): string | null {
      return last ? buildCohortCsv(last, title) : null;
    },
  };
}
