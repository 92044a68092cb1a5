/**
 * jsdom has no canvas: component tests replace react-chartjs-2's Line with this stub, which
 * records the props it was given and renders a plain canvas with the same ARIA attributes.
 */
import type { ChartData, ChartOptions } from 'chart.js';
import type { CanvasHTMLAttributes, ReactNode } from 'react';
import type { SeriesPoint } from '../chart-types';

export interface RecordedLineProps extends CanvasHTMLAttributes<HTMLCanvasElement> {
  readonly data: ChartData<'line', SeriesPoint[]>;
  readonly options?: ChartOptions<'line'>;
  readonly fallbackContent?: ReactNode;
}

export const lineCalls: RecordedLineProps[] = [];

export function LineStub(props: RecordedLineProps) {
  lineCalls.push(props);
  return (
    <canvas
      role="img"
      aria-label={props['aria-label']}
      aria-describedby={props['aria-describedby']}
      width={props.width}
      height={props.height}
    >
      {props.fallbackContent}
    </canvas>
  );
}
