import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DARS } from '../domain/scales/dars';
import { HAMD17 } from '../domain/scales/hamd17';
import { MADRS } from '../domain/scales/madrs';
import { PHQ9 } from '../domain/scales/phq9';
import type { AllScalesInput } from './all-scales';
import { AllScalesChart } from './AllScalesChart';
import { lineCalls } from './testing/line-stub';
import { REF_INDEX_DATE, REF_INDEX_EVENT, referenceCourse } from './testing/reference-case';

vi.mock('react-chartjs-2', async () => {
  const stub = await import('./testing/line-stub');
  return { Line: stub.LineStub };
});

const input: AllScalesInput = {
  courses: [HAMD17, MADRS, PHQ9, DARS].map((scale) => ({ scale, course: referenceCourse(scale) })),
  events: [REF_INDEX_EVENT],
  timeAxis: 'weeks',
  indexDate: REF_INDEX_DATE,
};

describe('AllScalesChart', () => {
  beforeEach(() => {
    lineCalls.length = 0;
  });

  it('renders the figure, the named canvas, the conventions and the published figures', () => {
    render(<AllScalesChart input={input} />);
    const figure = screen.getByRole('figure', { name: /All scales on one axis/ });
    const canvas = within(figure).getByRole('img');
    expect(canvas).toHaveAccessibleName(
      /Improvement from baseline, % of possible \(up = better\).*HAMD-17 from 88\.89 % at 1 wk/,
    );
    expect(canvas).toHaveAccessibleDescription(
      /Response: ≥ 50 % reduction .*no published criterion for DARS/,
    );
    const table = within(figure).getByRole('table', { hidden: true });
    const rows = within(table).getAllByRole('row', { hidden: true });
    expect(rows).toHaveLength(1 + 4 * 5);
    expect(within(table).getByText('+205.88 % change')).toBeInTheDocument();
    expect(within(table).getAllByText('88.89 % reduction')).toHaveLength(1);
    const props = lineCalls[lineCalls.length - 1];
    expect(props?.data.datasets.map((d) => d.label)).toEqual(['HAMD-17', 'MADRS', 'PHQ-9', 'DARS']);
    const y = props?.options?.scales?.y;
    expect(y?.title).toMatchObject({
      text: ['Improvement from baseline,', '% of possible (up = better)'],
    });
  });

  it('opens the data table in print', () => {
    const { container } = render(<AllScalesChart input={input} print />);
    expect(container.querySelector('details')).toHaveAttribute('open');
    expect(screen.getByText('Data table')).toBeInTheDocument();
  });
});
