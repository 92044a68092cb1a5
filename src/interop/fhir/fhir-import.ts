/**
 * Importing a FHIR R4 Bundle of the shape fhir-export.ts writes: Patients (identified by the
 * clinic's code), their treatment events, an Encounter per visit, a QuestionnaireResponse per
 * assessment. Scores are read from the responses' answers; each Observation is checked
 * against the score its response gives, never taken as the score. Everything is checked
 * before anything is handed on: the answer is the whole import or every problem.
 */
import type {
  ExternalAssessment,
  ExternalEvent,
  ExternalImport,
  ExternalPatient,
  ExternalVisit,
} from '../../db/backup/external-import';
import { refuseAll, succeed, type DbResult } from '../../db/result';
import type { RecordStatus, Sex } from '../../db/schema';
import { decodeUtf8 } from '../decode';
import { Problems } from '../problems';
import { PATIENT_CODE_SYSTEM } from './fhir-codes';
import { EVENT_RESOURCE_TYPES } from './fhir-events';
import { readEvent } from './fhir-import-events';
import { checkObservation, readResponse } from './fhir-import-scores';
import { dateOf, indexBundle, isObject, parseJson, show, textOf, type Located } from './fhir-read';

const SEXES: readonly Sex[] = ['female', 'male', 'other', 'unknown'];

interface Draft {
  readonly patient: Omit<ExternalPatient, 'events' | 'visits'>;
  readonly events: ExternalEvent[];
  readonly visits: Map<
    string,
    ExternalVisit & { assessments: ExternalAssessment[]; encounter: Located }
  >;
}

function readPatient(l: Located, problems: Problems): Draft['patient'] | null {
  const r = l.resource;
  const ids = Array.isArray(r.identifier) ? (r.identifier as unknown[]).filter(isObject) : [];
  const chosen = ids.find((i) => i.system === PATIENT_CODE_SYSTEM) ?? ids[0];
  const at = `${l.path}.identifier[${chosen ? ids.indexOf(chosen) : 0}].value`;
  const code = chosen?.value;
  const before = problems.list.length;
  if (typeof code !== 'string' || code.trim() === '' || code.trim() !== code || code.length > 64)
    problems.add(
      at,
      `expected the patient code: 1–64 characters, no spaces at either end (got ${show(code)})`,
    );
  const nameEntry = Array.isArray(r.name) ? (r.name as unknown[])[0] : undefined;
  const name = textOf(
    isObject(nameEntry) ? nameEntry.text : undefined,
    `${l.path}.name[0].text`,
    200,
    problems,
  );
  const sex = r.gender === undefined ? undefined : SEXES.find((s) => s === r.gender);
  if (r.gender !== undefined && !sex)
    problems.add(`${l.path}.gender`, `expected ${SEXES.join(', ')} (got ${show(r.gender)})`);
  let birthYear: number | undefined;
  if (r.birthDate !== undefined) {
    const year =
      typeof r.birthDate === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(r.birthDate)
        ? Number(r.birthDate.slice(0, 4))
        : NaN;
    if (year >= 1900 && year <= 2100) birthYear = year;
    else
      problems.add(
        `${l.path}.birthDate`,
        `expected a birth date with a year from 1900 to 2100 (got ${show(r.birthDate)})`,
      );
  }
  if (problems.list.length > before || typeof code !== 'string') return null;
  return {
    at: l.path,
    code,
    ...(name === undefined ? {} : { name }),
    ...(sex === undefined ? {} : { sex }),
    ...(birthYear === undefined ? {} : { birthYear }),
  };
}

const ENCOUNTER_STATUS: Record<string, RecordStatus> = {
  finished: 'final',
  'in-progress': 'draft',
};

