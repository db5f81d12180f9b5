// The pipeline against a loopback server answering in the shapes of the real
// imdb236 and TMDB APIs (invented values): crew inside `cast`, popular lists
// carrying the detail fields, no IMDB episodes, integer ratings, nulls,
// seasons only inside the series' detail (append_to_response), an announced
// season, and one title whose IMDB detail always fails. The lake and the
// dashboard must keep what those answers carry.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { BIN, FAST_CLIENT, tempDir } from '../lib/cinelake.mjs';
import { getJson, startServer } from '../dashboard/server.mjs';

const DATE = '2026-10-01';
const CLEAN_ENV = { CINELAKE_IMDB_API_KEY: '', CINELAKE_TMDB_TOKEN: '', CINELAKE_IMDB_BASE_URL: '',
  CINELAKE_TMDB_BASE_URL: '', CINELAKE_SANDBOX_IMDB_KEY: '', CINELAKE_SANDBOX_TMDB_TOKEN: '' };

function runAsync(args, { timeoutMs = 240_000 } = {}) {
  return new Promise((resolve) => {
    const child = spawn(BIN, args, { env: { ...process.env, ...CLEAN_ENV }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
  });
}

const img = (name) => `https://m.media-amazon.com/images/M/${name}.jpg`;
const person = (id, fullName) => ({ id, url: `https://www.imdb.com/name/${id}/`, fullName });
const credit = (id, fullName, job, photo, characters = []) => ({
  ...person(id, fullName), primaryImage: photo ? img(photo) : null, thumbnails: [], job, characters });

// Popular-list entries: every detail field but the people.
const entry = (id, type, title, extra = {}) => ({
  id, url: `https://www.imdb.com/title/${id}/`, primaryTitle: title, originalTitle: title, type,
  description: `About ${title}.`, primaryImage: img(id), thumbnails: [], trailer: null, contentRating: 'PG-13',
  startYear: 2024, endYear: null, releaseDate: '2024-05-01', interests: ['Drama'], countriesOfOrigin: ['US'],
  productionCompanies: [], budget: null, grossWorldwide: null, genres: ['Drama'], isAdult: false,
  runtimeMinutes: type === 'movie' ? 104 : null, averageRating: 7.1, numVotes: 4200, metascore: null, ...extra });
const MOVIES = [
  entry('tt9300001', 'movie', 'Harbour Lights', { originalTitle: 'Feux du Port', averageRating: 8 }),
  entry('tt9300002', 'movie', 'The Broken Detail', { averageRating: 6.4 }),
];
const SERIES = [entry('tt9300050', 'tvSeries', 'Low Tide', { averageRating: 7, runtimeMinutes: null })];
const FAILING = 'tt9300002';

const DETAILS = {
  tt9300001: {
    ...MOVIES[0],
    directors: [person('nm9400001', 'Ilse Brandt')],
    writers: [person('nm9400002', 'Omar Haddad'), person('nm9400001', 'Ilse Brandt')],
    cast: [
      credit('nm9400010', 'June Park', 'actress', 'june', ['Mara']),
      credit('nm9400001', 'Ilse Brandt', 'director', 'ilse'),
      credit('nm9400011', 'Theo Lind', 'actor', null, ['Anton']),
      credit('nm9400002', 'Omar Haddad', 'writer', 'omar'),
      credit('nm9400001', 'Ilse Brandt', 'writer', 'ilse'),
      credit('nm9400001', 'Ilse Brandt', 'producer', 'ilse'),
      credit('nm9400020', 'Sven Okoro', 'composer', null),
      credit('nm9400012', 'Rita Moss', 'actress', 'rita', ['Elena']),
      credit('nm9400021', 'Kai Ueda', 'cinematographer', null),
    ],
  },
  tt9300050: { ...SERIES[0], directors: [], writers: [],
    cast: [credit('nm9400030', 'Noor Vance', 'actress', 'noor', ['Captain'])] },
};

const TMDB_MOVIES = { 930001: 'tt9300001', 930002: 'tt9300002' };
const episode = (season, number, extra = {}) => ({
  air_date: `2025-0${season}-0${number}`, episode_number: number, episode_type: 'standard', id: season * 100 + number,
  name: `Crossing ${season}.${number}`, overview: '', production_code: '', runtime: 40 + number, season_number: season,
  show_id: 950050, still_path: `/still${season}${number}.jpg`, vote_average: 7 + number / 10, vote_count: 10 + number,
  crew: [], guest_stars: [], ...extra });
const SEASONS = {
  1: { _id: 'a1', air_date: '2025-01-01', episodes: [episode(1, 1), episode(1, 2, { vote_average: 8 })], name: 'Season 1',
    overview: '', id: 9501, poster_path: '/s1.jpg', season_number: 1, vote_average: 7.5 },
  2: { _id: 'a2', air_date: '2025-02-01', episodes: [episode(2, 1)], name: 'Season 2', overview: '', id: 9502,
    poster_path: null, season_number: 2, vote_average: 7 },
};
const TV = {
  adult: false, backdrop_path: null, created_by: [{ id: 960001, credit_id: 'c1', name: 'Ada Quill', original_name: 'Ada Quill',
    gender: 1, profile_path: '/ada.jpg' }],
  episode_run_time: [44], first_air_date: '2025-01-01', genres: [], homepage: '', id: 950050, in_production: true,
  languages: ['en'], name: 'Low Tide', networks: [{ id: 97, logo_path: null, name: 'Coast TV', origin_country: 'US' }],
  number_of_episodes: 3, number_of_seasons: 3, original_language: 'en', original_name: 'Low Tide', overview: 'Tides.',
  popularity: 31.5, poster_path: '/lowtide.jpg', production_companies: [], status: 'Returning Series', tagline: null,
  seasons: [
    { air_date: '2025-01-01', episode_count: 2, id: 9501, name: 'Season 1', overview: '', poster_path: '/s1.jpg', season_number: 1, vote_average: 7.5 },
    { air_date: '2025-02-01', episode_count: 1, id: 9502, name: 'Season 2', overview: '', poster_path: null, season_number: 2, vote_average: 7 },
    { air_date: null, episode_count: 0, id: 9503, name: 'Season 3', overview: '', poster_path: null, season_number: 3, vote_average: 0 },
  ],
  type: 'Scripted', vote_average: 7, vote_count: 80,
};

let server;
let url;
const seen = [];
before(async () => {
  server = http.createServer((req, res) => {
    const u = new URL(req.url, 'http://x');
    seen.push(u.pathname + u.search);
    const send = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    // Base URLs are pinned to the run's day (/@<date>): this server plays a
    // dated source, as a sandbox does, so the past test date is allowed.
    const p = u.pathname.replace(/^\/@\d{4}-\d{2}-\d{2}/, '');
    let m;
    if (p.endsWith('/most-popular-movies')) return send(200, MOVIES);
    if (p.endsWith('/most-popular-tv')) return send(200, SERIES);
    if ((m = p.match(/\/find\/(tt\d+)$/))) {
      const movie = Object.entries(TMDB_MOVIES).find(([, tt]) => tt === m[1]);
      const tv = m[1] === 'tt9300050';
      return send(200, { movie_results: movie ? [{ id: Number(movie[0]) }] : [], person_results: [],
        tv_results: tv ? [{ id: 950050, name: 'Low Tide' }] : [], tv_episode_results: [], tv_season_results: [] });
    }
    if ((m = p.match(/\/(tt\d+)\/tmdb-id$/))) {
      if (m[1] === 'tt9300050') return send(200, { imdbId: m[1], tmdbId: 'tv/950050' });
      const movie = Object.entries(TMDB_MOVIES).find(([, tt]) => tt === m[1]);
      return send(200, { imdbId: m[1], tmdbId: movie ? `movie/${movie[0]}` : null });
    }
    if ((m = p.match(/\/movie\/(\d+)$/)) && TMDB_MOVIES[m[1]]) {
      return send(200, { id: Number(m[1]), imdb_id: TMDB_MOVIES[m[1]], title: 'x', overview: 'A plot.', popularity: 50 + Number(m[1]) % 7,
        status: 'Released', original_language: 'en', budget: 0, revenue: 0, production_companies: [], vote_average: 7 });
    }
    if (p.match(/\/tv\/950050$/)) {
      const body = { ...TV };
      for (const part of (u.searchParams.get('append_to_response') ?? '').split(',').slice(0, 20)) {
        const s = part.match(/^season\/(\d+)$/);
        if (s && SEASONS[s[1]]) body[part] = SEASONS[s[1]];
      }
      return send(200, body);
    }
    if ((m = p.match(/\/(tt\d+)$/))) {
      if (m[1] === FAILING) return send(503, { message: 'Service Unavailable' });
      if (DETAILS[m[1]]) return send(200, DETAILS[m[1]]);
    }
    send(404, { status_message: 'The resource you requested could not be found.' });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${server.address().port}`;
});
after(() => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }));

function configFile(dir) {
  const lines = fs.readFileSync(FAST_CLIENT, 'utf8').split('\n');
  const at = (section, extra) => lines.splice(lines.indexOf(`[${section}]`) + 1, 0, ...extra);
  at('imdb', [`base_url = "${url}/@{date}/imdb"`, 'key = "loopback-imdb-key"']);
  at('tmdb', [`base_url = "${url}/@{date}/tmdb"`, 'token = "eyJhbGciOiJIUzI1NiJ9.loopback.token"']);
  at('http', ['max_attempts = 2']);
  const file = path.join(dir, 'client.toml');
  fs.writeFileSync(file, lines.join('\n'));
  return file;
}

async function rows(file) {
  const r = await runAsync(['parquet', 'cat', file, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const text = r.stdout.trim();
  if (text.startsWith('[')) return JSON.parse(text);
  return text.split('\n').filter(Boolean).map((l) => JSON.parse(l));
}
async function table(lake, name) {
  const dir = path.join(lake, name);
  const files = fs.readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.parquet')).map((f) => path.join(dir, f));
  return (await Promise.all(files.map(rows))).flat();
}

let lake;
let title;
let content;
test('a run against real-shaped answers succeeds', { timeout: 300_000 }, async () => {
  const dir = tempDir('real-shapes');
  lake = path.join(dir, 'lake');
  const r = await runAsync(['run', '--lake', lake, '--config', configFile(dir), '--date', DATE]);
  assert.equal(r.code, 0, r.stderr.slice(-3000));
  content = await table(lake, 'gold/dim_content');
  assert.equal(content.length, 3);
  // Seasons are asked inside the series' detail, never one by one.
  assert.ok(seen.some((s) => /\/tv\/950050\?.*append_to_response=season\/1,season\/2/.test(decodeURIComponent(s))), seen.join('\n'));
  assert.equal(seen.filter((s) => /\/season\/\d+$/.test(s.split('?')[0])).length, 0);
});

test('dim_person has the directors and writers photos from their cast entries', async () => {
  const people = await table(lake, 'gold/dim_person');
  const byId = Object.fromEntries(people.map((p) => [p.person_id, p]));
  assert.equal(byId.nm9400001.person_poster, img('ilse'));
  assert.equal(byId.nm9400002.person_poster, img('omar'));
  assert.equal(byId['tmdb:960001'].person_poster, 'https://image.tmdb.org/t/p/w185/ada.jpg');
  const bridge = await table(lake, 'gold/bridge_content_person');
  const roles = bridge.filter((b) => b.person_id === 'nm9400001').map((b) => b.role_type).sort();
  assert.deepEqual(roles, ['director', 'producer', 'writer']);
  assert.deepEqual(bridge.filter((b) => b.person_id === 'nm9400020').map((b) => b.role_type), ['composer']);
});

test('the dashboard lists only actors and actresses as the cast, in billing order', { timeout: 120_000 }, async () => {
  // Only the JSON API is asked: a bare front end will do.
  const web = tempDir('real-shapes-web');
  fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>api only</title>');
  const srv = await startServer(lake, ['--web', web]);
  try {
    title = (await getJson(srv.url, '/api/title/tt9300001')).json;
  } finally {
    await srv.stop();
  }
  assert.deepEqual(title.cast.map((c) => [c.name, c.role, c.order]),
    [['June Park', 'actress', 1], ['Theo Lind', 'actor', 2], ['Rita Moss', 'actress', 3]]);
  assert.deepEqual(title.directors.map((d) => [d.name, d.photo]), [['Ilse Brandt', img('ilse')]]);
});

test('every series has episode votes and a runtime; titles come from IMDB, originals are not copies', async () => {
  const series = content.find((c) => c.content_id === 'tt9300050');
  assert.equal(series.runtime_minutes, 44);  // episode_run_time
  assert.equal(series.average_rating, 7);     // an integer rating
  const episodes = (await table(lake, 'gold/dim_episode')).filter((e) => e.content_id === 'tt9300050');
  assert.equal(episodes.length, 3);
  for (const e of episodes) {
    assert.ok(e.vote_count > 0, JSON.stringify(e));
    assert.ok(e.runtime_minutes > 0, JSON.stringify(e));
    assert.equal(e.original_title ?? null, null);
  }
  assert.equal(episodes.find((e) => e.season_number === 1 && e.episode_number === 2).average_rating, 8);
  const seasons = (await table(lake, 'gold/dim_season')).filter((s) => s.content_id === 'tt9300050');
  const announced = seasons.find((s) => s.season_number === 3);
  assert.equal(announced.air_date ?? null, null);
  assert.equal(announced.episode_count, 0);
  const movie = content.find((c) => c.content_id === 'tt9300001');
  assert.equal(movie.original_title, 'Feux du Port');
  assert.equal(movie.average_rating, 8);
});

test('a title whose IMDB detail fails still has its title and poster from the list', async () => {
  const broken = content.find((c) => c.content_id === FAILING);
  assert.equal(broken.primary_title, 'The Broken Detail');
  assert.equal(broken.content_poster, img(FAILING));
  assert.equal(broken.average_rating, 6.4);
  const errors = await table(lake, 'stg/content_error');
  assert.ok(errors.some((e) => e.content_id === FAILING && e.stage === 'enrich.imdb'));
});
