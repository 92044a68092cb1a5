// Issue 14: a change of the conventions in use (band, remission, relapse) is written to
// history and can be undone, like a change of a record.
import { beforeEach, describe, expect, it } from 'vitest';
import { getClinicalRules, listRuleHistory, setClinicalRule } from '../../src/db/clinical-choices';
import { undo } from '../../src/db/history-repo';
import { db } from '../../src/db/db';
import { DEFAULT_RULES } from '../../src/domain/clinical-rules';
import { expectFailure, expectOk, freshDatabase } from './helpers';

beforeEach(freshDatabase);

describe('changes of the conventions in history', () => {
  it('writes each change with who made it, before and after', async () => {
    expectOk(await setClinicalRule('relapseRule', 'MADRS', 'ge22x2', { by: 'Dr Lee' }));
    expectOk(await setClinicalRule('remissionRule', 'MADRS', 'le12'));
    const [second, first] = await listRuleHistory();
    expect(first).toMatchObject({
      table: 'clinicalRules',
      recordId: 'clinicalRules',
      patientId: '',
      action: 'create',
      by: 'Dr Lee',
      operation: 'MADRS relapse rule: MADRS ≥ 22 at 2 consecutive visits',
      before: null,
      after: { ...DEFAULT_RULES, relapseRule: { MADRS: 'ge22x2' } },
    });
    expect(second).toMatchObject({
      action: 'update',
      operation: 'MADRS remission rule: MADRS ≤ 12',
      before: { relapseRule: { MADRS: 'ge22x2' }, remissionRule: {} },
      after: { relapseRule: { MADRS: 'ge22x2' }, remissionRule: { MADRS: 'le12' } },
    });
    expect(second?.by).toBeUndefined();
  });

  it('writes nothing when the chosen rule is already in use', async () => {
    expectOk(await setClinicalRule('relapseRule', 'MADRS', 'ge22x2'));
    expectOk(await setClinicalRule('relapseRule', 'MADRS', 'ge22x2'));
    expect(await listRuleHistory()).toHaveLength(1);
  });

  it('undoes the latest change, then the one before, back to the defaults (nothing stored)', async () => {
    expectOk(await setClinicalRule('relapseRule', 'MADRS', 'ge22x2'));
    expectOk(await setClinicalRule('remissionRule', 'MADRS', 'le12'));
    const [latest, earlier] = await listRuleHistory();

    // The earlier change cannot be undone while a later one stands.
    expect(expectFailure(await undo(earlier?.id ?? -1)).reason).toBe(
      'Cannot undo "MADRS relapse rule: MADRS ≥ 22 at 2 consecutive visits": the conventions were changed again afterwards. Undo the later change first.',
    );
    expect((await getClinicalRules()).remissionRule).toEqual({ MADRS: 'le12' });

    const undone = expectOk(await undo(latest?.id ?? -1, { by: 'Dr Lee' }));
    expect(undone.operation).toBe('undo MADRS remission rule: MADRS ≤ 12');
    expect(await getClinicalRules()).toEqual({
      ...DEFAULT_RULES,
      relapseRule: { MADRS: 'ge22x2' },
    });
    const [undoEntry] = await listRuleHistory();
    expect(undoEntry).toMatchObject({ action: 'undo', undoOf: latest?.groupId, by: 'Dr Lee' });

    expectOk(await undo(earlier?.id ?? -1));
    expect(await getClinicalRules()).toEqual(DEFAULT_RULES);
    expect(await db.meta.get('clinicalRules')).toBeUndefined();
    expect(await listRuleHistory()).toHaveLength(4);
  });

  it('redoes a change by undoing its undo', async () => {
    expectOk(await setClinicalRule('bandConvention', 'MADRS', 'alternative-12-24-35'));
    const [change] = await listRuleHistory();
    expectOk(await undo(change?.id ?? -1));
    const [undoEntry] = await listRuleHistory();
    expectOk(await undo(undoEntry?.id ?? -1));
    expect((await getClinicalRules()).bandConvention).toEqual({ MADRS: 'alternative-12-24-35' });
  });
});
