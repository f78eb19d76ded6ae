/** @vitest-environment happy-dom */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportSection, MAX_ERRORS_SHOWN } from '../../../../components/panel/import-section';
import type { ImportError } from '../../../../lib/export/types';

afterEach(cleanup);

const noop = () => {};

describe('ImportSection', () => {
  it('lists only the first errors of a file with 500,000, then says how many more, quickly', () => {
    const errors: ImportError[] = Array.from({ length: 500_000 }, (_, i) => ({
      record: i + 1,
      field: 'quote',
      message: 'Invalid type',
    }));
    const started = performance.now();
    render(
      <ImportSection
        preview={{ fileName: 'huge.json', add: 0, update: 0, skip: 0, errors }}
        onChooseFile={noop}
        onConfirm={noop}
        onCancel={noop}
      />,
    );
    const elapsed = performance.now() - started;
    const preview = screen.getByRole('region', { name: 'Preview of huge.json' });
    expect(preview.querySelectorAll('.clp-import-errors li')).toHaveLength(MAX_ERRORS_SHOWN);
    expect(MAX_ERRORS_SHOWN).toBe(100);
    expect(preview.querySelector('.clp-import-more')!.textContent).toBe('…and 499,900 more.');
    expect([...preview.querySelectorAll('dd')].map((d) => d.textContent)).toEqual(['0', '0', '0', '500000']);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('lists every error when there are few, with no "more" line', () => {
    render(
      <ImportSection
        preview={{ add: 1, update: 0, skip: 0, errors: [{ record: 2, id: 'x', field: 'url', message: 'bad' }] }}
        onChooseFile={noop}
        onConfirm={noop}
        onCancel={noop}
      />,
    );
    expect(screen.getByRole('listitem').textContent).toBe('Record 2 (x), field url: bad');
    expect(document.querySelector('.clp-import-more')).toBeNull();
  });

  it('says when dates in the future will be set to now', () => {
    render(
      <ImportSection
        preview={{ add: 3, update: 0, skip: 0, errors: [], clampedDates: 2 }}
        onChooseFile={noop}
        onConfirm={noop}
        onCancel={noop}
      />,
    );
    expect(document.querySelector('.clp-import-clamped')!.textContent).toBe(
      '2 notes had a date in the future; their dates will be set to now, so later edits are not lost to them.',
    );
  });
});
