/**
 * The patient summaries (src/db/patient-summary.ts) are kept on write: after any sequence of
 * writes through the repositories they must equal the summaries recomputed from the records.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  deleteAssessment,
  saveDraftAssessment,
  updateFinalAssessment,
} from '../../src/db/assessments-repo';
import { setClinicalRule } from '../../src/db/clinical-choices';
import { db } from '../../src/db/db';
import { listHistory, undo } from '../../src/db/history-repo';
import { summarizeAll } from '../../src/db/patient-summary';
import {
  createPatient,
  deletePatient,
  purgePatient,
  updatePatient,
} from '../../src/db/patients-repo';
import { acknowledgeSafetyFlag, listOpenSafetyFlags } from '../../src/db/safety-repo';
import { DEFAULT_RULES } from '../../src/domain/clinical-rules';
import { createVisit, deleteVisit, finalizeVisit } from '../../src/db/visits-repo';
import { addEvent } from '../../src/db/events-repo';
import { expectOk, freshDatabase, hamdItems, importFixture, phq9 } from './helpers';

beforeEach(freshDatabase);

async function recomputed() {
  const [patients, events, visits, assessments, safetyAcks, rules] = await Promise.all([
    db.patients.toArray(),
    db.events.toArray(),
    db.visits.toArray(),
    db.assessments.toArray(),
    db.safetyAcks.toArray(),
    db.meta.get('clinicalRules'),
  ]);
  const inUse = rules?.key === 'clinicalRules' ? rules.value : DEFAULT_RULES;
  return summarizeAll(patients, { events, visits, assessments, safetyAcks }, inUse).sort((a, b) =>
    a.patientId.localeCompare(b.patientId),
  );
}

const stored = async () =>
  (await db.patientSummaries.toArray()).sort((a, b) => a.patientId.localeCompare(b.patientId));

function random(seed: number): () => number {
  let t = seed;
  return () => {
    t = (t + 0x6d2b79f5) | 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

describe('patient summaries', () => {
  it('show the last final visit, latest totals, status and open flags', async () => {
    const patient = expectOk(await createPatient({ code: 'S-1', name: 'Hui Wang' }));
    expectOk(
      await addEvent({
        patientId: patient.id,
        date: '2024-01-01',
        kind: 'single-dose',
        label: 'dezocine',
        isIndex: true,
      }),
    );
    for (const [date, hamd, item9] of [
      ['2024-01-01', 20, 0],
      ['2024-01-15', 8, 2],
    ] as const) {
      const visit = expectOk(await createVisit({ patientId: patient.id, date }));
      expectOk(
        await saveDraftAssessment({
          visitId: visit.id,
          scaleId: 'HAMD-17',
          entry: hamdItems(...Array.from({ length: 17 }, (_, i) => (i < hamd / 2 ? 2 : 0))),
        }),
      );
      expectOk(
        await saveDraftAssessment({ visitId: visit.id, scaleId: 'PHQ-9', entry: phq9(item9) }),
      );
      expectOk(await finalizeVisit(visit.id));
    }
    const draft = expectOk(await createVisit({ patientId: patient.id, date: '2024-02-01' }));
    expectOk(await saveDraftAssessment({ visitId: draft.id, scaleId: 'PHQ-9', entry: phq9(1) }));
    const summary = await db.patientSummaries.get(patient.id);
    expect(summary).toMatchObject({
      code: 'S-1',
      nameKey: 'hui wang',
      lastVisit: '2024-01-15',
      draft: true,
      totals: { HAMD17: 8, PHQ9: 10, MADRS: -1 },
      status: { scaleId: 'HAMD-17', status: 'response' },
      // HAMD-17 item 3 = 2 at both visits, PHQ-9 item 9 = 2 and the draft's item 9 = 1.
      openFlags: 4,
    });
    expect(summary?.latest.map((s) => [s.scaleId, s.text])).toEqual([
      ['HAMD-17', '8'],
      ['PHQ-9', '10'],
    ]);
    expect(await stored()).toEqual(await recomputed());
  });

  it('are built for every patient an import adds', async () => {
    await importFixture();
    await importFixture('cohort-synthetic.json');
    expect(await db.patientSummaries.count()).toBe(await db.patients.count());
    expect(await stored()).toEqual(await recomputed());
  });

  // Sixty writes each: a generous time limit, as the 2-core machine may be shared.
  it.each([7, 18, 2026])(
    'equal the recomputed ones after random writes (seed %i)',
    async (seed) => {
      const next = random(seed);
      const pick = <T>(xs: readonly T[]): T | undefined => xs[Math.floor(next() * xs.length)];
      const check = async (step: string) => {
        expect(await stored(), step).toEqual(await recomputed());
      };
      for (let step = 0; step < 60; step++) {
        const patients = await db.patients.toArray();
        const visits = await db.visits.toArray();
        const assessments = await db.assessments.toArray();
        const r = next();
        let what = '';
        if (r < 0.12 || patients.length === 0) {
          what = 'create patient';
          expectOk(await createPatient({ code: `R-${step}`, name: `Name${step} Fam` }));
        } else if (r < 0.3) {
          const p = pick(patients);
          if (!p) continue;
          what = 'create visit';
          await createVisit({
            patientId: p.id,
            date: `2024-0${1 + Math.floor(next() * 9)}-1${step % 10}`,
          });
        } else if (r < 0.5) {
          const v = pick(visits.filter((x) => x.status === 'draft'));
          if (!v) continue;
          what = 'draft assessment';
          await saveDraftAssessment({
            visitId: v.id,
            scaleId: next() < 0.5 ? 'PHQ-9' : 'HAMD-17',
            entry:
              next() < 0.5 ? phq9(Math.floor(next() * 3)) : hamdItems(2, 2, Math.floor(next() * 3)),
          });
        } else if (r < 0.62) {
          const v = pick(visits.filter((x) => x.status === 'draft'));
          if (!v) continue;
          what = 'finalize';
          await finalizeVisit(v.id);
        } else if (r < 0.68) {
          const a = pick(assessments.filter((x) => x.status === 'final' && x.scaleId === 'PHQ-9'));
          if (!a) continue;
          what = 'edit final';
          await updateFinalAssessment({
            visitId: a.visitId,
            scaleId: a.scaleId,
            entry: phq9(Math.floor(next() * 3), 2),
            base: a.entry,
          });
        } else if (r < 0.76) {
          const flag = pick(await listOpenSafetyFlags());
          if (!flag) continue;
          what = 'acknowledge';
          expectOk(
            await acknowledgeSafetyFlag({
              assessmentId: flag.assessmentId,
              item: flag.item,
              acknowledgedBy: 'dr',
            }),
          );
        } else if (r < 0.8) {
          const a = pick(assessments);
          if (!a) continue;
          what = 'delete assessment';
          await deleteAssessment(a.id);
        } else if (r < 0.83) {
          const v = pick(visits);
          if (!v) continue;
          what = 'delete visit';
          await deleteVisit(v.id);
        } else if (r < 0.87) {
          const p = pick(patients);
          if (!p) continue;
          what = 'rename';
          await updatePatient(p.id, { name: `Renamed ${step}` }, { base: p });
        } else if (r < 0.9) {
          const p = pick(patients);
          if (!p) continue;
          what = 'delete or erase patient';
          await (next() < 0.5 ? deletePatient(p.id) : purgePatient(p.id));
        } else if (r < 0.95) {
          const entry = pick(await listHistory({ patientId: pick(patients)?.id ?? '' }, 20));
          if (!entry) continue;
          what = 'undo';
          await undo(entry.id);
        } else {
          what = 'rule';
          await setClinicalRule('remissionRule', 'HAMD-17', next() < 0.5 ? 'le7' : 'le6');
        }
        await check(`step ${step}: ${what}`);
      }
      expect((await db.patientSummaries.count()) > 0).toBe(true);
    },
    60_000,
  );
});
