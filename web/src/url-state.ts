/** Page state lives in the query string, so a link reproduces the view. */
export function readState(): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(location.search));
}

/**
 * Write a page's state into the query string, unless the user has moved on from `path`
 * (the page the state belongs to): a late keystroke must not stamp one page's state on another.
 */
export function writeState(state: Record<string, string>, path: string): void {
  if (location.pathname !== path) return;
  const query = new URLSearchParams(Object.entries(state).filter(([, v]) => v !== '')).toString();
  // The fragment (a written scenario) stays as it is.
  const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(null, '', url);
}
