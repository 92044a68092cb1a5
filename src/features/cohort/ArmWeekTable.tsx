import type { ArmMeasure } from '../../domain/cohort/cohort-summary';
import type { WindowOptions } from '../../domain/cohort/cohort-types';
import { windowLabel } from '../../domain/cohort/windows';
import { meanCi, meanSd, meanSe, plainNumber, rate } from './cohort-format';

/** One arm, one measure: a row per week (baseline first). */
export function ArmWeekTable({
  row,
  armName,
  window,
}: {
  row: ArmMeasure;
  armName: string;
  window: WindowOptions;
}) {
  const severity = row.weeks.some((w) => w.change !== null);
  const hasResponse = row.weeks.some((w) => w.response !== null);
  const hasRemission = row.weeks.some((w) => w.remission !== null);
  const isPercentMeasure = row.weeks.some((w) => w.percentChange !== null);
  return (
    <div className="table-scroll">
      <table className="data cohort-table">
        <caption>
          {armName}: {row.measure.label}
        </caption>
        <thead>
          <tr>
            <th scope="col">Week</th>
            <th scope="col" className="num">
              n
            </th>
            <th scope="col" className="num">
              Mean (SD)
            </th>
            {severity && (
              <>
                <th scope="col" className="num">
                  Mean change (SE)
                </th>
                <th scope="col" className="num">
                  95 % CI of change
                </th>
              </>
            )}
            {isPercentMeasure && (
              <th scope="col" className="num">
                Mean % change (n)
              </th>
            )}
            {hasResponse && <th scope="col">Response n/N (95 % CI)</th>}
            {hasRemission && <th scope="col">Remission n/N (95 % CI)</th>}
          </tr>
        </thead>
        <tbody>
          {row.weeks.map((w) => (
            <tr key={w.week}>
              <th scope="row">{w.week === 0 ? 'Baseline' : windowLabel(w.week, window)}</th>
              <td className="num">{w.value.n}</td>
              <td className="num">{meanSd(w.value)}</td>
              {severity && (
                <>
                  <td className="num">{w.change ? meanSe(w.change) : '—'}</td>
                  <td className="num">{w.change ? meanCi(w.change) : '—'}</td>
                </>
              )}
              {isPercentMeasure && (
                <td className="num">
                  {w.percentChange
                    ? w.percentChange.mean === null
                      ? 'n = 0'
                      : `${plainNumber(w.percentChange.mean)} % (${w.percentChange.n})`
                    : '—'}
                </td>
              )}
              {hasResponse && <td>{w.week === 0 && severity ? '—' : rate(w.response)}</td>}
              {hasRemission && <td>{w.week === 0 && severity ? '—' : rate(w.remission)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