export function readFhirBundle(input: Uint8Array | string): DbResult<ExternalImport> {
  const problems = new Problems();
  const text = decodeUtf8(input);
  if (!text.ok) return refuseAll([text.reason]);
  const data = parseJson(text.value, problems);
  const index = problems.any() ? null : indexBundle(data, problems);
  if (!index) return refuseAll(problems.capped());
  const patients = new Map<string, Draft>();
  const ofType = (t: string) => index.resources.filter((l) => l.resource.resourceType === t);
  for (const l of ofType('Patient')) {
    const p = readPatient(l, problems);
    if (p) patients.set(l.path, { patient: p, events: [], visits: new Map() });
  }
  const owner = (l: Located) => {
    const p = index.resolve('subject', l, l.resource.subject, 'Patient');
    return p ? patients.get(p.path) : undefined;
  };
  for (const type of EVENT_RESOURCE_TYPES) {
    for (const l of ofType(type)) {
      const p = owner(l);
      const e = readEvent(l, problems);
      if (p && e) p.events.push(e);
    }
  }
  const visitOf = new Map<string, { draft: Draft; date: string }>();
  for (const l of ofType('Encounter')) {
    const p = owner(l);
    const date = dateOf(
      isObject(l.resource.period) ? l.resource.period.start : undefined,
      `${l.path}.period.start`,
      problems,
    );
    const status = ENCOUNTER_STATUS[String(l.resource.status)];
    if (!status)
      problems.add(
        `${l.path}.status`,
        `expected "finished" or "in-progress" (got ${show(l.resource.status)})`,
      );
    if (!p || !date || !status) continue;
    const earlier = p.visits.get(date);
    if (earlier) {
      problems.add(
        `${l.path}.period.start`,
        `patient ${p.patient.code} already has a visit on ${date} (${earlier.encounter.path})`,
      );
      continue;
    }
    p.visits.set(date, { at: l.path, date, status, assessments: [], encounter: l });
    visitOf.set(l.path, { draft: p, date });
  }
  const responses = new Map<string, ReturnType<typeof readResponse>>();
  for (const l of ofType('QuestionnaireResponse')) {
    const enc = index.resolve('encounter', l, l.resource.encounter, 'Encounter');
    const subject = index.resolve('subject', l, l.resource.subject, 'Patient');
    const read = readResponse(l, problems);
    responses.set(l.path, read);
    const v = enc ? visitOf.get(enc.path) : undefined;
    if (!v || !read || !subject) continue;
    if (patients.get(subject.path) !== v.draft)
      problems.add(
        `${l.path}.subject.reference`,
        `expected the patient of its Encounter (${show(enc?.resource.subject)})`,
      );
    const visit = v.draft.visits.get(v.date);
    if (!visit) continue;
    const wanted = visit.status === 'final' ? 'completed' : 'in-progress';
    if (l.resource.status !== wanted)
      problems.add(
        `${l.path}.status`,
        `expected "${wanted}", as its Encounter is ${String(visit.encounter.resource.status)} (got ${show(l.resource.status)})`,
      );
    const twin = visit.assessments.find((a) => a.scaleId === read.scaleId);
    if (twin)
      problems.add(
        `${l.path}.questionnaire`,
        `a second ${read.scaleId} in the Encounter of ${v.date} (also ${twin.at})`,
      );
    else visit.assessments.push(read);
  }
  for (const l of ofType('Observation')) checkObservation(l, index, responses, problems);
  const known = new Set<string>([
    'Patient',
    'Encounter',
    'QuestionnaireResponse',
    'Observation',
    ...EVENT_RESOURCE_TYPES,
  ]);
  for (const l of index.resources)
    if (!known.has(l.resource.resourceType))
      problems.add(
        `${l.path}.resourceType`,
        `"${l.resource.resourceType}" is not a resource this app imports (expected ${[...known].join(', ')})`,
      );
  if (problems.any()) return refuseAll(problems.capped());
  return succeed({
    source: 'FHIR Bundle',
    patients: [...patients.values()].map((d) => ({
      ...d.patient,
      events: d.events,
      visits: [...d.visits.values()]
        .sort((a, b) => (a.date < b.date ? -1 : 1))
        .map(({ at, date, status, assessments }) => ({ at, date, status, assessments })),
    })),
  });
}
