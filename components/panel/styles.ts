/**
 * The side panel's CSS (and the annotation editor's, for reuse in the page), as strings to put in a <style>.
 *
 * - Colours: the shared palette from components/card/theme.ts as `--cl-*` custom properties (so the entity card's
 *   rules work inside the panel unchanged), plus a few panel-only colours below whose contrast is checked by
 *   tests/unit/components/panel/styles.test.ts.
 * - Theme: prefers-color-scheme, overridden by `data-theme="light|dark"` on any ancestor (PanelApp's root, or the
 *   content script's shadow host); "system" follows the media query.
 * - Sizes in em/rem so everything scales with zoom and the reader's font size; layout reflows down to ~180 CSS px
 *   wide (a 360 px panel at 200% zoom): tabs wrap, filter grids stack, nothing needs horizontal scrolling.
 */
import { PALETTES, paletteVars } from '../card/theme';

/** Panel-only colours, light and dark (contrast-checked in tests). */
export const PANEL_COLOURS = {
  light: { danger: '#b42318', onAccent: '#ffffff', hover: '#eaeef2', mark: '#fff1a8', markText: '#1f2328' },
  dark: { danger: '#ff9b8f', onAccent: '#1c2128', hover: '#30363d', mark: '#5c4a00', markText: '#e6edf3' },
} as const;

/** Swatch fills for the highlight colours (decorative: every swatch also carries its colour's name). */
const SWATCHES = `
.clp-swatch-yellow { background: #facc15; }
.clp-swatch-green { background: #4ade80; }
.clp-swatch-blue { background: #60a5fa; }
.clp-swatch-pink { background: #f472b6; }
.clp-swatch-purple { background: #a78bfa; }`;

function vars(theme: 'light' | 'dark'): string {
  const c = PANEL_COLOURS[theme];
  return `${paletteVars(PALETTES[theme])} --clp-danger: ${c.danger}; --clp-on-accent: ${c.onAccent};
  --clp-hover: ${c.hover}; --clp-mark: ${c.mark}; --clp-mark-text: ${c.markText}; color-scheme: ${theme};`;
}

/** Colour tokens and theme switching. */
export const THEME_CSS = `
:root, :host, [data-theme] { ${vars('light')} }
@media (prefers-color-scheme: dark) {
  :root, :host, [data-theme] { ${vars('dark')} }
}
[data-theme="light"] { ${vars('light')} }
[data-theme="dark"] { ${vars('dark')} }
`;

