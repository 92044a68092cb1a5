import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatDuration, progressFigures, ProgressMeter } from './ProgressMeter';

describe('progress figures', () => {
  it('gives the share done, the rate since the start and the time left at that rate', () => {
    expect(progressFigures(2_500, 10_000, 2_000)).toEqual({
      percent: 25,
      rate: 1_250,
      secondsLeft: 6,
    });
  });

  it('knows no rate before any record or time has passed', () => {
    expect(progressFigures(0, 10, 500)).toEqual({ percent: 0, rate: null, secondsLeft: null });
    expect(progressFigures(5, 10, 0)).toEqual({ percent: 50, rate: null, secondsLeft: null });
  });

  it('says time in seconds, then minutes and seconds', () => {
    expect(formatDuration(44.2)).toBe('45 s');
    expect(formatDuration(185)).toBe('3 min 05 s');
  });

  it('shows a labelled bar with records done, records per second and time left', () => {
    render(<ProgressMeter label="Exporting" done={300} total={1200} elapsedMs={3000} />);
    expect(screen.getByLabelText(/Exporting/)).toHaveAttribute('value', '25');
    expect(screen.getByText('300 of 1,200 records, 100 records/s, about 9 s left')).toBeVisible();
  });
});
