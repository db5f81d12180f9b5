// The dashboard's entry: the router over the route table (routes.js).
import './style.css';
import { h, clear, link } from './dom.js';
import { matchRoute, href } from './routes.js';
import { errorView } from './components.js';
import { destroyCharts, liveChartCount } from './charts.js';

const app = document.getElementById('app');
let seq = 0;

function nav(active) {
  return h('nav', { class: 'topnav' },
    h('a', { href: href('landing'), class: 'brand' }, h('span', { class: 'brand-dot', 'aria-hidden': 'true' }), 'cinelake'),
    link(href('landing'), 'Report', active === 'landing' ? 'navlink active' : 'navlink'),
    link(href('trends'), 'Trends', active === 'trends' ? 'navlink active' : 'navlink'),
    link(href('runs'), 'Runs', active === 'runs' ? 'navlink active' : 'navlink'));
}

async function render() {
  const my = ++seq;
  const match = matchRoute(location.hash);
  let page = match ? match.route.page : 'landing';
  /** @type {import('./routes.js').PageResult} */
  let result;
  app.setAttribute('aria-busy', 'true');
  try {
    result = match ? await match.route.load(match) : errorView('No such page.');
  } catch (e) {
    result = errorView(e.message || String(e));
  }
  if (my !== seq) return;  // a newer navigation won
  const { node, after } = result instanceof Node ? { node: result, after: undefined } : result;
  // The page being left takes its charts with it: Chart.js keeps every chart
  // (and its resize observer) alive until destroyed.
  destroyCharts();
  clear(app).append(nav(page), node);
  app.dataset.page = page;
  if (after) after();
  app.dataset.charts = String(liveChartCount());
  app.removeAttribute('aria-busy');
  const back = app.querySelector('[data-action="back"]');
  if (back) back.addEventListener('click', (e) => {
    if (history.length > 1) { e.preventDefault(); history.back(); }
  });
  if (!location.hash.includes('/season/')) window.scrollTo(0, 0);
  document.dispatchEvent(new CustomEvent('cinelake:rendered', { detail: { page } }));
}

window.addEventListener('hashchange', render);
render();
