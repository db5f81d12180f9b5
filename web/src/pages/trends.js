// Trends: popularity and rank of several titles over a date range.
import { h, picture, clear } from '../dom.js';
import * as fmt from '../format.js';
import { fetchDates, fetchTop10, fetchTrends, searchTitles } from '../api.js';
import { href } from '../routes.js';
import { card } from '../components.js';
import { trendsChart } from '../charts.js';


/** @param {URLSearchParams} params */
export async function trendsPage(params) {
  const dates = await fetchDates();
  if (!dates.dates.length) throw new Error('The lake has no snapshots yet.');
  let ids = (params.get('ids') || '').split(',').filter(Boolean);
  if (!ids.length) {
    const landing = await fetchTop10();
    ids = landing.top10.slice(0, 5).map((r) => r.id);
  }
  const first = dates.dates[0];
  const last = dates.latest;
  const to = params.get('to') || last;
  const defFrom = dates.dates[Math.max(0, dates.dates.length - 30)];
  const from = params.get('from') || defFrom;
  const data = await fetchTrends(ids, from, to);

  const go = (next) => { location.hash = href('trends', {}, { ids: (next.ids ?? ids).join(','), from: next.from ?? from, to: next.to ?? to }); };
  const fromIn = h('input', { type: 'date', value: data.from, min: first, max: last, 'aria-label': 'From' });
  const toIn = h('input', { type: 'date', value: data.to, min: first, max: last, 'aria-label': 'To' });
  fromIn.addEventListener('change', () => go({ from: fromIn.value }));
  toIn.addEventListener('change', () => go({ to: toIn.value }));

  const chips = h('ul', { class: 'chips' }, data.series.map((s) => h('li', { class: 'chip' },
    h('a', { href: href('title', { id: s.id }), class: 'chip-title' }, s.title),
    h('button', { type: 'button', class: 'chip-x', 'aria-label': `Remove ${s.title}`, onclick: () => go({ ids: ids.filter((x) => x !== s.id) }) }, '\u2715'))));

  const addInput = h('input', { type: 'search', placeholder: 'Add a title…', class: 'search-input', maxlength: '100', 'aria-label': 'Add a title' });
  const addList = h('ul', { class: 'search-results', hidden: true });
  let timer = null;
  addInput.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = addInput.value.trim();
      if (!q) { addList.hidden = true; return; }
      const res = await searchTitles(q);
      clear(addList);
      for (const r of res.results) {
        addList.append(h('li', null, h('button', { type: 'button', class: 'search-hit', onclick: () => go({ ids: [...ids.filter((x) => x !== r.id), r.id].slice(-10) }) },
          picture(r.poster, r.title, 'thumb'), h('span', { class: 'search-title' }, r.title), h('span', { class: 'search-meta' }, r.type_label))));
      }
      if (!res.results.length) addList.append(h('li', { class: 'search-none' }, 'No match'));
      addList.hidden = false;
    }, 150);
  });

  const popCanvas = h('canvas', { role: 'img', 'aria-label': 'Popularity over time' });
  const rankCanvas = h('canvas', { role: 'img', 'aria-label': 'Rank over time' });
  document.title = 'cinelake · Trends';
  const node = h('div', { class: 'page trends' },
    card(null, 'trends-controls',
      h('h1', { class: 'page-title' }, 'Trends'),
      h('div', { class: 'controls' },
        h('label', null, 'From ', fromIn), h('label', null, 'To ', toIn),
        h('div', { class: 'search' }, addInput, addList)),
      chips),
    h('div', { class: 'trends-charts' },
      card('Popularity', 'chart-card', h('div', { class: 'chart-box tall', 'data-testid': 'trend-popularity' }, popCanvas)),
      card('Rank (1 on top)', 'chart-card', h('div', { class: 'chart-box tall', 'data-testid': 'trend-rank' }, rankCanvas))));
  return {
    node,
    after: () => {
      trendsChart(popCanvas, data.dates, data.series, 'popularity');
      trendsChart(rankCanvas, data.dates, data.series, 'ranks');
    },
  };
}
