import type { EntityType } from '../dataset/types';
import type { Settings, Suppression } from './types';

/** Is ChipLens switched off on this hostname (or a parent domain of it)? */
export function isSiteDisabled(settings: Settings, host: string): boolean {
  return settings.disabledSites.some((s) => host === s || host.endsWith(`.${s}`));
}

/** A predicate for the matcher: skip disabled types and aliases the reader said "not this" to on this site. */
export function mentionFilter(
  settings: Settings,
  host: string,
  typeOf: (entityId: string) => EntityType | undefined,
): (entityId: string, aliasKey: string) => boolean {
  const suppressed = new Set(
    settings.suppressions.filter((s) => s.site === host).map((s) => `${s.entityId}\u0000${s.alias}`),
  );
  return (entityId, aliasKey) => {
    const t = typeOf(entityId);
    if (t && !settings.enabledTypes[t]) return true;
    return suppressed.has(`${entityId}\u0000${aliasKey}`);
  };
}

export function addSuppression(settings: Settings, s: Suppression): Settings {
  if (settings.suppressions.some((x) => x.site === s.site && x.entityId === s.entityId && x.alias === s.alias)) {
    return settings;
  }
  return { ...settings, suppressions: [...settings.suppressions, s] };
}

export function removeSuppression(settings: Settings, s: Suppression): Settings {
  return {
    ...settings,
    suppressions: settings.suppressions.filter(
      (x) => !(x.site === s.site && x.entityId === s.entityId && x.alias === s.alias),
    ),
  };
}
