/**
 * 1,200 generated malformed FHIR Bundles, each rejected with messages that say where, and the
 * database (holding the reference case and three generated patients) byte-identical after every batch.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readBackup } from '../../src/db/backup/export-backup';
import { buildFhirBundle } from '../../src/interop/fhir/fhir-export';
import { readFhirBundle } from '../../src/interop/fhir/fhir-import';
import { generateCohort, pick, seeded, type Random } from '../../src/interop/testing/cohort';
import { importBackup } from '../../src/db/backup/import-backup';
import { parseBackup } from '../../src/db/backup/parse-backup';
import { HUGE, notUtf8, truncate } from '../../src/interop/testing/fuzz';
import { dumpDatabase, expectOk, freshDatabase, importFixture } from './helpers';
import { importExternal } from './interop-helpers';

type Json = Record<string, unknown>;
type Entry = { resource: Json };
type Mutation = (rnd: Random, entries: Entry[]) => boolean;

/** Resources of a type (responses: only those with answers, which every mutation needs). */
const of = (entries: Entry[], type: string) =>
  entries
    .filter((e) => e.resource.resourceType === type)
    .map((e) => e.resource)
    .filter((r) => !Array.isArray(r.item) || r.item.length > 0);
const answers = (qr: Json) => (qr.item as { answer: Json[] }[]).map((i) => i.answer[0] as Json);

/** Each mutation breaks one thing of one kind; false when the Bundle has no target for it. */
const MUTATIONS: Record<string, Mutation> = {
  'wrong type: answer as text': (rnd, e) => {
    const qr = pick(
      rnd,
      of(e, 'QuestionnaireResponse').filter(
        (r) => r.questionnaire !== 'http://loinc.org/q/44249-1',
      ),
    );
    const a = pick(rnd, answers(qr));
    a.valueInteger = JSON.stringify(a.valueInteger ?? 1);
    delete a.valueDecimal;
    return true;
  },
  'wrong type: date as number': (rnd, e) => {
    pick(rnd, of(e, 'Encounter')).period = { start: 20231124 };
    return true;
  },
  'wrong type: item list as object': (rnd, e) => {
    pick(rnd, of(e, 'QuestionnaireResponse')).item = { linkId: '1' };
    return true;
  },
  'wrong type: reference as number': (rnd, e) => {
    pick(rnd, of(e, 'QuestionnaireResponse')).encounter = { reference: 42 };
    return true;
  },
  'out of range: item score': (rnd, e) => {
    const qr = pick(
      rnd,
      of(e, 'QuestionnaireResponse').filter(
        (r) => r.questionnaire !== 'http://loinc.org/q/44249-1' && !r.meta,
      ),
    );
    const a = pick(rnd, answers(qr));
    a.valueInteger = rnd() < 0.5 ? -1 - Math.floor(rnd() * 5) : 8 + Math.floor(rnd() * 90);
    return true;
  },
  'out of range: birth year': (rnd, e) => {
    pick(rnd, of(e, 'Patient')).birthDate = pick(rnd, ['1850', '2200-01-01', 'soon']);
    return true;
  },
  'out of range: summary total': (rnd, e) => {
    const qr = pick(
      rnd,
      of(e, 'QuestionnaireResponse').filter((r) => r.meta),
    );
    const total = (qr.item as { linkId: string; answer: Json[] }[]).find(
      (i) => i.linkId === 'total',
    );
    if (!total) return false;
    total.answer = [{ valueInteger: 500 + Math.floor(rnd() * 100) }];
    return true;
  },
  'unknown code: questionnaire': (rnd, e) => {
    pick(rnd, of(e, 'QuestionnaireResponse')).questionnaire = pick(rnd, [
      'http://loinc.org/q/99999-9',
      'http://trajectory.invalid/fhir/Questionnaire/BDI-II',
    ]);
    return true;
  },
  'unknown code: PHQ-9 answer': (rnd, e) => {
    const qr = pick(
      rnd,
      of(e, 'QuestionnaireResponse').filter(
        (r) => r.questionnaire === 'http://loinc.org/q/44249-1' && !r.meta,
      ),
    );
    pick(rnd, answers(qr)).valueCoding = { system: 'http://loinc.org', code: 'LA0000-0' };
    return true;
  },
  'unknown code: linkId': (rnd, e) => {
    const qr = pick(rnd, of(e, 'QuestionnaireResponse'));
    (qr.item as Json[]).push({
      linkId: pick(rnd, ['99', 'subscale.mood', 'score']),
      answer: [{ valueInteger: 1 }],
    });
    return true;
  },
  'unknown code: encounter status': (rnd, e) => {
    pick(rnd, of(e, 'Encounter')).status = pick(rnd, ['planned', 'cancelled', 'FINISHED']);
    return true;
  },
  'unknown code: resource type': (rnd, e) => {
    e.push({ resource: { resourceType: 'Condition', id: `c${Math.floor(rnd() * 1e6)}` } });
    return true;
  },
  'unknown code: observation': (rnd, e) => {
    pick(rnd, of(e, 'Observation')).code = {
      coding: [{ system: 'http://loinc.org', code: '1234-5' }],
    };
    return true;
  },
  'dangling reference: encounter': (rnd, e) => {
    pick(rnd, of(e, 'QuestionnaireResponse')).encounter = { reference: 'Encounter/gone' };
    return true;
  },
  'dangling reference: subject': (rnd, e) => {
    pick(rnd, of(e, pick(rnd, ['Encounter', 'MedicationStatement', 'Procedure']))).subject = {
      reference: 'Patient/nobody',
    };
    return true;
  },
  'dangling reference: derivedFrom': (rnd, e) => {
    pick(rnd, of(e, 'Observation')).derivedFrom = [{ reference: 'QuestionnaireResponse/none' }];
    return true;
  },
  'disagreeing Observation': (rnd, e) => {
    const o = pick(
      rnd,
      of(e, 'Observation').filter((x) => typeof x.valueInteger === 'number'),
    );
    o.valueInteger = (o.valueInteger as number) + 1 + Math.floor(rnd() * 3);
    return true;
  },
  'huge field': (rnd, e) => {
    const target = pick(rnd, ['code', 'rater', 'details'] as const);
    if (target === 'code') pick(rnd, of(e, 'Patient')).identifier = [{ value: HUGE }];
    else if (target === 'rater')
      pick(rnd, of(e, 'QuestionnaireResponse')).author = { display: HUGE };
    else pick(rnd, of(e, 'MedicationStatement')).note = [{ text: HUGE }];
    return true;
  },
  'duplicate visit date': (rnd, e) => {
    const enc = pick(rnd, of(e, 'Encounter'));
    e.push({ resource: { ...enc, id: `dup${Math.floor(rnd() * 1e6)}` } });
    return true;
  },
};

