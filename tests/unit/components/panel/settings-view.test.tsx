// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseSite, SettingsView, type SettingsViewProps } from '../../../../components/panel/settings-view';
import { DEFAULT_SETTINGS, type Settings } from '../../../../lib/settings/types';

afterEach(cleanup);

function Harness(props: Partial<SettingsViewProps> & { spy?: (s: Settings) => void }) {
  const [settings, setSettings] = useState<Settings>(props.settings ?? DEFAULT_SETTINGS);
  return (
    <SettingsView
      storage={{ annotations: 1234, bytes: 2_500_000 }}
      onExport={() => {}}
      onChooseFile={() => {}}
      onConfirmImport={() => {}}
      onCancelImport={() => {}}
      {...props}
      settings={settings}
      onChange={(s) => {
        props.spy?.(s);
        setSettings(s);
      }}
    />
  );
}

describe('SettingsView', () => {
  it('turns entity types off', () => {
    const spy = vi.fn();
    render(<Harness spy={spy} />);
    const agencies = screen.getByRole('checkbox', { name: 'Agencies' }) as HTMLInputElement;
    expect(agencies.checked).toBe(true);
    fireEvent.click(agencies);
    expect(spy).toHaveBeenLastCalledWith({
      ...DEFAULT_SETTINGS,
      enabledTypes: { chip: true, agency: false, company: true, policy: true },
    });
    expect(agencies.checked).toBe(false);
  });

  it('adds, validates and removes disabled sites', () => {
    const spy = vi.fn();
    render(<Harness spy={spy} currentSite="www.reuters.com" />);
    fireEvent.click(screen.getByRole('button', { name: 'Turn off on www.reuters.com' }));
    expect(spy).toHaveBeenLastCalledWith(expect.objectContaining({ disabledSites: ['www.reuters.com'] }));
    const input = screen.getByRole('textbox', { name: 'Add a site' });
    fireEvent.input(input, { target: { value: 'not a site' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByText('Enter a site such as www.example.com')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(input, { target: { value: 'https://www.FT.com/content/abc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(spy).toHaveBeenLastCalledWith(expect.objectContaining({ disabledSites: ['www.ft.com', 'www.reuters.com'] }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove www.reuters.com' }));
    expect(spy).toHaveBeenLastCalledWith(expect.objectContaining({ disabledSites: ['www.ft.com'] }));
  });

  it('lists hidden matches and shows them again', () => {
    const spy = vi.fn();
    const settings = {
      ...DEFAULT_SETTINGS,
      suppressions: [{ site: 'www.bbc.co.uk', entityId: 'bis', alias: 'BIS' }],
    };
    render(
      <Harness spy={spy} settings={settings} entityNames={new Map([['bis', 'Bureau of Industry and Security']])} />,
    );
    fireEvent.click(
      screen.getByRole('button', { name: 'Show again: “BIS” as Bureau of Industry and Security on www.bbc.co.uk' }),
    );
    expect(spy).toHaveBeenLastCalledWith(expect.objectContaining({ suppressions: [] }));
  });

  it('sets the hover delay within bounds and the theme', () => {
    const spy = vi.fn();
    render(<Harness spy={spy} />);
    const num = screen.getByRole('spinbutton', { name: 'Hover delay in milliseconds' });
    fireEvent.change(num, { target: { value: '400' } });
    expect(spy).toHaveBeenLastCalledWith(expect.objectContaining({ hoverDelayMs: 400 }));
    fireEvent.change(num, { target: { value: '99999' } });
    expect(spy).toHaveBeenLastCalledWith(expect.objectContaining({ hoverDelayMs: 2000 }));
    expect((screen.getByRole('slider', { name: 'Hover delay' }) as HTMLInputElement).value).toBe('2000');
    fireEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(spy).toHaveBeenLastCalledWith(expect.objectContaining({ theme: 'dark' }));
  });

  it('shows storage used', () => {
    render(<Harness />);
    expect(screen.getByText('1,234 notes, 2.4 MB used')).toBeTruthy();
  });

  it('exports the chosen scope in the chosen format', () => {
    const onExport = vi.fn();
    render(<Harness onExport={onExport} scopeCounts={{ page: 0, filter: 12, all: 1234 }} />);
    const scope = screen.getByRole('combobox', { name: 'Notes to export' }) as HTMLSelectElement;
    expect(scope.value).toBe('filter');
    expect((within(scope).getByRole('option', { name: 'This page (0)' }) as HTMLOptionElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Markdown' }));
    expect(onExport).toHaveBeenLastCalledWith('filter', 'md');
    fireEvent.change(scope, { target: { value: 'all' } });
    fireEvent.click(screen.getByRole('button', { name: 'W3C JSON-LD' }));
    expect(onExport).toHaveBeenLastCalledWith('all', 'jsonld');
    for (const name of ['JSON backup', 'CSV']) expect(screen.getByRole('button', { name })).toBeTruthy();
  });

  it('imports through a file input, a preview with specific errors, and an "Import" button', () => {
    const onChooseFile = vi.fn();
    const onConfirmImport = vi.fn();
    const onCancelImport = vi.fn();
    const { rerender } = render(
      <Harness onChooseFile={onChooseFile} onConfirmImport={onConfirmImport} onCancelImport={onCancelImport} />,
    );
    const input = screen.getByLabelText('Choose a ChipLens JSON backup or W3C JSON-LD file') as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(input.accept).toContain('.jsonld');
    const file = new File(['{"annotations":[]}'], 'chiplens-backup.json', { type: 'application/json' });
    fireEvent.change(input, { target: { files: [file] } });
    expect(onChooseFile).toHaveBeenCalledWith(file);
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();

    rerender(
      <Harness
        onChooseFile={onChooseFile}
        onConfirmImport={onConfirmImport}
        onCancelImport={onCancelImport}
        importPreview={{
          fileName: 'chiplens-backup.json',
          add: 3,
          update: 1,
          skip: 2,
          errors: [{ record: 4, field: 'quote.exact', message: 'must not be empty' }],
        }}
      />,
    );
    const preview = screen.getByRole('region', { name: 'Preview of chiplens-backup.json' });
    const counts = [...preview.querySelectorAll('dl > div')].map((d) => d.textContent);
    expect(counts).toEqual(['New3', 'Updated1', 'Skipped2', 'Errors1']);
    expect(preview.querySelector('li')!.textContent).toBe('Record 4, field quote.exact: must not be empty');
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(onConfirmImport).toHaveBeenCalledOnce();
    fireEvent.click(within(preview).getByRole('button', { name: 'Cancel' }));
    expect(onCancelImport).toHaveBeenCalledOnce();
  });

  it('disables Import when nothing would change', () => {
    render(<Harness importPreview={{ add: 0, update: 0, skip: 5, errors: [] }} />);
    expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('announces results as status and failures as alerts', () => {
    const { rerender } = render(<Harness message={{ kind: 'status', text: 'Imported 4 notes' }} />);
    expect(screen.getByRole('status').textContent).toBe('Imported 4 notes');
    expect(screen.getByRole('alert').textContent).toBe('');
    rerender(<Harness message={{ kind: 'error', text: 'That file is not JSON' }} />);
    expect(screen.getByRole('alert').textContent).toBe('That file is not JSON');
  });
});

describe('parseSite', () => {
  it.each([
    ['www.reuters.com', 'www.reuters.com'],
    ['  WWW.Reuters.COM ', 'www.reuters.com'],
    ['https://www.ft.com/content/x?y=1', 'www.ft.com'],
    ['localhost', 'localhost'],
    ['not a site', null],
    ['', null],
    ['javascript:alert(1)', null],
  ])('%j -> %j', (raw, want) => {
    expect(parseSite(raw)).toBe(want);
  });
});
