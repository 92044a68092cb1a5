/**
 * Table 1 of the reference case (src/domain/testing/table-1.ts, the one copy), as the e2e
 * tests enter it: one visit per time point, with the fields a clinician fills in.
 */
import { TABLE_1, TIME_POINTS } from '../../src/domain/testing/table-1';

export interface ReferenceVisit {
  date: string;
  hamd: { total: number; item7: number };
  madrs: { total: number; item8: number };
  phq: { total: number; item1: number };
  dars: { total: number; hobbies: number; food: number; social: number; sensory: number };
}

export const REFERENCE_VISITS: readonly ReferenceVisit[] = TIME_POINTS.map((t) => ({
  date: TABLE_1.dates[t],
  hamd: { total: TABLE_1['HAMD-17'].total[t], item7: TABLE_1['HAMD-17'].items[7][t] },
  madrs: { total: TABLE_1.MADRS.total[t], item8: TABLE_1.MADRS.items[8][t] },
  phq: { total: TABLE_1['PHQ-9'].total[t], item1: TABLE_1['PHQ-9'].items[1][t] },
  dars: {
    total: TABLE_1.DARS.total[t],
    hobbies: TABLE_1.DARS.domains.hobbies[t],
    food: TABLE_1.DARS.domains.food[t],
    social: TABLE_1.DARS.domains.social[t],
    sensory: TABLE_1.DARS.domains.sensory[t],
  },
}));
