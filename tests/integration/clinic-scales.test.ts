/**
 * Clinic-defined scales stored in the database (v7): a Questionnaire imported as a scale is
 * a row per version, kept in history; a key clash and a repeated version are refused with
 * nothing written; an assessment of a clinic scale is scored by the version it was recorded
 * under, also after a new version is added.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { addClinicScale, listClinicScaleRecords } from '../../src/db/clinic-scales-repo';
import { saveDraftAssessment } from '../../src/db/assessments-repo';
import { backupToJson } from '../../src/db/backup/backup-text';
import { readBackup } from '../../src/db/backup/export-backup';
import { importBackup } from '../../src/db/backup/import-backup';
import { parseBackup } from '../../src/db/backup/parse-backup';
import { buildFhirBundle } from '../../src/interop/fhir/fhir-export';
import { db } from '../../src/db/db';
import { scoreEntry } from '../../src/domain/scoring';
import { severityOf } from '../../src/domain/severity';
import { clinicScales, getScale, scaleOf } from '../../src/domain/scales/registry';
import {
  questionnaireToScale,
  type ClinicScaleOptions,
} from '../../src/interop/fhir/questionnaire-scale';
import {
  dumpDatabase,
  expectFailure,
  expectOk,
  freshDatabase,
  newDraftVisit,
  readFixture,
} from './helpers';

const SDC_PHQ9 = JSON.parse(readFixture('fhir/questionnaire-sdc-phq9.json')) as Record<
  string,
  unknown
>;
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

const scaleFrom = (json: unknown, options: ClinicScaleOptions = KROENKE) =>
  expectOk(questionnaireToScale(json, options));

beforeEach(freshDatabase);

describe('clinic-defined scales in the database', () => {
  it('stores a Questionnaire as a scale, keeps it in history and puts it in the registry', async () => {
    const scale = scaleFrom(SDC_PHQ9);
    const record = expectOk(await addClinicScale(scale, { by: 'Dr Li' }));
    expect(record).toMatchObject({
      id: `clinic:sdc-phq9|${scale.version}`,
      scaleId: 'clinic:sdc-phq9',
    });
    expect(await listClinicScaleRecords()).toEqual([record]);
    expect(clinicScales().map((s) => s.id)).toEqual(['clinic:sdc-phq9']);
    expect(getScale('clinic:sdc-phq9').items).toHaveLength(9);
    const history = await db.history.where('recordId').equals(record.id).toArray();
    expect(history).toMatchObject([
      { table: 'scaleDefinitions', action: 'create', by: 'Dr Li', before: null, after: record },
    ]);
  });

  it('refuses the same version again and another Questionnaire under the same key, writing nothing', async () => {
    expectOk(await addClinicScale(scaleFrom(SDC_PHQ9)));
    const before = await dumpDatabase();
    const again = expectFailure(await addClinicScale(scaleFrom(SDC_PHQ9)));
    expect(again.reason).toMatch(/is already stored/);
    const other = scaleFrom({ ...SDC_PHQ9, url: 'http://clinic.example/Questionnaire/mood' });
    const clash = expectFailure(await addClinicScale(other));
    expect(clash.reason).toBe(
      'The key "sdc-phq9" is already used by the clinic-defined scale "Patient Health ' +
        `Questionnaire - 9 Item" (from ${String(SDC_PHQ9.url)}). Choose another key, or import a new ` +
        'version of that same Questionnaire.',
    );
    expect(await dumpDatabase()).toBe(before);
  });

  it('adds a new version as a new row; an old assessment keeps its version and band', async () => {
    const v1 = scaleFrom(SDC_PHQ9);
    expectOk(await addClinicScale(v1));
    const { visitId } = await newDraftVisit();
    const entry = { mode: 'items' as const, responses: [1, 1, 1, 1, 1, 0, 0, 0, 0] };
    const saved = expectOk(
      await saveDraftAssessment({ visitId, scaleId: 'clinic:sdc-phq9', entry }),
    );
    expect(saved.scaleVersion).toBe(v1.version);

    // Version 2 of the same Questionnaire moves the mild band up to 6.
    const bands = KROENKE.bands!.map((b, i) =>
      i === 0 ? { ...b, max: 5 } : i === 1 ? { ...b, min: 6 } : b,
    );
    const v2 = scaleFrom({ ...SDC_PHQ9, version: '2.0.0' }, { ...KROENKE, bands });
    expectOk(await addClinicScale(v2));
    expect((await listClinicScaleRecords()).map((r) => r.version)).toEqual([
      v1.version,
      v2.version,
    ]);
    expect(getScale('clinic:sdc-phq9').version).toBe(v2.version);

    const stored = await db.assessments.get(saved.id);
    const scale = scaleOf(stored!);
    expect(scale.version).toBe(v1.version);
    const total = scoreEntry(scale, stored!.entry);
    expect(total.ok && total.score.total).toBe(5);
    const band = severityOf(scale, 5);
    expect(band.ok && band.value.band.label).toBe('Mild');
    const banded = severityOf(v2, 5);
    expect(banded.ok && banded.value.band.label).toBe('None–minimal');
  });
});

describe('clinic-defined scales in backups', () => {
  async function patientWithClinicScale() {
    expectOk(await addClinicScale(scaleFrom(SDC_PHQ9)));
    const { visitId } = await newDraftVisit('CS-1', '2024-02-01');
    const entry = { mode: 'items' as const, responses: [2, 2, 2, 2, 2, 0, 0, 0, 1] };
    expectOk(await saveDraftAssessment({ visitId, scaleId: 'clinic:sdc-phq9', entry }));
    return expectOk(await readBackup({ scope: 'all' }));
  }

  it('carries the definitions, and a new device takes them in with the assessments', async () => {
    const backup = await patientWithClinicScale();
    expect(backup.clinicScales?.map((s) => s.id)).toEqual(['clinic:sdc-phq9']);
    await freshDatabase();
    expect(clinicScales()).toEqual([]);
    const parsed = expectOk(parseBackup(backupToJson(backup)));
    const summary = expectOk(await importBackup(parsed, { onConflict: 'skip' }));
    expect(summary.clinicScales).toEqual([backup.clinicScales?.[0]?.version]);
    expect((await listClinicScaleRecords()).map((r) => r.definition)).toEqual(backup.clinicScales);
    const [stored] = await db.assessments.toArray();
    const score = scoreEntry(scaleOf(stored!), stored!.entry);
    expect(score.ok && score.score.total).toBe(11);
    // The same file again: the definition is known, nothing new is stored.
    const again = expectOk(await importBackup(parsed, { onConflict: 'skip' }));
    expect(again.clinicScales).toBeUndefined();
    expect(await listClinicScaleRecords()).toHaveLength(1);
  });

  it('refuses an assessment of a clinic scale the file does not define, naming patient and visit', async () => {
    const full = await patientWithClinicScale();
    const backup = { ...full, clinicScales: [] };
    await freshDatabase();
    const refused = expectFailure(parseBackup(backupToJson(backup)));
    expect(refused.issues).toEqual([
      'assessments[0].scaleId (patient CS-1, visit of 2024-02-01): "clinic:sdc-phq9" is a clinic-defined scale this device does not have, and the file does not carry its definition (clinicScales); import the scale first, or a backup made with it',
    ]);
  });

  it('exports a FHIR QuestionnaireResponse that answers the Questionnaire the scale came from', async () => {
    const backup = await patientWithClinicScale();
    const bundle = buildFhirBundle(backup);
    const responses = bundle.entry
      .map(
        (e) =>
          e.resource as {
            resourceType: string;
            questionnaire?: string;
            item?: { linkId: string }[];
          },
      )
      .filter((r) => r.resourceType === 'QuestionnaireResponse');
    expect(responses).toHaveLength(1);
    expect(responses[0]?.questionnaire).toBe(`${String(SDC_PHQ9.url)}|${String(SDC_PHQ9.version)}`);
    expect(responses[0]?.item?.map((i) => i.linkId)).toEqual(
      backup.clinicScales?.[0]?.clinicDefined?.linkIds,
    );
  });
});
