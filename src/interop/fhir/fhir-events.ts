/**
 * Treatment events as FHIR resources: a single dose is a MedicationAdministration, a
 * medication started, changed or stopped a MedicationStatement, a procedure a Procedure and a
 * note a Basic resource. The app's event kind, index flag and label travel as extensions, so
 * an export read back gives the same events.
 */
import type { TreatmentEvent } from '../../db/schema';
import {
  APP_CODES,
  EXT_EVENT_END,
  EXT_EVENT_KIND,
  EXT_EVENT_LABEL,
  EXT_INDEX_EVENT,
  EXT_NOTE_TEXT,
  EXT_TOTAL_DOSE,
} from './fhir-codes';
import type { Extension, Resource } from './fhir-types';

export const EVENT_RESOURCE_TYPES = [
  'MedicationAdministration',
  'MedicationStatement',
  'Procedure',
  'Basic',
] as const;

function eventExtensions(e: TreatmentEvent, nameShown: string): Extension[] {
  return [
    { url: EXT_EVENT_KIND, valueCode: e.kind },
    { url: EXT_INDEX_EVENT, valueBoolean: e.isIndex },
    ...(e.label === nameShown ? [] : [{ url: EXT_EVENT_LABEL, valueString: e.label }]),
    ...(e.totalDose === undefined ? [] : [{ url: EXT_TOTAL_DOSE, valueString: e.totalDose }]),
  ];
}

function dosage(e: TreatmentEvent) {
  const dose =
    e.dose === undefined
      ? {}
      : { value: e.dose, ...(e.unit === undefined ? {} : { unit: e.unit }) };
  return {
    ...(e.route === undefined ? {} : { route: { text: e.route } }),
    ...(e.dose === undefined ? {} : { dose }),
  };
}

const period = (e: TreatmentEvent) => ({
  start: e.date,
  ...(e.endDate === undefined ? {} : { end: e.endDate }),
});

export function eventResource(e: TreatmentEvent, subject: string): Resource {
  const name = e.drug ?? e.label;
  const note = e.details === undefined ? {} : { note: [{ text: e.details }] };
  const common = { id: e.id, extension: eventExtensions(e, name), subject: { reference: subject } };
  switch (e.kind) {
    case 'single-dose': {
      const d = dosage(e);
      return {
        resourceType: 'MedicationAdministration',
        ...common,
        status: 'completed',
        medicationCodeableConcept: { text: name },
        ...(e.endDate === undefined
          ? { effectiveDateTime: e.date }
          : { effectivePeriod: period(e) }),
        ...note,
        ...(Object.keys(d).length ? { dosage: d } : {}),
      };
    }
    case 'medication-start':
    case 'medication-change':
    case 'medication-stop': {
      const d = dosage(e);
      const dose = d.dose ? { doseAndRate: [{ doseQuantity: d.dose }] } : {};
      const route = d.route ? { route: d.route } : {};
      return {
        resourceType: 'MedicationStatement',
        ...common,
        status: e.kind === 'medication-stop' ? 'stopped' : 'active',
        medicationCodeableConcept: { text: name },
        effectivePeriod: period(e),
        ...note,
        ...(d.dose || d.route ? { dosage: [{ ...route, ...dose }] } : {}),
      };
    }
    case 'procedure':
      return {
        resourceType: 'Procedure',
        ...common,
        status: 'completed',
        code: { text: name },
        performedPeriod: period(e),
        ...note,
      };
    case 'note':
      return {
        resourceType: 'Basic',
        ...common,
        code: {
          coding: [{ system: APP_CODES, code: 'treatment-note', display: 'Treatment note' }],
          text: name,
        },
        created: e.date,
        extension: [
          ...common.extension,
          ...(e.endDate === undefined ? [] : [{ url: EXT_EVENT_END, valueDate: e.endDate }]),
          ...(e.details === undefined ? [] : [{ url: EXT_NOTE_TEXT, valueString: e.details }]),
        ],
      };
  }
}
