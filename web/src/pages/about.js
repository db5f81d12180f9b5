// About: where the dashboard's data comes from and on what terms (TMDB's
// notice with its logo, IMDb's non-commercial terms), reached from the
// footer of every page.
import { h } from '../dom.js';
import { card, imdbMark, tmdbMark } from '../components.js';

const external = (url, text) => h('a', { href: url, rel: 'noopener noreferrer', target: '_blank', class: 'footlink' }, text);

/** @returns {Node} */
export function aboutPage() {
  return h('div', { class: 'page about', 'data-role': 'about' },
    h('h1', { class: 'page-title' }, 'About the data'),
    card('Data sources', 'about-sources',
      h('ul', { class: 'about-list' },
        h('li', { 'data-source': 'imdb' }, imdbMark(),
          h('p', {}, h('strong', {}, 'IMDb'), ', through the imdb236 API on RapidAPI: the daily most popular movies and series, ',
            'titles, release dates, genres, interests, ratings, votes, budgets and grosses, and the people (cast and crew).')),
        h('li', { 'data-source': 'tmdb' }, tmdbMark(),
          h('p', {}, external('https://www.themoviedb.org/', 'TMDB'), ' (The Movie Database) API: each title\'s popularity, ',
            'overview, companies, networks, creators, seasons and episodes; TMDB\'s daily export files: the popularity of every title it knows.')))),
    card('Terms', 'about-terms',
      h('p', { 'data-role': 'tmdb-notice' }, tmdbMark(), ' This product uses the TMDB API but is not endorsed or certified by TMDB.'),
      h('p', { 'data-role': 'imdb-terms' }, 'IMDb data is for personal and non-commercial use only. ',
        'Commercial use needs a licence from IMDb; see IMDb\'s ', external('https://www.imdb.com/conditions', 'Conditions of Use'), '.'),
      h('p', {}, 'Whoever runs this dashboard uses their own RapidAPI key and TMDB key under each service\'s terms (',
        external('https://www.themoviedb.org/api-terms-of-use', 'TMDB API terms of use'), ', ',
        external('https://rapidapi.com/terms', 'RapidAPI terms'), '); cinelake is not affiliated with either.')));
}
