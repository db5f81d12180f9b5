// Where to watch: the country selector, a title's providers by offer type,
// and the landing page's "New on streaming" / "Leaving" cards. TMDB's watch
// provider data comes from JustWatch, whose credit is shown wherever it is.
import { h, picture, link } from './dom.js';
import * as fmt from './format.js';
import { href } from './routes.js';
import { card } from './components.js';

/** @typedef {import('./api-types.js').TitleWatch} TitleWatch */
/** @typedef {import('./api-types.js').StreamingAnswer} StreamingAnswer */
/** @typedef {import('./api-types.js').StreamingChange} StreamingChange */

const STORE_KEY = 'cinelake.country';
const OFFER_LABELS = { subscription: 'Stream', free: 'Free', ads: 'With ads', rent: 'Rent', buy: 'Buy' };

/** The chosen country: the last one picked, else US. @returns {string} */
export function chosenCountry() {
  try {
    const c = localStorage.getItem(STORE_KEY);
    if (c && /^[A-Z]{2}$/.test(c)) return c;
  } catch { /* storage refused: the default */ }
  return 'US';
}

/** @param {string} country */
function chooseCountry(country) {
  try { localStorage.setItem(STORE_KEY, country); } catch { /* kept for this page only */ }
}

/**
 * A select of the countries with provider data; picking one stores it and
 * calls onPick (which re-renders).
 * @param {string[]} countries @param {string} current @param {(c: string) => void} onPick
 */
export function countrySelect(countries, current, onPick) {
  const all = countries.includes(current) ? countries : [...countries, current].sort();
  const select = h('select', { class: 'country-picker', 'aria-label': 'Country', 'data-testid': 'country-picker' },
    all.map((c) => h('option', { value: c, selected: c === current }, c)));
  select.addEventListener('change', () => { chooseCountry(select.value); onPick(select.value); });
  return select;
}

export function justWatchCredit() {
  return h('p', { class: 'justwatch', 'data-role': 'justwatch' }, 'Streaming data by ',
    h('a', { href: 'https://www.justwatch.com/', rel: 'noopener noreferrer', target: '_blank' }, 'JustWatch'));
}

/** @param {TitleWatch} watch @param {string} country */
function offersOf(watch, country) {
  const byType = watch.offers[country] || {};
  const types = Object.keys(OFFER_LABELS).filter((t) => byType[t] && byType[t].length);
  if (!types.length) return h('div', { class: 'muted', 'data-testid': 'watch-none' }, `No offers known in ${country}`);
  return h('div', { class: 'watch-types' }, types.map((t) =>
    h('div', { class: 'watch-type', 'data-offer-type': t },
      h('span', { class: 'watch-label' }, OFFER_LABELS[t]),
      h('div', { class: 'logos watch-logos' }, byType[t].map((p) =>
        h('span', { class: 'watch-provider', 'data-provider-id': String(p.id), title: `${p.name} · since ${fmt.date(p.since)}` },
          picture(p.logo, p.name, 'provider')))))));
}

/** The detail page's card. @param {TitleWatch} watch */
export function watchCard(watch) {
  const body = h('div', { class: 'watch-body' });
  const show = (c) => body.replaceChildren(offersOf(watch, c));
  const country = chosenCountry();
  show(country);
  return card('Where to Watch', 'watch-card',
    h('div', { class: 'watch-head' }, countrySelect(watch.countries, country, show)),
    body, justWatchCredit());
}

/** @param {StreamingChange[]} rows @param {string} date @param {string} empty */
function changeList(rows, date, empty) {
  if (!rows.length) return h('div', { class: 'muted' }, empty);
  return h('ul', { class: 'streaming-list' }, rows.map((r) =>
    h('li', { 'data-offer-type': r.offer_type },
      picture(r.logo, r.provider, 'provider'),
      h('span', { class: 'streaming-title' }, link(href('title', { id: r.id }, { date }), r.title || r.id)),
      h('span', { class: 'muted streaming-when' }, `${OFFER_LABELS[r.offer_type] || r.offer_type} · ${fmt.date(r.date)}`))));
}

/**
 * "New on streaming" and "Leaving" over the last 7 days, with the country
 * selector; onPick reloads them for another country.
 * @param {StreamingAnswer} s @param {string} linkDate @param {(c: string) => void} onPick
 */
export function streamingCards(s, linkDate, onPick) {
  return h('div', { class: 'row row-streaming', 'data-testid': 'streaming' },
    card('New on Streaming', 'streaming-card streaming-new',
      h('div', { class: 'card-sub' }, `${fmt.date(s.from)} – ${fmt.date(s.to)} · `, countrySelect(s.countries, s.country, onPick)),
      changeList(s.added, linkDate, `Nothing new in ${s.country} this week`), justWatchCredit()),
    card('Leaving', 'streaming-card streaming-left',
      h('div', { class: 'card-sub' }, `Left a service in the 7 days before ${fmt.date(s.to)}`),
      changeList(s.leaving, linkDate, `Nothing left in ${s.country} this week`), justWatchCredit()));
}
