import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { download } from '../../src/components/download';
import { getMeta } from '../../src/db/meta-repo';
import { ExportPanel } from '../../src/features/data/ExportPanel';
import { freshDatabase, importFixture } from './helpers';

vi.mock('../../src/components/download', () => ({ download: vi.fn() }));

beforeEach(async () => {
  await freshDatabase();
  vi.mocked(download).mockReset();
});

describe('the backup button', () => {
  it('records the last backup only after the file was handed to the browser', async () => {
    await importFixture();
    let recordedBeforeHandOver: string | null = 'not called';
    vi.mocked(download).mockImplementation(() => {
      void getMeta('lastExportAt').then((v) => (recordedBeforeHandOver = v));
    });
    render(<ExportPanel />);
    await userEvent.click(screen.getByRole('button', { name: 'Export backup (.json.gz)' }));
    expect(
      await screen.findByText(
        /^Backup saved as trajectory-backup-.*\.json\.gz .*: 1 patient, 20 assessments\.$/,
      ),
    ).toBeVisible();
    expect(vi.mocked(download)).toHaveBeenCalledTimes(1);
    expect(vi.mocked(download).mock.calls[0]?.[1]).toMatch(/\.json\.gz$/);
    expect(recordedBeforeHandOver).toBeNull();
    expect(await getMeta('lastExportAt')).toEqual(expect.any(String));
  });

  it('says when the file could not be handed over, and records nothing', async () => {
    await importFixture();
    vi.mocked(download).mockImplementation(() => {
      throw new Error('blocked by the browser');
    });
    render(<ExportPanel />);
    await userEvent.click(screen.getByRole('button', { name: 'Export backup (.json.gz)' }));
    expect(
      await screen.findByText(
        'The backup file could not be handed to the browser (blocked by the browser); the last backup date is unchanged.',
      ),
    ).toBeVisible();
    expect(await getMeta('lastExportAt')).toBeNull();
    expect(screen.getByText('never')).toBeVisible();
  });

  it('says when the export failed, and records nothing', async () => {
    await importFixture();
    vi.spyOn(globalThis, 'CompressionStream').mockImplementation(function () {
      throw new Error('out of memory');
    });
    render(<ExportPanel />);
    await userEvent.click(screen.getByRole('button', { name: 'Export backup (.json.gz)' }));
    expect(
      await screen.findByText(
        'The backup failed; the last backup date is unchanged. The backup could not be written (out of memory). Nothing was saved.',
      ),
    ).toBeVisible();
    expect(vi.mocked(download)).not.toHaveBeenCalled();
    expect(await getMeta('lastExportAt')).toBeNull();
  });
});
