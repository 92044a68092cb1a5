/**
 * A FHIR R4 `collection` Bundle of one patient or all: Patient (the pseudonymous code as
 * identifier; the name only when the user chooses), an Encounter per visit, a
 * QuestionnaireResponse per assessment (the recorded answers; a summary entry is tagged as
 * such and also carries its transcribed total and subscales), an Observation per total and
 * subscale derived from its response, and the treatment events (fhir-events.ts). Numbers come
 * from the domain's scoring, as on screen.
 */
import { fhirDateTime } from './fhir-time';
import type { Backup } from '../../db/backup/backup-format';
import type { AssessmentData, PatientData, Visit } from '../../db/schema';
import type { ScaleDefinition } from '../../domain/scale-types';
import { scaleOf } from '../../domain/scales/registry';
import { scoreEntry, type Score } from '../../domain/scoring';
import { severityOf } from '../../domain/severity';
import { eventResource } from './fhir-events';
import {
  ACT_CODE,
  APP_BASE,
  APP_CODES,
  EXT_COMPLETENESS,
  LOINC,
  OBSERVATION_CATEGORY,
  PATIENT_CODE_SYSTEM,
  PHQ9_BAND_ANSWERS,
  PHQ9_ITEMS,
  PHQ9_TOTAL,
  SUMMARY_TAG,
  UCUM,
  phq9AnswerCode,
  questionnaireOf,
} from './fhir-codes';
import type {
  Bundle,
  BundleEntry,
  QuestionnaireAnswer,
  QuestionnaireItem,
  Resource,
} from './fhir-types';

export interface FhirExportOptions {
  /** Patient names are left out unless chosen: the code is the identifier. */
  readonly includeNames?: boolean;
}

export const fullUrlOf = (type: string, id: string) => `${APP_BASE}/${type}/${id}`;

const entry = (resource: Resource & { id: string }): BundleEntry => ({
  fullUrl: fullUrlOf(resource.resourceType, resource.id),
  resource,
});

function patientResource(p: PatientData, includeNames: boolean): Resource & { id: string } {
  return {
    resourceType: 'Patient',
    id: p.id,
    identifier: [{ system: PATIENT_CODE_SYSTEM, value: p.code }],
    ...(includeNames && p.name !== undefined ? { name: [{ text: p.name }] } : {}),
    ...(p.sex === undefined ? {} : { gender: p.sex }),
    ...(p.birthYear === undefined ? {} : { birthDate: String(p.birthYear) }),
  };
}

function encounterResource(v: Visit): Resource & { id: string } {
  return {
    resourceType: 'Encounter',
    id: v.id,
    status: v.status === 'final' ? 'finished' : 'in-progress',
    class: { system: ACT_CODE, code: 'AMB', display: 'ambulatory' },
    subject: { reference: `Patient/${v.patientId}` },
    period: { start: fhirDateTime(v.date, v.time) },
  };
}

const numberAnswer = (value: number): QuestionnaireAnswer =>
  Number.isInteger(value) ? { valueInteger: value } : { valueDecimal: value };

function itemAnswer(scale: ScaleDefinition, n: number, value: number): QuestionnaireItem {
  const def = scale.items.find((i) => i.number === n);
  const text = def?.shortName ?? `item ${n}`;
  if (scale.id === 'PHQ-9') {
    const code = phq9AnswerCode(n, value);
    const label = def?.anchors?.find((a) => a.value === value)?.label;
    return {
      linkId: PHQ9_ITEMS[n - 1] ?? String(n),
      text,
      answer: [
        {
          valueCoding: {
            system: LOINC,
            ...(code === undefined ? {} : { code }),
            ...(label === undefined ? {} : { display: label }),
          },
        },
      ],
    };
  }
  const linkId = scale.clinicDefined?.linkIds[n - 1] ?? String(n);
  return { linkId, text, answer: [numberAnswer(value)] };
}

function responseItems(scale: ScaleDefinition, a: AssessmentData): QuestionnaireItem[] {
  const e = a.entry;
  if (e.mode === 'items') {
    return e.responses.flatMap((v, i) => (v === null ? [] : [itemAnswer(scale, i + 1, v)]));
  }
  return [
    ...Object.entries(e.items)
      .sort(([x], [y]) => Number(x) - Number(y))
      .map(([n, v]) => itemAnswer(scale, Number(n), v)),
    ...(e.total === null
      ? []
      : [{ linkId: 'total', text: 'Total', answer: [numberAnswer(e.total)] }]),
    ...scale.subscales.flatMap((s) => {
      const v = e.subscales[s.id];
      return v === undefined
        ? []
        : [{ linkId: `subscale.${s.id}`, text: s.name, answer: [numberAnswer(v)] }];
    }),
  ];
}

