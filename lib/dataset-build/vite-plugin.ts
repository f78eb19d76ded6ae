import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { DatasetFile } from '../dataset/types';
import { compileMatcherData } from '../detection/compile.ts';

export const MATCHER_MODULE_ID = 'virtual:chiplens-matcher';
export const MATCHER_BUILD_MODULE_ID = 'virtual:chiplens-matcher-build';
const RESOLVED_ID = `\0${MATCHER_MODULE_ID}`;
const RESOLVED_BUILD_ID = `\0${MATCHER_BUILD_MODULE_ID}`;
const FILES = ['chip', 'agency', 'company', 'policy'] as const;

export interface ChiplensDatasetOptions {
  /** Folder holding chip.json, agency.json, company.json, policy.json (default: <root>/lib/dataset/data). */
  dataDir?: string;
  /**
   * Ship the automaton prebuilt (default true): measured faster on a cold page load than building it from the
   * patterns (tests/bench/matcher-bench.ts), at the cost of a larger bundle.
   */
  prebuildAutomaton?: boolean;
}

/**
 * Serves two modules:
 * - `virtual:chiplens-matcher`: `MATCHER_JSON`, the compiled MatcherData as a JSON string, and a default export that
 *   parses it on first call (V8 parses a string given to `JSON.parse` faster than the equivalent object literal). Only
 *   the service worker bundles it: it stores the string for the content script (lib/detection/stored.ts), whose
 *   script then stays small, and small is what makes its evaluation (one task the page waits for) short.
 * - `virtual:chiplens-matcher-build`: `MATCHER_BUILD`, a hash of that JSON, so the content script knows whether the
 *   stored copy is the one it was built with.
 */
export function chiplensDataset(options: ChiplensDatasetOptions = {}): Plugin {
  let dataDir = options.dataDir;
  return {
    name: 'chiplens-dataset',
    configResolved(config) {
      dataDir ??= resolve(config.root, 'lib/dataset/data');
    },
    resolveId(id) {
      if (id === MATCHER_MODULE_ID) return RESOLVED_ID;
      if (id === MATCHER_BUILD_MODULE_ID) return RESOLVED_BUILD_ID;
      return undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID && id !== RESOLVED_BUILD_ID) return undefined;
      const dir = dataDir ?? resolve(process.cwd(), 'lib/dataset/data');
      const entities = FILES.flatMap((name) => {
        const file = resolve(dir, `${name}.json`);
        this.addWatchFile(file);
        return (JSON.parse(readFileSync(file, 'utf8')) as DatasetFile).entities;
      });
      const json = JSON.stringify(
        compileMatcherData(entities, { prebuildAutomaton: options.prebuildAutomaton ?? true }),
      );
      const build = createHash('sha256').update(json).digest('hex').slice(0, 16);
      if (id === RESOLVED_BUILD_ID) return `export const MATCHER_BUILD = ${JSON.stringify(build)};\n`;
      return [
        `export const MATCHER_BUILD = ${JSON.stringify(build)};`,
        `export const MATCHER_JSON = ${JSON.stringify(json)};`,
        'let data;',
        'export default function loadMatcherData() {',
        '  return (data ??= JSON.parse(MATCHER_JSON));',
        '}',
        '',
      ].join('\n');
    },
  };
}
