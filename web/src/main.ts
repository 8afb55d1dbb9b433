import { ApiError } from './api.js';
import { h } from './dom.js';
import { go } from './nav.js';
import { calculatorPage } from './pages/calculator.js';
import { claimsPage } from './pages/claims.js';
import { comparePage } from './pages/compare.js';
import { frontierPage } from './pages/frontier.js';
import { homePage } from './pages/home.js';
import { runsPage } from './pages/runs.js';
import { scenarioPage } from './pages/scenario.js';
import { sourcesPage } from './pages/sources.js';

/** Pages by path; each fills the page element and keeps its own state in the URL. */
const ROUTES: Array<[RegExp, (page: HTMLElement, match: RegExpMatchArray) => Promise<void> | void, string]> =
  [
    [/^\/$/, (page) => homePage(page), 'home'],
    [/^\/calc\/([\w-]+)$/, (page, m) => calculatorPage(page, m[1] as string), 'home'],
    [/^\/scenario\/([\w-]+)$/, (page, m) => scenarioPage(page, m[1] as string), 'home'],
    [/^\/runs$/, (page) => runsPage(page), 'runs'],
    [/^\/compare$/, (page) => comparePage(page), 'runs'],
    [/^\/frontier$/, (page) => frontierPage(page), 'frontier'],
    [/^\/claims$/, (page) => claimsPage(page), 'claims'],
    [/^\/sources$/, (page) => sourcesPage(page), 'sources'],
  ];

async function render(): Promise<void> {
  // Each visit gets a fresh element: a page still loading when the user moves on keeps
  // filling its own, now detached, element instead of the page that replaced it.
  const page = h('div');
  (document.getElementById('page') as HTMLElement).replaceChildren(page);
  for (const [pattern, show, nav] of ROUTES) {
    const match = location.pathname.match(pattern);
    if (!match) continue;
    for (const link of document.querySelectorAll('nav a'))
      link.classList.toggle('active', link.getAttribute('data-nav') === nav);
    try {
      await show(page, match);
    } catch (error) {
      // Nothing by that name: the whole page says so, not a half-built one.
      if (error instanceof ApiError && error.status === 404) notFound(page, error.message);
      else
        page.append(
          h('p', { class: 'error', role: 'alert' }, error instanceof Error ? error.message : String(error)),
        );
    }
    return;
  }
  notFound(page, `there is no page at ${location.pathname}`);
}

function notFound(page: HTMLElement, why: string): void {
  document.title = 'Not found · gigawatt explorer';
  page.replaceChildren(
    h('h1', { 'data-testid': 'not-found' }, 'Not found'),
    h('p', {}, `${why[0]?.toUpperCase() ?? ''}${why.slice(1)}.`),
    h('p', {}, h('a', { href: '/' }, 'See every scenario and calculator')),
  );
}

/** Same-site links change the page without a reload. */
document.addEventListener('click', (event) => {
  const link = (event.target as Element).closest('a');
  if (!link || link.target || link.hasAttribute('download') || event.metaKey || event.ctrlKey) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
  event.preventDefault();
  go(url.pathname + url.search);
});
window.addEventListener('popstate', () => void render());
void render();
