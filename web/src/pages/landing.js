// The landing page: the original report's first page, for one day.
import { h, picture, link } from '../dom.js';
import * as fmt from '../format.js';
import { fetchLanding, fetchDates, fetchRuns, fetchStreaming } from '../api.js';
import { href } from '../routes.js';
import { card, table, arrow, marks, searchBox, titleLink } from '../components.js';
import { icon } from '../icons.js';
import { chosenCountry, streamingCards } from '../watch.js';

/** @typedef {import('../api-types.js').Landing} Landing */

const KPIS = [
  { key: 'binge', name: 'Binge Worthy', icon: 'popcorn', note: '7+ rated series · episodes ≤ 45 min · total ≤ 8 h' },
  { key: 'quick', name: 'Quick Watch', icon: 'stopwatch', note: '7+ rated movies · runtime ≤ 90 min' },
  { key: 'oncoming', name: 'Oncoming', icon: 'calendar', note: 'Announced release dates · coming soon' },
  { key: 'global', name: 'Global Reach', icon: 'globe', note: 'Movies with revenue over $500M' },
];

/** @param {Landing} data @param {import('../api-types.js').DatesAnswer} dates */
function header(data, dates) {
  const picker = h('select', { class: 'date-picker', 'aria-label': 'Snapshot date' },
    [...dates.dates].reverse().map((d) => h('option', { value: d, selected: d === data.date }, fmt.date(d))));
  picker.addEventListener('change', () => { location.hash = href('landing', {}, { date: picker.value === dates.latest ? '' : picker.value }); });
  return h('section', { class: 'card header-card' },
    h('h1', { class: 'headline' }, 'Popular Content of'),
    h('div', { class: 'headline-date', 'data-testid': 'landing-date' }, fmt.longDate(data.date)),
    h('div', { class: 'header-row' }, h('span', { class: 'by' }, 'by'), marks()),
    h('div', { class: 'filters' },
      h('label', { class: 'filter' }, icon('funnel', 'filter-icon'), picker),
      searchBox({ date: data.date === dates.latest ? '' : data.date, placeholder: 'Search a title…' })));
}

/** @param {Landing} data */
function trending(data) {
  return card('Trending / Total', 'trending-card',
    h('div', { class: 'trend-grid', 'data-testid': 'trending' },
      data.trending.map((t) => [
        h('div', { class: 'trend-type' }, t.type_label),
        h('div', { class: 'trend-num', title: 'titles that climbed today' }, String(t.trending)),
        h('div', { class: 'trend-num total', title: "titles on today's list" }, String(t.total)),
      ])),
    h('div', { class: 'trend-legend' }, h('span', null, 'climbed today'), h('span', null, 'on the list')));
}

function kpiCard(k, value, date) {
  return h('a', { class: 'card kpi-card', href: href('kpi', { name: k.key }, { date }), 'data-kpi': k.key },
    h('div', { class: 'kpi-head' }, h('span', { class: 'kpi-name' }, k.name), icon(k.icon, `kpi-icon kpi-icon-${k.key}`)),
    h('div', { class: 'kpi-note' }, k.note),
    h('div', { class: 'kpi-value' }, String(value)));
}

function posterCell(r) {
  return picture(r.poster, r.title, 'poster');
}

/**
 * The columns the title tables of the page share: who (poster, title, type,
 * genres) and, last, how long and who is in it.
 * @param {string} date
 */
function whoCols(date) {
  return [
    { head: 'Poster', cls: 'poster-cell', cell: posterCell },
    { head: 'Title', cls: 'title-cell', cell: (r) => titleLink(r, date) },
    { head: 'Type', cell: (r) => r.type_label },
    { head: 'Genres', cell: (r) => fmt.list(r.genres) },
  ];
}
const RUNTIME_CAST_COLS = [
  { head: 'Runtime', cls: 'num', cell: (r) => fmt.runtime(r.runtime) },
  { head: 'Cast', cls: 'cast-cell', cell: (r) => fmt.list(r.cast) },
];

/** @param {Landing} data @param {string} date */
function top10(data, date) {
  const cols = [
    { head: '#', cls: 'num rank', cell: (r) => h('span', { class: 'rank-cell' }, String(r.rank), arrow(r.arrow)) },
    ...whoCols(date),
    { head: 'Rating', cls: 'num', cell: (r) => fmt.rating(r.rating) },
    { head: 'Year', cls: 'num', cell: (r) => fmt.text(r.year) },
    ...RUNTIME_CAST_COLS,
    { head: 'Days', cls: 'num days-cell', cell: (r) => fmt.text(r.days_on_list) },
    { head: 'Peak', cls: 'num peak-cell', cell: (r) => (r.peak_rank === null ? '-' : `#${r.peak_rank}`) },
  ];
  return card('Top 10 Most Popular Contents', 'top10-card', table(cols, data.top10, { cls: 'top10' }));
}

