import { useId, useMemo } from 'react';
import { Line } from 'react-chartjs-2';
import type { ChartModel } from './chart-types';
import { conventionText } from './conventions';
import { ChartDataTable } from './ChartDataTable';
import { buildChartOptions, PRINT_SIZE, SCREEN_HEIGHT, toChartData } from './options';
import { registerCharts } from './register';
import { useChartFontReady } from './use-chart-font';

registerCharts();

export interface ChartFigureProps {
  /** A model from buildTrajectory, buildAllScales or buildDarsDomains. */
  readonly model: ChartModel;
  /** Fixed 680 × 300 CSS px at devicePixelRatio 2, no animation, data table open. */
  readonly print?: boolean | undefined;
  /** Default: on, unless the user prefers reduced motion (always off in print and large series). */
  readonly animate?: boolean | undefined;
}

// Guarded: jsdom and some embedded browsers have no working matchMedia.
const prefersReducedMotion = (): boolean =>
  typeof window !== 'undefined' &&
  typeof window.matchMedia === 'function' &&
  window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * A chart as a figure: caption, the canvas (role="img", named by the model's summary), the
 * conventions in words, and the data table. Takes a model only; it never reads data itself.
 */
export function ChartFigure({ model, print = false, animate }: ChartFigureProps) {
  const captionId = useId();
  const conventionsId = useId();
  const data = useMemo(() => toChartData(model), [model]);
  const options = useMemo(
    () => buildChartOptions(model, { print, animate: animate ?? !prefersReducedMotion() }),
    [model, print, animate],
  );
  const fontReady = useChartFontReady();
  const size = print ? { width: PRINT_SIZE.width, height: PRINT_SIZE.height } : { height: '100%' };
  const line = !fontReady ? (
    // Held back until the font can be drawn (canvas text never redraws); same size, so
    // nothing moves when the chart appears.
    <div role="img" aria-label={model.summary} aria-busy="true" style={size} />
  ) : (
    <Line
      data={data}
      options={options}
      aria-label={model.summary}
      aria-describedby={conventionsId}
      fallbackContent={<p>{model.summary}</p>}
      {...(print ? { width: PRINT_SIZE.width, height: PRINT_SIZE.height, style: size } : {})}
    />
  );
  return (
    <figure
      className={print ? 'chart-figure chart-figure--print' : 'chart-figure'}
      aria-labelledby={captionId}
    >
      <figcaption id={captionId}>{model.title}</figcaption>
      {print ? (
        line
      ) : (
        // Chart.js sizes a responsive chart from its own, relatively positioned container.
        <div className="chart-canvas" style={{ position: 'relative', height: SCREEN_HEIGHT }}>
          {line}
        </div>
      )}
      <ul className="chart-conventions" id={conventionsId}>
        {model.conventions.map((c) => (
          <li key={c.name}>{conventionText(c)}</li>
        ))}
      </ul>
      <ChartDataTable table={model.table} print={print} />
    </figure>
  );
}
