import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { listOpenSafetyFlags } from '../../db/safety-repo';
import { getPatientRecord } from '../../db/patient-queries';
import { resetPreferences, setPreference } from '../../state/preferences';
import { freshDatabase, newDraftVisit } from '../../../tests/integration/helpers';
import { VisitPage } from './VisitPage';
import { itemFieldPattern } from './item-name';

const newVisit = () => newDraftVisit('T-1', '2024-01-05');

beforeEach(async () => {
  await freshDatabase();
  resetPreferences();
  setPreference('defaultScales', ['PHQ-9']);
});

describe('visit entry drafts', () => {
  it('saves every accepted key press, so a reload (new mount) finds the half-entered visit', async () => {
    const { patientId, visitId } = await newVisit();
    const user = userEvent.setup();
    const first = render(<VisitPage patientId={patientId} visitId={visitId} />);
    await user.click(await screen.findByLabelText(itemFieldPattern('PHQ-9', 1)));
    await user.keyboard('2103');
    await waitFor(async () => {
      const record = await getPatientRecord(patientId);
      expect(record?.assessments[0]?.entry).toEqual({
        mode: 'items',
        responses: [2, 1, 0, 3, null, null, null, null, null, null],
      });
    });
    first.unmount();

    render(<VisitPage patientId={patientId} visitId={visitId} />);
    expect(await screen.findByLabelText(itemFieldPattern('PHQ-9', 1))).toHaveValue('2');
    expect(screen.getByLabelText(itemFieldPattern('PHQ-9', 4))).toHaveValue('3');
    expect(screen.getByLabelText(itemFieldPattern('PHQ-9', 5))).toHaveValue('');
    const record = await getPatientRecord(patientId);
    expect(record?.visits[0]?.status).toBe('draft');
  });

  it('never stores a refused value', async () => {
    const { patientId, visitId } = await newVisit();
    const user = userEvent.setup();
    render(<VisitPage patientId={patientId} visitId={visitId} />);
    await user.click(await screen.findByLabelText(itemFieldPattern('PHQ-9', 1)));
    await user.keyboard('7');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'PHQ-9 item 1 must be between 0 and 3 (got 7).',
    );
    // Issue 11: the refused 7 stays on screen, marked invalid, and is never stored.
    expect(screen.getByLabelText(itemFieldPattern('PHQ-9', 1))).toHaveValue('7');
    expect(screen.getByLabelText(itemFieldPattern('PHQ-9', 1))).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    // An accepted key press on the next item saves the whole PHQ-9 as the form holds it; once
    // that save has landed, a 7 taken into the form or written before it would be in the store.
    await user.click(screen.getByLabelText(itemFieldPattern('PHQ-9', 2)));
    await user.keyboard('1');
    await waitFor(async () => {
      const record = await getPatientRecord(patientId);
      expect(record?.assessments).toHaveLength(1);
    });
    const record = await getPatientRecord(patientId);
    expect(record?.assessments[0]?.entry).toEqual({
      mode: 'items',
      responses: [null, 1, null, null, null, null, null, null, null, null],
    });
  });
});

describe('safety flag', () => {
  it('PHQ-9 item 9 = 1 raises a flag at once, and it stays open on the patient', async () => {
    const { patientId, visitId } = await newVisit();
    const user = userEvent.setup();
    render(<VisitPage patientId={patientId} visitId={visitId} />);
    await user.click(await screen.findByLabelText(itemFieldPattern('PHQ-9', 9)));
    await user.keyboard('1');
    expect(await screen.findByText(/PHQ-9 item 9 endorsed/)).toBeInTheDocument();
    await waitFor(async () => {
      const flags = await listOpenSafetyFlags(patientId);
      expect(flags.map((f) => [f.scaleId, f.item, f.value])).toEqual([['PHQ-9', 9, 1]]);
    });
  });

  it('a 0 on item 9 is "not endorsed", never "safe"', async () => {
    const { patientId, visitId } = await newVisit();
    const user = userEvent.setup();
    render(<VisitPage patientId={patientId} visitId={visitId} />);
    await user.click(await screen.findByLabelText(itemFieldPattern('PHQ-9', 9)));
    await user.keyboard('0');
    const note = await screen.findByText(/PHQ-9 item 9 scored 0: not endorsed/);
    expect(note).toHaveTextContent('This is not an assurance of safety.');
    expect(document.body.textContent).not.toMatch(/\bsafe\b/i);
  });
});

describe('finishing and editing (review findings)', () => {
  it('finish waits for the last save and drops scales that were offered but never touched', async () => {
    setPreference('defaultScales', ['HAMD-17', 'PHQ-9']);
    const { patientId, visitId } = await newVisit();
    const user = userEvent.setup();
    render(<VisitPage patientId={patientId} visitId={visitId} />);
    await user.click(await screen.findByLabelText(itemFieldPattern('PHQ-9', 1)));
    await user.keyboard('1010101010{Enter}');
    await waitFor(async () => {
      const record = await getPatientRecord(patientId);
      expect(record?.visits[0]?.status).toBe('final');
      expect(record?.assessments.map((a) => [a.scaleId, a.status])).toEqual([['PHQ-9', 'final']]);
    });
  });

  it('an edit of a finished visit says "Unsaved changes" until it is saved, then keeps history', async () => {
    const { patientId, visitId } = await newVisit();
    const user = userEvent.setup();
    const first = render(<VisitPage patientId={patientId} visitId={visitId} />);
    await user.click(await screen.findByLabelText(itemFieldPattern('PHQ-9', 1)));
    await user.keyboard('0000000000{Enter}');
    await waitFor(async () =>
      expect((await getPatientRecord(patientId))?.visits[0]?.status).toBe('final'),
    );
    first.unmount();

    render(<VisitPage patientId={patientId} visitId={visitId} />);
    await user.click(await screen.findByLabelText(itemFieldPattern('PHQ-9', 2)));
    await user.keyboard('3');
    expect(screen.getByText('Unsaved changes: PHQ-9. Click “Save changes”.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(
      await screen.findByText(/Changes saved; the previous values are kept/),
    ).toBeInTheDocument();
    const record = await getPatientRecord(patientId);
    expect(record?.assessments[0]?.entry).toMatchObject({
      responses: [0, 3, 0, 0, 0, 0, 0, 0, 0, 0],
    });
  });
});
