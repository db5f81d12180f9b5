// A KPI card's drill-through: the titles behind the number.
import { h, picture, link } from '../dom.js';
import * as fmt from '../format.js';
import { fetchKpi } from '../api.js';
import { href } from '../routes.js';
import { card, table, arrow, titleLink } from '../components.js';


const INFO = {
  binge: ['Binge Worthy Series', 'High rating (7+) · short episodes (45 min or less) · short total runtime (8 hours or less)'],
  quick: ['Quick Watch Movies', 'High rating (7+) · runtime 90 minutes or less'],
  oncoming: ['Oncoming Titles', 'Announced release dates after the snapshot day'],
  global: ['Global Reach Movies', 'Revenue of $500M or more'],
};

/** @param {string} name @param {URLSearchParams} params */
export async function kpiPage(name, params) {
  const date = params.get('date') || '';
  const data = await fetchKpi(name, date);
  const [title, sub] = INFO[name] || [name, ''];
  const cols = [
    { head: '#', cls: 'num', cell: (r) => h('span', { class: 'rank-cell' }, String(r.rank), arrow(r.arrow)) },
    { head: '', cls: 'num change', cell: (r) => (r.rank_change ? r.change_text : '') },
    { head: 'Poster', cls: 'poster-cell', cell: (r) => picture(r.poster, r.title, 'poster') },
    { head: 'Title', cls: 'title-cell', cell: (r) => titleLink(r, date) },
    { head: 'Genres', cell: (r) => fmt.list(r.genres) },
    { head: 'Rating', cls: 'num good', cell: (r) => fmt.rating(r.rating) },
  ];
  if (name === 'binge') {
    cols.push({ head: 'Avg. Episode Runtime', cls: 'num', cell: (r) => fmt.runtime(r.avg_episode_runtime) });
    cols.push({ head: 'Total Runtime', cls: 'num', cell: (r) => fmt.runtime(r.total_runtime) });
    cols.push({ head: 'Networks', cell: (r) => fmt.list(r.networks.map((n) => n.name)) });
  } else {
    cols.push({ head: 'Runtime', cls: 'num', cell: (r) => fmt.runtime(r.runtime) });
  }
  if (name === 'oncoming') {
    cols.push({ head: 'Release Date', cls: 'num', cell: (r) => fmt.date(r.release_date) });
    cols.push({ head: 'Time Left', cls: 'num strong', cell: (r) => r.time_left });
  }
  if (name === 'global') {
    cols.push({ head: 'Revenue', cls: 'num strong', cell: (r) => fmt.money(r.revenue) });
    cols.push({ head: 'Budget', cls: 'num', cell: (r) => fmt.money(r.budget) });
  }
  cols.push({ head: 'Trailer', cell: (r) => (r.trailer ? h('a', { href: r.trailer, rel: 'noopener noreferrer', target: '_blank' }, 'Watch') : fmt.BLANK) });
  cols.push({ head: 'Year', cls: 'num', cell: (r) => fmt.text(r.year) });
  cols.push({ head: 'Tagline', cell: (r) => fmt.text(r.details.tagline) });
  cols.push({ head: 'Language', cell: (r) => fmt.text(r.language && r.language.toUpperCase()) });
  cols.push({ head: 'Sub Genres', cell: (r) => fmt.list(r.interests) });
  document.title = `cinelake · ${title}`;
  return h('div', { class: 'page kpi-page' },
    card(null, 'kpi-table-card',
      h('div', { class: 'kpi-table-head' },
        h('div', null, h('h1', { class: 'page-title' }, `${title} `, h('span', { class: 'count' }, `(${data.count})`)), h('div', { class: 'card-sub' }, `${sub} · ${fmt.date(data.date)}`)),
        link(href('landing', {}, { date }), '\u21A9 Back to report', 'button back')),
      table(cols, data.titles, { cls: 'kpi-table', empty: 'No titles today' })));
}
