import type { ScaleRules } from './summary-rules';

interface Props {
  readonly rules: readonly ScaleRules[];
  readonly summaryData: boolean;
  readonly allScalesNotes: readonly string[];
}

function ruleText(r: ScaleRules): string {
  const given = [
    r.bands && `bands ${r.bands}`,
    r.response && `response ${r.response}`,
    r.remission && `remission ${r.remission}`,
    r.relapse && `relapse ${r.relapse}`,
  ].filter((part): part is string => Boolean(part));
  const missing = [
    !r.bands && 'severity bands',
    !r.response && 'response',
    !r.remission && 'remission',
    !r.relapse && 'relapse',
  ].filter((part): part is string => Boolean(part));
  if (missing.length) given.push(`no published ${missing.join(', ')} rule`);
  return given.join('; ');
}

/** The rules behind every band, status and relapse on the sheet, and the scales' notices. */
export function RulesFooter({ rules, summaryData, allScalesNotes }: Props) {
  const notes = rules.flatMap((r) => r.notes);
  return (
    <footer className="sheet-foot">
      <h2 className="visually-hidden">Rules, sources and notices</h2>
      <p>
        <strong>Rules used.</strong>{' '}
        {rules.map((r) => (
          <span key={r.scaleId} className="rule-line">
            <strong>{r.versions.join(' / ')}</strong>: {ruleText(r)}.{' '}
          </span>
        ))}
        Status in the table: <b>bold</b> = response or remission, <i>italic</i> = response lost,{' '}
        <span className="status-key-relapse">boxed</span> = relapse.
      </p>
      {allScalesNotes.length > 0 && (
        <p>
          <strong>All-scales chart.</strong> {allScalesNotes.join('; ')}.
        </p>
      )}
      {notes.length > 0 && <p>{notes.join(' ')}</p>}
      {summaryData && (
        <p>
          <strong>Summary data</strong> (marked s, hollow diamonds on the charts): totals
          transcribed from a report or paper record; the item scores behind them are unknown and
          were not invented, so single items and safety items may be missing.
        </p>
      )}
      <p className="sheet-copyright">
        <strong>Scale notices.</strong> {rules.map((r) => r.copyright).join(' ')}
      </p>
    </footer>
  );
}
