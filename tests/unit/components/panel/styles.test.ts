import { describe, expect, it } from 'vitest';
import { PALETTES } from '../../../../components/card/theme';
import { EDITOR_CSS, PANEL_COLOURS, PANEL_CSS } from '../../../../components/panel/styles';
import { contrastRatio } from '../../../../lib/cards/contrast';

describe('panel styles', () => {
  it.each(['light', 'dark'] as const)('meets WCAG AA contrast in %s', (theme) => {
    const p = PALETTES[theme];
    const c = PANEL_COLOURS[theme];
    const pairs: [string, string, string, number][] = [
      ['danger on surface', c.danger, p.surface, 4.5],
      ['danger on raised', c.danger, p.raised, 4.5],
      ['primary button text', c.onAccent, p.link, 4.5],
      ['text on hover', p.text, c.hover, 4.5],
      ['muted on hover', p.muted, c.hover, 4.5],
      ['link on hover', p.link, c.hover, 4.5],
      ['marked mention', c.markText, c.mark, 4.5],
      ['toast (inverted)', p.surface, p.text, 4.5],
      ['focus ring on hover', p.focus, c.hover, 3],
      ['selected tab underline', p.link, p.surface, 3],
    ];
    for (const [what, fg, bg, min] of pairs) {
      expect(contrastRatio(fg, bg), what).toBeGreaterThanOrEqual(min);
    }
  });

  it('follows the system theme and lets data-theme override it', () => {
    expect(PANEL_CSS).toMatch(/@media \(prefers-color-scheme: dark\)/);
    const lightOverride = PANEL_CSS.indexOf('[data-theme="light"]');
    const darkQuery = PANEL_CSS.indexOf('@media (prefers-color-scheme: dark)');
    // The explicit choice comes later in the cascade than the media query, so it wins.
    expect(lightOverride).toBeGreaterThan(darkQuery);
    expect(PANEL_CSS).toContain('[data-theme="dark"]');
    expect(PANEL_CSS).toContain(':focus-visible');
  });

  it('gives the in-page editor its tokens without the panel page rules', () => {
    expect(EDITOR_CSS).toContain('.clp-editor');
    expect(EDITOR_CSS).toContain(':host');
    expect(EDITOR_CSS).not.toContain('html, body');
  });
});
