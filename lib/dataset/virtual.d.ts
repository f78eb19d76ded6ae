/** Served by `chiplensDataset()` (lib/dataset/vite-plugin.ts): the matcher data compiled from the dataset. */
declare module 'virtual:chiplens-matcher' {
  const data: import('../detection/types').MatcherData;
  export default data;
}
