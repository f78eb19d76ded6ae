import type { EntityType } from '../dataset/types';

/** Key of the settings in `storage.local`. */
export const SETTINGS_KEY = 'settings';

export type Theme = 'system' | 'light' | 'dark';

/** An alias the reader marked "not this" on one site. */
export interface Suppression {
  /** Hostname, e.g. "www.reuters.com". */
  site: string;
  entityId: string;
  /** The alias text as normalised by the matcher (lower-cased unless case-sensitive). */
  alias: string;
}

export interface Settings {
  enabledTypes: Record<EntityType, boolean>;
  /** Hostnames where ChipLens does nothing. */
  disabledSites: string[];
  suppressions: Suppression[];
  /** Dwell before a hover card opens. */
  hoverDelayMs: number;
  theme: Theme;
}

export const DEFAULT_SETTINGS: Settings = {
  enabledTypes: { chip: true, agency: true, company: true, policy: true },
  disabledSites: [],
  suppressions: [],
  hoverDelayMs: 250,
  theme: 'system',
};
