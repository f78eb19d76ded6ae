/**
 * Every listener ChipLens adds to the page's documents and window goes through `trusted`: it acts only on events the
 * browser dispatched for the reader (`isTrusted`), never on events a page script made and dispatched itself (a
 * synthetic pointermove over a note, a mouseup after a scripted selection, an Escape keydown...).
 */
export function trusted<E extends Event>(listener: (e: E) => void): (e: E) => void {
  return (e) => {
    if (e.isTrusted) listener(e);
  };
}
