/**
 * "Settings": entity types on/off, sites where ChipLens is off, hidden matches, hover delay, theme, storage used,
 * export (scope + format) and import (file, preview, confirm). Changes go out through onChange as a whole new
 * Settings object; the caller validates and stores it.
 */
import { useId, useState } from 'preact/hooks';
import { ENTITY_TYPES } from '../../lib/dataset/types';
import type { Settings, Theme } from '../../lib/settings/types';
import { formatBytes, plural, TYPE_PLURAL } from './format';
import { ImportSection } from './import-section';
import type { ExportFormat, ExportScope, ImportPreview, PanelMessage } from './types';

export const HOVER_DELAY_MIN = 0;
export const HOVER_DELAY_MAX = 2000;
const HOVER_DELAY_STEP = 50;

export const EXPORT_FORMATS: readonly { format: ExportFormat; label: string }[] = [
  { format: 'json', label: 'JSON backup' },
  { format: 'jsonld', label: 'W3C JSON-LD' },
  { format: 'md', label: 'Markdown' },
  { format: 'csv', label: 'CSV' },
];

const SCOPE_LABELS: Readonly<Record<ExportScope, string>> = {
  page: 'This page',
  filter: "Library's current filter",
  all: 'Everything',
};

const THEMES: readonly { value: Theme; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export interface SettingsViewProps {
  settings: Settings;
  /** The whole new settings object after one change. */
  onChange(next: Settings): void;
  storage: { annotations: number; bytes?: number };
  /** Hostname of the active tab, to offer "Turn off on this site". */
  currentSite?: string;
  /** Entity names by id, for the hidden-matches list. */
  entityNames?: ReadonlyMap<string, string>;
  /** Annotation counts per export scope; a scope with 0 is disabled. Unknown counts leave the scope enabled. */
  scopeCounts?: Partial<Record<ExportScope, number>>;
  onExport(scope: ExportScope, format: ExportFormat): void;
  /** A file was chosen for import; the caller parses it and passes importPreview back. */
  onChooseFile(file: File): void;
  /** What the chosen file would do; null/undefined when no file is pending. */
  importPreview?: ImportPreview | null;
  onConfirmImport(): void;
  onCancelImport(): void;
  /** True while an export or import runs (buttons disabled). */
  busy?: boolean;
  /** Outcome of the last export/import: status is announced politely, error assertively. */
  message?: PanelMessage | null;
}

/** A hostname from what the reader typed ("https://www.Reuters.com/x" -> "www.reuters.com"), or null if invalid. */
export function parseSite(raw: string): string | null {
  const t = raw.trim().toLowerCase();
  if (t === '') return null;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(t) ? t : `https://${t}`).hostname;
  } catch {
    return null;
  }
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) || host === 'localhost' ? host : null;
}

function clampDelay(n: number): number {
  if (!Number.isFinite(n)) return HOVER_DELAY_MIN;
  return Math.min(HOVER_DELAY_MAX, Math.max(HOVER_DELAY_MIN, Math.round(n)));
}

