import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, it } from 'vitest';
import { getPatientRecord } from '../../db/patient-queries';
import { resetPreferences, setPreference } from '../../state/preferences';
import { freshDatabase, newDraftVisit } from '../../../tests/integration/helpers';
import { VisitPage } from './VisitPage';
import { itemFieldPattern } from './item-name';

beforeEach(async () => {
  await freshDatabase();
  resetPreferences();
  setPreference('defaultScales', ['HAMD-17']);
});

it('records whether HAMD-17 item 16 was rated as 16A or 16B, keeping the responses', async () => {
  const { patientId, visitId } = await newDraftVisit();
  const user = userEvent.setup();
  render(<VisitPage patientId={patientId} visitId={visitId} />);
  await user.click(await screen.findByLabelText(itemFieldPattern('HAMD-17', 1)));
  await user.keyboard('2');
  const group = screen.getByRole('group', { name: 'HAMD-17 item 16 rated as' });
  expect(group).toBeInTheDocument();
  await user.click(screen.getByRole('radio', { name: '16B: by measured weight' }));
  await waitFor(async () => {
    const entry = (await getPatientRecord(patientId))?.assessments[0]?.entry;
    expect(entry).toMatchObject({ variants: { '16': 'B' } });
    expect(entry?.mode === 'items' && entry.responses[0]).toBe(2);
  });
  await user.click(screen.getByLabelText(itemFieldPattern('HAMD-17', 2)));
  await user.keyboard('1');
  await waitFor(async () =>
    expect((await getPatientRecord(patientId))?.assessments[0]?.entry).toMatchObject({
      variants: { '16': 'B' },
      responses: [
        2,
        1,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
      ],
    }),
  );
});
