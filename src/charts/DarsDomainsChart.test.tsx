import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DARS } from '../domain/scales/dars';
import type { DarsDomainsInput } from './dars-domains';
import { DarsDomainsChart } from './DarsDomainsChart';
import { lineCalls } from './testing/line-stub';
import {
  REF_DARS_DOMAINS,
  REF_DATES,
  REF_INDEX_DATE,
  REF_INDEX_EVENT,
} from './testing/reference-case';

vi.mock('react-chartjs-2', async () => {
  const stub = await import('./testing/line-stub');
  return { Line: stub.LineStub };
});

const input: DarsDomainsInput = {
  scale: DARS,
  visits: REF_DATES.map((date, i) => ({
    id: `dars-${i}`,
    date,
    subscales: Object.entries(REF_DARS_DOMAINS).map(([id, v]) => ({ id, score: v[i] ?? null })),
  })),
  events: [REF_INDEX_EVENT],
  timeAxis: 'days',
  indexDate: REF_INDEX_DATE,
};

describe('DarsDomainsChart', () => {
  beforeEach(() => {
    lineCalls.length = 0;
  });

  it('renders the figure, the named canvas and one table row per visit and event', () => {
    render(<DarsDomainsChart input={input} />);
    const figure = screen.getByRole('figure', { name: /DARS domains over time/ });
    expect(within(figure).getByRole('img')).toHaveAccessibleName(
      /at the last \(4 wk\): Pastimes\/hobbies 56\.25 %, Food\/drinks 43\.75 %, Social activities 6\.25 %, Sensory experiences 55\.00 %/,
    );
    const table = within(figure).getByRole('table', { hidden: true });
    expect(within(table).getAllByRole('row', { hidden: true })).toHaveLength(1 + 5 + 1);
    expect(within(table).getAllByText('15 / 16 (93.75 %)')).toHaveLength(2);
    expect(within(table).getByText('18 / 20 (90.00 %)')).toBeInTheDocument();
    const props = lineCalls[lineCalls.length - 1];
    expect(props?.data.datasets).toHaveLength(4);
    expect(props?.data.datasets[0]?.data[1]).toEqual({ x: 7, y: 93.75 });
  });
});
