import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { addEvent } from '../../db/events-repo';
import { createPatient } from '../../db/patients-repo';
import { getPatientRecord } from '../../db/patient-queries';
import { createVisit } from '../../db/visits-repo';
import { resetPreferences, setPreference } from '../../state/preferences';
import { expectOk, freshDatabase } from '../../../tests/integration/helpers';
import { VisitPage } from './VisitPage';

beforeEach(async () => {
  await freshDatabase();
  resetPreferences();
  setPreference('defaultScales', ['PHQ-9']);
});

async function open(birthYear = 1970) {
  const patient = expectOk(await createPatient({ code: 'D-1', birthYear }));
  const visit = expectOk(await createVisit({ patientId: patient.id, date: '2024-01-05' }));
  const user = userEvent.setup();
  render(<VisitPage patientId={patient.id} visitId={visit.id} />);
  const field = await screen.findByLabelText('Visit date');
  const storedDate = async () => (await getPatientRecord(patient.id))?.visits[0]?.date;
  return { user, field, storedDate, patient };
}

const retype = async (
  user: ReturnType<typeof userEvent.setup>,
  field: HTMLElement,
  date: string,
) => {
  await user.clear(field);
  if (date) await user.type(field, date);
  await user.tab();
};

describe('visit date', () => {
  it('a cleared date says so at the field (the visit keeps its date)', async () => {
    const { user, field, storedDate } = await open();
    await retype(user, field, '');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Visit date is required: the visit is still dated 2024-01-05.',
    );
    expect(await storedDate()).toBe('2024-01-05');
  });

  it('a date before the birth year is refused', async () => {
    const { user, field, storedDate } = await open(1970);
    await retype(user, field, '1907-01-05');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "The visit date 1907-01-05 is before the patient's birth year (1970).",
    );
    expect(await storedDate()).toBe('2024-01-05');
  });

  it('a date after today needs an explicit confirmation', async () => {
    const { user, field, storedDate } = await open();
    await retype(user, field, '2099-01-05');
    const dialog = await screen.findByRole('alertdialog', { name: 'A visit date after today?' });
    expect(dialog).toHaveTextContent('A mistyped year is the usual cause.');
    await user.click(screen.getByRole('button', { name: 'Correct the date' }));
    expect(field).toHaveValue('2024-01-05');
    expect(await storedDate()).toBe('2024-01-05');
    await retype(user, field, '2099-01-05');
    await user.click(await screen.findByRole('button', { name: 'Keep 2099-01-05' }));
    await waitFor(async () => expect(await storedDate()).toBe('2099-01-05'));
  });

  it('the heading says how long before the index event, in words', async () => {
    const patient = expectOk(await createPatient({ code: 'H-1' }));
    expectOk(
      await addEvent({
        patientId: patient.id,
        date: '2024-03-01',
        kind: 'single-dose',
        label: 'dezocine',
        isIndex: true,
      }),
    );
    const visit = expectOk(await createVisit({ patientId: patient.id, date: '1971-05-01' }));
    render(<VisitPage patientId={patient.id} visitId={visit.id} />);
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading).toHaveTextContent('Visit of 1971-05-01 · about 53 years before dezocine');
    expect(heading.textContent).not.toMatch(/−|\d+ d after/);
  });
});
