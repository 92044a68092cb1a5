import type { Visit } from '../../db/schema';
import type { ScaleCourse } from '../../domain/patient-course';
import {
  setScaleRule,
  setPreference,
  usePreferences,
  type TimeAxis,
} from '../../state/preferences';
import { setBaseline, useCourseView } from '../../state/course-view';
import { ScrollBox } from '../../components/ScrollBox';

interface Props {
  patientId: string;
  visits: readonly Visit[];
  courses: readonly ScaleCourse[];
}

/** Time axis, baseline and the conventions in use (band, remission cut-off, relapse rule). */
export function CourseControls({ patientId, visits, courses }: Props) {
  const prefs = usePreferences();
  const chosen = useCourseView((s) => s.baselineByPatient[patientId]);
  return (
    <section className="card controls no-print" aria-label="Course view options">
      <div className="actions">
        <label htmlFor="time-axis">Time axis</label>
        <select
          id="time-axis"
          value={prefs.timeAxis}
          onChange={(e) => setPreference('timeAxis', e.currentTarget.value as TimeAxis)}
        >
          <option value="weeks">Weeks since index event</option>
          <option value="days">Days since index event</option>
          <option value="date">Calendar date</option>
        </select>
        <label htmlFor="baseline">Baseline</label>
        <select
          id="baseline"
          value={chosen ?? ''}
          onChange={(e) => setBaseline(patientId, e.currentTarget.value || undefined)}
        >
          <option value="">Default: last visit on or before the index event</option>
          {visits.map((v) => (
            <option key={v.id} value={v.id}>
              {v.date}
            </option>
          ))}
        </select>
      </div>
      <details>
        <summary>Conventions in use</summary>
        <ScrollBox label="Conventions table">
          <table className="data conventions">
            <thead>
              <tr>
                <th scope="col">Scale</th>
                <th scope="col">Severity bands</th>
                <th scope="col">Remission</th>
                <th scope="col">Relapse</th>
              </tr>
            </thead>
            <tbody>
              {courses.map(({ scale }) => (
                <tr key={scale.id}>
                  <th scope="row">{scale.id}</th>
                  <td>
                    <RuleSelect
                      label={`${scale.id} severity bands`}
                      value={prefs.bandConvention[scale.id]}
                      options={scale.bandConventions.map((c) => ({
                        id: c.id,
                        label: c.name,
                        source: c.source,
                      }))}
                      onChange={(id) => setScaleRule('bandConvention', scale.id, id)}
                    />
                  </td>
                  <td>
                    <RuleSelect
                      label={`${scale.id} remission cut-off`}
                      value={prefs.remissionRule[scale.id]}
                      options={scale.remission.map((r) => ({
                        id: r.id,
                        label: r.label,
                        source: r.source,
                      }))}
                      onChange={(id) => setScaleRule('remissionRule', scale.id, id)}
                    />
                  </td>
                  <td>
                    <RuleSelect
                      label={`${scale.id} relapse rule`}
                      value={prefs.relapseRule[scale.id]}
                      options={scale.relapse.map((r) => ({
                        id: r.id,
                        label: r.label,
                        source: r.source,
                      }))}
                      onChange={(id) => setScaleRule('relapseRule', scale.id, id)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      </details>
    </section>
  );
}

interface RuleSelectProps {
  label: string;
  value: string | undefined;
  options: { id: string; label: string; source: string }[];
  onChange: (id: string) => void;
}

function RuleSelect({ label, value, options, onChange }: RuleSelectProps) {
  const [first] = options;
  if (!first) return <span className="muted">none published</span>;
  const current = options.find((o) => o.id === value) ?? first;
  return (
    <>
      <select
        aria-label={label}
        value={current.id}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
      <div className="muted source">{current.source}</div>
    </>
  );
}
