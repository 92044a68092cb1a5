import { describe, expect, it } from 'vitest';
import { distinctDrugs, drugKey, eventDrugName } from './drug-name';

describe('drugKey', () => {
  it.each([
    ['dezocine', 'dezocine'],
    [' Dezocine ', 'dezocine'],
    ['DEZOCINE', 'dezocine'],
    ['bupropion   SR', 'bupropion sr'],
    ['Bupropion\tSR', 'bupropion sr'],
  ])('%j → %j', (name, key) => {
    expect(drugKey(name)).toBe(key);
  });
});

describe('eventDrugName', () => {
  it('takes the structured drug, else the label of an older event', () => {
    expect(eventDrugName({ drug: 'dezocine', label: 'Dezocine 5 mg' })).toBe('dezocine');
    expect(eventDrugName({ label: 'Ketamine' })).toBe('Ketamine');
    expect(eventDrugName({ drug: '  ', label: 'Ketamine' })).toBe('Ketamine');
  });
});

describe('distinctDrugs', () => {
  it('keeps one entry per key with the first spelling', () => {
    expect(distinctDrugs(['Dezocine', 'dezocine ', 'bupropion  SR', ''])).toEqual([
      { key: 'dezocine', name: 'Dezocine' },
      { key: 'bupropion sr', name: 'bupropion SR' },
    ]);
  });
});
