import { countryName } from '../../lib/cards/format';
import type { Entity, Locale } from '../../lib/dataset/types';
import { type HeadingLevel, headingTag, TYPE_LABELS } from './labels';

export interface EntityHeaderProps {
  entity: Entity;
  /** Level of the name heading (default 2). */
  headingLevel?: HeadingLevel;
  /** id of the name heading, for aria-labelledby on a surrounding dialog. */
  headingId?: string;
  /**
   * "short": the short name news uses is the headline and the full name follows on its own line (the hover card);
   * "full" (default): the full name, with the short name in brackets where it is not part of it.
   */
  headline?: 'short' | 'full';
}

const NATIVE_ORDER: readonly Locale[] = ['zh-Hans', 'zh-Hant', 'ja', 'ko', 'en'];

/**
 * Name (as a heading, focusable by script for keyboard-opened cards), type badge, sub-kind, country, and native-script
 * names each marked with its language so screen readers and fonts pick the right script.
 */
export function EntityHeader({ entity, headingLevel = 2, headingId, headline = 'full' }: EntityHeaderProps) {
  const H = headingTag(headingLevel);
  const natives = nativeNames(entity);
  const short = headline === 'short' && entity.shortName ? entity.shortName : undefined;
  const showShort = !short && entity.shortName && !entity.name.includes(entity.shortName);
  return (
    <header class="cl-header">
      <H id={headingId} class="cl-name" tabIndex={-1}>
        {short ?? entity.name}
        {showShort && <span class="cl-short"> ({entity.shortName})</span>}
      </H>
      {short && short !== entity.name && <p class="cl-legal">{entity.name}</p>}
      {natives.length > 0 && (
        <p class="cl-native">
          {natives.map(([lang, text]) => (
            <span key={lang} lang={lang}>
              {text}
            </span>
          ))}
        </p>
      )}
      <p class="cl-meta">
        <span class={`cl-badge cl-badge--${entity.type}`}>{TYPE_LABELS[entity.type]}</span>
        {entity.kind && <span class="cl-kind">{entity.kind}</span>}
        {entity.country && (
          <span class="cl-country" title={entity.country}>
            {countryName(entity.country)}
          </span>
        )}
      </p>
    </header>
  );
}

/** Native names in a fixed order, dropping repeats (identical simplified and traditional forms show once). */
function nativeNames(entity: Entity): [Locale, string][] {
  const out: [Locale, string][] = [];
  const seen = new Set<string>([entity.name]);
  for (const lang of NATIVE_ORDER) {
    const text = entity.nativeNames?.[lang]?.trim();
    if (!text || seen.has(text)) continue;
    seen.add(text);
    out.push([lang, text]);
  }
  return out;
}
