import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PHQ9 } from '../../domain/scales/phq9';
import { scoreEntry } from '../../domain/scoring';
import { severityOf } from '../../domain/severity';
import { questionnaireToScale, type ClinicScaleOptions } from './questionnaire-scale';

// The HL7 SDC PHQ-9 example (fixtures/fhir/README.md). Its bands are not machine-readable,
// so the clinic supplies Kroenke 2001's, as a clinic importing it would.
const SDC_PHQ9: unknown = JSON.parse(
  readFileSync(resolve('fixtures/fhir/questionnaire-sdc-phq9.json'), 'utf8'),
);
const KROENKE: ClinicScaleOptions = {
  key: 'sdc-phq9',
  bands: [
    { label: 'None–minimal', min: 0, max: 4 },
    { label: 'Mild', min: 5, max: 9 },
    { label: 'Moderate', min: 10, max: 14 },
    { label: 'Moderately severe', min: 15, max: 19 },
    { label: 'Severe', min: 20, max: 27 },
  ],
  bandSource: 'Kroenke et al. 2001, J Gen Intern Med 16:606',
};

/** A small seeded generator (mulberry32), so every run checks the same responses. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the HL7 SDC PHQ-9 example Questionnaire as a clinic-defined scale', () => {
  const result = questionnaireToScale(SDC_PHQ9, KROENKE);
  if (!result.ok) throw new Error(result.issues.join('\n'));
  const scale = result.value;

  it('has the nine weighted questions as items 0–3 (the total item is not an item)', () => {
    expect(scale.id).toBe('clinic:sdc-phq9');
    expect(scale.items).toHaveLength(9);
    expect(scale.items.every((i) => i.min === 0 && i.max === 3)).toBe(true);
    expect(scale.items[0]?.anchors?.map((a) => a.label)).toEqual([
      'Not at all',
      'Several days',
      'More than half the days',
      'Nearly every day',
    ]);
    expect(scale.clinicDefined).toEqual({
      questionnaire:
        'http://hl7.org/fhir/uv/sdc/Questionnaire/questionnaire-sdc-profile-example-PHQ9|0.0.1',
      linkIds: Array.from({ length: 9 }, (_, i) => `H1/T1/Q${i + 1}`),
    });
    expect(scale.version).toBe('Patient Health Questionnaire - 9 Item 0.0.1 (clinic-defined)');
    expect(scale.bandConventions[0]?.source).toBe(KROENKE.bandSource);
  });

  it('gives the built-in PHQ-9 total and band on 500 generated complete responses', () => {
    const rnd = random(16);
    for (let n = 0; n < 500; n += 1) {
      const answers = Array.from({ length: 9 }, () => Math.floor(rnd() * 4));
      const builtIn = scoreEntry(PHQ9, { mode: 'items', responses: [...answers, null] });
      const clinic = scoreEntry(scale, { mode: 'items', responses: answers });
      if (!builtIn.ok || !clinic.ok) throw new Error(`not scored: ${answers.join(',')}`);
      const total = builtIn.score.total ?? -1;
      expect(clinic.score.total).toBe(total);
      const a = severityOf(PHQ9, total);
      const b = severityOf(scale, clinic.score.total ?? -1);
      expect(a.ok && b.ok && b.value.band.label).toBe(a.ok && a.value.band.label);
    }
  });

  it('covers every total 0–27 among the generated responses with the same band', () => {
    for (let total = 0; total <= 27; total += 1) {
      const a = severityOf(PHQ9, total);
      const b = severityOf(scale, total);
      expect(b.ok && b.value.band.label).toBe(a.ok && a.value.band.label);
    }
  });
});

describe('a Questionnaire that cannot be a scale: one message per problem, with its place', () => {
  const choice = (linkId: string, answerOption: unknown[]) => ({
    linkId,
    text: linkId,
    type: 'choice',
    answerOption,
  });
  const weighted = (w: number, url = 'http://hl7.org/fhir/StructureDefinition/ordinalValue') => ({
    valueCoding: { code: `c${w}`, display: `answer ${w}` },
    extension: [{ url, valueDecimal: w }],
  });

  it('accepts itemWeight, iso21090-CO-value and valueInteger answers alike', () => {
    const q = {
      resourceType: 'Questionnaire',
      title: 'Three kinds',
      item: [
        choice(
          'a',
          [0, 1, 2].map((w) => weighted(w, 'http://hl7.org/fhir/StructureDefinition/itemWeight')),
        ),
        choice(
          'b',
          [0, 1].map((w) =>
            weighted(w, 'http://hl7.org/fhir/StructureDefinition/iso21090-CO-value'),
          ),
        ),
        choice('c', [{ valueInteger: 1 }, { valueInteger: 2 }, { valueInteger: 3 }]),
      ],
    };
    const r = questionnaireToScale(q, { key: 'three' });
    expect(r.ok && r.value.items.map((i) => [i.min, i.max])).toEqual([
      [0, 2],
      [0, 1],
      [1, 3],
    ]);
  });

  it('names each problem and makes nothing', () => {
    const q = {
      resourceType: 'Questionnaire',
      item: [
        choice('no-weight', [{ valueCoding: { code: 'x' } }, weighted(1)]),
        choice('gap', [weighted(0), weighted(2)]),
        { linkId: 'vs', type: 'choice', answerValueSet: 'http://example.org/ValueSet/x' },
        { linkId: 'int', type: 'integer' },
      ],
    };
    const r = questionnaireToScale(q, {
      key: 'Bad Key',
      bands: [{ label: 'Low', min: 1, max: 3 }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      'key: expected 1–40 lower-case letters, digits or - (got "Bad Key")',
      'Questionnaire.title: expected a title or name',
      'Questionnaire.item[0] (linkId "no-weight"): answers [0] have no weight (ordinalValue, itemWeight or iso21090-CO-value extension, or valueInteger)',
      'Questionnaire.item[1] (linkId "gap"): answer weights must be distinct whole numbers without gaps, at least two (got 0, 2)',
      'Questionnaire.item[2] (linkId "vs").answerValueSet: expected "#id" of a ValueSet contained in the Questionnaire (got "http://example.org/ValueSet/x"); an outside ValueSet cannot be fetched',
      'Questionnaire.item[2] (linkId "vs"): a choice question without answers cannot be scored',
      'Questionnaire.item[3] (linkId "int"): an integer question needs whole-number minValue and maxValue extensions, min below max (got minValue none, maxValue none)',
      'bands: say where the bands come from (source)',
      'bands[0] "Low": expected to start at 0 (got 1): no gaps or overlaps',
      'bands[0]: expected to end at the top total 0 (got 3)',
    ]);
  });

  it('refuses a resource that is not a Questionnaire', () => {
    const r = questionnaireToScale({ resourceType: 'Patient' }, { key: 'x' });
    expect(!r.ok && r.issues).toEqual([
      'the file: expected a FHIR R4 Questionnaire (got "Patient")',
    ]);
  });
});
