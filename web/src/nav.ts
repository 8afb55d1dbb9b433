/** Go to another page of the explorer without a reload (main.ts renders on popstate). */
export function go(path: string): void {
  history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
