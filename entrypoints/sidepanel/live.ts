/** Small hooks for the side panel's data: Dexie live queries and settings kept in sync with storage. */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { loadSettings, updateSettings, watchSettings } from '../../lib/settings/store';
import type { Settings } from '../../lib/settings/types';

/** Re-runs `query` whenever the tables it read change, in this page or any other of the extension's contexts. */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[], initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const sub = liveQuery(query).subscribe({
      next: (v) => setValue(v),
      error: (e) => console.error('[ChipLens] live query failed', e),
    });
    return () => sub.unsubscribe();
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what the query depends on
  }, deps);
  return value;
}

export function useSettings(): [Settings | null, (next: Settings) => void] {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void loadSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  return [
    settings,
    (next) => {
      // Shown at once: a re-render before the write finished (a live query firing) put the old value back on the
      // controls, so a click could seem not to take.
      setSettings(next);
      void updateSettings(() => next).then(setSettings);
    },
  ];
}
