import { describe, expect, it } from 'vitest';
import {
  checkItemValue,
  partitionsAllItems,
  validateEntry,
  validateItemResponses,
  validateSummary,
  type Issue,
  type Validation,
} from './validation';
import type { SummaryEntry } from './assessment';
import type { ScaleDefinition } from './scale-types';
import { HAMD17 } from './scales/hamd17';
import { MADRS } from './scales/madrs';
import { PHQ9 } from './scales/phq9';
import { DARS } from './scales/dars';
import { CGI_S } from './scales/cgi-s';
import { CGI_I } from './scales/cgi-i';

const summary = (
  total: number | null,
  subscales: Record<string, number> = {},
  itemValues: Record<string, number> = {},
): SummaryEntry => ({ mode: 'summary', total, subscales, items: itemValues });

const issuesOf = (v: Validation): readonly Issue[] => (v.ok ? [] : v.issues);

const zeros = (scale: ScaleDefinition): (number | null)[] => scale.items.map((i) => i.min);

const withValue = (scale: ScaleDefinition, item: number, value: number): (number | null)[] =>
  zeros(scale).map((v, i) => (i + 1 === item ? value : v));

describe('HAMD-17 item 16 "not assessed"', () => {
  // scales.md §1 (CamCOPS hamd.py): item 16 code 3 = not assessed, scores nothing.
  it('accepts code 3 on item 16 only', () => {
    expect(validateItemResponses(HAMD17, withValue(HAMD17, 16, 3))).toEqual({ ok: true });
    expect(issuesOf(validateItemResponses(HAMD17, withValue(HAMD17, 15, 5)))).toHaveLength(1);
  });
});

describe('item responses: range', () => {
  // Item ranges: HAMD-17 (scales.md §1), MADRS 0–6 (§2), PHQ-9 0–3 (§3), DARS 0–4 (§4), CGI 1–7 (§5).
  it.each([
    ['HAMD-17', 1, 5, 0, 4, HAMD17],
    ['HAMD-17', 1, -1, 0, 4, HAMD17],
    ['HAMD-17', 4, 3, 0, 2, HAMD17],
    ['HAMD-17', 16, 4, 0, 2, HAMD17],
    ['MADRS', 10, 7, 0, 6, MADRS],
    ['PHQ-9', 9, 4, 0, 3, PHQ9],
    ['PHQ-9', 10, 4, 0, 3, PHQ9],
    ['DARS', 13, 5, 0, 4, DARS],
    ['CGI-S', 1, 0, 1, 7, CGI_S],
    ['CGI-I', 1, 8, 1, 7, CGI_I],
  ] as const)('%s item %i = %i is refused: range %i–%i', (id, item, value, min, max, scale) => {
    const issues = issuesOf(validateItemResponses(scale, withValue(scale, item, value)));
    expect(issues).toEqual([
      {
        field: `item ${item}`,
        message: `${id} item ${item} must be between ${min} and ${max} (got ${value}).`,
      },
    ]);
  });

  it.each([
    ['HAMD-17', 1, 4, HAMD17],
    ['HAMD-17', 17, 2, HAMD17],
    ['MADRS', 10, 6, MADRS],
    ['PHQ-9', 9, 3, PHQ9],
    ['DARS', 17, 4, DARS],
    ['CGI-S', 1, 7, CGI_S],
  ] as const)('%s item %i = %i (its maximum) is accepted', (_id, item, value, scale) => {
    expect(validateItemResponses(scale, withValue(scale, item, value))).toEqual({ ok: true });
  });
});

describe('item responses: whole numbers', () => {
  // Item responses are integers (STYLE habit 4); MNCM: a half-point PHQ-9 answer invalidates the score.
  it.each([
    ['PHQ-9', 2, 2.5, PHQ9, 0, 3],
    ['HAMD-17', 7, 1.5, HAMD17, 0, 4],
    ['MADRS', 8, 3.5, MADRS, 0, 6],
  ] as const)(
    '%s item %i = %d is refused, naming scale, item and range',
    (id, item, value, scale, min, max) => {
      const issues = issuesOf(validateItemResponses(scale, withValue(scale, item, value)));
      expect(issues).toHaveLength(1);
      const message = issues[0]!.message;
      expect(issues[0]!.field).toBe(`item ${item}`);
      expect(message).toContain(`${id} item ${item}`);
      expect(message).toContain('whole number');
      expect(message).toContain(String(value));
      // The clinician needs the allowed range to correct the entry.
      expect(message).toContain(`between ${min} and ${max}`);
    },
  );

  it('NaN is refused as not a number', () => {
    const issues = issuesOf(validateItemResponses(PHQ9, withValue(PHQ9, 3, Number.NaN)));
    expect(issues[0]?.message).toBe('PHQ-9 item 3 must be a number.');
  });
});

