// Pieces shared by the pages: brand marks, stars, gauges, tables, search.
import { h, svg, picture, link, clear } from './dom.js';
import * as fmt from './format.js';
import { searchTitles } from './api.js';
import { href } from './routes.js';
import { icon } from './icons.js';

export function imdbMark() {
  return h('span', { class: 'mark-imdb', 'aria-label': 'IMDb', role: 'img' }, 'IMDb');
}

// TMDB's look: "TM" over "DB" with rounded green-to-blue bars, drawn as SVG.
export function tmdbMark() {
  const s = svg('svg', { class: 'mark-tmdb', viewBox: '0 0 74 40', role: 'img', 'aria-label': 'TMDB' });
  const defs = svg('defs');
  const grad = svg('linearGradient', { id: 'tmdbgrad', x1: '0', y1: '0', x2: '1', y2: '0' },
    svg('stop', { offset: '0', 'stop-color': '#90CEA1' }),
    svg('stop', { offset: '1', 'stop-color': '#01B4E4' }));
  defs.append(grad);
  s.append(defs,
    svg('text', { x: '2', y: '16', class: 'tmdb-t', text: 'TM' }),
    svg('rect', { x: '34', y: '5', width: '38', height: '12', rx: '6', fill: 'url(#tmdbgrad)' }),
    svg('rect', { x: '2', y: '23', width: '36', height: '12', rx: '6', fill: 'url(#tmdbgrad)' }),
    svg('text', { x: '42', y: '35', class: 'tmdb-t', text: 'DB' }));
  return s;
}

export function marks() {
  return h('div', { class: 'marks' }, imdbMark(), tmdbMark());
}

// Ten stars filled to the rating, with "7.50/10".
export function stars(rating) {
  const wrap = h('div', { class: 'stars', title: fmt.ratingOutOf10(rating) });
  const value = typeof rating === 'number' ? rating : 0;
  const row = svg('svg', { viewBox: '0 0 240 24', class: 'stars-svg', 'aria-hidden': 'true' });
  const path = 'M12 1.5l3.1 6.9 7.4.7-5.6 5 1.7 7.4L12 17.6 5.4 21.5l1.7-7.4-5.6-5 7.4-.7z';
  for (let i = 0; i < 10; i++) {
    const fill = Math.max(0, Math.min(1, value - i));
    const g = svg('g', { transform: `translate(${i * 24} 0)` });
    g.append(svg('path', { d: path, class: 'star-empty' }));
    if (fill > 0) {
      const id = `clip${i}-${Math.round(value * 100)}`;
      g.append(svg('clipPath', { id }, svg('rect', { x: 0, y: 0, width: 24 * fill, height: 24 })));
      g.append(svg('path', { d: path, class: 'star-full', 'clip-path': `url(#${id})` }));
    }
    row.append(g);
  }
  wrap.append(row, h('span', { class: 'stars-text' }, fmt.ratingOutOf10(rating)));
  return wrap;
}

function arcPath(cx, cy, r, a0, a1) {
  const p = (a) => [cx + r * Math.cos(a), cy - r * Math.sin(a)];
  const [x0, y0] = p(a0);
  const [x1, y1] = p(a1);
  return `M ${x0} ${y0} A ${r} ${r} 0 0 1 ${x1} ${y1}`;
}

