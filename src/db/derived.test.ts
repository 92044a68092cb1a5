import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  codeKeyOf,
  flaggedItemsOf,
  nameWordsOf,
  omitKeys,
  sameData,
} from './derived';

describe('derived keys', () => {
  it.each([
    ['DEZ-001', 'dez-001'],
    ['  dez-001 ', 'dez-001'],
    ['Ärzt-1', 'ärzt-1'],
    // Look-alikes fold to the same key (issue 11).
    ['DUP\u20111', 'dup-1'], // non-breaking hyphen
    ['DUP-\u200B1', 'dup-1'], // zero-width space
    ['\u200BDUP-1\u00A0', 'dup-1'], // leading zero-width space, trailing no-break space
    ['ＤＵＰ－１', 'dup-1'], // full-width
    ['DUP\u22121', 'dup-1'], // minus sign
    ['DUP\u20131', 'dup-1'], // en dash
    ['A\u00A0 B', 'a b'],
  ])('codeKeyOf(%j) = %j', (code, key) => {
    expect(codeKeyOf(code)).toBe(key);
  });

  it.each<[string | undefined, string[]]>([
    [undefined, []],
    ['   ', []],
    ['Hui Wang', ['hui wang', 'hui', 'wang']],
    ['Jean-Pierre  Martin', ['jean-pierre martin', 'jean', 'pierre', 'martin']],
    ['王慧', ['王慧']],
  ])('nameWordsOf(%j)', (name, words) => {
    expect(nameWordsOf(name)).toEqual(words);
  });

  it.each<[string, Parameters<typeof flaggedItemsOf>[1], number[]]>([
    ['PHQ-9 item 9 = 1', { mode: 'items', responses: [0, 0, 0, 0, 0, 0, 0, 0, 1, 0] }, [9]],
    ['PHQ-9 item 9 = 0', { mode: 'items', responses: [3, 3, 3, 3, 3, 3, 3, 3, 0, 0] }, []],
    ['PHQ-9 item 9 missing', { mode: 'items', responses: [0, 0, 0, 0, 0, 0, 0, 0, null, 0] }, []],
    [
      'PHQ-9 summary with item 9 = 2',
      { mode: 'summary', total: 12, subscales: {}, items: { '9': 2 } },
      [9],
    ],
    ['invalid entry', { mode: 'items', responses: [9] }, []],
    // Entries that no longer validate keep their safety flags (issue 11).
    [
      'PHQ-9 of 9 responses (an older definition), item 9 = 2',
      { mode: 'items', responses: [0, 0, 0, 0, 0, 0, 0, 0, 2] },
      [9],
    ],
    [
      'inconsistent PHQ-9 summary: total 2 with item 9 = 3',
      { mode: 'summary', total: 2, subscales: {}, items: { '9': 3 } },
      [9],
    ],
    [
      'PHQ-9 item 9 above its range (4)',
      { mode: 'items', responses: [0, 0, 0, 0, 0, 0, 0, 0, 4, 0] },
      [9],
    ],
  ])('flaggedItemsOf: %s', (_name, entry, items) => {
    expect(flaggedItemsOf('PHQ-9', entry)).toEqual(items);
  });

  it('compares data regardless of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,1]},"b":1}',
    );
    expect(sameData({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(omitKeys({ a: 1, b: 2, c: 3 }, ['b'])).toEqual({ a: 1, c: 3 });
  });
});
