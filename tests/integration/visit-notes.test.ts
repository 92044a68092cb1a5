import { beforeEach, describe, expect, it } from 'vitest';
import { backupToJson } from '../../src/db/backup/backup-text';
import { readBackup } from '../../src/db/backup/export-backup';
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
      await updateVisit(
        visit.id,
        {
          adverseEvents: [' nausea', 'Nausea', 'dry  mouth', ''],
          notes: 'pre-dose',
        },
        { base: visit },
      ),
    );
    expect(saved.adverseEvents).toEqual(['nausea', 'dry mouth']);
    expect((await db.visits.get(visit.id))?.notes).toBe('pre-dose');

    const cleared = expectOk(await updateVisit(visit.id, { adverseEvents: [] }, { base: saved }));
    expect('adverseEvents' in cleared).toBe(false);
    const [last] = await listHistory({ recordId: visit.id });
    expectOk(await undo(last!.id));
    expect((await db.visits.get(visit.id))?.adverseEvents).toEqual(['nausea', 'dry mouth']);
  });

  it('refuses an entry longer than 200 characters, naming the field, and changes nothing', async () => {
    const { visit } = await seedPatient();
    const failure = expectFailure(
      await updateVisit(visit.id, { adverseEvents: ['x'.repeat(201)] }, { base: visit }),
    );
    expect(failure.reason).toMatch(/adverseEvents/);
    expect(await db.visits.get(visit.id)).toEqual(visit);
  });

  it('merges a change made in another tab to another field; stops on the same field changed two ways', async () => {
    const { visit } = await seedPatient();
    // This tab and another both loaded `visit`; the other saved a note first.
    expectOk(await updateVisit(visit.id, { notes: 'other tab' }, { base: visit }));
    const merged = expectOk(
      await updateVisit(visit.id, { adverseEvents: ['nausea'] }, { base: visit }),
    );
    expect(merged.notes).toBe('other tab');
    expect(merged.adverseEvents).toEqual(['nausea']);
    // Both from `merged`: the second tab's different list is not silently overwritten.
    expectOk(await updateVisit(visit.id, { adverseEvents: ['headache'] }, { base: merged }));
    const clash = await updateVisit(visit.id, { adverseEvents: ['insomnia'] }, { base: merged });
    expect(clash.ok).toBe(false);
    expect(!clash.ok && clash.reason).toMatch(/adverse events/);
    expect((await db.visits.get(visit.id))?.adverseEvents).toEqual(['headache']);
  });

  it('travels in a backup, which passes the backup check', async () => {
    const { visit } = await seedPatient();
    expectOk(await updateVisit(visit.id, { adverseEvents: ['headache'] }, { base: visit }));
    const text = backupToJson(expectOk(await readBackup({ scope: 'all' })));
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(true);
    expect(text).toMatch(/"adverseEvents":\s*\[\s*"headache"\s*\]/);
  });
});
