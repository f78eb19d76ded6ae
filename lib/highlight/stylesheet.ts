/**
 * Registers the highlight styles (styles.ts) in a document as a constructed stylesheet adopted by it, from the
 * content script, only in documents where ChipLens marks something; dropped again when ChipLens is switched off.
 *
 * The page can list `document.adoptedStyleSheets` and read this sheet, but only where ChipLens runs, is on and has
 * already registered ranges, whose (random) names the page can list from `CSS.highlights` anyway and whose computed
 * style it can read with getComputedStyle(el, '::highlight(name)') whatever the stylesheet's origin: the sheet adds
 * nothing the platform does not already expose there. See README "Privacy and security" for the alternatives measured.
 */
import { highlightCss } from './styles';

const sheets = new WeakMap<Document, CSSStyleSheet>();

/** Makes sure `doc` has our highlight styles (again, if the page replaced its adopted stylesheets). */
export function adoptHighlightStyles(doc: Document): void {
  try {
    const win = doc.defaultView as (Window & typeof globalThis) | null;
    if (!win?.CSSStyleSheet || !('adoptedStyleSheets' in doc)) return;
    let sheet = sheets.get(doc);
    if (!sheet) {
      sheet = new win.CSSStyleSheet();
      sheet.replaceSync(highlightCss());
      sheets.set(doc, sheet);
    }
    const adopted = doc.adoptedStyleSheets;
    if (!adopted.includes(sheet)) doc.adoptedStyleSheets = [...adopted, sheet];
  } catch {
    // A document being torn down (document.open, a frame going away): its marks stay unpainted.
  }
}

/** Removes our highlight styles from `doc`. */
export function dropHighlightStyles(doc: Document): void {
  const sheet = sheets.get(doc);
  if (!sheet) return;
  try {
    if (doc.adoptedStyleSheets.includes(sheet))
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
  } catch {
    // As above.
  }
}