describe('item responses: item count', () => {
  it.each([
    ['HAMD-17', 16, HAMD17],
    ['HAMD-17', 18, HAMD17],
    ['MADRS', 9, MADRS],
    ['DARS', 16, DARS],
    ['PHQ-9', 11, PHQ9],
  ] as const)('%s with %i responses is refused, naming the expected count', (id, count, scale) => {
    const responses = Array.from({ length: count }, () => 0);
    const issues = issuesOf(validateItemResponses(scale, responses));
    expect(issues).toContainEqual({
      field: 'items',
      message: `${id} has ${scale.items.length} items; ${count} responses were given.`,
    });
  });

  it('missing (null) responses are not errors: scoring decides what they mean', () => {
    expect(
      validateItemResponses(
        HAMD17,
        HAMD17.items.map(() => null),
      ),
    ).toEqual({ ok: true });
  });

  it('every bad item gets its own issue', () => {
    const responses = [9, 0, 9, 0, 0, 0, 0, 0, 0, 0];
    expect(issuesOf(validateItemResponses(MADRS, responses)).map((i) => i.field)).toEqual([
      'item 1',
      'item 3',
    ]);
  });

  it('checkItemValue: the form-level check of one field', () => {
    const item9 = PHQ9.items[8]!;
    expect(checkItemValue(PHQ9, item9, 3)).toBeNull();
    expect(checkItemValue(PHQ9, item9, '2')).toBe('PHQ-9 item 9 must be a number.');
  });
});