/** Controls and the shared ui primitives (buttons, inputs, chips, combobox, toast, markdown). */
export const CONTROLS_CSS = `
.clp-sr-only {
  position: absolute !important; width: 1px !important; height: 1px !important; padding: 0 !important;
  margin: -1px !important; overflow: hidden !important; clip: rect(0 0 0 0) !important; white-space: nowrap !important;
  border: 0 !important; float: none !important;
}
:where(.clp-app, .clp-editor) :focus-visible { outline: 2px solid var(--cl-focus); outline-offset: 2px; }
:where(.clp-app, .clp-editor) button { font: inherit; color: inherit; cursor: pointer; }
:where(.clp-app, .clp-editor) :is(input:not([type="checkbox"], [type="radio"], [type="range"], [type="file"]), select, textarea) {
  font: inherit; color: var(--cl-text); background: var(--cl-surface); border: 1px solid var(--cl-border);
  border-radius: 0.375em; padding: 0.375em 0.5em; min-height: 2.25em; max-width: 100%; box-sizing: border-box;
}
:where(.clp-app, .clp-editor) textarea { width: 100%; resize: vertical; line-height: 1.45; }
:where(.clp-app, .clp-editor) input[type="file"] { font: inherit; max-width: 100%; }
:where(.clp-app, .clp-editor) :is(input[type="checkbox"], input[type="radio"]) { accent-color: var(--cl-link); width: 1.1em; height: 1.1em; margin: 0; }
.clp-label { display: block; font-weight: 600; margin-block-end: 0.25em; }
.clp-muted, .clp-hint, .clp-meta { color: var(--cl-muted); }
.clp-hint, .clp-meta { font-size: 0.9em; margin: 0.25em 0; }
.clp-error { color: var(--clp-danger); }
.clp-btn {
  display: inline-flex; align-items: center; gap: 0.25em; min-height: 2.25em; padding: 0.25em 0.75em;
  border: 1px solid var(--cl-border); border-radius: 0.375em; background: var(--cl-raised); color: var(--cl-text);
}
.clp-btn:hover:not(:disabled) { background: var(--clp-hover); }
.clp-btn:disabled { opacity: 0.55; cursor: not-allowed; }
.clp-btn-small { min-height: 1.9em; padding: 0.125em 0.5em; font-size: 0.9em; }
.clp-btn-primary { background: var(--cl-link); color: var(--clp-on-accent); border-color: var(--cl-link); font-weight: 600; }
.clp-btn-primary:hover:not(:disabled) { background: var(--cl-link); filter: brightness(1.1); }
.clp-btn-danger { color: var(--clp-danger); }
.clp-btn[aria-pressed="true"] { background: var(--cl-text); color: var(--cl-surface); }
.clp-btn-icon {
  display: inline-grid; place-items: center; min-width: 2em; min-height: 2em; padding: 0; border: 0;
  border-radius: 0.375em; background: transparent; color: var(--cl-muted); font-size: 1.1em;
}
.clp-btn-icon:hover { background: var(--clp-hover); color: var(--cl-text); }
.clp-actions { display: flex; flex-wrap: wrap; gap: 0.5em; margin-block-start: 0.75em; }
.clp-chips { list-style: none; display: flex; flex-wrap: wrap; gap: 0.375em; margin: 0.25em 0; padding: 0; }
.clp-chip {
  display: inline-flex; align-items: center; gap: 0.125em; padding: 0.125em 0.5em; border-radius: 1em;
  background: var(--cl-raised); border: 1px solid var(--cl-border); font-size: 0.9em; max-width: 100%;
  overflow-wrap: anywhere;
}
.clp-chip-x {
  border: 0; background: transparent; color: var(--cl-muted); padding: 0 0.25em; min-width: 1.5em; min-height: 1.5em;
  border-radius: 50%;
}
.clp-chip-x:hover { color: var(--cl-text); background: var(--clp-hover); }
.clp-combo { position: relative; margin-block-start: 0.5em; }
.clp-combo input { width: 100%; }
.clp-combo-list {
  position: absolute; z-index: 3; inset-inline: 0; top: 100%; margin-top: 0.125em; padding: 0.25em 0;
  background: var(--cl-surface); border: 1px solid var(--cl-border); border-radius: 0.375em;
  box-shadow: 0 0.25em 1em rgb(0 0 0 / 0.2); max-height: 16em; overflow-y: auto;
}
.clp-combo-opt { padding: 0.375em 0.625em; cursor: pointer; }
.clp-combo-opt:hover, .clp-combo-opt-active { background: var(--clp-hover); }
.clp-combo-opt-active { outline: 2px solid var(--cl-focus); outline-offset: -2px; }
.clp-swatch {
  display: inline-block; width: 0.9em; height: 0.9em; border-radius: 50%; border: 1px solid var(--cl-border);
  flex: none; vertical-align: -0.1em;
}
${SWATCHES}
.clp-toast {
  position: sticky; bottom: 0.75em; z-index: 5; display: flex; align-items: center; gap: 0.5em;
  margin: 0.75em 0 0; padding: 0.5em 0.5em 0.5em 0.875em; border-radius: 0.5em;
  background: var(--cl-text); color: var(--cl-surface); box-shadow: 0 0.25em 1em rgb(0 0 0 / 0.3);
}
.clp-toast-msg { flex: 1; }
.clp-toast .clp-btn { background: var(--cl-surface); color: var(--cl-text); border-color: var(--cl-surface); }
.clp-toast .clp-btn-icon { color: var(--cl-surface); }
.clp-toast .clp-btn-icon:hover { background: transparent; text-decoration: underline; }
.clp-toast :focus-visible { outline-color: var(--cl-surface); }
.clp-md { overflow-wrap: anywhere; }
.clp-md > :first-child { margin-top: 0; }
.clp-md > :last-child { margin-bottom: 0; }
.clp-md p, .clp-md ul, .clp-md blockquote { margin: 0.375em 0; }
.clp-md ul { padding-inline-start: 1.25em; }
.clp-md blockquote { padding-inline-start: 0.625em; border-inline-start: 0.2em solid var(--cl-border); color: var(--cl-muted); }
.clp-md code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em;
  background: var(--cl-raised); padding: 0.05em 0.3em; border-radius: 0.25em; }
.clp-md a, .clp-app a { color: var(--cl-link); }
.clp-quote {
  margin: 0; padding-inline-start: 0.625em; border-inline-start: 0.2em solid var(--cl-border);
  font-style: italic; overflow-wrap: anywhere;
}
`;

