import { useState } from 'react';
import type { SyncConflict } from '../../db/schema';
import { alignAssessmentWithVisit } from '../../db/sync-rules';
import type { RuleBreak } from '../../domain/record-rules';
import { paths } from '../../state/navigation';

interface Props {
  readonly conflict: SyncConflict;
  /** The break as the records are now (null: a patient code used twice, checked on arrival). */
  readonly rule: RuleBreak | null;
  readonly by: string | undefined;
  readonly onResolved: (message: string) => void;
}

/**
 * A rule across records that two devices broke between them: what happened in words, the
 * ways out, and where to take them. Nothing is changed for the clinician, except the one
 * repair that is a choice of its own (an assessment takes its visit's date and status).
 */
export function RuleConflict({ conflict, rule, by, onResolved }: Props) {
  const [error, setError] = useState<string | null>(null);
  const align = async (assessmentId: string) => {
    const result = await alignAssessmentWithVisit(assessmentId, by === undefined ? {} : { by });
    if (result.ok)
      onResolved(`The ${result.value.scaleId} now has its visit's date and status again.`);
    else setError(result.reason);
  };
  const assessmentId = rule?.kind === 'visit-copy' ? rule.recordIds[0] : undefined;
  return (
    <>
      <p>{rule?.explanation ?? conflict.reason}</p>
      {rule ? (
        <>
          <p>Ways out:</p>
          <ul>
            {rule.waysOut.map((way) => (
              <li key={way}>{way}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>
          The patient from the other device is not added here until the codes differ: rename the
          patient on one of the devices, then sync again.
        </p>
      )}
      {error && (
        <p className="banner banner-danger" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        {assessmentId && (
          <button type="button" onClick={() => void align(assessmentId)}>
            Give the assessment its visit&apos;s date and status
          </button>
        )}
        <a href={paths.patient(conflict.patientId)}>Open the patient</a>
      </div>
    </>
  );
}
