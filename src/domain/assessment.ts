/**
 * What a clinician records for one scale at one visit. Item responses are integers or
 * null (missing); totals are derived, never typed twice (STYLE habit 4). A summary entry
 * transcribes published or paper records where only totals, subscale totals and a few
 * single items are known; it is marked as summary data wherever it is shown.
 */
import type { ScaleId } from './scale-types';

/** Index i holds item i + 1; null = not answered. */
export type ItemResponses = readonly (number | null)[];

/** Item number (as a string key) -> the variant rated ('A' for HAMD-17 item 16A). */
export type ItemVariants = Readonly<Record<string, string>>;

export interface ItemEntry {
  readonly mode: 'items';
  readonly responses: ItemResponses;
  readonly variants?: ItemVariants;
}

export interface SummaryEntry {
  readonly mode: 'summary';
  readonly total: number | null;
  /** Subscale id -> subscale total. */
  readonly subscales: Readonly<Record<string, number>>;
  /** Item number (as a string key) -> item response. */
  readonly items: Readonly<Record<string, number>>;
  readonly variants?: ItemVariants;
}

export type AssessmentEntry = ItemEntry | SummaryEntry;

export interface ScaleEntry {
  readonly scaleId: ScaleId;
  readonly entry: AssessmentEntry;
}

export const emptyItemEntry = (itemCount: number): ItemEntry => ({
  mode: 'items',
  responses: Array.from({ length: itemCount }, () => null),
});

export const emptySummaryEntry = (): SummaryEntry => ({
  mode: 'summary',
  total: null,
  subscales: {},
  items: {},
});

/** Whether anything was entered at all (an untouched scale is not an assessment). */
export const entryHasData = (entry: AssessmentEntry): boolean =>
  entry.mode === 'items'
    ? entry.responses.some((r) => r !== null)
    : entry.total !== null ||
      Object.keys(entry.subscales).length > 0 ||
      Object.keys(entry.items).length > 0;
