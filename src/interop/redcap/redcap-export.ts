/**
 * REDCap export: the data dictionary (redcap-fields.ts) and a longitudinal data file, one row
 * per patient and visit: record_id (the patient code), redcap_event_name (week_1_arm_1 …, by
 * whole weeks from the index event, else from the first visit; arm 1, or with a stored cohort
 * chosen its enrolled patients only, each in the number of their arm), the fields of every
 * instrument rated at the visit and `<form>_complete` (2 = complete for a finished visit,
 * 0 = incomplete for one in progress). Calc fields are left to REDCap.
 */
import type { Backup } from '../../db/backup/backup-format';
import { csvTable, type CsvValue } from '../../db/backup/csv-format';
import type { AssessmentData, Visit } from '../../db/schema';
import { scaleOf, SCALES } from '../../domain/scales/registry';
import { daysBetween } from '../../domain/time';
import {
  completeField,
  dataFields,
  DICTIONARY_COLUMNS,
  dictionaryRows,
  entryField,
  formOf,
  itemField,
  raterField,
  recorded,
  subscaleField,
  totalField,
  VISIT_FORM,
} from './redcap-fields';

export function buildRedcapDictionary(): string {
  return csvTable(
    DICTIONARY_COLUMNS.map((name) => ({ name, kind: 'text' as const })),
    dictionaryRows(),
  );
}

/** The event of each visit: baseline, week_1, week_2 … (a second visit in one week: week_2b). */
export function eventNames(
  visits: readonly Visit[],
  indexDate: string | null,
  arm = 1,
): Map<string, string> {
  const sorted = [...visits].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const origin = indexDate ?? sorted[0]?.date ?? '';
  const names = new Map<string, string>();
  const used = new Set<string>();
  sorted.forEach((v, i) => {
    const days = daysBetween(origin, v.date);
    const weeks = Math.round(Math.abs(days) / 7);
    const base = i === 0 && days <= 0 ? 'baseline' : days < 0 ? `week_m${weeks}` : `week_${weeks}`;
    let name = base;
    for (let k = 1; used.has(name); k += 1) name = `${base}${String.fromCharCode(97 + k)}`;
    used.add(name);
    names.set(v.id, `${name}_arm_${arm}`);
  });
  return names;
}

function assessmentFields(a: AssessmentData): Record<string, CsvValue> {
  const scale = scaleOf(a);
  const e = a.entry;
  const out: Record<string, CsvValue> = {
    [entryField(scale)]: e.mode,
    [raterField(scale)]: a.rater ?? null,
  };
  if (e.mode === 'items') e.responses.forEach((v, i) => (out[itemField(scale, i + 1)] = v));
  else {
    for (const [n, v] of Object.entries(e.items)) out[itemField(scale, Number(n))] = v;
    out[recorded(totalField(scale))] = e.total;
    for (const [id, v] of Object.entries(e.subscales)) out[recorded(subscaleField(scale, id))] = v;
  }
  return out;
}

/**
 * The arm number of each enrolled patient of the cohort (arm 1 = its first arm, as REDCap
 * numbers arms); null when the data holds no such cohort.
 */
export function redcapArms(
  data: Pick<Backup, 'cohorts' | 'enrolments'>,
  cohortId: string,
): Map<string, number> | null {
  const cohort = data.cohorts?.find((c) => c.id === cohortId);
  if (!cohort) return null;
  const arms = new Map<string, number>();
  for (const e of data.enrolments ?? []) {
    const at = cohort.arms.findIndex((a) => a.id === e.armId);
    if (e.cohortId === cohortId && at >= 0) arms.set(e.patientId, at + 1);
  }
  return arms;
}

/** `armOf` (redcapArms): only those patients, each in their arm; absent: everyone in arm 1. */
export function buildRedcapData(
  data: Pick<Backup, 'patients' | 'events' | 'visits' | 'assessments'>,
  armOf?: ReadonlyMap<string, number>,
): string {
  const forms = dataFields();
  const columns = [
    { name: 'record_id', kind: 'text' as const },
    { name: 'redcap_event_name', kind: 'text' as const },
    ...forms.flatMap((f) =>
      [...f.fields, completeField(f.form)].map((name) => ({ name, kind: 'text' as const })),
    ),
  ];
  const rows: Record<string, CsvValue>[] = [];
  for (const p of data.patients) {
    const arm = armOf ? armOf.get(p.id) : 1;
    if (arm === undefined) continue;
    const visits = data.visits.filter((v) => v.patientId === p.id);
    const index = data.events.find((e) => e.patientId === p.id && e.isIndex)?.date ?? null;
    const names = eventNames(visits, index, arm);
    for (const v of [...visits].sort((a, b) => (a.date < b.date ? -1 : 1))) {
      const complete = v.status === 'final' ? 2 : 0;
      const row: Record<string, CsvValue> = {
        record_id: p.code,
        redcap_event_name: names.get(v.id) ?? '',
        visit_date: v.date,
        [completeField(VISIT_FORM)]: complete,
      };
      for (const a of data.assessments.filter((x) => x.visitId === v.id)) {
        Object.assign(row, assessmentFields(a));
        row[completeField(formOf(scaleOf(a)))] = complete;
      }
      // Numbers are written as text cells: the guard never touches digits, and empty = missing.
      rows.push(
        Object.fromEntries(Object.entries(row).map(([k, x]) => [k, x === null ? null : String(x)])),
      );
    }
  }
  return csvTable(columns, rows);
}

export const REDCAP_FORMS = [VISIT_FORM, ...SCALES.map(formOf)];
