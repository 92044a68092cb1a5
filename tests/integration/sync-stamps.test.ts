/**
 * The v6 ground work for replication: every record names its author and device, every
 * history entry carries a hybrid logical clock, deletes leave content-free tombstones that
 * undo removes, and erasing a patient leaves tombstones and no content.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/db/db';
import { addEvent, deleteEvent } from '../../src/db/events-repo';
import { undo } from '../../src/db/history-repo';
import { createPatient, purgePatient, updatePatient } from '../../src/db/patients-repo';
import { THIS_DEVICE } from '../../src/db/stamps';
import { expectOk, freshDatabase, seedPatient } from './helpers';

beforeEach(freshDatabase);

const deviceId = async () => {
  const stored = await db.meta.get('deviceId');
  return stored?.key === 'deviceId' ? stored.value : null;
};

describe('author and device', () => {
  it('a new database has a device id, kept when it opens again', async () => {
    const id = await deviceId();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    db.close();
    await db.open();
    expect(await deviceId()).toBe(id);
  });

  it('stamps "this device" until a clinician is named, then the clinician', async () => {
    const id = await deviceId();
    const p = expectOk(await createPatient({ code: 'A-1' }));
    expect(await db.patients.get(p.id)).toMatchObject({ author: THIS_DEVICE, device: id });
    expect(p).toMatchObject({ author: THIS_DEVICE, device: id });
    const edited = expectOk(await updatePatient(p.id, { name: 'Anna' }, { base: p, by: 'Dr Li' }));
    expect(await db.patients.get(p.id)).toEqual(edited);
    expect(edited).toMatchObject({ author: 'Dr Li', device: id });
  });

  it('stamps "this device" when the clinician in the settings is left blank', async () => {
    const p = expectOk(await createPatient({ code: 'A-2' }, { by: '  ' }));
    expect(await db.patients.get(p.id)).toMatchObject({ author: THIS_DEVICE });
  });

  it('an edit by another author that changes no data writes nothing', async () => {
    const p = expectOk(await createPatient({ code: 'A-1', name: 'Anna' }));
    const same = expectOk(await updatePatient(p.id, { name: 'Anna' }, { base: p, by: 'Dr Li' }));
    expect(same).toEqual(p);
    expect(await db.history.count()).toBe(1);
  });
});

describe('history clock', () => {
  it('gives every entry a clock of this device, in the order written', async () => {
    const id = (await deviceId()) ?? '';
    const node = id.replaceAll('-', '').slice(0, 16);
    await seedPatient('A-1');
    await seedPatient('B-2');
    const entries = await db.history.orderBy('id').toArray();
    expect(entries.length).toBeGreaterThanOrEqual(4);
    const clocks = entries.map((e) => e.hlc ?? '');
    for (const clock of clocks) expect(clock.endsWith(`-${node}`)).toBe(true);
    expect([...clocks].sort()).toEqual(clocks);
    expect(new Set(clocks).size).toBe(clocks.length);
    expect(entries.every((e) => e.device === id)).toBe(true);
  });

  it('goes on after the latest clock when the database opens again', async () => {
    await seedPatient('A-1');
    const before = (await db.history.orderBy('hlc').last())?.hlc ?? '';
    db.close();
    await db.open();
    await seedPatient('B-2');
    const after = (await db.history.orderBy('id').last())?.hlc ?? '';
    expect(after > before).toBe(true);
  });
});

describe('tombstones', () => {
  it('a delete leaves a tombstone without content; undo brings the record back and removes it', async () => {
    const { patient } = await seedPatient('A-1');
    const patientId = patient.id;
    const event = expectOk(
      await addEvent({ patientId, date: '2024-01-02', kind: 'note', label: 'call' }),
    );
    await deleteEvent(event.id, { by: 'Dr Li' });
    const tombstone = await db.tombstones.get(event.id);
    expect(tombstone).toMatchObject({
      id: event.id,
      table: 'events',
      patientId,
      author: 'Dr Li',
      device: await deviceId(),
    });
    expect(tombstone?.rev.startsWith('2-')).toBe(true);
    expect(Object.keys(tombstone ?? {}).sort()).toEqual(
      ['author', 'deletedAt', 'device', 'id', 'patientId', 'rev', 'table'].sort(),
    );
    const deletion = await db.history.where('recordId').equals(event.id).last();
    expectOk(await undo(deletion?.id ?? 0));
    expect(await db.events.get(event.id)).toBeDefined();
    expect(await db.tombstones.get(event.id)).toBeUndefined();
  });

  it('erasing a patient leaves one tombstone per record and no history', async () => {
    const { patient, event, visit, hamd } = await seedPatient('A-1');
    expectOk(await purgePatient(patient.id, { by: 'Dr Li' }));
    const tombstones = await db.tombstones.where('patientId').equals(patient.id).toArray();
    expect(tombstones.map((t) => `${t.table} ${t.id}`).sort()).toEqual(
      [
        `patients ${patient.id}`,
        `events ${event.id}`,
        `visits ${visit.id}`,
        `assessments ${hamd.id}`,
      ].sort(),
    );
    expect(await db.history.where('patientId').equals(patient.id).count()).toBe(0);
    expect(JSON.stringify(tombstones)).not.toContain('A-1');
  });
});
