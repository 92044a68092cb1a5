import { beforeEach, describe, expect, it } from 'vitest';
import { backupToJson, readBackup } from '../../src/db/backup/export-backup';
import { parseBackup } from '../../src/db/backup/parse-backup';
import { db } from '../../src/db/db';
import { listHistory, undo } from '../../src/db/history-repo';
import { updateVisit } from '../../src/db/visits-repo';
import { expectFailure, expectOk, freshDatabase, seedPatient } from './helpers';

beforeEach(freshDatabase);

describe('adverse events and note of a visit', () => {
  it('stores the list normalised, clears it with an empty list, and undo restores it', async () => {
    const { visit } = await seedPatient();
    const saved = expectOk(
      await updateVisit(visit.id, {
        adverseEvents: [' nausea', 'Nausea', 'dry  mouth', ''],
        notes: 'pre-dose',
      }),
    );
    expect(saved.adverseEvents).toEqual(['nausea', 'dry mouth']);
    expect((await db.visits.get(visit.id))?.notes).toBe('pre-dose');

    const cleared = expectOk(await updateVisit(visit.id, { adverseEvents: [] }));
    expect('adverseEvents' in cleared).toBe(false);
    const [last] = await listHistory({ recordId: visit.id });
    expectOk(await undo(last!.id));
    expect((await db.visits.get(visit.id))?.adverseEvents).toEqual(['nausea', 'dry mouth']);
  });

  it('refuses an entry longer than 200 characters, naming the field, and changes nothing', async () => {
    const { visit } = await seedPatient();
    const failure = expectFailure(
      await updateVisit(visit.id, { adverseEvents: ['x'.repeat(201)] }),
    );
    expect(failure.reason).toMatch(/adverseEvents/);
    expect(await db.visits.get(visit.id)).toEqual(visit);
  });

  it('travels in a backup, which passes the backup check', async () => {
    const { visit } = await seedPatient();
    expectOk(await updateVisit(visit.id, { adverseEvents: ['headache'] }));
    const text = backupToJson(expectOk(await readBackup({ scope: 'all' })));
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(true);
    expect(text).toMatch(/"adverseEvents": \[\s*"headache"\s*\]/);
  });
});
