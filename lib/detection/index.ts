/** Text -> mentions: pure, no DOM. */
export { compileMatcherData } from './compile';
export { createMatcher } from './matcher';
export { normalizeAlias, normalizeText } from './normalize';
export type { Matcher, MatcherData, MatchOptions, Mention } from './types';
