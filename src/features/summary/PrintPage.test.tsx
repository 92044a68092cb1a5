import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { acknowledgeSafetyFlag, listOpenSafetyFlags } from '../../db/safety-repo';
import { getMeta } from '../../db/meta-repo';
import { createPatient } from '../../db/patients-repo';
import { createVisit, finalizeVisit } from '../../db/visits-repo';
import { saveDraftAssessment } from '../../db/assessments-repo';
import { resetPreferences } from '../../state/preferences';
import { expectOk, freshDatabase, importFixture, phq9 } from '../../../tests/integration/helpers';
import { PrintPage } from './PrintPage';

// jsdom has no canvas: the charts draw through a stub that renders an empty <canvas>.
vi.mock('react-chartjs-2', async () => {
  const stub = await import('../../charts/testing/line-stub');
  return { Line: stub.LineStub };
});

const REFERENCE_ID = 'de20c1e0-0000-4000-8000-000000000001';

const sheet = () => screen.getByRole('article', { name: /Patient summary of/ });
const rowOf = (label: string) => {
  const header = within(sheet()).getByRole('rowheader', { name: label });
  const row = header.closest('tr');
  if (!row) throw new Error(`${label} is not in a table row`);
  return within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent);
};

beforeEach(async () => {
  await freshDatabase();
  resetPreferences();
});

