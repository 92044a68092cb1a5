import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseUrl, launch } from '../tests/e2e/browser';
import { cohortOnly, runCohortBench } from './cohort-scenario';
import { markdown, runBench } from './run-bench';

// `npm run bench`: every figure of issue 18 beside its reference, measured in one run.
// BENCH_SIZES (default 1000,3000), BENCH_RUNS (default 3), BENCH_VISITS (default 26);
// BENCH_ONLY=cohort measures the cohort view alone (saved as …-cores-cohort.md).
const list = (text: string | undefined, fallback: number[]) =>
  text ? text.split(',').map((s) => Number(s.trim())) : fallback;

describe('benchmark', () => {
  it('measures the app against the stack’s raw limit', async () => {
    const options = {
      sizes: list(process.env.BENCH_SIZES, [1000, 3000]),
      runs: Number(process.env.BENCH_RUNS ?? '3'),
      visits: Number(process.env.BENCH_VISITS ?? '26'),
      courseVisits: 200,
      distDir: 'dist',
      baseUrl: baseUrl(),
    };
    const browser = await launch();
    try {
      const run = cohortOnly ? runCohortBench : runBench;
      const rows = await run(browser, options, (line) => console.log(line));
      const table = markdown(rows, options);
      console.log(`\n${table}`);
      const dir = join('bench', 'results');
      mkdirSync(dir, { recursive: true });
      const file = join(
        dir,
        `${new Date().toISOString().slice(0, 10)}-${cpus().length}-cores${cohortOnly ? '-cohort' : ''}.md`,
      );
      writeFileSync(file, table);
      console.log(`Saved to ${file}`);
      expect(rows.length).toBeGreaterThan(0);
    } finally {
      await browser.close();
    }
  });
});
