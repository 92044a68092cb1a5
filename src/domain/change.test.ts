import { describe, expect, it } from 'vitest';
import { changeFromBaseline, type Change } from './change';
import { formatPercent, round } from './format';
import type { ScaleDefinition } from './scale-types';
import { HAMD17 } from './scales/hamd17';
import { MADRS } from './scales/madrs';
import { PHQ9 } from './scales/phq9';
import { DARS } from './scales/dars';
import { CGI_S } from './scales/cgi-s';
import { CGI_I } from './scales/cgi-i';

const change = (scale: ScaleDefinition, baseline: number, value: number): Change => {
  const result = changeFromBaseline(scale, baseline, value);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
};

describe('symptom scales: lower is better', () => {
  // Wang, Lyu & Zhao 2024 (Front Pharmacol 15:1411119), Table 1: HAMD-17 18 → 2 is an 88.89 % reduction.
  it('HAMD-17 18 → 2: −16 points, −88.89 % as measured, 88.89 % improvement (Wang 2024)', () => {
    const c = change(HAMD17, 18, 2);
    expect(c.change).toBe(-16);
    expect(formatPercent(c.percentChange!)).toBe('−88.89 %');
    expect(c.improvement).toBe(16);
    expect(formatPercent(c.percentImprovement!)).toBe('88.89 %');
    // Share of possible improvement = percent reduction when the scale floor is 0.
    expect(round(c.improvementShare!)).toBe(88.89);
    expect(c.direction).toBe('improvement');
    expect(c.percentNote).toBeNull();
  });

  it('no change and worsening are named as such', () => {
    expect(change(MADRS, 23, 23).direction).toBe('no change');
    const worse = change(PHQ9, 10, 14);
    expect(worse).toMatchObject({ change: 4, improvement: -4, direction: 'worsening' });
    expect(worse.percentImprovement).toBe(-40);
  });

  it('baseline 0: no percent change, and percentNote says why', () => {
    const c = change(HAMD17, 0, 4);
    expect(c.percentChange).toBeNull();
    expect(c.percentImprovement).toBeNull();
    expect(c.improvementShare).toBeNull();
    expect(c.percentNote).toBe(
      'Baseline HAMD-17 total is 0: a percent change from 0 is undefined.',
    );
    expect(c).toMatchObject({ change: 4, direction: 'worsening' });
  });

  it('CGI-S at 1 (its floor): no improvement share, and says the baseline was at the best end', () => {
    const c = change(CGI_S, 1, 3);
    expect(c.improvementShare).toBeNull();
    expect(c.percentChange).toBe(200);
    expect(c.percentNote).toBe(
      'Baseline is at the best end of CGI-S: no improvement was possible.',
    );
  });

  it('CGI-S share of improvement is measured from the floor of 1, not 0 (5 → 3 is 2 of 4)', () => {
    expect(change(CGI_S, 5, 3).improvementShare).toBe(50);
  });
});

describe('DARS: higher is better (Rizvi 2015), stated, not silently flipped', () => {
  // Wang 2024 Table 1: DARS 17 → 52 (+35 points) is an improvement.
  it('17 → 52: +35 points, +205.88 %, recognised as improvement (Wang 2024; Rizvi 2015)', () => {
    const c = change(DARS, 17, 52);
    expect(c.change).toBe(35);
    expect(c.improvement).toBe(35);
    expect(c.direction).toBe('improvement');
    expect(formatPercent(c.percentChange!, { signed: true })).toBe('+205.88 %');
    expect(formatPercent(c.percentImprovement!, { signed: true })).toBe('+205.88 %');
    // (52 − 17) / (68 − 17) = 35 / 51.
    expect(round(c.improvementShare!)).toBe(68.63);
  });

  it('a DARS fall is worsening, with a negative improvement', () => {
    const c = change(DARS, 52, 28);
    expect(c).toMatchObject({ change: -24, improvement: -24, direction: 'worsening' });
  });

  it('DARS at 68 (its ceiling): no improvement share, and percentNote says why', () => {
    const c = change(DARS, 68, 60);
    expect(c.improvementShare).toBeNull();
    expect(c.percentNote).toBe('Baseline is at the best end of DARS: no improvement was possible.');
    expect(round(c.percentChange!)).toBe(-11.76);
    expect(c.direction).toBe('worsening');
  });

  it('DARS at 0: no percent change, but a share of the possible 68 points', () => {
    const c = change(DARS, 0, 17);
    expect(c.percentChange).toBeNull();
    expect(c.percentNote).toBe('Baseline DARS total is 0: a percent change from 0 is undefined.');
    expect(c.improvementShare).toBe(25);
  });
});

describe('change scales', () => {
  // Guy 1976: the CGI-I rates change itself (scales.md §5).
  it('CGI-I refuses a change from baseline and says why', () => {
    expect(changeFromBaseline(CGI_I, 4, 2)).toEqual({
      ok: false,
      reason: 'CGI-I rates change itself; it has no change from baseline.',
    });
  });
});
