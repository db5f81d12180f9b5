// Movie and series detail pages, and a season's episode list.
import { h, picture, link } from '../dom.js';
import * as fmt from '../format.js';
import { fetchTitle, fetchSeason } from '../api.js';
import { href } from '../routes.js';
import { card, table, marks, stars, gauge, searchBox } from '../components.js';
import { rankTrendChart } from '../charts.js';
import { icon } from '../icons.js';
import { watchCard } from '../watch.js';

/** @typedef {import('../api-types.js').TitleDetail} TitleDetail */

function stat(pairs) {
  return h('div', { class: 'stat' }, pairs.map(([value, label, testid]) =>
    h('div', { class: 'stat-item' }, h('div', { class: 'stat-value', 'data-testid': testid || null }, value), h('div', { class: 'stat-label' }, label))));
}

// The IMDB-list rank beside the title's rank in TMDB's whole catalog (a link
// to its catalog trend), and the votes.
/** @param {TitleDetail} d */
function rankCard(d) {
  const c = d.catalog;
  const catalogRank = c && c.rank !== null
    ? link(href('catalog', {}, { id: c.tmdb_id }), `#${c.rank.toLocaleString('en-US')}`, 'catalog-rank-link')
    : fmt.BLANK;
  return card(null, 'stat-card rank', stat([[fmt.text(d.rank), 'Rank Today', 'rank-today'],
    [catalogRank, c ? `Catalog Rank of ${c.ranked.toLocaleString('en-US')}` : 'Catalog Rank', 'catalog-rank'],
    [fmt.compact(d.votes), 'Total Vote']]));
}

function people(list, empty = fmt.BLANK) {
  if (!list.length) return h('div', { class: 'muted' }, empty);
  return h('ul', { class: 'people' }, list.map((p) => h('li', null, picture(p.photo, p.name, 'face'), h('span', null, p.name))));
}

function orgLogos(list) {
  if (!list.length) return h('div', { class: 'muted' }, fmt.BLANK);
  return h('div', { class: 'logos' }, list.map((o) => picture(o.logo, o.name, 'logo')));
}

/** @param {TitleDetail} d */
function castTable(d) {
  const cols = [
    { head: '', cls: 'face-cell', cell: (p) => picture(p.photo, p.name, 'face') },
    { head: 'Name', cls: 'left strong', cell: (p) => p.name },
    { head: 'Characters', cls: 'left', cell: (p) => fmt.list(p.characters) },
  ];
  return table(cols, d.cast, { cls: 'cast-table', empty: 'No cast listed' });
}

/** @param {TitleDetail} d */
function popularityGauge(d) {
  const p = d.popularity;
  return gauge({
    value: p.today, min: p.min, max: p.max, label: p.today === null ? fmt.BLANK : p.today.toFixed(2), tone: 'pop',
    tooltip: [['Popularity', p.today === null ? fmt.BLANK : p.today.toFixed(2)], ['Popularity Yesterday', p.yesterday === null ? fmt.BLANK : p.yesterday.toFixed(2)]],
  });
}

/** @param {TitleDetail} d @param {(() => void)[]} mount */
function trendCard(d, mount) {
  const canvas = h('canvas', { 'aria-label': 'Rank over the last 30 days', role: 'img' });
  const known = d.trend.ranks.filter((r) => r !== null).length;
  const box = card('Rank Trend Last 30 Days', 'trend-card',
    h('div', { class: 'chart-box', 'data-testid': 'rank-trend', 'data-points': String(d.trend.dates.length), 'data-known': String(known) }, canvas));
  mount.push(() => rankTrendChart(canvas, d.trend));
  return box;
}

/** @param {TitleDetail} d */
function chartCard(d) {
  const c = d.chart;
  const peak = c && c.peak_rank !== null ? `#${c.peak_rank}` : fmt.BLANK;
  return card('On the List', 'chart-card',
    stat([
      [c ? String(c.days_on_list) : fmt.BLANK, 'Current Streak', 'streak'],
      [peak, c && c.peak_date ? `Peak · ${fmt.date(c.peak_date)}` : 'Peak', 'peak'],
      [c && c.debut_date ? fmt.date(c.debut_date) : fmt.BLANK, 'Debut', 'debut'],
      [c ? fmt.text(c.total_days_on_list) : fmt.BLANK, 'Days in Total', 'total-days'],
    ]));
}

