import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { saveDraftAssessment } from '../../db/assessments-repo';
import { listHistory } from '../../db/history-repo';
import { listOpenSafetyFlags } from '../../db/safety-repo';
import { finalizeVisit } from '../../db/visits-repo';
import { resetPreferences } from '../../state/preferences';
import { expectOk, freshDatabase, newDraftVisit, phq9 } from '../../../tests/integration/helpers';
import { SafetyFlagsPanel } from './SafetyFlagsPanel';

beforeEach(async () => {
  await freshDatabase();
  resetPreferences();
});

async function flaggedPatient() {
  const { patientId, visitId } = await newDraftVisit('FLAG-1', '2024-02-01');
  expectOk(await saveDraftAssessment({ visitId, scaleId: 'PHQ-9', entry: phq9(2) }));
  expectOk(await finalizeVisit(visitId));
  return patientId;
}

describe('safety flag on the patient', () => {
  it('stays until a named clinician acknowledges it; who, when and the note go to the history', async () => {
    const patientId = await flaggedPatient();
    const user = userEvent.setup();
    render(<SafetyFlagsPanel patientId={patientId} />);
    expect(await screen.findByText(/PHQ-9 item 9 = 2/)).toBeInTheDocument();

    // No name: refused, flag still open.
    await user.click(screen.getByRole('button', { name: 'Acknowledge PHQ-9 item 9' }));
    expect(
      screen.getByText('Enter the name of the clinician acknowledging this flag.'),
    ).toBeInTheDocument();
    expect(await listOpenSafetyFlags(patientId)).toHaveLength(1);

    await user.type(screen.getByLabelText('Acknowledged by'), 'Dr Wang');
    await user.type(screen.getByLabelText('Action taken'), 'Risk assessed; safety plan agreed');
    await user.click(screen.getByRole('button', { name: 'Acknowledge PHQ-9 item 9' }));
    await waitFor(() => expect(screen.queryByText(/PHQ-9 item 9 = 2/)).toBeNull());
    expect(await listOpenSafetyFlags(patientId)).toEqual([]);

    const history = await listHistory({ patientId });
    const ack = history.find((h) => h.table === 'safetyAcks');
    expect(ack?.after).toMatchObject({
      acknowledgedBy: 'Dr Wang',
      note: 'Risk assessed; safety plan agreed',
      item: 9,
      value: 2,
    });
    expect(ack?.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});
