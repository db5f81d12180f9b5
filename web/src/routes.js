// The dashboard's hash routes, declared once: the router matches them and
// every link is built from them, so a page and its links cannot drift apart.
// Hash routes let the browser's back button walk the history of views.

/**
 * @typedef {object} RouteMatch
 * @property {Route} route
 * @property {Record<string, string>} args    the pattern's ":name" segments, decoded
 * @property {URLSearchParams} params         the hash's query
 */

/**
 * @typedef {object} Route
 * @property {string} name                     what links ask for: href('title', ...)
 * @property {string} pattern                  "/title/:id/season/:n"
 * @property {string} page                     #app's data-page while shown
 * @property {(m: RouteMatch) => Promise<PageResult>} load
 */

/** @typedef {Node | {node: Node, after?: () => void}} PageResult */

/** @type {Route[]} */
export const ROUTES = [
  { name: 'landing', pattern: '/', page: 'landing', load: async (m) => (await import('./pages/landing.js')).landingPage(m.params) },
  { name: 'kpi', pattern: '/kpi/:name', page: 'kpi', load: async (m) => (await import('./pages/kpi.js')).kpiPage(m.args.name, m.params) },
  { name: 'title', pattern: '/title/:id', page: 'detail', load: async (m) => (await import('./pages/detail.js')).detailPage(m.args.id, m.params) },
  { name: 'season', pattern: '/title/:id/season/:n', page: 'detail', load: async (m) => (await import('./pages/detail.js')).detailPage(m.args.id, m.params, m.args.n) },
  { name: 'charts', pattern: '/charts', page: 'charts', load: async (m) => (await import('./pages/charts.js')).chartsPage(m.params) },
  { name: 'trends', pattern: '/trends', page: 'trends', load: async (m) => (await import('./pages/trends.js')).trendsPage(m.params) },
  { name: 'catalog', pattern: '/catalog', page: 'catalog', load: async (m) => (await import('./pages/catalog.js')).catalogPage(m.params) },
  { name: 'runs', pattern: '/runs', page: 'runs', load: async () => (await import('./pages/runs.js')).runsPage() },
  { name: 'about', pattern: '/about', page: 'about', load: async () => (await import('./pages/about.js')).aboutPage() },
];

const segments = (path) => path.split('/').filter(Boolean);

/**
 * The link to a route: href('season', {id, n}, {date}). Query values that are
 * empty are left out.
 * @param {string} name
 * @param {Record<string, string | number>} [args]
 * @param {Record<string, string | undefined | null>} [query]
 * @returns {string}
 */
export function href(name, args = {}, query = {}) {
  const route = ROUTES.find((r) => r.name === name);
  if (!route) throw new Error(`no route named ${name}`);
  const path = segments(route.pattern).map((s) => (s.startsWith(':') ? encodeURIComponent(String(args[s.slice(1)])) : s));
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) qs.set(k, v);
  const t = qs.toString();
  return `#/${path.join('/')}${t ? `?${t}` : ''}`;
}

/**
 * The route a location hash shows, or null when none matches.
 * @param {string} hash
 * @returns {RouteMatch | null}
 */
export function matchRoute(hash) {
  const raw = (hash || '').replace(/^#/, '') || '/';
  const [path, query = ''] = raw.split('?');
  const parts = segments(path).map(decodeURIComponent);
  const params = new URLSearchParams(query);
  for (const route of ROUTES) {
    const want = segments(route.pattern);
    if (want.length !== parts.length) continue;
    /** @type {Record<string, string>} */
    const args = {};
    if (want.every((w, i) => (w.startsWith(':') ? ((args[w.slice(1)] = parts[i]), parts[i] !== '') : w === parts[i]))) {
      return { route, args, params };
    }
  }
  return null;
}
