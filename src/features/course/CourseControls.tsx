import { useState } from 'react';
import type { Visit } from '../../db/schema';
import type { ScaleCourse } from '../../domain/patient-course';
import { setClinicalRule } from '../../db/clinical-choices';
import type { ClinicalRules, RuleKind } from '../../domain/clinical-rules';
import type { ScaleId } from '../../domain/scale-types';
import { setPreference, usePreferences, type TimeAxis } from '../../state/preferences';
import { chooseBaseline } from '../../db/patients-repo';
import { ScrollBox } from '../../components/ScrollBox';
import { RuleHistory } from './RuleHistory';
import { dateTimeText } from '../../domain/visit-time';

interface Props {
  patientId: string;
  /** The baseline visit chosen for the patient (stored on the patient record). */
  chosen: string | undefined;
  /** The conventions in use (stored in the database). */
  rules: ClinicalRules;
  visits: readonly Visit[];
  courses: readonly ScaleCourse[];
  /** Whether the course is short enough for hours since the index event (time-axis.ts). */
  hoursOffered: boolean;
}

/** Time axis, baseline and the conventions in use (band, remission cut-off, relapse rule). */
export function CourseControls({ patientId, chosen, rules, visits, courses, hoursOffered }: Props) {
  const prefs = usePreferences();
  const [error, setError] = useState<string | null>(null);
  const choose = async (visitId: string | null) => {
    const result = await chooseBaseline(
      patientId,
      visitId,
      prefs.clinician ? { by: prefs.clinician } : {},
    );
    setError(result.ok ? null : result.reason);
  };
  const setRule = async (kind: RuleKind, scaleId: ScaleId, ruleId: string) => {
    const result = await setClinicalRule(
      kind,
      scaleId,
      ruleId,
      prefs.clinician ? { by: prefs.clinician } : {},
    );
    setError(result.ok ? null : result.reason);
  };
  return (
    <section className="card controls no-print" aria-label="Course view options">
      <div className="actions">
        <label htmlFor="time-axis">Time axis</label>
        <select
          id="time-axis"
          value={prefs.timeAxis}
          onChange={(e) => setPreference('timeAxis', e.currentTarget.value as TimeAxis)}
        >
          <option value="auto">
            Automatic: {hoursOffered ? 'hours (course within 8 days)' : 'weeks'}
          </option>
          {(hoursOffered || prefs.timeAxis === 'hours') && (
            <option value="hours">Hours since index event</option>
          )}
          <option value="weeks">Weeks since index event</option>
          <option value="days">Days since index event</option>
          <option value="date">Calendar date</option>
        </select>
        <label htmlFor="baseline">Baseline</label>
        <select
          id="baseline"
          value={chosen ?? ''}
          onChange={(e) => void choose(e.currentTarget.value || null)}
        >
          <option value="">Default: last visit on or before the index event</option>
          {visits.map((v) => (
            <option key={v.id} value={v.id}>
              {dateTimeText(v)}
            </option>
          ))}
        </select>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
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
                      value={rules.bandConvention[scale.id]}
                      options={scale.bandConventions.map((c) => ({
                        id: c.id,
                        label: c.name,
                        source: c.source,
                      }))}
                      onChange={(id) => void setRule('bandConvention', scale.id, id)}
                    />
                  </td>
                  <td>
                    <RuleSelect
                      label={`${scale.id} remission cut-off`}
                      value={rules.remissionRule[scale.id]}
                      options={scale.remission.map((r) => ({
                        id: r.id,
                        label: r.label,
                        source: r.source,
                      }))}
                      onChange={(id) => void setRule('remissionRule', scale.id, id)}
                    />
                  </td>
                  <td>
                    <RuleSelect
                      label={`${scale.id} relapse rule`}
                      value={rules.relapseRule[scale.id]}
                      options={scale.relapse.map((r) => ({
                        id: r.id,
                        label: r.label,
                        source: r.source,
                      }))}
                      onChange={(id) => void setRule('relapseRule', scale.id, id)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
        <RuleHistory />
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
