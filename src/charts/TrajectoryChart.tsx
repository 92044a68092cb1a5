import { useMemo } from 'react';
import { ChartFigure } from './ChartFigure';
import { buildTrajectory, type TrajectoryInput } from './trajectory';

export interface TrajectoryChartProps {
  /** Memoise it in the caller: the chart is rebuilt when its identity changes. */
  readonly input: TrajectoryInput;
  readonly print?: boolean | undefined;
  readonly animate?: boolean | undefined;
}

/** One scale's total over time with bands, remission and response lines and dose markers. */
export function TrajectoryChart({ input, print, animate }: TrajectoryChartProps) {
  const model = useMemo(() => buildTrajectory(input), [input]);
  return <ChartFigure model={model} print={print} animate={animate} />;
}
