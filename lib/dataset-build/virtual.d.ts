/** Served by `chiplensDataset()` (lib/dataset-build/vite-plugin.ts): the matcher data compiled from the dataset. */
declare module 'virtual:chiplens-matcher' {
  /** Hash of MATCHER_JSON. */
  export const MATCHER_BUILD: string;
  /** The compiled MatcherData as JSON. */
  export const MATCHER_JSON: string;
  /** Parses MATCHER_JSON on the first call (the same object afterwards). */
  export default function loadMatcherData(): import('../detection/types').MatcherData;
}

/** Served by `chiplensDataset()`: which matcher data this build was made with (for the content script). */
declare module 'virtual:chiplens-matcher-build' {
  export const MATCHER_BUILD: string;
}
