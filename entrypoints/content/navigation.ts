/** Notices same-document navigations (History API, Navigation API, back/forward) and reports the new URL once. */

export function watchUrlChanges(
  onChange: (url: string) => void,
  signal: AbortSignal,
  since: string = location.href,
): void {
  let last = since;
  const check = () => {
    if (location.href !== last) {
      last = location.href;
      onChange(last);
    }
  };
  const nav = (window as Window & { navigation?: EventTarget }).navigation;
  nav?.addEventListener('currententrychange', check, { signal });
  nav?.addEventListener('navigatesuccess', check, { signal });
  window.addEventListener('popstate', check, { signal });
  window.addEventListener('hashchange', check, { signal });
  // pushState from the page's own world raises no event in ours where the Navigation API is missing (Firefox < 147).
  const timer = setInterval(check, 1000);
  signal.addEventListener('abort', () => clearInterval(timer));
  // A navigation that happened before this was called.
  check();
}