describe('summary entries', () => {
  // Wang, Lyu & Zhao 2024 (Front Pharmacol 15:1411119), Table 1, baseline: 3 + 4 + 4 + 6 = 17.
  it('a valid DARS summary is accepted (Table 1 baseline)', () => {
    expect(
      validateSummary(DARS, summary(17, { hobbies: 3, food: 4, social: 4, sensory: 6 })),
    ).toEqual({
      ok: true,
    });
  });

  it('DARS domains that do not add up to the total are refused with a message', () => {
    const issues = issuesOf(
      validateSummary(DARS, summary(18, { hobbies: 3, food: 4, social: 4, sensory: 6 })),
    );
    expect(issues).toEqual([
      { field: 'total', message: 'DARS subscales add up to 17, but the total is 18.' },
    ]);
  });

  it('domains but no total: accepted (the total is computed from them)', () => {
    expect(
      validateSummary(DARS, summary(null, { hobbies: 3, food: 4, social: 4, sensory: 6 })).ok,
    ).toBe(true);
  });

  // Rizvi 2015: sensory has 5 items (0–20), the other domains 4 items (0–16).
  it.each([
    ['hobbies', 17, 'Pastimes/hobbies', 16],
    ['sensory', 21, 'Sensory experiences', 20],
  ] as const)('DARS %s = %i is out of its range (Rizvi 2015)', (id, value, name, max) => {
    const issues = issuesOf(validateSummary(DARS, summary(null, { [id]: value })));
    expect(issues).toEqual([
      {
        field: `subscale ${id}`,
        message: `DARS ${name} must be between 0 and ${max} (got ${value}).`,
      },
    ]);
  });

  // Table 1, week 2: sensory 19 > 16, possible only because the domain has 5 items (scales.md §4).
  it('DARS sensory 19 is accepted (Table 1 week 2; 5 items, 0–20)', () => {
    expect(
      validateSummary(DARS, summary(49, { hobbies: 15, food: 5, social: 10, sensory: 19 })).ok,
    ).toBe(true);
  });

  it.each([
    ['HAMD-17', HAMD17, 53, 52],
    ['MADRS', MADRS, 61, 60],
    ['PHQ-9', PHQ9, 28, 27],
    ['DARS', DARS, 69, 68],
  ] as const)('%s summary total out of range is refused', (id, scale, total, max) => {
    expect(issuesOf(validateSummary(scale, summary(total)))).toEqual([
      { field: 'total', message: `${id} total must be between 0 and ${max} (got ${total}).` },
    ]);
  });

  it('a summary item out of range is refused (HAMD-17 item 7 = 5; range 0–4)', () => {
    expect(issuesOf(validateSummary(HAMD17, summary(18, {}, { '7': 5 })))).toEqual([
      { field: 'item 7', message: 'HAMD-17 item 7 must be between 0 and 4 (got 5).' },
    ]);
  });

  it('a summary item that does not exist is refused', () => {
    expect(issuesOf(validateSummary(MADRS, summary(20, {}, { '11': 1 })))[0]?.message).toBe(
      'MADRS has no item 11.',
    );
  });

  it('an unknown subscale is refused', () => {
    expect(issuesOf(validateSummary(PHQ9, summary(10, { anhedonia: 3 })))[0]?.message).toBe(
      'PHQ-9 has no subscale "anhedonia".',
    );
  });

  it('a summary total that is not a whole number is refused', () => {
    expect(issuesOf(validateSummary(PHQ9, summary(9.5)))[0]?.message).toContain('whole number');
  });

  // MADRS anhedonia subscale = items 1, 2, 6, 7, 8 (McIntyre 2021, PMC7910099).
  it('a subscale inconsistent with its given items is refused (MADRS item 8 = 4, subscale 2)', () => {
    const issues = issuesOf(validateSummary(MADRS, summary(null, { anhedonia: 2 }, { '8': 4 })));
    expect(issues).toEqual([
      {
        field: 'subscale anhedonia',
        message: 'MADRS Anhedonia subscale is 2, but its items given here allow only 4–28.',
        allowed: { min: 4, max: 28 },
      },
    ]);
  });

  it('a subscale above what its given items allow is refused (DARS hobbies items 0,0,0 + ≤ 4)', () => {
    const issues = issuesOf(
      validateSummary(DARS, summary(null, { hobbies: 10 }, { '1': 0, '2': 0, '3': 0 })),
    );
    expect(issues[0]?.field).toBe('subscale hobbies');
    expect(issues[0]?.message).toContain('0–4');
  });

  it('a total that the given subscale and items cannot reach is refused (MADRS)', () => {
    // Anhedonia 20 alone forces the total to at least 20; the other 5 items add at most 30.
    const issues = issuesOf(validateSummary(MADRS, summary(10, { anhedonia: 20 })));
    expect(issues).toEqual([
      {
        field: 'total',
        message: 'MADRS total is 10, but the subscales and items given allow only 20–50.',
        allowed: { min: 20, max: 50 },
      },
    ]);
  });

  // Table 1, baseline: MADRS 23 with item 8 = 4; HAMD-17 18 with item 7 = 4; PHQ-9 14 with item 1 = 3.
  it.each([
    ['MADRS', 23, '8', 4, MADRS],
    ['HAMD-17', 18, '7', 4, HAMD17],
    ['PHQ-9', 14, '1', 3, PHQ9],
  ] as const)(
    '%s total %i with item %s = %i is accepted (Table 1 baseline)',
    (_id, total, item, value, scale) => {
      expect(validateEntry(scale, summary(total, {}, { [item]: value }))).toEqual({ ok: true });
    },
  );

  it('a total below a single given item is refused (PHQ-9 item 1 = 3, total 2)', () => {
    expect(issuesOf(validateSummary(PHQ9, summary(2, {}, { '1': 3 })))[0]?.field).toBe('total');
  });
});

describe('partitionsAllItems', () => {
  it('the four DARS domains cover the 17 items exactly once', () => {
    expect(
      partitionsAllItems(
        DARS,
        DARS.subscales.map((sub) => ({ sub })),
      ),
    ).toBe(true);
  });

  it('three DARS domains do not', () => {
    expect(
      partitionsAllItems(
        DARS,
        DARS.subscales.slice(0, 3).map((sub) => ({ sub })),
      ),
    ).toBe(false);
  });

  it('the MADRS anhedonia subscale alone does not', () => {
    expect(
      partitionsAllItems(
        MADRS,
        MADRS.subscales.map((sub) => ({ sub })),
      ),
    ).toBe(false);
  });
});
