import type { Patient, TreatmentEvent } from '../../db/schema';
import type { IsoDate } from '../../domain/time';
import { doseText } from './event-text';

interface Props {
  readonly clinicHeader: string;
  readonly patient: Patient;
  readonly showName: boolean;
  readonly printedOn: IsoDate;
  readonly indexEvent: TreatmentEvent | null;
  /** "2023-11-24 to 2023-12-28", or with a note when the range leaves visits out. */
  readonly period: string;
}

/** Who the sheet is about and when it was printed. Every patient field is plain text. */
export function SheetHeader({
  clinicHeader,
  patient,
  showName,
  printedOn,
  indexEvent,
  period,
}: Props) {
  const about = [
    patient.sex && patient.sex !== 'unknown' ? patient.sex : null,
    patient.birthYear ? `born ${patient.birthYear}` : null,
  ].filter(Boolean);
  return (
    <header className="sheet-head">
      <div className="sheet-title-row">
        <h1>Patient summary</h1>
        <div className="sheet-letterhead">
          {clinicHeader.trim() !== '' && <p className="sheet-clinic">{clinicHeader}</p>}
          <p className="sheet-printed">
            Printed <span className="nowrap">{printedOn}</span>
          </p>
        </div>
      </div>
      <dl className="sheet-ids">
        <div>
          <dt>Patient</dt>
          <dd>
            <strong>{patient.code}</strong>
            {showName && patient.name && <> · {patient.name}</>}
            {about.length > 0 && <span className="muted"> · {about.join(', ')}</span>}
          </dd>
        </div>
        <div>
          <dt>Diagnosis</dt>
          <dd>{patient.diagnosis ?? '—'}</dd>
        </div>
        <div>
          <dt>Index event</dt>
          <dd>
            {indexEvent ? (
              <>
                {[indexEvent.label, doseText(indexEvent)].filter(Boolean).join(' ')} on{' '}
                <span className="nowrap">{indexEvent.date}</span>
              </>
            ) : (
              'none: time counted from baseline'
            )}
          </dd>
        </div>
        <div>
          <dt>Period</dt>
          <dd>{period}</dd>
        </div>
      </dl>
    </header>
  );
}
