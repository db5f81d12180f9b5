// The dashboard's entry: a hash router over the pages.
import './style.css';
import { h, clear, link } from './dom.js';
import { parseHash } from './routes.js';
import { errorView } from './components.js';
import { landingPage } from './pages/landing.js';
import { kpiPage } from './pages/kpi.js';
import { detailPage } from './pages/detail.js';
import { trendsPage } from './pages/trends.js';

const app = document.getElementById('app');
let seq = 0;

function nav(active) {
  return h('nav', { class: 'topnav' },
    h('a', { href: '#/', class: 'brand' }, h('span', { class: 'brand-dot', 'aria-hidden': 'true' }), 'cinelake'),
    link('#/', 'Report', active === 'landing' ? 'navlink active' : 'navlink'),
    link('#/trends', 'Trends', active === 'trends' ? 'navlink active' : 'navlink'));
}

async function render() {
  const my = ++seq;
  const { parts, params } = parseHash(location.hash);
  let page = 'landing';
  let result;
  app.setAttribute('aria-busy', 'true');
  try {
    if (parts.length === 0) result = await landingPage(params);
    else if (parts[0] === 'kpi' && parts[1]) { page = 'kpi'; result = await kpiPage(parts[1], params); }
    else if (parts[0] === 'title' && parts[1]) {
      page = 'detail';
      result = await detailPage(parts[1], params, parts[2] === 'season' ? parts[3] : undefined);
    } else if (parts[0] === 'trends') { page = 'trends'; result = await trendsPage(params); }
    else result = errorView('No such page.');
  } catch (e) {
    result = errorView(e.message || String(e));
  }
  if (my !== seq) return;  // a newer navigation won
  const { node, after } = result instanceof Node ? { node: result } : result;
  clear(app).append(nav(page), node);
  app.dataset.page = page;
  app.removeAttribute('aria-busy');
  if (after) after();
  const back = app.querySelector('[data-action="back"]');
  if (back) back.addEventListener('click', (e) => {
    if (history.length > 1) { e.preventDefault(); history.back(); }
  });
  if (!location.hash.includes('/season/')) window.scrollTo(0, 0);
  document.dispatchEvent(new CustomEvent('cinelake:rendered', { detail: { page } }));
}

window.addEventListener('hashchange', render);
render();
