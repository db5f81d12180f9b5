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
    link(href('charts'), 'Charts', active === 'charts' ? 'navlink active' : 'navlink'),
    link(href('trends'), 'Trends', active === 'trends' ? 'navlink active' : 'navlink'),
    link(href('catalog'), 'Catalog', active === 'catalog' ? 'navlink active' : 'navlink'),
    link(href('runs'), 'Runs', active === 'runs' ? 'navlink active' : 'navlink'));
}

// TMDB's terms ask every product using its API for this notice; IMDb's
// data is for personal, non-commercial use.
function attribution() {
  return h('footer', { class: 'attribution', 'data-role': 'attribution' },
    h('p', {}, 'This product uses the TMDB API but is not endorsed or certified by TMDB. ',
      h('a', { href: 'https://www.themoviedb.org/', rel: 'noopener noreferrer', target: '_blank', class: 'tmdb-name' }, 'TMDB'),
      ' (The Movie Database) supplies popularity, overviews, companies, networks, seasons and episodes.'),
    h('p', {}, 'Titles, ratings, votes and people come from IMDb through the imdb236 API, for personal and non-commercial use. ',
      link(href('about'), 'About the data and its terms', 'footlink about-link')));
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
  clear(app).append(nav(page), node, attribution());
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
