import { describe, expect, it } from 'vitest';
import { getScale } from '../domain/scales/registry';
import type { ScaleId } from '../domain/scale-types';
import { flaggedItemsOf, withAssessmentKeys } from './derived';
import { ackKeys, byDateThenCode, itemValue, openFlagsOf, type SafetyFlag } from './open-flags';
import type { Assessment, SafetyAck } from './schema';

/** The rule as it was decided before issue 18: re-scored per call, acks searched per item. */
function oldOpenFlags(
  assessments: readonly Assessment[],
  acks: readonly SafetyAck[],
  codeOf: (id: string) => string,
): SafetyFlag[] {
  return assessments.flatMap((a) => {
    const scale = getScale(a.scaleId);
    return flaggedItemsOf(a.scaleId, a.entry).flatMap((item): SafetyFlag[] => {
      const rule = scale.safety.find((r) => r.item === item);
      const value = itemValue(a, item);
      if (!rule || value === null) return [];
      if (acks.some((k) => k.assessmentId === a.id && k.item === item && k.value === value))
        return [];
      const { patientId, id: assessmentId, visitId, date, scaleId, status } = a;
      const flag = { patientId, assessmentId, visitId, date, scaleId, item, value, status };
      return [
        { ...flag, patientCode: codeOf(patientId), minValue: rule.minValue, message: rule.message },
      ];
    });
  });
}

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let t = seed;
  return () => {
    t = (t + 0x6d2b79f5) | 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

const SCALES: { id: ScaleId; items: number; safety: number; max: number }[] = [
  { id: 'PHQ-9', items: 10, safety: 9, max: 3 },
  { id: 'MADRS', items: 10, safety: 10, max: 6 },
  { id: 'HAMD-17', items: 17, safety: 3, max: 4 },
];

function generate(seed: number) {
  const next = random(seed);
  const pick = (n: number) => Math.floor(next() * n);
  const assessments: Assessment[] = [];
  const acks: SafetyAck[] = [];
  for (let i = 0; i < 300; i++) {
    const s = SCALES[pick(SCALES.length)] ?? SCALES[0]!;
    const responses = Array.from({ length: s.items }, () => (next() < 0.1 ? null : pick(3)));
    responses[s.safety - 1] = next() < 0.1 ? null : pick(s.max + 1);
    const entry =
      next() < 0.2
        ? {
            mode: 'summary' as const,
            total: null,
            subscales: {},
            items: { [String(s.safety)]: pick(s.max + 1) },
          }
        : { mode: 'items' as const, responses };
    const a = withAssessmentKeys({
      id: `a${i}`,
      visitId: `v${i}`,
      patientId: `p${pick(40)}`,
      date: `2024-0${1 + pick(9)}-1${pick(10)}`,
      scaleId: s.id,
      scaleVersion: '1',
      entry,
      status: next() < 0.3 ? 'draft' : 'final',
      updatedAt: '2024-01-01T00:00:00.000Z',
    });
    assessments.push(a);
    // Some acknowledged at the current value, some at an older value (which no longer counts).
    if (next() < 0.5) {
      const current = itemValue(a, s.safety);
      acks.push({
        id: `k${i}`,
        patientId: a.patientId,
        assessmentId: a.id,
        scaleId: a.scaleId,
        item: next() < 0.9 ? s.safety : 1,
        value: next() < 0.7 ? (current ?? 0) : s.max + 1,
        acknowledgedBy: 'dr',
        acknowledgedAt: '2024-01-02T00:00:00.000Z',
      });
    }
  }
  return { assessments, acks };
}

describe('openFlagsOf', () => {
  it.each([1, 2, 3, 42, 2026])('agrees with the rule as decided before (seed %i)', (seed) => {
    const { assessments, acks } = generate(seed);
    const codeOf = (id: string) => id.toUpperCase();
    const now = openFlagsOf(assessments, ackKeys(acks), codeOf).sort(byDateThenCode);
    const before = oldOpenFlags(assessments, acks, codeOf).sort(byDateThenCode);
    expect(before.length).toBeGreaterThan(10);
    expect(now).toEqual(before);
  });

  it('an acknowledgement closes a flag only at the value acknowledged', () => {
    const a = withAssessmentKeys({
      id: 'a',
      visitId: 'v',
      patientId: 'p',
      date: '2024-01-01',
      scaleId: 'PHQ-9',
      scaleVersion: '1',
      entry: { mode: 'items', responses: [0, 0, 0, 0, 0, 0, 0, 0, 2, 0] },
      status: 'final',
      updatedAt: '2024-01-01T00:00:00.000Z',
    });
    const ack = (value: number): SafetyAck => ({
      id: `k${value}`,
      patientId: 'p',
      assessmentId: 'a',
      scaleId: 'PHQ-9',
      item: 9,
      value,
      acknowledgedBy: 'dr',
      acknowledgedAt: '2024-01-02T00:00:00.000Z',
    });
    expect(openFlagsOf([a], ackKeys([]), () => 'P').map((f) => [f.item, f.value])).toEqual([
      [9, 2],
    ]);
    expect(openFlagsOf([a], ackKeys([ack(1)]), () => 'P')).toHaveLength(1);
    expect(openFlagsOf([a], ackKeys([ack(2)]), () => 'P')).toEqual([]);
  });
});
