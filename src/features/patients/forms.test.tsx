import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { createPatient } from '../../db/patients-repo';
import { getPatientRecord } from '../../db/patient-queries';
import { resetPreferences } from '../../state/preferences';
import { expectOk, freshDatabase } from '../../../tests/integration/helpers';
import { EventForm } from './EventForm';
import { PatientFormPage } from './PatientFormPage';

beforeEach(async () => {
  await freshDatabase();
  resetPreferences();
});

/** The field carries its error: aria-invalid, and aria-describedby pointing at the message. */
function expectFieldError(field: HTMLElement, message: string) {
  expect(field).toHaveAttribute('aria-invalid', 'true');
  const id = field.getAttribute('aria-describedby');
  expect(id).toBeTruthy();
  expect(document.getElementById(id!)).toHaveTextContent(message);
}

describe('patient form errors, in plain words at the field', () => {
  it('an empty code: "Patient code is required", focus on the field', async () => {
    const user = userEvent.setup();
    render(<PatientFormPage />);
    await user.click(screen.getByRole('button', { name: 'Create patient' }));
    const code = screen.getByLabelText('Patient code (pseudonymous, unique)');
    expectFieldError(code, 'Patient code is required.');
    expect(code).toHaveFocus();
    expect(document.body.textContent).not.toMatch(/code: |Invalid input/);
  });

  it('a code that only looks different ("DUP‑1", non-breaking hyphen) is refused at the code field', async () => {
    expectOk(await createPatient({ code: 'DUP-1' }));
    const user = userEvent.setup();
    render(<PatientFormPage />);
    await user.type(screen.getByLabelText('Patient code (pseudonymous, unique)'), 'DUP\u20111');
    await user.click(screen.getByLabelText('Birth year'));
    await user.click(screen.getByRole('button', { name: 'Create patient' }));
    const code = await screen.findByLabelText('Patient code (pseudonymous, unique)');
    await waitFor(() => expect(code).toHaveAttribute('aria-invalid', 'true'));
    expectFieldError(code, 'is already used by another patient (as "DUP-1"');
    expect(code).toHaveFocus();
  });

  it('a bad birth year is tied to its field and focused', async () => {
    const user = userEvent.setup();
    render(<PatientFormPage />);
    await user.type(screen.getByLabelText('Patient code (pseudonymous, unique)'), 'Y-1');
    await user.type(screen.getByLabelText('Birth year'), '19x');
    await user.click(screen.getByRole('button', { name: 'Create patient' }));
    const year = screen.getByLabelText('Birth year');
    expectFieldError(year, 'Birth year must be a year from 1900 to');
    expect(year).toHaveFocus();
  });
});

describe('treatment event form', () => {
  const setup = async () => {
    const patient = expectOk(await createPatient({ code: 'E-1' }));
    const user = userEvent.setup();
    let done = 0;
    render(<EventForm patientId={patient.id} onDone={() => (done += 1)} />);
    const events = async () => (await getPatientRecord(patient.id))?.events ?? [];
    return { user, events, done: () => done };
  };

  it.each([
    ['-5', 'Dose must not be negative'],
    ['1e3', 'Dose must be a number written with digits'],
  ])('a dose of %j is refused at the field: %s', async (dose, message) => {
    const { user, events } = await setup();
    await user.type(screen.getByLabelText('Date'), '2024-01-03');
    await user.type(screen.getByLabelText('Label (shown on charts)'), 'ketamine');
    await user.type(screen.getByLabelText('Dose'), dose);
    await user.click(screen.getByRole('button', { name: 'Add event' }));
    const field = screen.getByLabelText('Dose');
    expectFieldError(field, message);
    expect(field).toHaveFocus();
    expect(await events()).toEqual([]);
  });

  it('an empty date says "Date is required"', async () => {
    const { user } = await setup();
    await user.type(screen.getByLabelText('Label (shown on charts)'), 'ketamine');
    await user.click(screen.getByRole('button', { name: 'Add event' }));
    expectFieldError(screen.getByLabelText('Date'), 'Date is required');
  });

  it('an event after today needs an explicit confirmation; the safe choice has the focus', async () => {
    const { user, events, done } = await setup();
    await user.type(screen.getByLabelText('Date'), '2099-01-03');
    await user.type(screen.getByLabelText('Label (shown on charts)'), 'ketamine');
    await user.click(screen.getByRole('button', { name: 'Add event' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'An event after today?' });
    expect(dialog).toHaveTextContent('A mistyped year is the usual cause');
    expect(screen.getByRole('button', { name: 'Correct the date' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(await events()).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Add event' }));
    await user.click(await screen.findByRole('button', { name: 'Keep 2099-01-03' }));
    await waitFor(() => expect(done()).toBe(1));
    expect((await events()).map((e) => e.date)).toEqual(['2099-01-03']);
  });
});