function questionnaireResponse(a: AssessmentData, when: string): Resource & { id: string } {
  const scale = scaleOf(a);
  return {
    resourceType: 'QuestionnaireResponse',
    id: a.id,
    ...(a.entry.mode === 'summary' ? { meta: { tag: [SUMMARY_TAG] } } : {}),
    // A clinic-defined scale's responses answer the Questionnaire it was made from.
    questionnaire: scale.clinicDefined?.questionnaire ?? questionnaireOf(a.scaleId),
    status: a.status === 'final' ? 'completed' : 'in-progress',
    subject: { reference: `Patient/${a.patientId}` },
    encounter: { reference: `Encounter/${a.visitId}` },
    authored: when,
    ...(a.rater === undefined ? {} : { author: { display: a.rater } }),
    item: responseItems(scale, a),
  };
}

const value = (v: number) =>
  Number.isInteger(v)
    ? { valueInteger: v }
    : { valueQuantity: { value: v, unit: 'score', system: UCUM, code: '{score}' } };

function observations(
  a: AssessmentData,
  score: Score,
  when: string,
): (Resource & { id: string })[] {
  const scale = scaleOf(a);
  const base = {
    resourceType: 'Observation',
    extension: [{ url: EXT_COMPLETENESS, valueCode: score.completeness }],
    status: a.status === 'final' ? 'final' : 'preliminary',
    category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'survey', display: 'Survey' }] }],
    subject: { reference: `Patient/${a.patientId}` },
    encounter: { reference: `Encounter/${a.visitId}` },
    effectiveDateTime: when,
    derivedFrom: [{ reference: `QuestionnaireResponse/${a.id}` }],
  };
  const out: (Resource & { id: string })[] = [];
  if (score.total !== null) {
    const band = scale.id === 'PHQ-9' ? severityOf(scale, score.total) : null;
    const bandCode = band?.ok ? PHQ9_BAND_ANSWERS[band.value.band.level] : undefined;
    out.push({
      ...base,
      id: `${a.id}-total`,
      code:
        scale.id === 'PHQ-9'
          ? { coding: [{ system: LOINC, code: PHQ9_TOTAL, display: 'PHQ-9 total score' }] }
          : {
              coding: [
                {
                  system: APP_CODES,
                  code: `${scale.id}.total`,
                  display: `${scale.id} total score`,
                },
              ],
            },
      ...value(score.total),
      ...(band?.ok && bandCode
        ? {
            interpretation: [
              { coding: [{ system: LOINC, code: bandCode, display: band.value.band.label }] },
            ],
          }
        : {}),
    });
  }
  for (const sub of score.subscales) {
    if (sub.score === null) continue;
    out.push({
      ...base,
      id: `${a.id}-${sub.id}`,
      code: {
        coding: [
          {
            system: APP_CODES,
            code: `${scale.id}.subscale.${sub.id}`,
            display: `${scale.id} ${sub.name}`,
          },
        ],
      },
      ...value(sub.score),
    });
  }
  return out;
}

/** The Bundle of backup-shaped data (exportBackup's read), rows in the backup's fixed order. */
export function buildFhirBundle(data: Backup, options: FhirExportOptions = {}): Bundle {
  const entries: BundleEntry[] = [];
  for (const p of data.patients) {
    const subject = `Patient/${p.id}`;
    entries.push(entry(patientResource(p, options.includeNames === true)));
    for (const e of data.events.filter((x) => x.patientId === p.id)) {
      const r = eventResource(e, subject);
      entries.push({ fullUrl: fullUrlOf(r.resourceType, e.id), resource: r });
    }
    for (const v of data.visits.filter((x) => x.patientId === p.id))
      entries.push(entry(encounterResource(v)));
    for (const a of data.assessments.filter((x) => x.patientId === p.id)) {
      // The visit's time of day, when recorded, makes the date a FHIR dateTime.
      const when = fhirDateTime(a.date, data.visits.find((v) => v.id === a.visitId)?.time);
      entries.push(entry(questionnaireResponse(a, when)));
      const scored = scoreEntry(scaleOf(a), a.entry);
      if (scored.ok) entries.push(...observations(a, scored.score, when).map(entry));
    }
  }
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: data.exportedAt,
    entry: entries,
  };
}