/** @param {Landing} data @param {string} date */
function gems(data, date) {
  const cols = [
    { head: '#', cls: 'num', cell: (r) => String(r.gem_rank) },
    ...whoCols(date),
    { head: 'Year', cls: 'num', cell: (r) => fmt.text(r.year) },
    { head: 'Rating', cls: 'num good', cell: (r) => fmt.rating(r.rating) },
    { head: 'Votes', cls: 'num', cell: (r) => fmt.compact(r.votes) },
    ...RUNTIME_CAST_COLS,
  ];
  return card('Top 20 Hidden Gems', 'gems-card', h('div', { class: 'card-sub' }, 'High ratings (7+) with the fewest votes'), table(cols, data.hidden_gems, { cls: 'gems' }));
}

/** @param {Landing} data */
function networks(data) {
  return card('Top 10 Most Popular Networks', 'networks-card',
    h('ol', { class: 'network-cloud', 'data-testid': 'networks' },
      data.networks.map((n, i) => h('li', { class: `network network-${Math.min(i, 5)}`, title: `${n.name}: ${n.titles} of today's titles` },
        picture(n.logo, n.name, 'logo'), h('span', { class: 'network-count' }, String(n.titles))))),
    data.networks.length ? null : h('div', { class: 'empty' }, 'No series today'));
}

/** @param {string} title @param {import('../api-types.js').MoverRow[]} rows @param {string} date @param {'up' | 'down'} cls */
function movers(title, rows, date, cls) {
  const cols = [
    { head: '(+/−)', cls: `num change ${cls}`, cell: (r) => r.change_text },
    { head: 'Rank', cls: 'num', cell: (r) => h('span', { class: 'rank-cell' }, arrow(cls === 'up' ? 'up' : 'down'), String(r.rank)) },
    { head: 'Title', cls: 'title-cell left', cell: (r) => titleLink(r, date) },
    { head: 'Type', cell: (r) => r.type_label },
  ];
  return card(title, `movers-card movers-${cls}`, table(cols, rows, { cls: 'movers', empty: 'No movers today' }));
}

// Recent days whose latest run failed or warned, so a bad day is seen here too.
/** @param {import('../api-types.js').RunsAnswer | null} runs */
function runBanner(runs) {
  if (!runs) return null;
  /** @type {Map<string, import('../api-types.js').RunRow>} */
  const byDate = new Map();
  for (const r of runs.runs) if (!byDate.has(r.load_date)) byDate.set(r.load_date, r);  // newest first
  const bad = [...byDate.values()].filter((r) => r.verdict === 'failed' || r.verdict === 'degraded');
  if (!bad.length) return null;
  return h('section', { class: 'card run-banner', role: 'status', 'data-testid': 'run-banner' },
    h('strong', null, bad.some((r) => r.verdict === 'failed') ? 'A recent run failed' : 'A recent run was degraded'),
    h('ul', null, bad.slice(0, 5).map((r) => h('li', { 'data-date': r.load_date },
      `${fmt.date(r.load_date)}: ${r.verdict}`,
      r.error ? ` — ${fmt.cut(r.error, 160)}` : '',
      r.verdict === 'degraded' ? ` — ${r.checks.filter((c) => c.status !== 'pass').map((c) => c.name).join(', ')}` : ''))),
    link(href('runs'), 'See the runs', 'footlink'));
}

/** @param {URLSearchParams} params */
export async function landingPage(params) {
  const date = params.get('date') || '';
  const [data, dates, runs, streaming] = await Promise.all([fetchLanding(date), fetchDates(), fetchRuns(30).catch(() => null),
    fetchStreaming(chosenCountry(), date).catch(() => null)]);
  const linkDate = data.date === dates.latest ? '' : data.date;
  const streamingSlot = h('div', { class: 'streaming-slot' });
  const showStreaming = (s) => streamingSlot.replaceChildren(streamingCards(s, linkDate, (c) => {
    fetchStreaming(c, date).then(showStreaming).catch(() => {});
  }));
  if (streaming) showStreaming(streaming);
  document.title = `cinelake · Popular content of ${fmt.date(data.date)}`;
  return h('div', { class: 'page landing' },
    runBanner(runs),
    h('div', { class: 'row row-top' },
      header(data, dates),
      trending(data),
      KPIS.map((k) => kpiCard(k, data.kpis[k.key], linkDate))),
    h('div', { class: 'row row-main' },
      top10(data, linkDate),
      h('div', { class: 'col-right' },
        gems(data, linkDate),
        h('div', { class: 'row row-bottom' },
          networks(data),
          h('div', { class: 'col-movers' },
            movers('Top 10 Raises', data.raises, linkDate, 'up'),
            movers('Top 10 Falls', data.falls, linkDate, 'down'))))),
    streamingSlot,
    h('footer', { class: 'footnote' }, `Snapshot ${data.date}`, data.prev_date ? ` compared with ${data.prev_date}` : ' (first snapshot)', ' · ', link(href('trends', {}, { ids: data.top10.slice(0, 5).map((r) => r.id).join(',') }), 'Compare trends', 'footlink')));
}
