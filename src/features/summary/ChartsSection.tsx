import type { AllScalesInput } from '../../charts/all-scales';
import { AllScalesChart } from '../../charts/AllScalesChart';
import type { TrajectoryInput } from '../../charts/trajectory';
import { TrajectoryChart } from '../../charts/TrajectoryChart';

interface Props {
  /** Both memoised by the caller: a chart is rebuilt when its input's identity changes. */
  readonly trajectory: TrajectoryInput | undefined;
  readonly allScales: AllScalesInput | null;
}

/**
 * The primary scale's trajectory and the all-scales chart at print size (fixed 680 × 300 at
 * devicePixelRatio 2, no animation); print.css sets them side by side. Their data tables
 * repeat the course table, so the sheet hides them in print.
 */
export function ChartsSection({ trajectory, allScales }: Props) {
  if (!trajectory && !allScales) return null;
  return (
    <section className="sheet-section charts-section" aria-label="Charts">
      {trajectory && (
        // Its conventions (bands, remission, response, relapse) are the footer's rules.
        <div className="sheet-chart sheet-chart--rules-in-footer">
          <TrajectoryChart input={trajectory} print />
        </div>
      )}
      {allScales && (
        <div className="sheet-chart">
          <AllScalesChart input={allScales} print />
        </div>
      )}
    </section>
  );
}
