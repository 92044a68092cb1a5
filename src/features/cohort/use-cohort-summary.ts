import { useEffect, useRef, useState } from 'react';
import { summariseCohort, type CohortSummary } from '../../domain/cohort/cohort-summary';
import type { CohortInput } from '../../domain/cohort/cohort-types';
import type { CohortReply, CohortRequest } from './cohort-request';

export type CohortState =
  | { readonly status: 'computing'; readonly previous: CohortSummary | null }
  | { readonly status: 'done'; readonly summary: CohortSummary }
  | { readonly status: 'failed'; readonly reason: string };

/**
 * The summary of `input` (null: nothing to compute), computed in a Web Worker so the page
 * keeps answering while ~100,000 assessments are scored. One worker per page; a newer input
 * supersedes an older one still computing. Where workers are missing (jsdom in unit tests,
 * very old browsers) the summary is computed here instead, with the same code.
 */
export function useCohortSummary(input: CohortInput | null): CohortState | null {
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);
  const [state, setState] = useState<CohortState | null>(null);

  useEffect(() => {
    if (typeof Worker === 'undefined') return;
    const w = new Worker(new URL('./cohort.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<CohortReply>) => {
      if (event.data.id === latest.current)
        setState({ status: 'done', summary: event.data.summary });
    };
    // A bug in the computation must say so, not leave "Computing…" on screen for ever.
    w.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      setState({ status: 'failed', reason: event.message || 'the worker stopped' });
    };
    worker.current = w;
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, []);

  useEffect(() => {
    if (input === null) {
      setState(null);
      return;
    }
    latest.current += 1;
    const request: CohortRequest = { id: latest.current, input };
    const w = worker.current;
    if (!w) {
      setState({ status: 'done', summary: summariseCohort(input) });
      return;
    }
    setState((s) => ({
      status: 'computing',
      previous: s?.status === 'done' ? s.summary : s?.status === 'computing' ? s.previous : null,
    }));
    w.postMessage(request);
  }, [input]);

  return state;
}
