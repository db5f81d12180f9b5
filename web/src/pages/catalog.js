// The Catalog page: the whole TMDB catalog of a day (docs/dashboard-api.md
// /api/catalog) — breakouts into the top 1,000, the biggest climbers of the
// top 10,000 and the top 100 — a search over every title's name, and the
// rank and popularity of a chosen title over every kept day.
import { h, clear, link } from '../dom.js';
import * as fmt from '../format.js';
import { fetchCatalog, fetchCatalogTrend, searchCatalog } from '../api.js';
import { href } from '../routes.js';
import { card, table } from '../components.js';
import { trendsChart } from '../charts.js';

/** @typedef {import('../api-types.js').CatalogRow} CatalogRow */
/** @typedef {import('../api-types.js').CatalogTrendAnswer} CatalogTrendAnswer */

const TYPE_LABEL = { movie: 'Movie', tvSeries: 'Series' };
const typeLabel = (/** @type {string} */ t) => TYPE_LABEL[/** @type {'movie' | 'tvSeries'} */ (t)] || t;
const rank = (/** @type {number | null} */ r) => (r === null ? fmt.BLANK : `#${r.toLocaleString('en-US')}`);
const popularity = (/** @type {number | null} */ p) => (p === null ? fmt.BLANK : p.toFixed(2));

/**
 * A title's name, opening its trend on this page; a title cinelake tracks
 * also links to its detail page.
 * @param {{tmdb_id: string, title: string | null, content_id: string | null}} row @param {string} date
 */
function titleCell(row, date) {
  return h('span', { class: 'catalog-title' },
    link(href('catalog', {}, { id: row.tmdb_id, date }), row.title || row.tmdb_id),
    row.content_id ? link(href('title', { id: row.content_id }), 'IMDB list', 'catalog-detail') : null);
}

/** @param {CatalogRow} r */
function changeText(r) {
  if (r.new_joiner) return 'new';
  if (r.rank_change === null || r.rank_change === 0) return '0';
  return r.rank_change < 0 ? `\u25B2${(-r.rank_change).toLocaleString('en-US')}` : `\u25BC${r.rank_change.toLocaleString('en-US')}`;
}

/** @param {string} date @param {boolean} withChange */
function columns(date, withChange) {
  /** @type {{head: string, cls?: string, cell: (r: CatalogRow) => Node | string}[]} */
  const cols = [
    { head: '#', cls: 'num', cell: (r) => rank(r.rank) },
    { head: 'Title', cls: 'title-cell left', cell: (r) => titleCell(r, date) },
    { head: 'Type', cell: (r) => typeLabel(r.content_type) },
    { head: 'Popularity', cls: 'num', cell: (r) => popularity(r.popularity) },
  ];
  if (withChange) cols.push({ head: '(+/−)', cls: 'num change', cell: (r) => changeText(r) });
  return cols;
}

// Search as one types: the hits open their trend.
/** @param {string} date */
function catalogSearch(date) {
  const input = h('input', { type: 'search', class: 'search-input', placeholder: 'Search the whole catalog…', 'aria-label': 'Search the catalog', maxlength: '100', autocomplete: 'off', 'data-testid': 'catalog-search' });
  const list = h('ul', { class: 'search-results catalog-hits', hidden: true, 'data-testid': 'catalog-hits' });
  let timer = null;
  let seq = 0;
  const run = async () => {
    const q = input.value.trim();
    const my = ++seq;
    if (!q) { list.hidden = true; return; }
    try {
      const res = await searchCatalog(q);
      if (my !== seq) return;
      clear(list);
      if (!res.titles.length) list.append(h('li', { class: 'search-none' }, `No catalog title matches “${q}”`));
      for (const t of res.titles) {
        list.append(h('li', null, h('a', { href: href('catalog', {}, { id: t.tmdb_id, date }), class: 'search-hit catalog-hit' },
          h('span', { class: 'search-title' }, t.title || t.tmdb_id),
          h('span', { class: 'search-meta' }, `${typeLabel(t.content_type)} · ${rank(t.rank)}`))));
      }
      if (res.more) list.append(h('li', { class: 'search-none' }, 'More titles match: type more of the name'));
      list.hidden = false;
    } catch (e) {
      clear(list).append(h('li', { class: 'search-none' }, e.message));
      list.hidden = false;
    }
  };
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(run, 150); });
  input.addEventListener('keydown', (e) => { if (e.key === 'Escape') list.hidden = true; });
  return h('div', { class: 'search catalog-search-box' }, input, list);
}

