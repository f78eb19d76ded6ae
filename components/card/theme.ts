/**
 * ChipLens colours, shared by the card (components/card/styles.ts) and the page highlights, so a chip is the same
 * blue on the page and on its card. Four hues, one per entity type, distinguishable without relying on red/green:
 * chip blue, company teal, agency amber, policy magenta. Every pair below is checked by
 * tests/unit/components/card/theme.test.ts.
 *
 * Contrast ratios (WCAG 2.x), light / dark:
 *   text on surface 15.80 / 13.70; text on raised 14.84 / 11.88; muted on surface 6.39 / 6.64;
 *   muted on raised 6.00 / 5.76; link on surface 7.59 / 8.32; link on raised 7.13 / 7.22;
 *   focus ring on surface 5.19 / 6.41; border on surface 3.04 / 3.52.
 *   type fg on its tint (badges):     chip 5.37 / 7.38, company 5.51 / 7.68, agency 6.30 / 7.87, policy 6.15 / 7.69
 *   type fg on surface:               chip 6.39 / 9.46, company 6.39 / 10.34, agency 7.28 / 10.21, policy 7.38 / 8.95
 *   type line on surface (>= 3:1):    chip 3.98 / 6.38, company 3.94 / 6.62, agency 3.88 / 6.83, policy 4.51 / 5.00
 *   page text on tint (#000 light / #fff dark): chip 17.64 / 12.62, company 18.12 / 12.01, agency 18.17 / 12.48,
 *   policy 17.52 / 13.91
 */
import type { EntityType } from '../../lib/dataset/types';

export type ThemeName = 'light' | 'dark';

export interface TypeColours {
  /** Text/icon colour in the type's hue; AA (>= 4.5) on `tint` and on the card surface. */
  fg: string;
  /** Background tint: badge background and the page highlight's background-color. */
  tint: string;
  /** Underline/accent in the type's hue; >= 3:1 on the surface (e.g. the page highlight's text-decoration). */
  line: string;
}

export interface Palette {
  surface: string;
  raised: string;
  text: string;
  muted: string;
  border: string;
  link: string;
  focus: string;
  types: Record<EntityType, TypeColours>;
}

export const PALETTES: Readonly<Record<ThemeName, Palette>> = {
  light: {
    surface: '#ffffff',
    raised: '#f6f8fa',
    text: '#1f2328',
    muted: '#57606a',
    border: '#8c959f',
    link: '#0550ae',
    focus: '#0969da',
    types: {
      chip: { fg: '#0b57d0', tint: '#e1ecff', line: '#3b7bf0' },
      company: { fg: '#0f6b5f', tint: '#d5f5ee', line: '#17907f' },
      agency: { fg: '#8a4300', tint: '#ffecd1', line: '#c46a00' },
      policy: { fg: '#a3195b', tint: '#fde4ef', line: '#d6347f' },
    },
  },
  dark: {
    surface: '#1c2128',
    raised: '#262c36',
    text: '#e6edf3',
    muted: '#9da7b3',
    border: '#6e7681',
    link: '#79c0ff',
    focus: '#58a6ff',
    types: {
      chip: { fg: '#a8c7ff', tint: '#1d3357', line: '#6ea2ff' },
      company: { fg: '#7ee0cc', tint: '#123d37', line: '#3fb8a2' },
      agency: { fg: '#ffc27a', tint: '#45300f', line: '#e09a3e' },
      policy: { fg: '#ffa6cf', tint: '#4d1a32', line: '#e5609c' },
    },
  },
};

/** The type colours alone, e.g. for `::highlight(chiplens-chip) { background-color: ... }` on the page. */
export const TYPE_COLOURS: Readonly<Record<ThemeName, Record<EntityType, TypeColours>>> = {
  light: PALETTES.light.types,
  dark: PALETTES.dark.types,
};

/** CSS custom-property declarations for a palette (`--cl-surface: #fff; --cl-chip-fg: ...`). */
export function paletteVars(p: Palette): string {
  const lines = [
    `--cl-surface: ${p.surface};`,
    `--cl-raised: ${p.raised};`,
    `--cl-text: ${p.text};`,
    `--cl-muted: ${p.muted};`,
    `--cl-border: ${p.border};`,
    `--cl-link: ${p.link};`,
    `--cl-focus: ${p.focus};`,
  ];
  for (const [type, c] of Object.entries(p.types)) {
    lines.push(`--cl-${type}-fg: ${c.fg};`, `--cl-${type}-tint: ${c.tint};`, `--cl-${type}-line: ${c.line};`);
  }
  return lines.join(' ');
}
