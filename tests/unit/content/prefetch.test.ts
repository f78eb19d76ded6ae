import { describe, expect, it } from 'vitest';
import { PREFETCH_KEYS, startPrefetch, takePrefetched } from '../../../entrypoints/content/prefetch';
import { MATCHER_STORAGE_KEY } from '../../../lib/detection/stored';
import { SETTINGS_KEY } from '../../../lib/settings/types';

describe('prefetch: settings and matcher data read at document_start, taken by the content script', () => {
  it('reads the settings and matcher data keys once, and hands the record over once', async () => {
    const world = {};
    const reads: string[][] = [];
    const read = async (keys: string[]) => {
      reads.push(keys);
      return { [SETTINGS_KEY]: { enabled: true } };
    };
    startPrefetch(read, world);
    startPrefetch(read, world);
    expect(reads).toEqual([[SETTINGS_KEY, MATCHER_STORAGE_KEY]]);
    expect(PREFETCH_KEYS).toEqual([SETTINGS_KEY, MATCHER_STORAGE_KEY]);
    expect(await takePrefetched(world)).toEqual({ [SETTINGS_KEY]: { enabled: true } });
    // A second taker (the content script started again) reads storage itself.
    expect(await takePrefetched(world)).toBeNull();
  });

  it('gives null when the early script did not run, or its read failed', async () => {
    expect(await takePrefetched({})).toBeNull();
    const world = {};
    startPrefetch(() => Promise.reject(new Error('storage unavailable')), world);
    expect(await takePrefetched(world)).toBeNull();
  });
});
