import { useMemo } from 'react';
import {
  buildCohortImprovement,
  buildCohortResponse,
  type CohortChartInput,
} from './cohort-course';
import { buildKaplanMeier, type KmChartInput } from './cohort-km';
import { ChartFigure } from './ChartFigure';

/** Every patient's course with each arm's mean and 95 % CI, on the improvement axis. */
export function CohortImprovementChart({ summary, scaleId }: CohortChartInput) {
  const model = useMemo(() => buildCohortImprovement({ summary, scaleId }), [summary, scaleId]);
  return <ChartFigure model={model} />;
}

/** Response rate by week per arm with Wilson 95 % CIs. */
export function CohortResponseChart({ summary, scaleId }: CohortChartInput) {
  const model = useMemo(() => buildCohortResponse({ summary, scaleId }), [summary, scaleId]);
  return <ChartFigure model={model} />;
}

/** Kaplan–Meier step curves per arm with censor marks. */
export function KaplanMeierChart({ summary, scaleId, kind }: KmChartInput) {
  const model = useMemo(
    () => buildKaplanMeier({ summary, scaleId, kind }),
    [summary, scaleId, kind],
  );
  return <ChartFigure model={model} />;
}
