import { describe, expect, it } from 'vitest';
import { isRemission, isResponse, reliableChange, remissionRule } from './outcomes';
import { scoreEntry } from './scoring';
import { round } from './format';
import type { Result } from './result';
import { HAMD17 } from './scales/hamd17';
import { MADRS } from './scales/madrs';
import { PHQ9 } from './scales/phq9';
import { DARS } from './scales/dars';
import { CGI_S } from './scales/cgi-s';
import { CGI_I } from './scales/cgi-i';

const value = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(result.reason);
  return result.value;
};

describe('response: ≥ 50 % reduction from baseline', () => {
  // Response = a fall of ≥ 50 % (scales.md §1–3; Riedel 2010, J Psychiatr Res 44:1063).
  it.each([
    ['HAMD-17 18 → 9, exactly 50 %', true, 18, 9],
    ['HAMD-17 18 → 10, 44.44 %', false, 18, 10],
    ['HAMD-17 51 → 26, 49.02 %', false, 51, 26],
    ['HAMD-17 51 → 25, 50.98 %', true, 51, 25],
    ['HAMD-17 52 → 26, exactly 50 %', true, 52, 26],
    ['HAMD-17 37 → 19, 48.65 %', false, 37, 19],
    ['HAMD-17 18 → 20, worse', false, 18, 20],
  ] as const)('%s → response %s (Riedel 2010)', (_label, expected, baseline, total) => {
    expect(value(isResponse(HAMD17, baseline, total))).toBe(expected);
  });

  // MADRS ≥ 50 % (Leucht 2017); PHQ-9 ≥ 50 % (SUSTAIN-3, PMC10439056).
  it.each([
    ['MADRS', 23, 12, false], // 47.83 %
    ['MADRS', 22, 11, true], // 50 %
    ['PHQ-9', 14, 7, true], // 50 %
    ['PHQ-9', 14, 8, false], // 42.86 %
  ] as const)('%s %i → %i: response %s', (id, baseline, total, expected) => {
    const scale = id === 'MADRS' ? MADRS : PHQ9;
    expect(value(isResponse(scale, baseline, total))).toBe(expected);
  });

  it('a prorated PHQ-9 total can respond: 14 → 6.43 (54 %)', () => {
    expect(value(isResponse(PHQ9, 14, 45 / 7))).toBe(true);
  });

  it('baseline 0: response cannot be judged, and says why', () => {
    expect(isResponse(HAMD17, 0, 0)).toEqual({
      ok: false,
      reason: 'Baseline HAMD-17 total is 0: response cannot be judged.',
    });
  });

  // CGI-I 1–2 = response (Riedel 2010).
  it.each([
    [1, true],
    [2, true],
    [3, false],
    [7, false],
  ] as const)('CGI-I %i: response %s (Riedel 2010)', (rating, expected) => {
    expect(value(isResponse(CGI_I, 0, rating))).toBe(expected);
  });

  it.each([
    ['DARS', DARS],
    ['CGI-S', CGI_S],
  ] as const)('%s has no response criterion and says so', (id, scale) => {
    expect(isResponse(scale, 17, 52)).toEqual({
      ok: false,
      reason: `${id} has no published response criterion.`,
    });
  });
});

describe('remission', () => {
  it.each([
    // Frank 1991 (MacArthur consensus): HAMD-17 ≤ 7.
    ['HAMD-17', 'default', 7, true],
    ['HAMD-17', 'default', 8, false],
    // Riedel 2010: HAMD-17 ≤ 6.
    ['HAMD-17', 'le6', 6, true],
    ['HAMD-17', 'le6', 7, false],
    // Zimmerman 2004; NCT00596817: MADRS ≤ 10 (default).
    ['MADRS', 'default', 10, true],
    ['MADRS', 'default', 11, false],
    // ASPIRE, SUSTAIN-3, RESET: MADRS ≤ 12.
    ['MADRS', 'le12', 12, true],
    ['MADRS', 'le12', 13, false],
    // Hawley 2002: "< 10".
    ['MADRS', 'le9', 9, true],
    ['MADRS', 'le9', 10, false],
    // SUSTAIN-3 Table 3 (PMC10439056): PHQ-9 < 5.
    ['PHQ-9', 'default', 4, true],
    ['PHQ-9', 'default', 5, false],
    // Riedel 2010: CGI-S 1.
    ['CGI-S', 'default', 1, true],
    ['CGI-S', 'default', 2, false],
  ] as const)('%s rule %s: total %i → remission %s', (id, ruleId, total, expected) => {
    const scale = { 'HAMD-17': HAMD17, MADRS, 'PHQ-9': PHQ9, 'CGI-S': CGI_S }[id];
    expect(value(isRemission(scale, total, ruleId === 'default' ? undefined : ruleId))).toBe(
      expected,
    );
  });

  // SUSTAIN-3 Table 3 (PMC10439056): PHQ-9 remission is total < 5. A prorated total of 4.5
  // (NHS rule: 8 items answered summing 4, mean 0.5, × 9) is below 5 and sits in the Kroenke
  // "None–minimal" band; the rule must count it as remission.
  it('PHQ-9 prorated 4.5 is < 5: remission (SUSTAIN-3, PMC10439056)', () => {
    const scored = scoreEntry(PHQ9, {
      mode: 'items',
      responses: [1, 1, 1, 1, 0, 0, 0, 0, null, null],
    });
    expect(scored.ok && scored.score.total).toBe(4.5);
    expect(value(isRemission(PHQ9, 4.5))).toBe(true);
  });

  it('the default rule is the first one', () => {
    expect(value(remissionRule(HAMD17)).cutoff).toBe(7);
    expect(value(remissionRule(MADRS)).cutoff).toBe(10);
  });

  it('DARS has no remission cut-off and says so (Rizvi 2015: none published)', () => {
    expect(isRemission(DARS, 60)).toEqual({
      ok: false,
      reason: 'DARS has no published remission cut-off.',
    });
  });

  it('an unknown rule id is refused by name', () => {
    expect(isRemission(HAMD17, 5, 'le99')).toEqual({
      ok: false,
      reason: 'HAMD-17 has no remission rule "le99".',
    });
  });
});

