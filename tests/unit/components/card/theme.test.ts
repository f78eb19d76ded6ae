import { describe, expect, it } from 'vitest';
import { CARD_CSS } from '../../../../components/card/styles';
import { PALETTES, TYPE_COLOURS } from '../../../../components/card/theme';
import { contrastRatio } from '../../../../lib/cards/contrast';
import { ENTITY_TYPES } from '../../../../lib/dataset/types';

describe('contrastRatio', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
  });
});

describe.each(['light', 'dark'] as const)('%s palette meets WCAG AA', (name) => {
  const p = PALETTES[name];
  it.each([
    ['text', p.text, 'surface', p.surface],
    ['text', p.text, 'raised', p.raised],
    ['muted', p.muted, 'surface', p.surface],
    ['muted', p.muted, 'raised', p.raised],
    ['link', p.link, 'surface', p.surface],
    ['link', p.link, 'raised', p.raised],
    ['surface (pressed pin)', p.surface, 'text', p.text],
  ])('%s on %s >= 4.5', (_a, fg, _b, bg) => {
    expect(contrastRatio(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });

  it('focus ring and borders >= 3 against the surface', () => {
    expect(contrastRatio(p.focus, p.surface)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(p.border, p.surface)).toBeGreaterThanOrEqual(3);
  });

  it.each(ENTITY_TYPES)('%s colours: text on tint and surface >= 4.5, line >= 3, card text on tint >= 4.5', (t) => {
    const c = p.types[t];
    expect(contrastRatio(c.fg, c.tint)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(c.fg, p.surface)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(c.line, p.surface)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(p.text, c.tint)).toBeGreaterThanOrEqual(4.5);
  });

  it('uses four distinct hues', () => {
    expect(new Set(ENTITY_TYPES.map((t) => TYPE_COLOURS[name][t].fg)).size).toBe(4);
  });
});

describe('card CSS', () => {
  it('defines both themes, the host override and reduced motion', () => {
    expect(CARD_CSS).toContain('@media (prefers-color-scheme: dark)');
    expect(CARD_CSS).toContain(':host([data-theme="dark"])');
    expect(CARD_CSS).toContain(':host(:not([data-theme="light"]))');
    expect(CARD_CSS).toContain(`--cl-chip-fg: ${PALETTES.dark.types.chip.fg}`);
    // Motion only when the reader has not asked for less of it.
    const motion = CARD_CSS.indexOf('prefers-reduced-motion: no-preference');
    expect(motion).toBeGreaterThan(-1);
    expect(CARD_CSS.slice(0, motion)).not.toMatch(/animation|transition/);
  });

  it('sizes text relative to the reader’s font size, not pixels', () => {
    expect(CARD_CSS).not.toMatch(/font-size:\s*\d+px/);
    expect(CARD_CSS).toMatch(/max-width: min\(28em/);
  });
});
