/**
 * The per-patient summary the patient list reads (schema.ts PatientSummary): a pure
 * function of one patient's records and the clinical rules in use, so it can be kept up to
 * date on write, rebuilt from the records, and tested to agree with them.
 */
import { patientSeries } from '../domain/cohort/patient-series';
import { courseRules, type ClinicalRules } from '../domain/clinical-rules';
import type { CourseStatus } from '../domain/course';
import { patientOverview } from '../domain/patient-overview';
import type { ScaleId } from '../domain/scale-types';
import { SCALE_IDS } from '../domain/scales/registry';
import { ackKeys, openFlagsOf } from './open-flags';
import type { PatientBundle } from './patient-bundle';
import type { Assessment, Patient, PatientSummary, SafetyAck, TotalKey } from './schema';

/** The sort key of a scale's latest total (an index key path needs a plain name). */
export const totalKeyOf = (scaleId: ScaleId): TotalKey => scaleId.replace(/[^A-Za-z0-9]/g, '');

/**
 * Status order when the list is sorted by status: from what most needs a clinician's
 * attention (relapse) to what needs least (remission); ascending lists relapse first.
 */
export const STATUS_ORDER: readonly CourseStatus[] = [
  'relapse',
  'response-lost',
  'no-response',
  'no-total',
  'before-baseline',
  'baseline',
  'rated',
  'response',
  'remission',
];

const noTotals = (): Record<TotalKey, number> =>
  Object.fromEntries(SCALE_IDS.map((id) => [totalKeyOf(id), -1]));

/** Open flags of one patient's assessments. */
export function openFlagCount(
  assessments: readonly Assessment[],
  acks: readonly SafetyAck[],
): number {
  return openFlagsOf(assessments, ackKeys(acks), () => '').length;
}

/** The summary of one patient; `bundle.patient` must exist. */
export function summarize(
  bundle: PatientBundle & { readonly patient: Patient },
  rules: ClinicalRules,
): PatientSummary {
  const { patient, events, visits, assessments, safetyAcks } = bundle;
  // Course figures come from final visits only (patient-queries.ts finishedPart).
  const finalVisits = visits.filter((v) => v.status === 'final');
  const order = (a: Assessment) => SCALE_IDS.indexOf(a.scaleId);
  const finalAssessments = assessments
    .filter((a) => a.status === 'final')
    .sort((a, b) => a.date.localeCompare(b.date) || order(a) - order(b));
  const indexDate = events.find((e) => e.isIndex)?.date ?? null;
  const overview = patientOverview(finalVisits, finalAssessments, {
    indexDate,
    indexTime: events.find((e) => e.isIndex)?.time ?? null,
    baselineVisitId: patient.baselineVisitId,
    rules: courseRules(rules),
  });
  const totals = noTotals();
  for (const s of overview.latest) totals[totalKeyOf(s.scaleId)] = s.total;
  return {
    patientId: patient.id,
    code: patient.code,
    codeKey: patient.codeKey,
    ...(patient.name === undefined ? {} : { name: patient.name }),
    nameKey: patient.name?.trim().normalize('NFC').toLowerCase() ?? '',
    nameWords: patient.nameWords,
    lastVisit: overview.lastVisit ?? '',
    draft: visits.some((v) => v.status === 'draft'),
    latest: overview.latest.map(({ scaleId, total, text, date }) => ({
      scaleId,
      total,
      text,
      date,
    })),
    totals,
    status: overview.status,
    statusRank: overview.status ? STATUS_ORDER.indexOf(overview.status.status) : -1,
    openFlags: openFlagCount(assessments, safetyAcks),
    cohort: {
      indexDate,
      series: patientSeries(
        {
          patientId: patient.id,
          code: patient.code,
          armId: '',
          indexDate,
          visits: finalVisits,
          assessments: finalAssessments,
          baselineVisitId: patient.baselineVisitId,
        },
        courseRules(rules),
      ),
    },
  };
}

type PatientRecords = Omit<PatientBundle, 'patient'>;

/** Every patient's summary, from whole tables read at once (v4 upgrade, rebuild). */
export function summarizeAll(
  patients: readonly Patient[],
  records: PatientRecords,
  rules: ClinicalRules,
): PatientSummary[] {
  const groups = new Map<
    string,
    { -readonly [K in keyof PatientRecords]: PatientRecords[K][number][] }
  >(patients.map((p) => [p.id, { events: [], visits: [], assessments: [], safetyAcks: [] }]));
  for (const e of records.events) groups.get(e.patientId)?.events.push(e);
  for (const v of records.visits) groups.get(v.patientId)?.visits.push(v);
  for (const a of records.assessments) groups.get(a.patientId)?.assessments.push(a);
  for (const k of records.safetyAcks) groups.get(k.patientId)?.safetyAcks.push(k);
  const byDate = (a: { date: string }, b: { date: string }) => a.date.localeCompare(b.date);
  return patients.map((patient) => {
    const g = groups.get(patient.id) ?? { events: [], visits: [], assessments: [], safetyAcks: [] };
    return summarize(
      {
        patient,
        events: g.events.sort(byDate),
        visits: g.visits.sort(byDate),
        assessments: g.assessments.sort(byDate),
        safetyAcks: g.safetyAcks,
      },
      rules,
    );
  });
}
