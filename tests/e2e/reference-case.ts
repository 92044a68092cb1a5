/** Table 1 of Wang, Lyu & Zhao 2024 (Front Pharmacol 15:1411119), as the e2e tests enter it. */
export interface ReferenceVisit {
  date: string;
  hamd: { total: number; item7: number };
  madrs: { total: number; item8: number };
  phq: { total: number; item1: number };
  dars: { total: number; hobbies: number; food: number; social: number; sensory: number };
}

export const REFERENCE_VISITS: ReferenceVisit[] = [
  {
    date: '2023-11-24',
    hamd: { total: 18, item7: 4 },
    madrs: { total: 23, item8: 4 },
    phq: { total: 14, item1: 3 },
    dars: { total: 17, hobbies: 3, food: 4, social: 4, sensory: 6 },
  },
  {
    date: '2023-12-07',
    hamd: { total: 2, item7: 0 },
    madrs: { total: 4, item8: 0 },
    phq: { total: 1, item1: 0 },
    dars: { total: 52, hobbies: 15, food: 9, social: 10, sensory: 18 },
  },
  {
    date: '2023-12-14',
    hamd: { total: 5, item7: 0 },
    madrs: { total: 9, item8: 0 },
    phq: { total: 2, item1: 0 },
    dars: { total: 49, hobbies: 15, food: 5, social: 10, sensory: 19 },
  },
  {
    date: '2023-12-21',
    hamd: { total: 10, item7: 2 },
    madrs: { total: 15, item8: 2 },
    phq: { total: 8, item1: 1 },
    dars: { total: 35, hobbies: 9, food: 8, social: 4, sensory: 14 },
  },
  {
    date: '2023-12-28',
    hamd: { total: 17, item7: 3 },
    madrs: { total: 22, item8: 4 },
    phq: { total: 12, item1: 3 },
    dars: { total: 28, hobbies: 9, food: 7, social: 1, sensory: 11 },
  },
];
