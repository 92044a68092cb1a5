/**
 * The cohort view counts each patient from the series kept in their patient summary
 * (summary-schema.ts CohortCache) instead of reading and scoring every assessment: the
 * figures must be those computed from the records: after import, a change of rules, a
 * corrected item, and for the reference case.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { updateFinalAssessment } from '../../src/db/assessments-repo';
import { getClinicalRules, setClinicalRule } from '../../src/db/clinical-choices';
import { readCohortIndex, readCohortRecords, readCohortSeries } from '../../src/db/cohort-queries';
import { db } from '../../src/db/db';
import { drugArmId, drugCohortMembers, membersOf } from '../../src/domain/cohort/cohort-input';
import { summariseCohort } from '../../src/domain/cohort/cohort-summary';
import type { CohortArm } from '../../src/domain/cohort/cohort-types';
import { courseRules } from '../../src/domain/clinical-rules';
import { cohortComputer, type CohortQuery } from '../../src/features/cohort/cohort-compute';
import { expectOk, freshDatabase, importFixture } from './helpers';

beforeEach(freshDatabase);

const DRUG_A: CohortArm = { id: drugArmId('drug a'), name: 'Drug A' };
const DRUG_B: CohortArm = { id: drugArmId('drug b'), name: 'Drug B' };

async function query(arms: readonly CohortArm[]): Promise<CohortQuery> {
  const index = await readCohortIndex();
  return {
    arms,
    members: drugCohortMembers(index.entries, arms),
    rules: courseRules(await getClinicalRules()),
    window: { halfWidth: 3 },
  };
}

/** The figures from the records, as before the series were kept. */
async function fromRecords(q: CohortQuery) {
  const records = await readCohortRecords();
  return summariseCohort({
    arms: q.arms,
    patients: membersOf(records, q.members),
    rules: q.rules,
    window: q.window,
  });
}

async function expectSameFigures(arms: readonly CohortArm[]) {
  const q = await query(arms);
  expect(q.members.size).toBeGreaterThan(0);
  // The kept series are there, so the view is computed from them.
  expect(await readCohortSeries([...q.members.keys()])).not.toBeNull();
  const computer = cohortComputer();
  await computer.view(q);
  const expected = await fromRecords(q);
  expect(computer.last()).toEqual(expected);
  return expected;
}

describe('the cohort series kept in the patient summaries', () => {
  it('give the synthetic cohort’s figures, both arms', async () => {
    await importFixture('cohort-synthetic.json');
    const summary = await expectSameFigures([DRUG_A, DRUG_B]);
    expect(summary.armCounts.get(DRUG_A.id)).toBe(3);
  });

  it('follow a change of rules and a corrected item', async () => {
    await importFixture('cohort-synthetic.json');
    expectOk(await setClinicalRule('remissionRule', 'MADRS', 'le12'));
    expectOk(await setClinicalRule('relapseRule', 'MADRS', 'ge22x2'));
    await expectSameFigures([DRUG_A, DRUG_B]);

    // A follow-up MADRS total corrected from 21 to 25: change, response and the means move.
    const madrs = (await db.assessments.toArray()).find(
      (a) => a.scaleId === 'MADRS' && a.entry.mode === 'summary' && a.entry.total === 21,
    );
    if (!madrs || madrs.entry.mode !== 'summary') throw new Error('no MADRS total of 21');
    const before = await fromRecords(await query([DRUG_A, DRUG_B]));
    expectOk(
      await updateFinalAssessment({
        visitId: madrs.visitId,
        scaleId: 'MADRS',
        entry: { ...madrs.entry, total: 25 },
        base: madrs.entry,
      }),
    );
    const after = await expectSameFigures([DRUG_A, DRUG_B]);
    expect(after.table).not.toEqual(before.table);
  });

  it('give the reference case’s figures as a cohort of one', async () => {
    await importFixture();
    const index = await readCohortIndex();
    const drug = index.entries[0]?.indexEvent?.drug ?? index.entries[0]?.indexEvent?.label;
    if (drug === undefined) throw new Error('the reference case has no index event');
    await expectSameFigures([{ id: drugArmId(drug.toLowerCase()), name: drug }]);
  });
});
