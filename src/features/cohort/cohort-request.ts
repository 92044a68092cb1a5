/** The messages between the cohort page and its worker (cohort.worker.ts). */
import type { CohortView } from '../../domain/cohort/cohort-view';
import type { CohortQuery } from './cohort-compute';

export type CohortRequest =
  /** Increases with every request: a reply to an older one is dropped. */
  | { readonly kind: 'summary'; readonly id: number; readonly query: CohortQuery }
  /** The long CSV of the last summary computed. */
  | { readonly kind: 'csv'; readonly id: number; readonly title: string };

export type CohortReply =
  | { readonly kind: 'summary'; readonly id: number; readonly view: CohortView }
  | { readonly kind: 'csv'; readonly id: number; readonly csv: string }
  | { readonly kind: 'failed'; readonly id: number; readonly reason: string };
