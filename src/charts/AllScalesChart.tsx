import { useMemo } from 'react';
import { buildAllScales, type AllScalesInput } from './all-scales';
import { ChartFigure } from './ChartFigure';

export interface AllScalesChartProps {
  /** Memoise it in the caller: the chart is rebuilt when its identity changes. */
  readonly input: AllScalesInput;
  readonly print?: boolean | undefined;
  readonly animate?: boolean | undefined;
}

/** Every scale as the share of possible improvement from baseline: up = better. */
export function AllScalesChart({ input, print, animate }: AllScalesChartProps) {
  const model = useMemo(() => buildAllScales(input), [input]);
  return <ChartFigure model={model} print={print} animate={animate} />;
}