// The trailing 7-day mean of the known values, for the popularity chart.
/** @param {(number | null)[]} values */
function average7(values) {
  return values.map((v, i) => {
    const known = values.slice(Math.max(0, i - 6), i + 1).filter((x) => x !== null);
    return v === null || !known.length ? null : known.reduce((a, b) => a + b, 0) / known.length;
  });
}

/** @param {CatalogTrendAnswer} t @param {(() => void)[]} mount */
function trendCard(t, mount) {
  const popCanvas = h('canvas', { role: 'img', 'aria-label': `Popularity of ${t.title || t.tmdb_id} over time` });
  const rankCanvas = h('canvas', { role: 'img', 'aria-label': `Catalog rank of ${t.title || t.tmdb_id} over time` });
  const series = [{ title: t.title || t.tmdb_id, ranks: t.ranks, popularity: t.popularity, popularity_avg7: average7(t.popularity) }];
  mount.push(() => {
    trendsChart(popCanvas, t.dates, series, 'popularity');
    trendsChart(rankCanvas, t.dates, series, 'ranks');
  });
  const known = t.ranks.filter((r) => r !== null).length;
  return card(null, 'catalog-trend',
    h('h2', { class: 'card-title', 'data-testid': 'catalog-trend-title' }, `${t.title || t.tmdb_id} `, h('span', { class: 'muted' }, `${typeLabel(t.content_type)} · ${t.tmdb_id}`)),
    h('div', { class: 'card-sub' }, `Ranked on ${known} of ${t.dates.length} kept days`,
      t.content_id ? [' · ', link(href('title', { id: t.content_id }), 'on the IMDB lists')] : null),
    h('div', { class: 'trends-charts' },
      h('div', { class: 'chart-box tall', 'data-testid': 'catalog-trend-popularity', 'data-points': String(t.dates.length), 'data-known': String(known) }, popCanvas),
      h('div', { class: 'chart-box tall', 'data-testid': 'catalog-trend-rank' }, rankCanvas)));
}

/** @param {URLSearchParams} params */
export async function catalogPage(params) {
  const asked = params.get('date') || '';
  const id = params.get('id') || '';
  const data = await fetchCatalog(asked);
  const chosen = id || (data.top.length ? data.top[0].tmdb_id : '');
  const trend = chosen ? await fetchCatalogTrend(chosen) : null;
  const date = data.date === data.last_date ? '' : data.date;
  /** @type {(() => void)[]} */
  const mount = [];
  const dateIn = h('input', { type: 'date', value: data.date, min: data.first_date, max: data.last_date, 'aria-label': 'Catalog date' });
  dateIn.addEventListener('change', () => { location.hash = href('catalog', {}, { date: dateIn.value, id }); });
  const since = data.prev_date ? `compared with ${fmt.date(data.prev_date)}` : 'the first kept day: nothing to compare with';
  document.title = `cinelake · Catalog of ${fmt.date(data.date)}`;
  const node = h('div', { class: 'page catalog' },
    card(null, 'catalog-head',
      h('h1', { class: 'page-title' }, 'Catalog'),
      h('div', { class: 'card-sub', 'data-testid': 'catalog-summary' },
        `${data.ranked.toLocaleString('en-US')} titles ranked on ${fmt.longDate(data.date)}, ${since} · ${data.days} kept days`),
      h('div', { class: 'controls' }, h('label', null, 'Day ', dateIn), catalogSearch(date))),
    trend ? trendCard(trend, mount) : null,
    h('div', { class: 'charts-grid' },
      card('Breakouts', 'charts-card catalog-breakouts',
        h('div', { class: 'card-sub' }, `Entered the top 1,000 (${data.breakouts_total.toLocaleString('en-US')})`),
        table(columns(date, true), data.breakouts, { cls: 'charts-table', empty: 'No breakouts' })),
      card('Biggest Climbers', 'charts-card catalog-climbers',
        h('div', { class: 'card-sub' }, 'Places climbed, within the top 10,000'),
        table(columns(date, true), data.climbers, { cls: 'charts-table', empty: 'No climbers' })),
      card('Top 100', 'charts-card catalog-top',
        h('div', { class: 'card-sub' }, 'The whole catalog by TMDB popularity'),
        table(columns(date, false), data.top, { cls: 'charts-table', empty: 'No titles' }))));
  return { node, after: () => { for (const m of mount) m(); } };
}
