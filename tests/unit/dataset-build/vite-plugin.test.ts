import { resolve } from 'node:path';
import loadMatcherData from 'virtual:chiplens-matcher';
import type { ResolvedConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../lib/dataset/load';
import { chiplensDataset, MATCHER_BUILD_MODULE_ID, MATCHER_MODULE_ID } from '../../../lib/dataset-build/vite-plugin';
import { compileMatcherData, createMatcher } from '../../../lib/detection';

type Hook = (this: unknown, ...args: unknown[]) => unknown;

/** Runs the plugin's hooks the way Vite does and returns the emitted module source. */
function emit(
  options: Parameters<typeof chiplensDataset>[0] = {},
  moduleId: string = MATCHER_MODULE_ID,
): { code: string; watched: string[] } {
  const plugin = chiplensDataset(options);
  const watched: string[] = [];
  (plugin.configResolved as Hook).call(null, { root: resolve(__dirname, '../../..') } as ResolvedConfig);
  const id = (plugin.resolveId as Hook).call(null, moduleId) as string;
  const code = (plugin.load as Hook).call({ addWatchFile: (f: string) => watched.push(f) }, id) as string;
  return { code, watched };
}

describe('chiplensDataset()', () => {
  it('emits the compiled matcher data as a JSON string with its build hash, parsed on first use, and watches the data files', () => {
    const { code, watched } = emit();
    const build = /^export const MATCHER_BUILD = "([0-9a-f]{16})";\n/.exec(code)?.[1];
    const literal = /\nexport const MATCHER_JSON = ("(?:[^"\\]|\\.)*");\n/.exec(code)?.[1];
    expect(build).toBeDefined();
    expect(literal).toBeDefined();
    expect(code).toContain('export default function loadMatcherData()');
    const data = JSON.parse(JSON.parse(literal!));
    expect(data).toEqual(
      JSON.parse(JSON.stringify(compileMatcherData(loadDataset().entities, { prebuildAutomaton: true }))),
    );
    expect(watched.map((f) => f.split(/[\\/]/).pop())).toEqual([
      'chip.json',
      'agency.json',
      'company.json',
      'policy.json',
    ]);
  });

  it('serves the content script only the build hash, the same one the data module carries', () => {
    const full = emit().code;
    const { code } = emit({}, MATCHER_BUILD_MODULE_ID);
    expect(code).toMatch(/^export const MATCHER_BUILD = "[0-9a-f]{16}";\n$/);
    expect(full.startsWith(code.trim())).toBe(true);
    // Different data, different build.
    expect(emit({ prebuildAutomaton: false }, MATCHER_BUILD_MODULE_ID).code).not.toBe(code);
  });

  it('leaves other module ids alone', () => {
    const plugin = chiplensDataset();
    expect((plugin.resolveId as Hook).call(null, 'virtual:other')).toBeUndefined();
  });

  it('serves a module the matcher runs on', () => {
    const text = 'Nvidia sold H200 chips; 美国商务部 and BIS set export rules.';
    expect(loadMatcherData()).toBe(loadMatcherData());
    const mentions = createMatcher(loadMatcherData()).match(text);
    expect(mentions.map((m) => text.slice(m.start, m.end))).toEqual(['Nvidia', 'H200', '美国商务部', 'BIS']);
  });
});
