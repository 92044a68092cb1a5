import { useMemo } from 'react';
import { ChartFigure } from './ChartFigure';
import { buildDarsDomains, type DarsDomainsInput } from './dars-domains';

export interface DarsDomainsChartProps {
  /** Memoise it in the caller: the chart is rebuilt when its identity changes. */
  readonly input: DarsDomainsInput;
  readonly print?: boolean | undefined;
  readonly animate?: boolean | undefined;
}

/** Each DARS domain as a percentage of its own maximum over time. */
export function DarsDomainsChart({ input, print, animate }: DarsDomainsChartProps) {
  const model = useMemo(() => buildDarsDomains(input), [input]);
  return <ChartFigure model={model} print={print} animate={animate} />;
}
