/**
 * The hover card's CSS, injected as one <style> into the content script's shadow root.
 *
 * - `:host { all: initial }` stops the page's inherited styles (font, colour, line-height) leaking in.
 * - Sizes are in em off `font-size: medium`, the reader's own default size, not the page's root size (a page with
 *   `html { font-size: 62.5% }` would shrink rem units); everything scales with browser zoom and stays readable at 200%.
 * - Theme: prefers-color-scheme, overridden by `data-theme="light|dark"` on the host element.
 * - Colours and their contrast ratios: components/card/theme.ts.
 */
import { PALETTES, paletteVars } from './theme';

export const CARD_CSS = `
:host {
  all: initial;
  ${paletteVars(PALETTES.light)}
  color-scheme: light;
}
:host([data-theme="dark"]) {
  ${paletteVars(PALETTES.dark)}
  color-scheme: dark;
}
@media (prefers-color-scheme: dark) {
  :host(:not([data-theme="light"])) {
    ${paletteVars(PALETTES.dark)}
    color-scheme: dark;
  }
}

.cl-card {
  box-sizing: border-box;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans SC", "PingFang SC",
    "Microsoft YaHei", sans-serif;
  font-size: medium;
  line-height: 1.45;
  color: var(--cl-text);
  background: var(--cl-surface);
  border: 1px solid var(--cl-border);
  border-top: 0.25em solid var(--cl-accent, var(--cl-border));
  border-radius: 0.5em;
  box-shadow: 0 0.5em 1.5em rgb(0 0 0 / 0.25);
  width: max-content;
  min-width: min(16em, 90vw);
  max-width: min(28em, calc(100vw - 1em));
  /* --cl-avail-h: the room the placement found beside the mention (cards.tsx); the card never grows past it. */
  max-height: min(32em, var(--cl-avail-h, calc(100vh - 1em)));
  /* Toolbar and actions stay put; only the body scrolls, so the actions are never below the fold. */
  display: flex;
  flex-direction: column;
  overflow: hidden;
  padding: 0.5em 0 0.75em;
  overflow-wrap: anywhere;
  text-align: start;
}
.cl-card *, .cl-card *::before, .cl-card *::after { box-sizing: inherit; }
.cl-card--chip { --cl-accent: var(--cl-chip-line); }
.cl-card--company { --cl-accent: var(--cl-company-line); }
.cl-card--agency { --cl-accent: var(--cl-agency-line); }
.cl-card--policy { --cl-accent: var(--cl-policy-line); }

@media (prefers-reduced-motion: no-preference) {
  .cl-card { animation: cl-in 120ms ease-out; }
  @keyframes cl-in { from { opacity: 0; transform: translateY(0.25em); } to { opacity: 1; transform: none; } }
  .cl-card button, .cl-card a { transition: background-color 100ms, color 100ms; }
}

.cl-card :focus { outline: none; }
.cl-card :focus-visible { outline: 0.15em solid var(--cl-focus); outline-offset: 0.1em; border-radius: 0.2em; }
.cl-card .cl-name:focus-visible { outline-offset: 0.15em; }

.cl-sr {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
}

.cl-toolbar { display: flex; align-items: center; gap: 0.25em; margin-bottom: 0.25em; padding: 0 0.875em; }
.cl-body, .cl-hidden-notice { flex: 1 1 auto; min-height: 0; overflow: auto; overscroll-behavior: contain;
  padding: 0.15em 0.875em; }
.cl-spacer { flex: 1; }
.cl-card button {
  font: inherit;
  font-size: 0.875em;
  color: var(--cl-text);
  background: var(--cl-raised);
  border: 1px solid var(--cl-border);
  border-radius: 0.35em;
  padding: 0.2em 0.6em;
  min-height: 1.9em;
  cursor: pointer;
}
.cl-card button:hover { background: var(--cl-surface); border-color: var(--cl-text); }
.cl-back::before { content: "← "; content: "← " / ""; }
.cl-pin[aria-pressed="true"] { background: var(--cl-text); color: var(--cl-surface); border-color: var(--cl-text); }
.cl-close { font-size: 1.1em; line-height: 1; min-width: 1.9em; }

.cl-header { margin: 0 0 0.4em; }
.cl-name { font-size: 1.2em; font-weight: 650; line-height: 1.25; margin: 0; }
.cl-short { font-weight: 400; color: var(--cl-muted); }
.cl-native { margin: 0.15em 0 0; display: flex; flex-wrap: wrap; gap: 0.15em 0.75em; font-size: 1.05em; }
.cl-native [lang="zh-Hans"] { font-family: "Noto Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; }
.cl-native [lang="zh-Hant"] { font-family: "Noto Sans TC", "PingFang TC", "Microsoft JhengHei", system-ui, sans-serif; }
.cl-native [lang="ja"] { font-family: "Noto Sans JP", "Hiragino Sans", "Yu Gothic", system-ui, sans-serif; }
.cl-native [lang="ko"] { font-family: "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", system-ui, sans-serif; }
.cl-meta { margin: 0.3em 0 0; display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.25em 0.6em;
  font-size: 0.85em; color: var(--cl-muted); }
.cl-badge { font-weight: 600; padding: 0.05em 0.5em; border-radius: 1em; }
.cl-badge--chip { color: var(--cl-chip-fg); background: var(--cl-chip-tint); }
.cl-badge--company { color: var(--cl-company-fg); background: var(--cl-company-tint); }
.cl-badge--agency { color: var(--cl-agency-fg); background: var(--cl-agency-tint); }
.cl-badge--policy { color: var(--cl-policy-fg); background: var(--cl-policy-tint); }

.cl-summary { margin: 0.4em 0 0.6em; }

.cl-facts { margin: 0; display: grid; grid-template-columns: fit-content(45%) 1fr; gap: 0.35em 0.75em; }
.cl-fact { display: contents; }
.cl-fact dt { color: var(--cl-muted); font-size: 0.9em; padding-top: 0.05em; }
.cl-fact dd { margin: 0; }
.cl-value { font-weight: 400; }
.cl-legal { margin: 0.1em 0 0; color: var(--cl-muted); font-size: 0.9em; }
.cl-now { margin: 0 0 0.6em; padding: 0.35em 0.6em; border-inline-start: 0.2em solid var(--cl-accent, var(--cl-border));
  background: var(--cl-raised); border-radius: 0 0.3em 0.3em 0; }
.cl-now-label { font-weight: 650; font-size: 0.8em; text-transform: uppercase; letter-spacing: 0.04em; }
.cl-now-topic { color: var(--cl-muted); }
.cl-asof, .cl-source, .cl-rel-note, .cl-more, .cl-footnote, .cl-status:not(:empty) { color: var(--cl-muted); font-size: 0.85em; }
.cl-source { display: block; }
.cl-stale { color: var(--cl-muted); font-size: 0.85em; font-style: italic; }
.cl-timeline { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.35em; }
.cl-event-date { color: var(--cl-muted); font-size: 0.85em; white-space: nowrap; }
.cl-card a { color: var(--cl-link); text-decoration: underline; text-underline-offset: 0.15em; }
.cl-card a:hover { text-decoration-thickness: 0.12em; }
.cl-more { margin: 0.3em 0 0; }

.cl-subheading { font-size: 0.8em; font-weight: 650; text-transform: uppercase; letter-spacing: 0.04em;
  color: var(--cl-muted); margin: 0.8em 0 0.3em; }
.cl-related { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.3em; }
.cl-rel-label { color: var(--cl-muted); font-size: 0.9em; }
.cl-card .cl-rel { font-size: 0.85em; padding: 0.05em 0.5em; margin: 0.1em 0; border-radius: 1em; min-height: 0; }
.cl-card .cl-rel--chip { color: var(--cl-chip-fg); background: var(--cl-chip-tint); border-color: var(--cl-chip-line); }
.cl-card .cl-rel--company { color: var(--cl-company-fg); background: var(--cl-company-tint);
  border-color: var(--cl-company-line); }
.cl-card .cl-rel--agency { color: var(--cl-agency-fg); background: var(--cl-agency-tint);
  border-color: var(--cl-agency-line); }
.cl-card .cl-rel--policy { color: var(--cl-policy-fg); background: var(--cl-policy-tint);
  border-color: var(--cl-policy-line); }
.cl-card .cl-rel:hover { text-decoration: underline; }
.cl-onpage { font-weight: 600; }

.cl-footnote { margin: 0.75em 0 0; }
.cl-status { margin: 0.3em 0 0; }
.cl-status:empty { display: none; }
.cl-actions { flex: none; display: flex; flex-wrap: wrap; gap: 0.4em; margin-top: 0.4em; padding: 0.6em 0.875em 0;
  border-top: 1px solid var(--cl-border); }
.cl-hidden-notice p { margin: 0.4em 0 0; }
.cl-card .cl-link-button { background: none; border: 0; padding: 0; min-height: 0; color: var(--cl-link);
  text-decoration: underline; font-size: 1em; }

@media (forced-colors: active) {
  .cl-card { border: 1px solid CanvasText; }
  .cl-badge, .cl-card .cl-rel { border: 1px solid CanvasText; }
}
`;