function SitesSection({
  settings,
  onChange,
  currentSite,
}: Pick<SettingsViewProps, 'settings' | 'onChange' | 'currentSite'>) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');
  const sites = settings.disabledSites;
  const add = (site: string) => {
    if (!sites.includes(site)) onChange({ ...settings, disabledSites: [...sites, site].sort() });
  };
  return (
    <section class="clp-settings-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} class="clp-group-heading">
        Sites where ChipLens is off
      </h2>
      {currentSite && !sites.includes(currentSite) && (
        <button type="button" class="clp-btn clp-btn-small" onClick={() => add(currentSite)}>
          Turn off on {currentSite}
        </button>
      )}
      {sites.length === 0 ? (
        <p class="clp-hint">None.</p>
      ) : (
        <ul class="clp-rows clp-site-list">
          {sites.map((s) => (
            <li key={s} class="clp-site">
              <span>{s}</span>
              <button
                type="button"
                class="clp-btn clp-btn-small"
                aria-label={`Remove ${s}`}
                onClick={() => onChange({ ...settings, disabledSites: sites.filter((x) => x !== s) })}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="clp-inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const site = parseSite(draft);
          if (!site) {
            setError('Enter a site such as www.example.com');
            return;
          }
          setError('');
          setDraft('');
          add(site);
        }}
      >
        <label for={`${id}-add`} class="clp-label">
          Add a site
        </label>
        <div class="clp-inline">
          <input
            id={`${id}-add`}
            type="text"
            inputMode="url"
            placeholder="www.example.com"
            value={draft}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-err` : undefined}
            onInput={(e) => setDraft(e.currentTarget.value)}
          />
          <button type="submit" class="clp-btn">
            Add
          </button>
        </div>
        {error && (
          <p id={`${id}-err`} class="clp-error">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}

/** The settings view. */
export function SettingsView(props: SettingsViewProps) {
  const { settings, onChange, storage, scopeCounts = {}, busy, message } = props;
  const id = useId();
  const firstEnabled = (['page', 'filter', 'all'] as const).find((s) => scopeCounts[s] !== 0) ?? 'all';
  const [scope, setScope] = useState<ExportScope>(firstEnabled);
  const scopeUsable = scopeCounts[scope] !== 0;
  const delay = settings.hoverDelayMs;
  const setDelay = (n: number) => onChange({ ...settings, hoverDelayMs: clampDelay(n) });

  return (
    <div class="clp-settings">
      <fieldset class="clp-settings-section">
        <legend class="clp-group-heading">Show cards for</legend>
        {ENTITY_TYPES.map((t) => (
          <label key={t} class="clp-check">
            <input
              type="checkbox"
              checked={settings.enabledTypes[t]}
              onChange={(e) =>
                onChange({ ...settings, enabledTypes: { ...settings.enabledTypes, [t]: e.currentTarget.checked } })
              }
            />
            {TYPE_PLURAL[t]}
          </label>
        ))}
      </fieldset>

      <SitesSection settings={settings} onChange={onChange} currentSite={props.currentSite} />

      {settings.suppressions.length > 0 && (
        <section class="clp-settings-section" aria-labelledby={`${id}-sup`}>
          <h2 id={`${id}-sup`} class="clp-group-heading">
            Hidden matches
          </h2>
          <ul class="clp-rows clp-site-list">
            {settings.suppressions.map((s) => {
              const what = `“${s.alias}” as ${props.entityNames?.get(s.entityId) ?? s.entityId} on ${s.site}`;
              return (
                <li key={`${s.site}|${s.entityId}|${s.alias}`} class="clp-site">
                  <span>{what}</span>
                  <button
                    type="button"
                    class="clp-btn clp-btn-small"
                    aria-label={`Show again: ${what}`}
                    onClick={() =>
                      onChange({ ...settings, suppressions: settings.suppressions.filter((x) => x !== s) })
                    }
                  >
                    Show again
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <section class="clp-settings-section" aria-labelledby={`${id}-hover`}>
        <h2 id={`${id}-hover`} class="clp-group-heading">
          Hover delay
        </h2>
        <div class="clp-inline">
          <input
            type="range"
            aria-label="Hover delay"
            aria-valuetext={`${delay} milliseconds`}
            min={HOVER_DELAY_MIN}
            max={HOVER_DELAY_MAX}
            step={HOVER_DELAY_STEP}
            value={delay}
            onChange={(e) => setDelay(e.currentTarget.valueAsNumber)}
          />
          <label class="clp-inline">
            <span class="clp-sr-only">Hover delay in milliseconds</span>
            <input
              type="number"
              class="clp-num"
              min={HOVER_DELAY_MIN}
              max={HOVER_DELAY_MAX}
              step={HOVER_DELAY_STEP}
              value={delay}
              onChange={(e) => setDelay(e.currentTarget.valueAsNumber)}
            />
            <span aria-hidden="true">ms</span>
          </label>
        </div>
      </section>

      <fieldset class="clp-settings-section">
        <legend class="clp-group-heading">Theme</legend>
        {THEMES.map((t) => (
          <label key={t.value} class="clp-check">
            <input
              type="radio"
              name={`${id}-theme`}
              value={t.value}
              checked={settings.theme === t.value}
              onChange={() => onChange({ ...settings, theme: t.value })}
            />
            {t.label}
          </label>
        ))}
      </fieldset>

      <section class="clp-settings-section" aria-labelledby={`${id}-storage`}>
        <h2 id={`${id}-storage`} class="clp-group-heading">
          Storage
        </h2>
        <p>
          {plural(storage.annotations, 'note')}
          {storage.bytes !== undefined && `, ${formatBytes(storage.bytes)} used`}
        </p>
      </section>

      <section class="clp-settings-section" aria-labelledby={`${id}-export`}>
        <h2 id={`${id}-export`} class="clp-group-heading">
          Export
        </h2>
        <label for={`${id}-scope`} class="clp-label">
          Notes to export
        </label>
        <select id={`${id}-scope`} value={scope} onChange={(e) => setScope(e.currentTarget.value as ExportScope)}>
          {(Object.keys(SCOPE_LABELS) as ExportScope[]).map((s) => (
            <option key={s} value={s} disabled={scopeCounts[s] === 0}>
              {SCOPE_LABELS[s]}
              {scopeCounts[s] !== undefined ? ` (${scopeCounts[s]})` : ''}
            </option>
          ))}
        </select>
        <fieldset class="clp-actions clp-wrap clp-bare">
          <legend class="clp-sr-only">Export as</legend>
          {EXPORT_FORMATS.map((f) => (
            <button
              key={f.format}
              type="button"
              class="clp-btn"
              disabled={busy || !scopeUsable}
              onClick={() => props.onExport(scope, f.format)}
            >
              {f.label}
            </button>
          ))}
        </fieldset>
      </section>

      <ImportSection
        preview={props.importPreview ?? null}
        busy={busy}
        onChooseFile={props.onChooseFile}
        onConfirm={props.onConfirmImport}
        onCancel={props.onCancelImport}
      />

      <div role="status" class="clp-message">
        {message?.kind === 'status' ? message.text : ''}
      </div>
      <div role="alert" class="clp-message clp-error">
        {message?.kind === 'error' ? message.text : ''}
      </div>
    </div>
  );
}
