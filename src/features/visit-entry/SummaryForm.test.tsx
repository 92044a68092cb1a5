import { useState } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { emptySummaryEntry, type SummaryEntry } from '../../domain/assessment';
import { getScale } from '../../domain/scales/registry';
import type { ScaleId } from '../../domain/scale-types';
import { SummaryForm } from './SummaryForm';

function Harness({ scaleId, onEntry }: { scaleId: ScaleId; onEntry: (e: SummaryEntry) => void }) {
  const [entry, setEntry] = useState<SummaryEntry>(emptySummaryEntry());
  return (
    <SummaryForm
      scale={getScale(scaleId)}
      entry={entry}
      onChange={(e) => {
        setEntry(e);
        onEntry(e);
      }}
    />
  );
}

const setup = (scaleId: ScaleId) => {
  const stored: SummaryEntry[] = [];
  render(<Harness scaleId={scaleId} onEntry={(e) => stored.push(e)} />);
  return { user: userEvent.setup(), last: () => stored[stored.length - 1], stored };
};

describe('summary entry', () => {
  it('is marked as summary data', () => {
    setup('HAMD-17');
    expect(screen.getByText(/Summary data: transcribed totals/)).toBeInTheDocument();
  });

  // Dezocine case, Table 1, week 1 (Wang, Lyu & Zhao 2024): DARS 52 = 15 + 9 + 10 + 18.
  it('accepts the DARS week-1 figures, whose domains add up to the total', async () => {
    const { user, last } = setup('DARS');
    await user.type(screen.getByLabelText('DARS total'), '52');
    await user.type(screen.getByLabelText('DARS Pastimes/hobbies'), '15');
    await user.type(screen.getByLabelText('DARS Food/drinks'), '9');
    await user.type(screen.getByLabelText('DARS Social activities'), '10');
    await user.type(screen.getByLabelText('DARS Sensory experiences'), '18');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(last()).toEqual({
      mode: 'summary',
      total: 52,
      subscales: { hobbies: 15, food: 9, social: 10, sensory: 18 },
      items: {},
    });
  });

  it('refuses domains that do not add up to the total, at the field, storing nothing new', async () => {
    const { user, last } = setup('DARS');
    await user.type(screen.getByLabelText('DARS total'), '50');
    await user.type(screen.getByLabelText('DARS Pastimes/hobbies'), '15');
    await user.type(screen.getByLabelText('DARS Food/drinks'), '9');
    await user.type(screen.getByLabelText('DARS Social activities'), '10');
    await user.type(screen.getByLabelText('DARS Sensory experiences'), '18');
    expect(screen.getByRole('alert')).toHaveTextContent('add up to 52, but the total is 50');
    expect(screen.getByLabelText('DARS Sensory experiences')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(last()?.subscales).toEqual({ hobbies: 15, food: 9, social: 10 });
  });

  it('refuses an out-of-range total and a non-number', async () => {
    const { user, last } = setup('HAMD-17');
    await user.type(screen.getByLabelText('HAMD-17 total'), '53');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'HAMD-17 total must be between 0 and 52 (got 53).',
    );
    // "5" on the way to "53" was never stored (issue 12: no plausible wrong total).
    expect(last()).toBeUndefined();
    await user.clear(screen.getByLabelText('HAMD-17 total'));
    await user.type(screen.getByLabelText('HAMD-17 total'), '1.5');
    expect(screen.getByRole('alert')).toHaveTextContent('whole number');
  });

  it('never stores a two-digit total by its first digit; a one-digit total on Enter or when no digit can follow', async () => {
    const { user, stored } = setup('HAMD-17');
    const total = screen.getByLabelText('HAMD-17 total');
    await user.type(total, '4');
    expect(stored).toEqual([]);
    expect(screen.getByText(/In progress, not saved yet/)).toBeInTheDocument();
    await user.type(total, '0');
    expect(stored.map((e) => e.total)).toEqual([40]);
    await user.clear(total);
    await user.type(total, '3');
    expect(stored.map((e) => e.total)).toEqual([40, null]);
    await user.type(total, '{Enter}');
    expect(stored.map((e) => e.total)).toEqual([40, null, 3]);
    // 7 cannot grow into a HAMD-17 total (70 > 52): complete at once.
    await user.clear(total);
    await user.type(total, '7');
    expect(stored.at(-1)?.total).toBe(7);
  });

  it('offers the flagged single items: HAMD-17 item 7 (anhedonia) and item 3 (safety)', async () => {
    const { user, last } = setup('HAMD-17');
    expect(screen.getByLabelText('HAMD-17 item 3')).toBeInTheDocument();
    await user.type(screen.getByLabelText('HAMD-17 total'), '18');
    await user.type(screen.getByLabelText('HAMD-17 item 7'), '4');
    expect(last()).toMatchObject({ total: 18, items: { '7': 4 } });
    await user.type(screen.getByLabelText('HAMD-17 item 7'), '{Backspace}5');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'HAMD-17 item 7 must be between 0 and 4 (got 5).',
    );
  });
});

describe('a refused value never sits on screen without its message (review finding)', () => {
  it('keeps the Social error while another domain is then accepted', async () => {
    const { user, last } = setup('DARS');
    await user.type(screen.getByLabelText('DARS total'), '52');
    await user.type(screen.getByLabelText('DARS Pastimes/hobbies'), '15');
    await user.type(screen.getByLabelText('DARS Food/drinks'), '9');
    await user.type(screen.getByLabelText('DARS Social activities'), '3');
    await user.type(screen.getByLabelText('DARS Sensory experiences'), '18');
    const social = screen.getByLabelText('DARS Social activities');
    expect(social).toHaveValue('3');
    expect(social).toHaveAttribute('aria-invalid', 'true');
    expect(last()?.subscales).toEqual({ hobbies: 15, food: 9, sensory: 18 });
  });
});
