import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../db/db';
import { resetPreferences } from '../../state/preferences';
import { freshDatabase, newDraftVisit } from '../../../tests/integration/helpers';
import { PatientPage } from './PatientPage';

beforeEach(async () => {
  await freshDatabase();
  resetPreferences();
});

describe('erasing a patient (right to erasure)', () => {
  it('asks in the app’s dialog, naming what goes; Keep changes nothing, Erase removes it all', async () => {
    const { patientId } = await newDraftVisit('ERASE-1', '2024-02-01');
    const user = userEvent.setup();
    render(<PatientPage patientId={patientId} />);
    const erase = await screen.findByRole('button', { name: /Erase/ });

    await user.click(erase);
    let dialog = await screen.findByRole('alertdialog', {
      name: 'Erase patient ERASE-1 for good?',
    });
    expect(dialog).toHaveTextContent(/1 visits/);
    expect(dialog).toHaveTextContent(/cannot be undone/);
    // The safe choice has focus: Enter never erases.
    expect(within(dialog).getByRole('button', { name: 'Keep the patient' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Keep the patient' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(await db.patients.get(patientId)).toBeDefined();

    await user.click(erase);
    dialog = await screen.findByRole('alertdialog', { name: 'Erase patient ERASE-1 for good?' });
    await user.click(within(dialog).getByRole('button', { name: 'Erase ERASE-1' }));
    await waitFor(async () => expect(await db.patients.get(patientId)).toBeUndefined());
    expect(await db.visits.where('patientId').equals(patientId).count()).toBe(0);
    expect(await db.history.where('patientId').equals(patientId).count()).toBe(0);
  });
});
