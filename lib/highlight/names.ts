/**
 * Highlight names. The CSS Custom Highlight registry is shared with the page (`CSS.highlights` is readable by any page
 * script), so a fixed name such as "chiplens-chip" would let any page probe for ChipLens (register a highlight under
 * that name, read its computed style). Each logical layer ("chip", "note-yellow", ...) instead gets a random name,
 * drawn once per page load: nothing about it says ChipLens, and it differs on every page and every reload.
 */

export type HighlightName = string;

const names = new Map<string, HighlightName>();

/** A CSS identifier no page can guess: a letter, then 16 random hex digits. */
function randomName(): HighlightName {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  let out = 'h';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** The name of a logical layer in this page load, e.g. highlightName('chip'), highlightName('note', 'yellow'). */
export function highlightName(...parts: string[]): HighlightName {
  const key = parts.join('-');
  let name = names.get(key);
  if (!name) {
    name = randomName();
    names.set(key, name);
  }
  return name;
}