/** The annotation editor (also used by the content script in the page). */
export const EDITOR_VIEW_CSS = `
.clp-editor {
  display: grid; gap: 0.75em; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans SC",
    "PingFang SC", "Microsoft YaHei", sans-serif;
  line-height: 1.45; color: var(--cl-text); background: var(--cl-surface); text-align: start;
}
.clp-editor *, .clp-editor *::before, .clp-editor *::after { box-sizing: border-box; }
.clp-field { margin: 0; min-width: 0; }
.clp-field-head { display: flex; justify-content: space-between; align-items: end; gap: 0.5em; flex-wrap: wrap; }
.clp-colors { border: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25em 0.875em; }
.clp-colors legend { padding: 0; margin-block-end: 0.25em; }
.clp-color { display: inline-flex; align-items: center; gap: 0.375em; min-height: 2em; cursor: pointer; }
.clp-preview { padding: 0.5em; border: 1px dashed var(--cl-border); border-radius: 0.375em; min-height: 4.5em; }
.clp-editor .clp-actions { margin: 0; }
`;

/** Panel layout and the views. */
export const PANEL_LAYOUT_CSS = `
html, body { margin: 0; padding: 0; }
body { background: var(--cl-surface); }
.clp-app {
  box-sizing: border-box; display: flex; flex-direction: column; height: 100vh;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans SC", "PingFang SC",
    "Microsoft YaHei", sans-serif;
  font-size: 0.875rem; line-height: 1.45; color: var(--cl-text); background: var(--cl-surface);
  overflow-wrap: anywhere;
}
.clp-app *, .clp-app *::before, .clp-app *::after { box-sizing: border-box; }
.clp-header { padding: 0.625em 0.875em 0.5em; border-bottom: 1px solid var(--cl-border); background: var(--cl-raised); }
.clp-title {
  margin: 0; font-size: 1.05em; font-weight: 650; line-height: 1.3;
  display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden;
}
.clp-site-line { margin: 0.125em 0 0; color: var(--cl-muted); font-size: 0.9em; }
.clp-notice { margin: 0.375em 0 0; font-size: 0.9em; }
.clp-tabs { flex: 1; min-height: 0; display: flex; flex-direction: column; }
.clp-tablist {
  display: flex; flex-wrap: nowrap; overflow-x: auto; scrollbar-width: none; padding: 0 0.125em;
  border-bottom: 1px solid var(--cl-border); container-type: inline-size;
}
.clp-tab {
  flex: 1 1 auto; border: 0; background: transparent; padding: 0.625em 0.2em 0.5em; color: var(--cl-muted);
  border-bottom: 0.2em solid transparent; font-size: 0.9em; font-weight: 550; white-space: nowrap;
}
/* One row down to Firefox's default sidebar width (about 250 px); narrower still, the row scrolls. */
@container (max-width: 310px) {
  .clp-tab { font-size: 0.8em; padding-inline: 0.1em; letter-spacing: -0.01em; }
}
.clp-tab:hover { color: var(--cl-text); }
.clp-tab[aria-selected="true"] { color: var(--cl-text); border-bottom-color: var(--cl-link); }
.clp-tab:focus-visible { outline-offset: -2px; }
.clp-tabpanel { flex: 1; min-height: 0; overflow-y: auto; padding: 0.75em 0.875em 1em; }
.clp-tabpanel:focus-visible { outline-offset: -2px; }
.clp-empty { color: var(--cl-muted); margin: 1em 0; }
.clp-count { margin: 0.375em 0; color: var(--cl-muted); font-size: 0.9em; }
.clp-filter input { width: 100%; }
.clp-group { margin-block-start: 0.75em; }
.clp-group-heading {
  display: flex; align-items: center; gap: 0.375em; margin: 1em 0 0.375em; padding: 0;
  font-size: 0.8em; font-weight: 700; letter-spacing: 0.04em; text-transform: uppercase; color: var(--cl-muted);
}
.clp-badge {
  display: inline-block; min-width: 1.6em; padding: 0 0.4em; border-radius: 0.8em; text-align: center;
  background: var(--cl-raised); border: 1px solid var(--cl-border); color: var(--cl-text);
  font-size: 0.85em; font-weight: 600; letter-spacing: 0; text-transform: none;
}
.clp-rows { list-style: none; margin: 0; padding: 0; }
.clp-entity-row { display: flex; align-items: stretch; gap: 0.125em; border-radius: 0.375em; }
.clp-row-main {
  flex: 1; min-width: 0; display: flex; align-items: baseline; flex-wrap: wrap; gap: 0 0.5em; text-align: start;
  border: 0; background: transparent; padding: 0.4em 0.5em; border-radius: 0.375em; min-height: 2.25em;
}
.clp-row-main:hover, .clp-details:hover { background: var(--clp-hover); }
.clp-entity-row .clp-badge { margin-inline-start: auto; }
.clp-entity-row { border-inline-start: 0.2em solid transparent; }
.clp-group--chip .clp-entity-row { border-inline-start-color: var(--cl-chip-line); }
.clp-group--agency .clp-entity-row { border-inline-start-color: var(--cl-agency-line); }
.clp-group--company .clp-entity-row { border-inline-start-color: var(--cl-company-line); }
.clp-group--policy .clp-entity-row { border-inline-start-color: var(--cl-policy-line); }
.clp-name { font-weight: 600; }
.clp-short { color: var(--cl-muted); }
.clp-back { margin-block-end: 0.5em; }
.clp-on-page { margin-block-start: 1em; }
.clp-sentences { display: grid; gap: 0.25em; }
.clp-sentence { display: block; line-height: 1.45; }
.clp-app mark { background: var(--clp-mark); color: var(--clp-mark-text); border-radius: 0.15em; padding: 0 0.1em; }
.clp-conn-groups { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.625em; }
.clp-conn-from { margin: 0; font-size: 1em; font-weight: 600; }
.clp-conn-links { list-style: none; margin: 0.125em 0 0; padding: 0 0 0 0.875em; border-inline-start: 1px solid var(--cl-border); }
.clp-conn { padding: 0.15em 0; }
.clp-conn-note { color: var(--cl-muted); }
.clp-rel { color: var(--cl-muted); }
.clp-rel::before { content: "→ "; }
.clp-link-btn {
  border: 0; background: transparent; padding: 0.1em 0.2em; border-radius: 0.25em; color: var(--cl-link);
  font-weight: 600; text-decoration: underline; text-decoration-thickness: 1px; text-underline-offset: 0.15em;
}
.clp-link-btn:hover { background: var(--clp-hover); }
.clp-note-md, .clp-now-reads { margin: 0.25em 0; }
.clp-notes-list { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.5em; }
.clp-note {
  display: flex; gap: 0.5em; padding: 0.5em; border: 1px solid var(--cl-border); border-radius: 0.5em;
  background: var(--cl-surface);
}
.clp-note .clp-swatch { margin-top: 0.35em; }
.clp-note-main { flex: 1; min-width: 0; }
.clp-note-editing { display: block; }
.clp-quote-btn { display: block; padding: 0.125em 0.25em; margin-inline-start: -0.25em; font-style: italic; }
.clp-flag {
  display: inline-block; margin: 0 0 0.25em; padding: 0 0.4em; border-radius: 0.25em; font-size: 0.85em; font-weight: 600;
  background: var(--cl-raised); border: 1px solid var(--cl-border);
}
.clp-note-orphan .clp-quote { color: var(--cl-muted); }
.clp-row-actions { display: flex; gap: 0.375em; margin-top: 0.375em; }
.clp-chips-static .clp-chip-entity { border-style: dashed; }
.clp-library { display: flex; flex-direction: column; gap: 0.375em; height: 100%; min-height: 22em; }
.clp-filters summary { cursor: pointer; padding: 0.25em 0; font-weight: 600; }
.clp-filter-grid { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.375em 0.5em; align-items: center; }
.clp-filter-grid :is(select, input) { width: 100%; }
@media (max-width: 240px) { .clp-filter-grid { grid-template-columns: minmax(0, 1fr); } }
.clp-lib-count { display: flex; justify-content: space-between; align-items: center; gap: 0.5em; flex-wrap: wrap; }
.clp-lib-count p { margin: 0; color: var(--cl-muted); }
.clp-vlist { flex: 1 1 0; min-height: 12em; border: 1px solid var(--cl-border); border-radius: 0.375em; }
.clp-vrow { padding: 0.375em 0.625em; border-bottom: 1px solid var(--clp-hover); cursor: pointer; overflow: hidden; }
.clp-vrow:hover { background: var(--clp-hover); }
.clp-vrow-active { background: var(--clp-hover); box-shadow: inset 0.2em 0 0 var(--cl-link); }
.clp-vlist:focus-visible .clp-vrow-active { outline: 2px solid var(--cl-focus); outline-offset: -2px; }
.clp-lib-row p { margin: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.clp-lib-quote { font-weight: 550; }
.clp-lib-note, .clp-lib-meta { color: var(--cl-muted); font-size: 0.92em; }
.clp-dot { display: inline-block; width: 0.6em; height: 0.6em; border-radius: 50%; margin-inline-end: 0.375em; vertical-align: 0.05em; }
.clp-settings { display: grid; gap: 0.25em; }
.clp-settings-section { border: 0; margin: 0 0 0.5em; padding: 0; min-width: 0; }
.clp-settings-section > legend { padding: 0; float: left; width: 100%; }
.clp-settings-section > legend + * { clear: both; }
.clp-check { display: flex; align-items: center; gap: 0.5em; min-height: 2em; }
.clp-inline { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5em; }
.clp-inline input[type="text"] { flex: 1 1 10em; }
.clp-inline input[type="range"] { flex: 1 1 8em; accent-color: var(--cl-link); }
.clp-num { width: 6em; }
.clp-site { display: flex; justify-content: space-between; align-items: center; gap: 0.5em; padding: 0.25em 0; }
.clp-bare { border: 0; padding: 0; margin-inline: 0; min-width: 0; }
.clp-import-preview { margin-top: 0.75em; padding: 0.625em; border: 1px solid var(--cl-border); border-radius: 0.5em; background: var(--cl-raised); }
.clp-import-preview h3 { margin: 0 0 0.375em; }
.clp-import-counts { display: grid; grid-template-columns: repeat(auto-fit, minmax(5em, 1fr)); gap: 0.375em; margin: 0; }
.clp-import-counts div { text-align: center; padding: 0.25em; border-radius: 0.375em; background: var(--cl-surface); }
.clp-import-counts dt { font-size: 0.85em; color: var(--cl-muted); }
.clp-import-counts dd { margin: 0; font-size: 1.2em; font-weight: 700; }
.clp-import-errors { margin: 0.25em 0; padding-inline-start: 1.25em; color: var(--clp-danger); }
.clp-message:empty { display: none; }
.clp-message { margin-top: 0.5em; padding: 0.5em 0.625em; border-radius: 0.375em; border: 1px solid var(--cl-border); }
@media (prefers-reduced-motion: no-preference) {
  .clp-tab, .clp-row-main, .clp-btn { transition: background-color 100ms ease, color 100ms ease; }
}
@media (forced-colors: active) {
  .clp-tab[aria-selected="true"] { border-bottom-color: Highlight; }
  .clp-vrow-active { outline: 2px solid Highlight; }
}
`;

/** Everything the side panel page needs (add the entity card's styles for the entity view). */
export const PANEL_CSS = THEME_CSS + CONTROLS_CSS + EDITOR_VIEW_CSS + PANEL_LAYOUT_CSS;

/** What the content script needs to show AnnotationEditor in a shadow root (tokens, controls, editor). */
export const EDITOR_CSS = THEME_CSS + CONTROLS_CSS + EDITOR_VIEW_CSS;
