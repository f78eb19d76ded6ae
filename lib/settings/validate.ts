import * as v from 'valibot';
import { ENTITY_TYPES } from '../dataset/types';
import { DEFAULT_SETTINGS, type Settings } from './types';

const bool = (d: boolean) => v.fallback(v.boolean(), d);

const SettingsSchema = v.object({
  enabledTypes: v.fallback(
    v.object({
      chip: bool(true),
      agency: bool(true),
      company: bool(true),
      policy: bool(true),
    }),
    { ...DEFAULT_SETTINGS.enabledTypes },
  ),
  disabledSites: v.fallback(v.array(v.pipe(v.string(), v.maxLength(253))), []),
  suppressions: v.fallback(v.array(v.object({ site: v.string(), entityId: v.string(), alias: v.string() })), []),
  hoverDelayMs: v.fallback(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2000)), 250),
  theme: v.fallback(v.picklist(['system', 'light', 'dark']), 'system'),
});

/**
 * Settings as stored by any version (or garbage) -> valid current settings. Unknown or malformed fields fall back to
 * their defaults one by one, so one bad field never resets the rest.
 */
export function parseSettings(raw: unknown): Settings {
  const input = raw && typeof raw === 'object' ? raw : {};
  const out = v.parse(SettingsSchema, input) as Settings;
  for (const t of ENTITY_TYPES) if (typeof out.enabledTypes[t] !== 'boolean') out.enabledTypes[t] = true;
  return out;
}
