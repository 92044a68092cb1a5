/**
 * Codes of the FHIR export. LOINC where it has the measure (PHQ-9 panel, items, total and
 * answers: ../docs/INTEROP.md lists each with its loinc.org page); for HAMD-17, MADRS, DARS,
 * CGI-S and CGI-I, which LOINC does not code, a CodeSystem of this app. Its URIs sit under
 * the reserved `.invalid` domain (RFC 2606): they identify, they are never fetched.
 */
import type { ScaleId } from '../../domain/scale-types';
import { isScaleId } from '../../domain/scales/registry';

export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';
export const APP_BASE = 'http://trajectory.invalid/fhir';
/** The app's CodeSystem: 'HAMD-17', 'HAMD-17.total', 'MADRS.subscale.anhedonia', 'summary-entry'. */
export const APP_CODES = `${APP_BASE}/CodeSystem/trajectory`;
/** Patient.identifier.system of the clinic's pseudonymous patient code. */
export const PATIENT_CODE_SYSTEM = `${APP_BASE}/NamingSystem/patient-code`;
export const EXT_EVENT_KIND = `${APP_BASE}/StructureDefinition/event-kind`;
export const EXT_INDEX_EVENT = `${APP_BASE}/StructureDefinition/index-event`;
export const EXT_EVENT_LABEL = `${APP_BASE}/StructureDefinition/event-label`;
export const EXT_TOTAL_DOSE = `${APP_BASE}/StructureDefinition/total-dose`;
export const EXT_EVENT_END = `${APP_BASE}/StructureDefinition/event-end`;
export const EXT_NOTE_TEXT = `${APP_BASE}/StructureDefinition/note-text`;
export const EXT_COMPLETENESS = `${APP_BASE}/StructureDefinition/score-completeness`;
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';

/** meta.tag of a QuestionnaireResponse that transcribes totals rather than every item. */
export const SUMMARY_TAG = {
  system: APP_CODES,
  code: 'summary-entry',
  display: 'Summary entry: only totals, subscales or single items were transcribed',
} as const;

export const PHQ9_PANEL = '44249-1';
export const PHQ9_TOTAL = '44261-6';
/** Items 1–9, then the difficulty item (10). */
export const PHQ9_ITEMS = [
  '44250-9',
  '44255-8',
  '44259-0',
  '44254-1',
  '44251-7',
  '44258-2',
  '44252-5',
  '44253-3',
  '44260-8',
  '69722-7',
] as const;
/** LL358-3 (items 1–9), answers 0–3. */
export const PHQ9_ANSWERS = ['LA6568-5', 'LA6569-3', 'LA6570-1', 'LA6571-9'] as const;
/** LL359-1 (difficulty item), answers 0–3. */
export const PHQ9_DIFFICULTY_ANSWERS = ['LA6572-7', 'LA6573-5', 'LA6575-0', 'LA6574-3'] as const;
/** LL382-3 severity bands for the total: 0–4, 5–9, 10–14, 15–19, 20–27. */
export const PHQ9_BAND_ANSWERS = [
  'LA6708-7',
  'LA6709-5',
  'LA6710-3',
  'LA6711-1',
  'LA6712-9',
] as const;

/** The canonical of the questionnaire a response answers. */
export function questionnaireOf(scaleId: ScaleId): string {
  return scaleId === 'PHQ-9' ? `${LOINC}/q/${PHQ9_PANEL}` : `${APP_BASE}/Questionnaire/${scaleId}`;
}

export function scaleOfQuestionnaire(canonical: string): ScaleId | null {
  const bare = canonical.split('|')[0] ?? '';
  if (bare === `${LOINC}/q/${PHQ9_PANEL}`) return 'PHQ-9';
  const prefix = `${APP_BASE}/Questionnaire/`;
  if (!bare.startsWith(prefix)) return null;
  const id = bare.slice(prefix.length);
  return id !== 'PHQ-9' && isScaleId(id) ? id : null;
}

/** The answer code of a PHQ-9 item value, and back. */
export function phq9AnswerCode(item: number, value: number): string | undefined {
  return (item === 10 ? PHQ9_DIFFICULTY_ANSWERS : PHQ9_ANSWERS)[value];
}

export function phq9AnswerValue(item: number, code: string): number | null {
  const index = (item === 10 ? PHQ9_DIFFICULTY_ANSWERS : PHQ9_ANSWERS).findIndex((c) => c === code);
  return index < 0 ? null : index;
}
