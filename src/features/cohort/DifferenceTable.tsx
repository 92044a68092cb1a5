import type { ArmDifference } from '../../domain/cohort/cohort-summary';
import type { CohortArm, WindowOptions } from '../../domain/cohort/cohort-types';
import { windowLabel } from '../../domain/cohort/windows';
import { plainNumber } from './cohort-format';

/** Arm A − arm B in mean change from baseline, per week, with the Welch 95 % CI. */
export function DifferenceTable({
  rows,
  armA,
  armB,
  label,
  window,
}: {
  rows: readonly ArmDifference[];
  armA: CohortArm;
  armB: CohortArm;
  label: string;
  window: WindowOptions;
}) {
  return (
    <div className="table-scroll">
      <table className="data cohort-table">
        <caption>
          Difference in mean change, {armA.name} − {armB.name}: {label} (Welch)
        </caption>
        <thead>
          <tr>
            <th scope="col">Week</th>
            <th scope="col" className="num">
              n ({armA.name})
            </th>
            <th scope="col" className="num">
              n ({armB.name})
            </th>
            <th scope="col" className="num">
              Difference (SE)
            </th>
            <th scope="col" className="num">
              95 % CI
            </th>
            <th scope="col" className="num">
              df
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.week}>
              <th scope="row">{windowLabel(d.week, window)}</th>
              <td className="num">{d.nA}</td>
              <td className="num">{d.nB}</td>
              {d.difference.ok ? (
                <>
                  <td className="num">
                    {plainNumber(d.difference.value.difference)} (
                    {plainNumber(d.difference.value.se)})
                  </td>
                  <td className="num">
                    {plainNumber(d.difference.value.ci.lower)} to{' '}
                    {plainNumber(d.difference.value.ci.upper)}
                  </td>
                  <td className="num">{plainNumber(d.difference.value.df, 1)}</td>
                </>
              ) : (
                <td colSpan={3}>{d.difference.reason}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
