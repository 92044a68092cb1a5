import { useCallback, useEffect, useRef, useState } from 'react';
import type { CohortView } from '../../domain/cohort/cohort-view';
import { cohortComputer, type CohortQuery } from './cohort-compute';
import type { CohortReply, CohortRequest } from './cohort-request';

export type CohortState =
  | { readonly status: 'computing'; readonly previous: CohortView | null }
  | { readonly status: 'done'; readonly summary: CohortView }
  | { readonly status: 'failed'; readonly reason: string };

const reasonOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * The figures of `query` (null: nothing to compute), read and computed in a Web Worker so
 * the page keeps answering while ~100,000 assessments are scored, and the long CSV of the
 * last one. One worker per page; a newer query supersedes an older one still computing.
 * Where workers are missing (jsdom in unit tests, very old browsers) the same code runs here.
 */
export function useCohortSummary(query: CohortQuery | null): {
  readonly state: CohortState | null;
  readonly exportCsv: (title: string) => Promise<string>;
} {
  const worker = useRef<Worker | null>(null);
  const local = useRef(cohortComputer());
  // One numbering for every request; `latest` is the newest summary request's.
  const nextId = useRef(0);
  const latest = useRef(0);
  const pendingCsv = useRef(
    new Map<number, { resolve: (csv: string) => void; reject: (e: Error) => void }>(),
  );
  const [state, setState] = useState<CohortState | null>(null);

  useEffect(() => {
    if (typeof Worker === 'undefined') return;
    const pending = pendingCsv.current;
    const w = new Worker(new URL('./cohort.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (event: MessageEvent<CohortReply>) => {
      const reply = event.data;
      const csv = pending.get(reply.id);
      if (csv) {
        pending.delete(reply.id);
        if (reply.kind === 'csv') csv.resolve(reply.csv);
        else csv.reject(new Error(reply.kind === 'failed' ? reply.reason : 'no CSV came back'));
      } else if (reply.id === latest.current) {
        setState(
          reply.kind === 'summary'
            ? { status: 'done', summary: reply.view }
            : { status: 'failed', reason: reply.kind === 'failed' ? reply.reason : 'no figures' },
        );
      }
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
      for (const p of pending.values()) p.reject(new Error('the cohort page was closed'));
      pending.clear();
    };
  }, []);

  useEffect(() => {
    if (query === null) {
      setState(null);
      return;
    }
    nextId.current += 1;
    const id = nextId.current;
    latest.current = id;
    setState((s) => ({
      status: 'computing',
      previous: s?.status === 'done' ? s.summary : s?.status === 'computing' ? s.previous : null,
    }));
    const w = worker.current;
    if (w) {
      const request: CohortRequest = { kind: 'summary', id, query };
      w.postMessage(request);
      return;
    }
    local.current.view(query).then(
      (view) => {
        if (id === latest.current) setState({ status: 'done', summary: view });
      },
      (error: unknown) => {
        if (id === latest.current) setState({ status: 'failed', reason: reasonOf(error) });
      },
    );
  }, [query]);

  const exportCsv = useCallback((title: string): Promise<string> => {
    const w = worker.current;
    if (!w) {
      const csv = local.current.csv(title);
      return csv === null
        ? Promise.reject(new Error('no cohort has been computed yet'))
        : Promise.resolve(csv);
    }
    nextId.current += 1;
    const id = nextId.current;
    return new Promise<string>((resolve, reject) => {
      pendingCsv.current.set(id, { resolve, reject });
      const request: CohortRequest = { kind: 'csv', id, title };
      w.postMessage(request);
    });
  }, []);

  return { state, exportCsv };
}
