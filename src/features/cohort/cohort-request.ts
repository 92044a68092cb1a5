/** The messages between the cohort page and its worker (cohort.worker.ts). */
import type { CohortSummary } from '../../domain/cohort/cohort-summary';
import type { CohortInput } from '../../domain/cohort/cohort-types';

export interface CohortRequest {
  /** Increases with every request: a reply to an older one is dropped. */
  readonly id: number;
  readonly input: CohortInput;
}

export interface CohortReply {
  readonly id: number;
  readonly summary: CohortSummary;
}
