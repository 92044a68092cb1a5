/**
 * The cohort figures, computed off the main thread: reading and scoring every patient's
 * course (1,000 patients × 26 visits × 4 scales is about 100,000 assessments) takes more than
 * a second, and the page must stay responsive meanwhile. The worker reads the database
 * itself (cohort-compute.ts) and sends back only what the page draws (cohort-view.ts).
 */
import { cohortComputer } from './cohort-compute';
import type { CohortReply, CohortRequest } from './cohort-request';

// Typed here rather than through the WebWorker lib, which would clash with the DOM lib.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<CohortRequest>) => void) | null;
  postMessage: (reply: CohortReply) => void;
};

const computer = cohortComputer();
// Requests are answered in order, so a csv request follows the summary it exports; a summary
// request already superseded by a newer one is skipped (the page would drop its reply).
let queue: Promise<void> = Promise.resolve();
let newestSummary = 0;

async function answer(request: CohortRequest): Promise<CohortReply> {
  const { id } = request;
  try {
    if (request.kind === 'summary') {
      return { kind: 'summary', id, view: await computer.view(request.query) };
    }
    const csv = computer.csv(request.title);
    return csv === null
      ? { kind: 'failed', id, reason: 'no cohort has been computed yet' }
      : { kind: 'csv', id, csv };
  } catch (error) {
    return { kind: 'failed', id, reason: error instanceof Error ? error.message : String(error) };
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.kind === 'summary') newestSummary = request.id;
  queue = queue.then(async () => {
    if (request.kind === 'summary' && request.id < newestSummary) return;
    scope.postMessage(await answer(request));
  });
};