describe('reliable change (Jacobson & Truax 1991)', () => {
  // scales.md §7 worked example: SD 6.13 (PMC7416026), α 0.789 (Trajković 2011) → SEM 2.82 → 7.8 points.
  it('HAMD-17 threshold is 7.8 points (SD 6.13, α 0.789; scales.md §7)', () => {
    const rc = value(reliableChange(HAMD17, 18, 10));
    expect(round(rc.threshold, 1)).toBe(7.8);
    // SEM = 6.13 × √0.211 = 2.816; S_diff = √2 × SEM = 3.982.
    expect(rc.threshold / 1.96 / Math.SQRT2).toBeCloseTo(2.82, 2);
  });

  // scales.md §7: SD 13.2 (Müller 2003), α 0.86 → 13.7 points.
  it('MADRS threshold is 13.7 points (SD 13.2, α 0.86; scales.md §7)', () => {
    expect(round(value(reliableChange(MADRS, 30, 20)).threshold, 1)).toBe(13.7);
  });

  // Hand check from the definition's own figures: SD 6.1 (PMC6734346), 2-week test-retest 0.737
  // (PMC7525967): 1.96 × √2 × 6.1 × √0.263 = 8.67. (scales.md §7's 6.8 uses the unverified r 0.84.)
  it('PHQ-9 threshold is 8.7 points (SD 6.1, test-retest 0.737)', () => {
    expect(round(value(reliableChange(PHQ9, 14, 4)).threshold, 1)).toBe(8.7);
  });

  it.each([
    // HAMD-17 threshold 7.805: 8 points is reliable, 7 is not.
    ['HAMD-17 18 → 10 (−8)', 'reliable improvement', 'HAMD-17', 18, 10],
    ['HAMD-17 18 → 11 (−7)', 'no reliable change', 'HAMD-17', 18, 11],
    ['HAMD-17 10 → 18 (+8)', 'reliable worsening', 'HAMD-17', 10, 18],
    ['HAMD-17 10 → 17 (+7)', 'no reliable change', 'HAMD-17', 10, 17],
    // MADRS threshold 13.69: 14 points is reliable, 13 is not.
    ['MADRS 23 → 9 (−14)', 'reliable improvement', 'MADRS', 23, 9],
    ['MADRS 23 → 10 (−13)', 'no reliable change', 'MADRS', 23, 10],
  ] as const)('%s: %s', (_label, verdict, id, baseline, total) => {
    const scale = id === 'MADRS' ? MADRS : HAMD17;
    const rc = value(reliableChange(scale, baseline, total));
    expect(rc.verdict).toBe(verdict);
    expect(rc.reliable).toBe(verdict !== 'no reliable change');
    expect(Math.sign(rc.rc)).toBe(Math.sign(total - baseline));
  });

  it('RC = (x − b) / S_diff: HAMD-17 18 → 10 gives about −2.01', () => {
    expect(value(reliableChange(HAMD17, 18, 10)).rc).toBeCloseTo(-2.009, 3);
  });

  // scales.md §4, §7: no verified DARS SD.
  it('DARS has no RCI and says why (no verified SD; scales.md §7)', () => {
    expect(reliableChange(DARS, 17, 52)).toEqual({
      ok: false,
      reason: 'DARS has no verified reliability figures for a reliable change index.',
    });
  });
});
