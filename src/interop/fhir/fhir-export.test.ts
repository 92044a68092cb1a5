import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Fhir } from 'fhir';
import { Severities } from 'fhir/validator';
import { describe, expect, it } from 'vitest';
import { parseBackup } from '../../db/backup/parse-backup';
import type { Backup } from '../../db/backup/backup-format';
import { generateCohort } from '../testing/cohort';
import { buildFhirBundle } from './fhir-export';
import type { Bundle, Resource } from './fhir-types';

const fhir = new Fhir();

function referenceCase(): Backup {
  const parsed = parseBackup(readFileSync(resolve('fixtures/dezocine-case.json'), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

/**
 * Every message of the FHIR R4 validator (the `fhir` package), but two kinds about
 * terminology it does not carry: "Value set … could not be found" (info) and "Code … (LOINC or
 * the app's CodeSystem) not found in value set" (warning, on example and preferred bindings,
 * which R4 allows any code for). Any other message, error, warning or info, fails the test.
 */
const TERMINOLOGY_ONLY = [
  /^Value set "[^"]+" could not be found\.$/,
  /^Code "[^"]+" \((http:\/\/loinc\.org|http:\/\/trajectory\.invalid\/fhir\/CodeSystem\/trajectory)\) not found in value set$/,
];
const validate = (bundle: Bundle) =>
  fhir
    .validate(bundle)
    .messages.filter(
      (m) =>
        m.severity === Severities.Error ||
        m.severity === Severities.Fatal ||
        !TERMINOLOGY_ONLY.some((re) => re.test(m.message ?? '')),
    );

const resources = (bundle: Bundle, type: string) =>
  bundle.entry.map((e) => e.resource).filter((r): r is Resource => r?.resourceType === type);

describe('FHIR R4 export', () => {
  it('writes the reference case as a Bundle the FHIR R4 validator accepts without a message', () => {
    const bundle = buildFhirBundle(referenceCase());
    expect(validate(bundle)).toEqual([]);
    expect(bundle.type).toBe('collection');
    expect(resources(bundle, 'Encounter')).toHaveLength(5);
    expect(resources(bundle, 'QuestionnaireResponse')).toHaveLength(20);
  });

  it('validates a generated cohort of 40 patients, every event kind and entry mode', () => {
    const bundle = buildFhirBundle(generateCohort(7, 40), { includeNames: true });
    expect(validate(bundle)).toEqual([]);
    const types = new Set(bundle.entry.map((e) => e.resource?.resourceType));
    for (const t of [
      'Patient',
      'Encounter',
      'QuestionnaireResponse',
      'Observation',
      'MedicationAdministration',
      'MedicationStatement',
      'Procedure',
      'Basic',
    ])
      expect(types).toContain(t);
  });

  it('the validator is not a rubber stamp: a broken Observation is refused', () => {
    const bundle = buildFhirBundle(referenceCase());
    const broken = {
      ...bundle,
      entry: bundle.entry.map((e) =>
        e.resource?.resourceType === 'Observation'
          ? { ...e, resource: { ...e.resource, valueInteger: 'twelve' } }
          : e,
      ),
    };
    expect(validate(broken).some((m) => m.severity === Severities.Error)).toBe(true);
  });

  it('codes PHQ-9 with LOINC: panel, items, answers and total, with derivedFrom its response', () => {
    const bundle = buildFhirBundle(generateCohort(3, 10));
    const phq = resources(bundle, 'QuestionnaireResponse').find(
      (r) =>
        r.questionnaire === 'http://loinc.org/q/44249-1' &&
        Array.isArray(r.item) &&
        r.item.length > 0 &&
        !r.meta,
    );
    expect(phq).toBeDefined();
    const first = (
      phq?.item as { linkId: string; answer: { valueCoding: { system: string; code: string } }[] }[]
    )[0];
    expect(['44250-9', '44255-8']).toContain(first?.linkId);
    expect(first?.answer[0]?.valueCoding.system).toBe('http://loinc.org');
    expect(first?.answer[0]?.valueCoding.code).toMatch(/^LA65(68-5|69-3|70-1|71-9)$/);
    const total = resources(bundle, 'Observation').find(
      (o) =>
        o.derivedFrom !== undefined &&
        JSON.stringify(o.derivedFrom).includes(String(phq?.id)) &&
        JSON.stringify(o.code).includes('44261-6'),
    );
    expect(total).toBeDefined();
  });

  it('leaves names out unless chosen, and marks summary entries', () => {
    const data = referenceCase();
    const withName = { ...data, patients: data.patients.map((p) => ({ ...p, name: 'Hui Wang' })) };
    expect(JSON.stringify(buildFhirBundle(withName))).not.toContain('Hui Wang');
    expect(JSON.stringify(buildFhirBundle(withName, { includeNames: true }))).toContain('Hui Wang');
    const summaries = resources(buildFhirBundle(data), 'QuestionnaireResponse').filter((r) =>
      JSON.stringify(r.meta).includes('summary-entry'),
    );
    expect(summaries).toHaveLength(20);
  });
});
