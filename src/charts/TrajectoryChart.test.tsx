import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HAMD17 } from '../domain/scales/hamd17';
import { lineCalls } from './testing/line-stub';
import {
  REF_INDEX_DATE,
  REF_INDEX_EVENT,
  REF_REDOSE,
  referenceCourse,
  summaryMeta,
} from './testing/reference-case';
import { TrajectoryChart } from './TrajectoryChart';
import type { TrajectoryInput } from './trajectory';

vi.mock('react-chartjs-2', async () => {
  const stub = await import('./testing/line-stub');
  return { Line: stub.LineStub };
});

const course = referenceCourse(HAMD17);
const input: TrajectoryInput = {
  scale: HAMD17,
  course,
  pointMeta: summaryMeta(course),
  events: [REF_INDEX_EVENT, REF_REDOSE],
  timeAxis: 'weeks',
  indexDate: REF_INDEX_DATE,
};

const lastLine = () => {
  const props = lineCalls[lineCalls.length - 1];
  if (!props) throw new Error('Line was not rendered');
  return props;
};

describe('TrajectoryChart', () => {
  beforeEach(() => {
    lineCalls.length = 0;
  });

  it('renders a figure with a caption, a named canvas, the conventions and the data table', () => {
    render(<TrajectoryChart input={input} />);
    const figure = screen.getByRole('figure', { name: /HAMD-17.*total over time/ });
    const canvas = within(figure).getByRole('img');
    expect(canvas).toHaveAccessibleName(/HAMD-17 total over time, 5 rated visits/);
    expect(canvas).toHaveAccessibleDescription(/Severity bands: Consensus \(cnsforum\)/);
    expect(within(figure).getByText('Relapse: HAMD-17 ≥ 16 after response')).toBeInTheDocument();

    const table = within(figure).getByRole('table', { hidden: true });
    expect(within(table).getByText(/HAMD-17 totals by visit/)).toBeInTheDocument();
    const rows = within(table).getAllByRole('row', { hidden: true });
    expect(rows).toHaveLength(1 + 5 + 2);
    expect(rows[3]).toHaveTextContent('2023-12-071 wk2Noneremission');
    expect(screen.getByText('Show data table')).toBeInTheDocument();
    expect(figure.querySelector('details')).not.toHaveAttribute('open');
  });

  it('passes the built data and options to Line, with gaps and annotations', () => {
    render(<TrajectoryChart input={input} />);
    const { data, options } = lastLine();
    expect(data.datasets[0]?.data.map((p) => p.y)).toEqual([18, 2, 5, 10, 17]);
    expect(options?.parsing).toBe(false);
    expect(options?.responsive).toBe(true);
    const annotations = options?.plugins?.annotation?.annotations ?? {};
    expect(Object.keys(annotations)).toEqual(
      expect.arrayContaining([
        'band-consensus-0',
        'level-remission',
        'level-response',
        'event-dose-1',
        'event-dose-2',
      ]),
    );
  });

  it('prints at a fixed size, sharp and still, with the table open', () => {
    const { container } = render(<TrajectoryChart input={input} print />);
    const props = lastLine();
    expect(props.width).toBe(680);
    expect(props.height).toBe(300);
    expect(props.options?.animation).toBe(false);
    expect(props.options?.responsive).toBe(false);
    expect(props.options?.devicePixelRatio).toBe(2);
    expect(container.querySelector('details')).toHaveAttribute('open');
    expect(screen.getByRole('table')).toBeVisible();
  });
});
