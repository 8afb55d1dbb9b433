/** Page state lives in the query string, so a link reproduces the view. */
export function readState(): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(location.search));
}

export function writeState(state: Record<string, string>): void {
  const query = new URLSearchParams(Object.entries(state).filter(([, v]) => v !== '')).toString();
  const url = `${location.pathname}${query ? `?${query}` : ''}`;
  if (url !== `${location.pathname}${location.search}`) history.replaceState(null, '', url);
}
