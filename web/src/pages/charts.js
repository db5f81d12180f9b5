// The Charts view: new entries, longest running and biggest climbers over a
// window of 1, 7 or 30 days ending on a snapshot (docs/dashboard-api.md /api/charts).
import { h } from '../dom.js';
import * as fmt from '../format.js';
import { fetchCharts, fetchDates } from '../api.js';
import { href } from '../routes.js';
import { card, table, titleLink } from '../components.js';

/** @typedef {import('../api-types.js').ChartsAnswer} ChartsAnswer */
/** @typedef {import('../api-types.js').ChartRow} ChartRow */

const WINDOWS = [
  { value: '1', label: 'Day' },
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
];

/** @param {string} window @param {string} date */
function windowSelector(window, date) {
  return h('nav', { class: 'window-selector', 'aria-label': 'Window', 'data-testid': 'chart-window' },
    WINDOWS.map((w) => h('a', {
      class: w.value === window ? 'window-option active' : 'window-option',
      href: href('charts', {}, { window: w.value === '1' ? '' : w.value, date }),
      'aria-current': w.value === window ? 'true' : null,
    }, w.label)));
}

/** @param {string} date */
function rankCols(date) {
  return [
    { head: '#', cls: 'num', cell: (/** @type {ChartRow} */ r) => String(r.rank) },
    { head: 'Title', cls: 'title-cell left', cell: (/** @type {ChartRow} */ r) => titleLink(r, date) },
    { head: 'Type', cell: (/** @type {ChartRow} */ r) => r.type_label },
  ];
}

/** @param {ChartsAnswer} data @param {string} date */
function lists(data, date) {
  const peak = { head: 'Peak', cls: 'num', cell: (/** @type {ChartRow} */ r) => (r.peak_rank === null ? fmt.BLANK : `#${r.peak_rank}`) };
  const newCols = [...rankCols(date), { head: 'Debut', cls: 'num', cell: (/** @type {ChartRow} */ r) => fmt.date(r.debut_date) }];
  const longCols = [...rankCols(date), { head: 'Days', cls: 'num', cell: (/** @type {ChartRow} */ r) => fmt.text(r.days_on_list) }, peak];
  const climbCols = [
    { head: '(+/−)', cls: 'num change up', cell: (/** @type {import('../api-types.js').ClimberRow} */ r) => r.climb_text },
    ...rankCols(date),
    { head: 'From', cls: 'num', cell: (/** @type {import('../api-types.js').ClimberRow} */ r) => `#${r.start_rank}` },
  ];
  const since = data.start_date ? `since ${fmt.date(data.start_date)}` : 'no snapshot that old yet';
  return [
    card('New Entries', 'charts-card new-entries', h('div', { class: 'card-sub' }, 'First time on the list inside the window'),
      table(newCols, data.new_entries, { cls: 'charts-table', empty: 'No new titles' })),
    card('Longest Running', 'charts-card longest-running', h('div', { class: 'card-sub' }, 'Consecutive snapshots on the list'),
      table(longCols, data.longest_running, { cls: 'charts-table' })),
    card('Biggest Climbers', 'charts-card climbers', h('div', { class: 'card-sub', 'data-testid': 'climbers-since' }, `Rank change ${since}`),
      table(climbCols, data.climbers, { cls: 'charts-table', empty: 'No climbers' })),
  ];
}

/** @param {URLSearchParams} params */
export async function chartsPage(params) {
  const window = params.get('window') || '1';
  const date = params.get('date') || '';
  const [data, dates] = await Promise.all([fetchCharts(window, date), fetchDates()]);
  const linkDate = data.date === dates.latest ? '' : data.date;
  document.title = `cinelake · Charts of ${fmt.date(data.date)}`;
  return h('div', { class: 'page charts', 'data-window': String(data.window_days) },
    h('section', { class: 'card charts-head' },
      h('h1', { class: 'headline' }, 'Charts'),
      h('div', { class: 'headline-date' }, fmt.longDate(data.date)),
      windowSelector(String(data.window_days), linkDate)),
    h('div', { class: 'charts-grid' }, lists(data, linkDate)));
}
