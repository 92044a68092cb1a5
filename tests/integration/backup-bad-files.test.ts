import { beforeEach, describe, expect, it } from 'vitest';
import { importBackup } from '../../src/db/backup/import-backup';
import { MAX_PROBLEMS, parseBackup } from '../../src/db/backup/parse-backup';
import { dumpDatabase, expectFailure, freshDatabase, readFixture, seedPatient } from './helpers';

beforeEach(freshDatabase);

type Json = Record<string, unknown> & {
  patients: Record<string, unknown>[];
  events: Record<string, unknown>[];
  visits: Record<string, unknown>[];
  assessments: Record<string, unknown>[];
};

/** The reference case with one change made by `edit`. */
const caseWith = (edit: (b: Json) => void): string => {
  const backup = JSON.parse(readFixture('dezocine-case.json')) as Json;
  edit(backup);
  return JSON.stringify(backup, null, 2);
};

const NOBODY = '00000000-0000-4000-8000-00000000dead';
const hamdItems = (third: number) => ({
  mode: 'items',
  responses: [1, 1, third, ...Array<null>(14).fill(null)],
});

/** The user's path: parse, and import only if the file is good. */
async function tryImport(text: string) {
  const parsed = parseBackup(text);
  if (parsed.ok) return importBackup(parsed.value, { onConflict: 'replace' });
  return parsed;
}

describe('a bad backup file changes nothing and says what is wrong and where', () => {
  it.each<[string, string, RegExp[]]>([
    [
      'not JSON',
      '{\n  "format": "trajectory-backup",\n  "formatVersion": 1,\n}',
      [/^Not valid JSON: .*line 4, column 1/],
    ],
    ['an empty file', '', [/^Not valid JSON: the file is empty/]],
    ['JSON but not a backup', '[1, 2]', [/not a Trajectory backup: it holds an array/]],
    [
      'another format',
      '{"format": "excalidraw", "formatVersion": 1}',
      [/format is "excalidraw" \(expected "trajectory-backup"\)/],
    ],
    [
      'an unknown format version',
      caseWith((b) => (b.formatVersion = 0)),
      [/formatVersion 0 is not a version this app knows \(it reads 1 to 2\)/],
    ],
    [
      'a version that is not a number',
      caseWith((b) => (b.formatVersion = '1')),
      [/formatVersion must be a whole number \(got "1"\)/],
    ],
    [
      'a file from a newer version',
      caseWith((b) => (b.formatVersion = 3)),
      [/^formatVersion 3 is newer than this app understands \(2\)/],
    ],
    [
      'an out-of-range item score',
      caseWith((b) => (b.assessments[4]!.entry = hamdItems(7))),
      [
        /^assessments\[4\]\.entry\.responses\[2\]: HAMD-17 item 3 must be between 0 and 4 \(got 7\)/,
      ],
    ],
    [
      'an out-of-range summary score',
      caseWith(
        (b) =>
          (b.assessments[2]!.entry = {
            mode: 'summary',
            total: 14,
            subscales: {},
            items: { '1': 9 },
          }),
      ),
      [/^assessments\[2\]\.entry\.items\["1"\]: PHQ-9 item 1 must be between 0 and 3 \(got 9\)/],
    ],
    [
      'an unknown scale',
      caseWith((b) => (b.assessments[1]!.scaleId = 'MADRS-S')),
      [/^assessments\[1\]\.scaleId: unknown scale "MADRS-S" \(this app knows HAMD-17, MADRS/],
    ],
    [
      'a duplicate patient code',
      caseWith((b) => {
        b.scope = 'all';
        b.patients.push({
          ...b.patients[0],
          id: '0d9c7f0e-0000-4000-8000-000000000002',
          code: 'dez-001',
        });
      }),
      [/^patients\[1\]\.code: "dez-001" is also the code of patients\[0\] \("DEZ-001"\)/],
    ],
    [
      'a visit pointing at no patient',
      caseWith((b) => (b.visits[1]!.patientId = NOBODY)),
      [new RegExp(`^visits\\[1\\]\\.patientId: no patient with id ${NOBODY} in this file`)],
    ],
    [
      'an assessment pointing at no visit',
      caseWith((b) => (b.assessments[5]!.visitId = NOBODY)),
      [new RegExp(`^assessments\\[5\\]\\.visitId: no visit with id ${NOBODY} in this file`)],
    ],
    [
      'a missing field and an unknown one',
      caseWith((b) => {
        delete b.patients[0]!.createdAt;
        b.events[0]!.colour = 'red';
      }),
      [/^patients\[0\]\.createdAt: /, /^events\[0\]: Unrecognized key: "colour"/],
    ],
    [
      'two index events and an assessment dated unlike its visit',
      caseWith((b) => {
        b.events[0]!.isIndex = true;
        b.assessments[0]!.date = '2023-11-25';
      }),
      [
        /^events\[3\]\.isIndex: patient DEZ-001 already has an index event \(events\[0\]\)/,
        /^assessments\[0\]\.date: 2023-11-25 is not the date of its visit \(2023-11-24\)/,
      ],
    ],
  ])('%s', async (_name, text, messages) => {
    await seedPatient('ALREADY-HERE');
    const before = await dumpDatabase();
    const failure = expectFailure(await tryImport(text));
    for (const message of messages)
      expect(
        failure.issues.some((issue) => message.test(issue)),
        `${message} in ${failure.issues.join('\n')}`,
      ).toBe(true);
    expect(failure.issues).toHaveLength(messages.length);
    expect(failure.reason).toBeTruthy();
    expect(await dumpDatabase()).toBe(before);
  });

  it('lists every problem of a badly broken file, up to a limit', () => {
    const text = caseWith((b) => {
      for (let i = 0; i < 300; i += 1) b.events.push({ ...b.events[0], id: `bad-${i}` });
    });
    const failure = expectFailure(parseBackup(text));
    expect(failure.issues).toHaveLength(MAX_PROBLEMS + 1);
    expect(failure.issues.at(-1)).toMatch(/… and \d+ more problems/);
    expect(failure.reason).toMatch(/^201 problems, the first: events\[4\]\.id: must be an id/);
  });

  it('a file with a byte order mark is read', () => {
    expect(parseBackup(`\uFEFF${readFixture('dezocine-case.json')}`).ok).toBe(true);
  });
});
