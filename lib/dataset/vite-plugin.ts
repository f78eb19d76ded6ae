import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { compileMatcherData } from '../detection/compile.ts';
import type { DatasetFile } from './types';

export const MATCHER_MODULE_ID = 'virtual:chiplens-matcher';
const RESOLVED_ID = `\0${MATCHER_MODULE_ID}`;
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
 * Serves `virtual:chiplens-matcher`, whose default export is the compiled MatcherData, so the content script gets
 * only the matcher's compact data instead of the full dataset. Emitted as `JSON.parse("...")`, which V8 parses faster
 * than the equivalent object literal.
 */
export function chiplensDataset(options: ChiplensDatasetOptions = {}): Plugin {
  let dataDir = options.dataDir;
  return {
    name: 'chiplens-dataset',
    configResolved(config) {
      dataDir ??= resolve(config.root, 'lib/dataset/data');
    },
    resolveId(id) {
      return id === MATCHER_MODULE_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const dir = dataDir ?? resolve(process.cwd(), 'lib/dataset/data');
      const entities = FILES.flatMap((name) => {
        const file = resolve(dir, `${name}.json`);
        this.addWatchFile(file);
        return (JSON.parse(readFileSync(file, 'utf8')) as DatasetFile).entities;
      });
      const json = JSON.stringify(
        compileMatcherData(entities, { prebuildAutomaton: options.prebuildAutomaton ?? true }),
      );
      return `export default JSON.parse(${JSON.stringify(json)});\n`;
    },
  };
}