describe('PrintPage', () => {
  it('says it is loading, then that an unknown patient is not there', async () => {
    render(<PrintPage patientId="no-such-patient" />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
    expect(await screen.findByRole('heading', { name: 'Patient not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the patient list' })).toHaveAttribute(
      'href',
      '#/',
    );
  });

  it('prints the reference case: code only, Table 1, the relapse, the rules and the notices', async () => {
    await importFixture();
    render(<PrintPage patientId={REFERENCE_ID} />);
    await screen.findByRole('heading', { name: 'Patient summary' });
    const page = within(sheet());
    expect(page.getByText('DEZ-001')).toBeInTheDocument();
    expect(page.getByText('Recurrent major depressive disorder (since 2014)')).toBeInTheDocument();
    expect(rowOf('HAMD-17 total')).toEqual(['18s', '2s', '5s', '10s', '17s']);
    expect(rowOf('MADRS total')).toEqual(['23s', '4s', '9s', '15s', '22s']);
    expect(rowOf('PHQ-9 total')).toEqual(['14s', '1s', '2s', '8s', '12s']);
    expect(rowOf('DARS total (higher = better)')).toEqual(['17s', '52s', '49s', '35s', '28s']);
    expect(
      page.getAllByRole('rowheader', { name: 'Change from baseline: points (% reduction)' }),
    ).toHaveLength(3);
    expect(page.getByText('−16 (88.89 %)')).toBeInTheDocument();
    const courseTable = within(page.getByRole('table', { name: /Scores by visit/ }));
    expect(courseTable.getAllByText('relapse')).toHaveLength(3);
    // The index event is marked in words, not only in bold.
    expect(
      page.getByRole('row', { name: /INDEX ▶ dezocine 0\.1 mg\/kg IV, 5 mg total/ }),
    ).toBeInTheDocument();
    // Primary scale figures, then one line for each other scale.
    expect(page.getByRole('region', { name: 'HAMD-17 course figures' })).toBeInTheDocument();
    expect(
      page.getByText(
        /response 1 wk · remission 1 wk · response lasted 2 wk · relapse 4 wk · nadir 4 \(2023-12-07\)/,
      ),
    ).toHaveTextContent(/^MADRS/);
    // Both charts at print size, and the footer.
    expect(page.getAllByRole('figure')).toHaveLength(2);
    expect(page.getByText(/relapse HAMD-17 ≥ 16 after response/)).toBeInTheDocument();
    expect(page.getByText(/The Royal College of Psychiatrists/)).toBeInTheDocument();
    expect(page.getByText('Summary data')).toBeInTheDocument();
    expect(page.getByText(/No safety item was flagged/)).toBeInTheDocument();
  });

  it('prints only the scales and dates chosen, keeping the baseline', async () => {
    await importFixture();
    const user = userEvent.setup();
    render(<PrintPage patientId={REFERENCE_ID} />);
    await screen.findByRole('heading', { name: 'Patient summary' });
    await user.click(screen.getByRole('checkbox', { name: 'MADRS' }));
    expect(
      within(sheet()).queryByRole('rowheader', { name: 'MADRS total' }),
    ).not.toBeInTheDocument();
    // A date input takes a whole date at once (as the browser's date picker gives it).
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2023-12-20' } });
    expect(rowOf('HAMD-17 total')).toEqual(['18s', '10s', '17s']);
    expect(within(sheet()).getByText(/dates chosen; baseline kept/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Whole course' }));
    expect(rowOf('HAMD-17 total')).toHaveLength(5);
  });

  it('shows patient-entered text as text, never as markup', async () => {
    const name = '<img src=x onerror=alert(1)>';
    const patient = expectOk(
      await createPatient({ code: 'XSS-1', name, diagnosis: '<script>alert(2)</script>' }),
    );
    const user = userEvent.setup();
    const { container } = render(<PrintPage patientId={patient.id} />);
    await screen.findByRole('heading', { name: 'Patient summary' });
    // Code only until the clinician chooses to show the name.
    expect(within(sheet()).queryByText(name, { exact: false })).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Show patient name' }));
    expect(within(sheet()).getByText(name, { exact: false })).toBeInTheDocument();
    expect(within(sheet()).getByText('<script>alert(2)</script>')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Clinic header line'), '<b>Clinic</b>');
    expect(within(sheet()).getByText('<b>Clinic</b>')).toBeInTheDocument();
    expect(container.querySelector('img, script')).toBeNull();
    expect([...container.querySelectorAll('b')].map((b) => b.textContent)).not.toContain('Clinic');
  });

  it('saves the clinic header line as a setting', async () => {
    await importFixture();
    const user = userEvent.setup();
    render(<PrintPage patientId={REFERENCE_ID} />);
    await screen.findByRole('heading', { name: 'Patient summary' });
    await user.type(screen.getByLabelText('Clinic header line'), 'Mood Clinic · Ward 4');
    await user.click(screen.getByRole('button', { name: 'Save header' }));
    expect(await screen.findByText('Header saved.')).toBeInTheDocument();
    await waitFor(async () => {
      expect(await getMeta('clinicHeader')).toBe('Mood Clinic · Ward 4');
    });
    expect(within(sheet()).getByText('Mood Clinic · Ward 4')).toBeInTheDocument();
  });

  it('prints a flag with its acknowledgement, and an open flag as NOT acknowledged', async () => {
    const patient = expectOk(await createPatient({ code: 'P-9' }));
    for (const [date, item9] of [
      ['2024-01-03', 2],
      ['2024-01-10', 1],
    ] as const) {
      const visit = expectOk(await createVisit({ patientId: patient.id, date }));
      expectOk(
        await saveDraftAssessment({ visitId: visit.id, scaleId: 'PHQ-9', entry: phq9(item9) }),
      );
      expectOk(await finalizeVisit(visit.id));
    }
    const older = (await listOpenSafetyFlags(patient.id)).find((f) => f.date === '2024-01-03');
    if (!older) throw new Error('the 2024-01-03 flag is missing');
    expectOk(
      await acknowledgeSafetyFlag({
        assessmentId: older.assessmentId,
        item: 9,
        acknowledgedBy: 'Dr Lyu',
        note: 'Safety plan agreed',
      }),
    );

    render(<PrintPage patientId={patient.id} />);
    await screen.findByRole('heading', { name: /Safety items · 1 NOT acknowledged/ });
    const items = within(sheet())
      .getAllByRole('listitem')
      .filter((li) => li.textContent.includes('PHQ-9 item 9'));
    expect(items[0]).toHaveTextContent(/2024-01-10 · PHQ-9 item 9 = 1.*NOT acknowledged\./);
    expect(items[1]).toHaveTextContent(
      /2024-01-03 · PHQ-9 item 9 = 2.*Acknowledged by Dr Lyu on \d{4}-\d\d-\d\d \d\d:\d\d: “Safety plan agreed”\./,
    );
  });
});
