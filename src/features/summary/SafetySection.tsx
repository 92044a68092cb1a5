import { formatInstant, type LatestCheck, type SafetySummary } from './summary-safety';

const STATUS_WORDS: Record<LatestCheck['status'], string> = {
  flagged: 'flagged',
  'not-endorsed': 'not endorsed',
  'not-recorded': 'not recorded',
};

/** "HAMD-17 item 3, MADRS item 10 not recorded (2023-12-28)": checks grouped by outcome and date. */
function LatestChecks({ checks }: { checks: readonly LatestCheck[] }) {
  const groups = new Map<string, { items: string[]; words: string; date: string }>();
  for (const c of checks) {
    const key = `${c.status} ${c.date}`;
    const group = groups.get(key) ?? { items: [], words: STATUS_WORDS[c.status], date: c.date };
    group.items.push(`${c.scaleId} item ${c.item}${c.value === null ? '' : ` = ${c.value}`}`);
    groups.set(key, group);
  }
  return (
    <>
      {[...groups.values()].map((g, i) => (
        <span key={`${g.words}${g.date}`}>
          {i > 0 && '; '}
          {g.items.join(', ')} {g.words} <span className="nowrap">({g.date})</span>
        </span>
      ))}
    </>
  );
}

/**
 * Flagged safety items with their acknowledgement; an open flag reads "NOT acknowledged" in
 * words, not only in colour. A quiet line says what the latest assessments recorded, since
 * "no flag" is not an assurance of safety.
 */
export function SafetySection({ safety }: { safety: SafetySummary }) {
  const open = safety.flags.filter((f) => f.ack === null).length;
  return (
    <section
      className={`sheet-section safety-section${safety.flags.length === 0 ? ' safety-section--quiet' : ''}`}
      aria-labelledby="sheet-safety"
    >
      <h2 id="sheet-safety">
        Safety items{safety.flags.length === 0 && ':'}
        {open > 0 && <span className="flag-open"> · {open} NOT acknowledged</span>}
      </h2>
      {safety.flags.length > 0 && (
        <ul className="flag-lines">
          {safety.flags.map((f) => (
            <li key={f.key} className={f.ack ? 'flag-acked' : 'flag-open-line'}>
              <strong>
                {f.date} · {f.scaleId} item {f.item} = {f.value}
              </strong>
              {f.draft && ' (draft visit)'}: {f.message}.{' '}
              {f.ack ? (
                <span>
                  Acknowledged by {f.ack.by} on {formatInstant(f.ack.at)}
                  {f.ack.note && <>: “{f.ack.note}”</>}.
                </span>
              ) : (
                <strong className="flag-open">NOT acknowledged.</strong>
              )}
            </li>
          ))}
        </ul>
      )}
      <p>
        {safety.flags.length === 0 && 'No safety item was flagged in this record. '}
        {safety.latest.length > 0 && (
          <span className="muted">
            Latest: <LatestChecks checks={safety.latest} />.{' '}
          </span>
        )}
        <span className="muted">A score below a flag threshold is not an assurance of safety.</span>
      </p>
    </section>
  );
}
