/**
 * Where the content script gets its matcher data: from its start-up read of extension storage (see app.ts), where the
 * service worker keeps this build's copy, or, when that is missing or from another build (the moments after install or
 * update), from the service worker itself. Not bundled into this script: its
 * evaluation is one task the page waits for, and the data was over half of the script.
 */
import { MATCHER_BUILD } from 'virtual:chiplens-matcher-build';
import { MATCHER_STORAGE_KEY, parseMatcherJson, readStoredMatcher } from '../../lib/detection/stored';
import type { MatcherData } from '../../lib/detection/types';
import { sendToBackground } from '../../lib/messaging';

export async function loadMatcherData(stored: Record<string, unknown>): Promise<MatcherData> {
  const data = readStoredMatcher(stored[MATCHER_STORAGE_KEY], MATCHER_BUILD);
  if (data) return data;
  const { json } = await sendToBackground('matcher:data', {});
  return parseMatcherJson(json);
}
