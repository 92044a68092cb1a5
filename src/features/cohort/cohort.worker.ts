/**
 * The cohort figures, computed off the main thread: scoring and following every patient's
 * course (1,000 patients × 26 visits × 4 scales is about 100,000 assessments) takes more than
 * a second, and the page must stay responsive meanwhile. Pure domain code only: the page
 * reads the records and posts them here; the summary comes back by structured clone.
 */
import { summariseCohort } from '../../domain/cohort/cohort-summary';
import type { CohortRequest, CohortReply } from './cohort-request';

// Typed here rather than through the WebWorker lib, which would clash with the DOM lib.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<CohortRequest>) => void) | null;
  postMessage: (reply: CohortReply) => void;
};

scope.onmessage = (event) => {
  const { id, input } = event.data;
  scope.postMessage({ id, summary: summariseCohort(input) });
};
