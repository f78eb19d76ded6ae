/** How valibot issues are written in dataset messages: one formatter for every path. */
import type * as v from 'valibot';

/** A valibot issue path as the dataset's messages write it: `facts[2].source.url`; `fallback` for the root. */
export function formatIssuePath(issue: v.BaseIssue<unknown>, fallback = '(entity)'): string {
  const path = (issue.path ?? [])
    .map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`))
    .join('')
    .replace(/^\./, '');
  return path || fallback;
}

/** `<path>: <message>` for one issue. */
export function describeIssue(issue: v.BaseIssue<unknown>, fallback = '(entity)'): string {
  return `${formatIssuePath(issue, fallback)}: ${issue.message}`;
}
