/** Finds the saved pages of a corpus folder: `*.html`, `*.html.gz` and `<name>/source.html`, at any depth. */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface CorpusPage {
  /** Path under the corpus root with `/` separators, used as the URL path. */
  path: string;
  /** Short display name: the folder for `<name>/source.html`, else the file name without `.html(.gz)`. */
  name: string;
}

const PAGE = /\.html(\.gz)?$/i;
/** Beside each readability `source.html` sits the extractor's output: not a saved page. */
const NOT_A_PAGE = /(^|\/)expected\.html$/i;

/** Every page under `root`, sorted by path so runs are comparable. */
export function findPages(root: string): CorpusPage[] {
  const out: CorpusPage[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && PAGE.test(entry.name)) {
        const path = relative(root, full).split(sep).join('/');
        if (!NOT_A_PAGE.test(path)) out.push({ path, name: displayName(path) });
      }
    }
  };
  walk(root);
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Content-hash file names (64 hex digits) are cut to 12: still unique, and a line stays readable. */
function displayName(path: string): string {
  return fullName(path).replace(/\b([0-9a-f]{12})[0-9a-f]{52}\b/g, '$1');
}

function fullName(path: string): string {
  const parts = path.split('/');
  const file = parts.at(-1)!;
  if (/^source\.html(\.gz)?$/i.test(file) && parts.length > 1) return parts.slice(0, -1).join('/');
  return [...parts.slice(0, -1), file.replace(PAGE, '')].join('/');
}
