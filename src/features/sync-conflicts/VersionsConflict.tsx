import { useId, useState } from 'react';
import { ConflictChooser } from '../../components/ConflictChooser';
import { ScrollBox } from '../../components/ScrollBox';
import type { SyncConflict } from '../../db/schema';
import { thisDeviceId } from '../../db/sync-hooks';
import { proposalOf, resolveSyncConflict } from '../../db/sync-resolve';
import type { Choices } from '../../domain/field-merge';
import { compareRows } from './compare-rows';
import { versionLabel } from './version-label';

interface Props {
  readonly conflict: SyncConflict;
  readonly what: string;
  readonly by: string | undefined;
  readonly onResolved: (message: string) => void;
}

/**
 * Two versions of one record side by side (item by item for an assessment) with the common
 * version they both started from and the merge proposed from it. The clinician keeps the
 * merge when nothing needs a choice, chooses field by field where both devices changed the
 * same thing, or keeps one version whole.
 */
export function VersionsConflict({ conflict, what, by, onResolved }: Props) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const proposal = proposalOf(conflict);
  const rows = compareRows(conflict, proposal);
  const device = thisDeviceId();
  const [one, two] = conflict.versions;
  const first = `Version 1: ${versionLabel(one, device)}`;
  const second = `Version 2: ${versionLabel(two, device)}`;

  const resolve = async (choices: Choices, how: string) => {
    setBusy(true);
    const result = await resolveSyncConflict(conflict.id, choices, by === undefined ? {} : { by });
    setBusy(false);
    if (result.ok) onResolved(`${what}: ${how}. The patient's history keeps both versions.`);
    else setError(result.reason);
  };

  return (
    <>
      <ScrollBox label={`Versions of ${what}`}>
        <table className="sync-compare">
          <caption>
            What differs between the two versions of {what}
            {conflict.base ? ' and the version both started from' : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Before both changes</th>
              <th scope="col">{first}</th>
              <th scope="col">{second}</th>
              <th scope="col">Proposed</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.what}</th>
                <td>{row.base}</td>
                <td>{row.first}</td>
                <td>{row.second}</td>
                <td>{row.proposed ?? <strong>your choice</strong>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      {!conflict.base && (
        <p className="muted">
          The version both started from is not on this device, so nothing tells which device changed
          what: every difference is your choice.
        </p>
      )}
      {error && (
        <p className="banner banner-danger" role="alert">
          {error}
        </p>
      )}
      {proposal.ok ? (
        <div className="actions">
          <p id={`${id}-merge`}>
            Each difference was made on one device only: the proposed version keeps every change of
            both.
          </p>
          <button
            type="button"
            disabled={busy}
            aria-describedby={`${id}-merge`}
            onClick={() => void resolve({}, 'the merged version was kept')}
          >
            Keep the merged version
          </button>
        </div>
      ) : (
        <>
          {proposal.problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
          <ConflictChooser
            what={what}
            conflicts={proposal.conflicts}
            onResolve={(choices) => void resolve(choices, 'resolved with your choices')}
            wording={{
              heading: `Choose for what both devices changed`,
              intro:
                'Both devices changed these differently. Choose the value to keep for each; every change made on one device only is kept as proposed above.',
              mine: 'Keep version 1',
              theirs: 'Keep version 2',
              save: 'Resolve with these choices',
            }}
          />
        </>
      )}
      <div className="actions">
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void resolve({ record: 'mine' }, 'version 1 was kept whole')}
        >
          Keep version 1 whole
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void resolve({ record: 'theirs' }, 'version 2 was kept whole')}
        >
          Keep version 2 whole
        </button>
      </div>
    </>
  );
}
