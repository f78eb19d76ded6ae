/**
 * The look of ChipLens's highlight layers, keyed by logical layer (see names.ts). Translucent tints plus an underline
 * stay legible on light and dark pages alike; no layout properties apply. Hues match components/card/theme.ts (chip
 * blue, company teal, agency amber, policy magenta).
 *
 * They reach a document as one constructed stylesheet adopted by that document (stylesheet.ts), only once ChipLens
 * marks something there: never a manifest stylesheet, which Chromium injects into every frame of every page whether
 * ChipLens is on there or not.
 */
import { highlightName } from './names';

const LAYER_STYLES: Record<string, string> = {
  chip: 'background-color: rgb(59 123 240 / 0.16); text-decoration: underline dotted rgb(59 123 240 / 0.95) 2px;',
  company: 'background-color: rgb(23 144 127 / 0.16); text-decoration: underline dotted rgb(23 144 127 / 0.95) 2px;',
  agency: 'background-color: rgb(196 106 0 / 0.16); text-decoration: underline dotted rgb(196 106 0 / 0.95) 2px;',
  policy: 'background-color: rgb(214 52 127 / 0.16); text-decoration: underline dotted rgb(214 52 127 / 0.95) 2px;',
  'note-yellow': 'background-color: rgb(250 204 21 / 0.42);',
  'note-green': 'background-color: rgb(74 222 128 / 0.38);',
  'note-blue': 'background-color: rgb(96 165 250 / 0.38);',
  'note-pink': 'background-color: rgb(244 114 182 / 0.38);',
  'note-purple': 'background-color: rgb(167 139 250 / 0.4);',
  flash: 'background-color: rgb(255 153 0 / 0.55); text-decoration: underline solid rgb(255 120 0) 3px;',
};

/** The stylesheet text for this page load's layer names. */
export function highlightCss(): string {
  const rules = Object.entries(LAYER_STYLES).map(([key, decl]) => `::highlight(${highlightName(key)}) { ${decl} }`);
  rules.push(
    `@media (prefers-reduced-motion: no-preference) { ::highlight(${highlightName('flash')}) { background-color: rgb(255 153 0 / 0.6); } }`,
  );
  return rules.join('\n');
}