// A half-circle gauge: `value` between `min` and `max`; `label` in the middle.
export function gauge({ value, min, max, label, tone = 'good', tooltip = [] }) {
  const s = svg('svg', { viewBox: '0 0 200 112', class: 'gauge', role: 'img' });
  const frac = typeof value === 'number' && max > min ? Math.max(0, Math.min(1, (value - min) / (max - min))) : 0;
  s.append(svg('path', { d: arcPath(100, 100, 78, Math.PI, 0), class: 'gauge-track' }));
  if (frac > 0.001) {
    s.append(svg('path', { d: arcPath(100, 100, 78, Math.PI, Math.PI - Math.PI * frac), class: `gauge-fill gauge-${tone}` }));
  }
  const a = Math.PI - Math.PI * frac;
  s.append(svg('line', {
    x1: 100 + 60 * Math.cos(a), y1: 100 - 60 * Math.sin(a), x2: 100 + 96 * Math.cos(a), y2: 100 - 96 * Math.sin(a), class: 'gauge-needle',
  }));
  s.append(svg('text', { x: 100, y: 96, class: `gauge-label gauge-label-${tone}`, 'text-anchor': 'middle', text: label }));
  s.append(svg('text', { x: 22, y: 111, class: 'gauge-end', 'text-anchor': 'middle', text: fmt.text(min === undefined ? null : fmt.compact(min)) }));
  s.append(svg('text', { x: 178, y: 111, class: 'gauge-end', 'text-anchor': 'middle', text: fmt.text(max === undefined ? null : fmt.compact(max)) }));
  const box = h('div', { class: 'gauge-box', tabindex: tooltip.length ? '0' : null }, s);
  if (tooltip.length) {
    box.append(h('div', { class: 'tooltip', role: 'tooltip' },
      tooltip.map(([k, v]) => h('div', { class: 'tooltip-row' }, h('span', null, k), h('b', null, v)))));
  }
  return box;
}

export function arrow(dir) {
  const glyph = { up: '\u2191', down: '\u2193', flat: '\u2192' }[dir] || '';
  const label = { up: 'climbed', down: 'dropped', flat: 'unchanged' }[dir] || '';
  return h('span', { class: `arrow arrow-${dir || 'none'}`, title: label, 'aria-label': label }, glyph);
}

export function card(title, cls, ...children) {
  return h('section', { class: `card ${cls || ''}` }, title ? h('h2', { class: 'card-title' }, title) : null, ...children);
}

// A table from column specs {head, cell(row) -> Node|string, cls}.
export function table(columns, rows, { cls = '', empty = 'No titles' } = {}) {
  const thead = h('thead', null, h('tr', null, columns.map((c) => h('th', { class: c.cls || '' }, c.head))));
  const tbody = h('tbody');
  for (const r of rows) tbody.append(h('tr', null, columns.map((c) => h('td', { class: c.cls || '' }, c.cell(r)))));
  if (!rows.length) tbody.append(h('tr', null, h('td', { colspan: columns.length, class: 'empty' }, empty)));
  return h('div', { class: `table-wrap ${cls}` }, h('table', { class: 'grid' }, thead, tbody));
}

/** @param {{id: string, title: string}} row @param {string} date */
export function titleLink(row, date) {
  return link(href('title', { id: row.id }, { date }), fmt.text(row.title));
}

// Title search: debounced; results open the detail page.
/** @param {{date?: string, placeholder?: string}} [opts] */
export function searchBox({ date = '', placeholder = 'Search titles…' } = {}) {
  const input = h('input', { type: 'search', class: 'search-input', placeholder, 'aria-label': 'Search titles', maxlength: '100', autocomplete: 'off' });
  const list = h('ul', { class: 'search-results', role: 'listbox', hidden: true });
  let timer = null;
  let seq = 0;
  const run = async () => {
    const q = input.value.trim();
    const my = ++seq;
    if (!q) {
      list.hidden = true;
      return;
    }
    try {
      const res = await searchTitles(q);
      if (my !== seq) return;
      clear(list);
      if (!res.results.length) list.append(h('li', { class: 'search-none' }, `No title matches “${q}”`));
      for (const r of res.results) {
        list.append(h('li', { role: 'option' }, h('a', { href: href('title', { id: r.id }, { date }), class: 'search-hit' },
          picture(r.poster, r.title, 'thumb'),
          h('span', { class: 'search-title' }, r.title),
          h('span', { class: 'search-meta' }, `${r.type_label} · ${fmt.text(r.year)}${r.rank ? ` · #${r.rank}` : ''}`))));
      }
      list.hidden = false;
    } catch (e) {
      clear(list).append(h('li', { class: 'search-none' }, e.message));
      list.hidden = false;
    }
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') list.hidden = true;
  });
  document.addEventListener('click', (e) => {
    if (!box.contains(e.target)) list.hidden = true;
  });
  const box = h('div', { class: 'search' }, icon('search', 'search-icon'), input, list);
  return box;
}

export function errorView(message) {
  return h('div', { class: 'error-page' }, h('h1', null, 'Something is missing'), h('p', null, message), link(href('landing'), 'Back to the report', 'button'));
}