let bundle = '';
let dump = '';

beforeAll(async () => {
  await freshDatabase();
  await importFixture();
  // The reference case has summary entries only: add patients entered item by item.
  const cohort = expectOk(parseBackup(JSON.stringify(generateCohort(5, 3))));
  expectOk(await importBackup(cohort, { onConflict: 'skip' }));
  bundle = JSON.stringify(buildFhirBundle(expectOk(await readBackup({ scope: 'all' }))));
  dump = await dumpDatabase();
});

describe('FHIR import fuzz: malformed Bundles change nothing', () => {
  it('rejects 1,200 generated malformed Bundles, each with a message that says where', async () => {
    const rnd = seeded(20240115);
    const bytes = new TextEncoder().encode(bundle);
    const kinds = ['truncated', 'not UTF-8', ...Object.keys(MUTATIONS)];
    const seen = new Map<string, number>();
    for (let n = 0; n < 1200; n += 1) {
      const kind = kinds[n % kinds.length] ?? 'truncated';
      let file: Uint8Array;
      if (kind === 'truncated') file = truncate(rnd, bytes);
      else if (kind === 'not UTF-8') file = notUtf8(rnd, bytes);
      else {
        const data = JSON.parse(bundle) as { entry: Entry[] };
        if (!MUTATIONS[kind]?.(rnd, data.entry)) continue;
        file = new TextEncoder().encode(JSON.stringify(data));
      }
      const result = await importExternal(readFhirBundle(file));
      if (result.ok) throw new Error(`${kind} (file ${n}) was imported`);
      expect(result.issues.length, kind).toBeGreaterThan(0);
      for (const issue of result.issues)
        expect(issue, kind).toMatch(
          /^(Bundle|The file is not valid UTF-8: byte 0x[0-9A-F]{2} at line \d+, column \d+)/,
        );
      seen.set(kind, (seen.get(kind) ?? 0) + 1);
      if (n % 100 === 99) expect(await dumpDatabase()).toBe(dump);
    }
    expect(await dumpDatabase()).toBe(dump);
    expect([...seen.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1000);
    expect([...seen.keys()].sort()).toEqual([...kinds].sort());
  }, 120_000);
});
