/** Pure re-anchoring on the page's joined visible text (lib/page maps offsets to DOM Ranges). */
export {
  type AnchorOptions,
  type AnchorResult,
  type AnchorTarget,
  anchor,
  anchorAll,
  anchorAllSteps,
  anchorPrepared,
  prepareText,
} from './anchor';
export { CONTEXT_CHARS, describe, MAX_CONTEXT_CHARS } from './describe';