// The pass-through columns (details) placed on their own; every other one is
// listed under the overview, labelled from its column name, so a column added
// to dim_content shows with no edit here.
const PLACED_DETAILS = new Set(['tagline']);

/** @param {string} column */
function detailLabel(column) {
  return column.split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

/** @param {string | number | boolean | null} v */
function detailValue(v) {
  if (typeof v === 'string' && /^https?:\/\//.test(v)) return h('a', { href: v, rel: 'noopener noreferrer', target: '_blank' }, v);
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  return fmt.text(v);
}

/** @param {TitleDetail} d */
function otherDetails(d) {
  const rows = Object.entries(d.details).filter(([k, v]) => !PLACED_DETAILS.has(k) && v !== null);
  if (rows.length === 0) return null;
  return h('dl', { class: 'details' }, rows.map(([k, v]) => [h('dt', null, detailLabel(k)), h('dd', { 'data-detail': k }, detailValue(v))]));
}

/** @param {TitleDetail} d */
function overviewCard(d) {
  const tagline = d.details.tagline;
  return card(null, 'overview-card',
    typeof tagline === 'string' ? h('h2', { class: 'tagline' }, tagline) : null,
    h('p', { class: 'overview', title: d.overview || '' }, fmt.cut(d.overview)),
    h('p', { class: 'subgenres' }, fmt.list([...d.genres, ...d.interests])),
    otherDetails(d));
}

/** @param {TitleDetail} d @param {Node | Node[]} extra */
function headerBar(d, extra) {
  return h('header', { class: 'detail-head' },
    h('div', { class: 'head-left' },
      h('a', { href: href('landing'), class: 'icon-button back-button', title: 'Back', 'aria-label': 'Back', 'data-action': 'back' }, icon('back')),
      h('h1', { class: 'detail-title', 'data-testid': 'detail-title' }, d.title),
      extra),
    h('div', { class: 'head-right' }, searchBox({ date: '' }), marks(), stars(d.rating)));
}

/** @param {TitleDetail} d @param {(() => void)[]} mount */
function movie(d, mount) {
  const roi = d.roi;
  return h('div', { class: 'page detail detail-movie' },
    headerBar(d, h('span', { class: 'detail-sub' }, `(${fmt.date(d.release_date)})`)),
    h('div', { class: 'detail-grid movie-grid' },
      h('div', { class: 'poster-col' }, picture(d.poster, d.title, 'big')),
      card(null, 'stat-card money', stat([[fmt.money(d.revenue), 'Total Revenue'], [fmt.money(d.budget), 'Total Budget']])),
      card('ROI', 'gauge-card roi', gauge({ value: roi === null ? null : Math.max(-1, Math.min(roi, 4)), min: -1, max: 4, label: fmt.percent(roi), tone: roi !== null && roi < 0 ? 'bad' : 'good' })),
      rankCard(d),
      card('Popularity', 'gauge-card pop', popularityGauge(d)),
      chartCard(d),
      watchCard(d.watch),
      overviewCard(d),
      card(null, 'facts-card', h('div', { class: 'facts' }, h('span', { class: 'big-fact' }, fmt.runtime(d.runtime)), h('span', null, fmt.list(d.genres)))),
      card('Production Companies', 'companies-card', orgLogos(d.companies)),
      card('Director', 'crew-card', people(d.directors, '(Blank)')),
      card('Cast', 'cast-card', castTable(d)),
      trendCard(d, mount)));
}

/** @param {TitleDetail} d @param {string} date */
function seasonsTable(d, date) {
  const cols = [
    { head: 'Name', cls: 'left strong nowrap', cell: (s) => link(href('season', { id: d.id, n: s.number }, { date }), fmt.text(s.name || `Season ${s.number}`)) },
    { head: '', cls: 'face-cell', cell: (s) => picture(s.poster, s.name || `Season ${s.number}`, 'face') },
    { head: 'Air Date', cls: 'num', cell: (s) => fmt.date(s.air_date) },
    { head: 'Episodes', cls: 'num', cell: (s) => fmt.text(s.episode_count) },
    { head: 'Rating', cls: 'num good', cell: (s) => fmt.rating(s.avg_rating) },
  ];
  return table(cols, d.series.seasons, { cls: 'seasons-table', empty: 'No seasons listed' });
}

/** @param {TitleDetail} d @param {(() => void)[]} mount @param {string} date */
function series(d, mount, date) {
  const s = d.series;
  return h('div', { class: 'page detail detail-series' },
    headerBar(d, [h('span', { class: 'detail-sub' }, `\u2013 ${fmt.text(d.status)}`), h('div', { class: 'head-networks' }, d.networks.map((n) => picture(n.logo, n.name, 'logo')))]),
    h('div', { class: 'detail-grid series-grid' },
      h('div', { class: 'poster-col' }, picture(d.poster, d.title, 'big')),
      card(null, 'stat-card seasons', stat([[String(s.season_count), 'Seasons'], [String(s.episode_count), 'Episodes']])),
      card(null, 'stat-card airdates', stat([[fmt.date(s.first_air_date), 'First Air Date'], [fmt.date(s.last_air_date), 'Last Air Date']])),
      rankCard(d),
      card('Popularity', 'gauge-card pop', popularityGauge(d)),
      chartCard(d),
      watchCard(d.watch),
      trendCard(d, mount),
      overviewCard(d),
      card(null, 'facts-card', h('div', { class: 'facts' }, h('span', { class: 'big-fact' }, fmt.runtime(d.list_runtime)), h('span', null, fmt.list(d.genres)))),
      card('Production Companies', 'companies-card', orgLogos(d.companies)),
      card('Creators', 'crew-card', people([...d.creators, ...d.writers.filter((w) => !d.creators.some((c) => c.id === w.id))], '(Blank)')),
      card('Cast', 'cast-card', castTable(d)),
      card('Seasons Breakdown', 'seasons-card', seasonsTable(d, date))));
}

async function seasonPanel(id, n, date) {
  const data = await fetchSeason(id, n);
  const cols = [
    { head: '', cls: 'still-cell', cell: (e) => picture(e.still, e.title, 'still') },
    { head: '#', cls: 'num', cell: (e) => String(e.number) },
    { head: 'Title', cls: 'left strong', cell: (e) => fmt.text(e.title) },
    { head: 'Type', cell: (e) => h('span', { class: `ep-type ep-${(e.type || 'none').replace(/[^a-z_]/g, '')}` }, e.type_label) },
    { head: 'Rating', cls: 'num', cell: (e) => fmt.rating(e.rating) },
    { head: 'Runtime', cls: 'num', cell: (e) => fmt.runtime(e.runtime) },
    { head: 'Air Date', cls: 'num', cell: (e) => fmt.date(e.air_date) },
    { head: 'Total Vote', cls: 'num', cell: (e) => fmt.compact(e.votes) },
  ];
  const close = h('a', { href: href('title', { id }, { date }), class: 'icon-button', title: 'Close', 'aria-label': 'Close' }, '\u2715');
  return h('div', { class: 'overlay', role: 'dialog', 'aria-modal': 'true' },
    h('div', { class: 'card season-panel' },
      h('div', { class: 'panel-head' },
        h('div', null, h('h2', { class: 'card-title' }, `${data.title} \u2013 ${data.season.name || `Season ${data.season.number}`}`),
          h('div', { class: 'card-sub' }, `${data.episodes.length} episodes · aired ${fmt.date(data.season.air_date)}`)),
        close),
      table(cols, data.episodes, { cls: 'episodes-table', empty: 'No episodes listed' })));
}

/** @param {string} id @param {URLSearchParams} params @param {string} [season] */
export async function detailPage(id, params, season) {
  const date = params.get('date') || '';
  const d = await fetchTitle(id, date);
  document.title = `cinelake · ${d.title}`;
  const mount = [];
  const page = d.series ? series(d, mount, date) : movie(d, mount);
  if (season !== undefined) page.append(await seasonPanel(id, season, date));
  return { node: page, after: () => mount.forEach((f) => f()) };
}
