import type { Convention } from './chart-types';

/** 'Remission: HAMD-17 ≤ 7', as the legend names a rule. */
export const conventionText = (c: Convention): string => `${c.name}: ${c.value}`;

/** The same with its source, for the data table notes and the printed page. */
export const conventionNote = (c: Convention): string =>
  c.source ? `${conventionText(c)} (source: ${c.source})` : conventionText(c);
