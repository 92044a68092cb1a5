import type { ArmTimeToEvent } from '../../domain/cohort/time-to-event';
import { TIME_TO_EVENT_LABEL } from '../../domain/cohort/time-to-event';
import { plainNumber } from './cohort-format';

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
const day = (v: number | null) => (v === null ? 'not reached' : `day ${v}`);

/** One Kaplan–Meier estimate as its data table: numbers at risk, events, censored, S(t), CI. */
export function TimeToEventTable({ km, armName }: { km: ArmTimeToEvent; armName: string }) {
  const { estimate } = km;
  const m = estimate.median;
  return (
    <div className="table-scroll">
      <table className="data cohort-table">
        <caption>
          {armName}: {TIME_TO_EVENT_LABEL[km.kind]}, {km.scaleId}. n = {estimate.n},{' '}
          {estimate.events} {estimate.events === 1 ? 'event' : 'events'}; median{' '}
          {m.median === null ? 'not reached' : `day ${m.median}`} (95 % CI {day(m.lower)} to{' '}
          {day(m.upper)})
        </caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Day
            </th>
            <th scope="col" className="num">
              At risk
            </th>
            <th scope="col" className="num">
              Events
            </th>
            <th scope="col" className="num">
              Censored
            </th>
            <th scope="col" className="num">
              Without event
            </th>
            <th scope="col" className="num">
              95 % CI
            </th>
          </tr>
        </thead>
        <tbody>
          {estimate.steps.length === 0 ? (
            <tr>
              <td colSpan={6}>
                {km.kind === 'relapse'
                  ? 'No patient in this arm responded: nobody is at risk of relapse.'
                  : 'No patient in this arm has this scale rated after baseline.'}
              </td>
            </tr>
          ) : (
            estimate.steps.map((s) => (
              <tr key={s.time}>
                <td className="num">{s.time}</td>
                <td className="num">{s.atRisk}</td>
                <td className="num">{s.events}</td>
                <td className="num">{s.censored}</td>
                <td className="num">{pct(s.survival)}</td>
                <td className="num">
                  {s.ci
                    ? `${pct(s.ci.lower)} to ${pct(s.ci.upper)}`
                    : s.survival === 0
                      ? 'none at 0 %'
                      : `SE ${plainNumber(s.se)}`}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
