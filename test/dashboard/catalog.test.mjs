// The Catalog page's API against DuckDB: the day's lists, search, a title's
// trend and the detail pages' catalog rank, recomputed in SQL from the same
// gold/fact_catalog_popularity and raw/tmdb_export files of the shared 30-day
// sandbox backfill; and bad parameters answered 400 (or 404) with a message
// naming the parameter.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sandboxLake, duckdb } from '../lib/cinelake.mjs';
import { startServer, getJson, raw } from './server.mjs';

let lake;
let server;
let db;
let webDir;
let days;  // every catalog loadDate, ascending

const q = (s) => `'${String(s).replaceAll("'", "''")}'`;

before(async () => {
  lake = await sandboxLake();
  webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cinelake-web-'));
  fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>t</title>');
  server = await startServer(lake, ['--web', webDir]);
  db = await duckdb();
  await db.all(`CREATE VIEW catalog AS SELECT * REPLACE (CAST(popularity AS DOUBLE) AS popularity, strftime(loadDate, '%Y-%m-%d') AS loadDate,
      strftime(prev_load_date, '%Y-%m-%d') AS prev_load_date)
    FROM read_parquet(${q(path.join(lake, 'gold/fact_catalog_popularity/*/*.parquet'))}, hive_partitioning = true, hive_types = {'loadDate': DATE})`);
  await db.all(`CREATE VIEW export AS SELECT (CASE content_type WHEN 'movie' THEN 'movie/' ELSE 'tv/' END) || id AS tmdb_id, title,
      strftime(loadDate, '%Y-%m-%d') AS loadDate
    FROM read_parquet(${q(path.join(lake, 'raw/tmdb_export/*/*.parquet'))}, hive_partitioning = true, hive_types = {'loadDate': DATE})`);
  days = (await db.all('SELECT DISTINCT loadDate AS d FROM catalog ORDER BY 1')).map((r) => r.d);
  assert.ok(days.length >= 2, `the shared lake has ${days.length} catalog days`);
}, { timeout: 600_000 });  // the first suite of a build backfills the shared lake

after(async () => {
  await server?.stop();
  db?.close();
  if (webDir) fs.rmSync(webDir, { recursive: true, force: true });
});

async function api(p, status = 200) {
  const r = await getJson(server.url, p);
  assert.equal(r.status, status, `${p}: ${r.body.slice(0, 300)}`);
  return r.json;
}

const row = (r) => ({ rank: Number(r.rank), tmdb_id: r.tmdb_id, popularity: r.popularity, rank_change: r.rank_change === null ? null : Number(r.rank_change) });
const mine = (r) => ({ rank: r.rank, tmdb_id: r.tmdb_id, popularity: r.popularity, rank_change: r.new_joiner ? null : r.rank_change });
const LIST = (day, where, order) => `SELECT rank, tmdb_id, popularity, CASE WHEN is_new_joiner THEN NULL ELSE rank_change END AS rank_change
  FROM catalog WHERE loadDate = ${q(day)} AND rank IS NOT NULL AND ${where} ORDER BY ${order} LIMIT 100`;

for (const which of ['latest', 'earlier']) {
  test(`catalog page lists of the ${which} day match SQL`, { timeout: 30_000 }, async () => {
    const day = which === 'latest' ? days.at(-1) : days[Math.floor(days.length / 2)];
    const c = await api(which === 'latest' ? '/api/catalog' : `/api/catalog?date=${day}`);
    assert.equal(c.date, day);
    assert.equal(c.days, days.length);
    assert.equal(c.first_date, days[0]);
    assert.equal(c.last_date, days.at(-1));
    const [{ ranked, prev }] = await db.all(`SELECT count(rank) AS ranked, max(prev_load_date) AS prev FROM catalog WHERE loadDate = ${q(day)}`);
    assert.equal(c.ranked, Number(ranked));
    assert.equal(c.prev_date, prev);

    const top = await db.all(LIST(day, 'true', 'rank'));
    assert.deepEqual(c.top.map(mine), top.map(row));
    const names = await db.all(`SELECT tmdb_id, title FROM export WHERE loadDate = ${q(day)} AND tmdb_id IN (${top.map((r) => q(r.tmdb_id)).join(',')})`);
    const byId = new Map(names.map((r) => [r.tmdb_id, r.title]));
    for (const r of c.top.filter((x) => byId.has(x.tmdb_id))) assert.equal(r.title, byId.get(r.tmdb_id), r.tmdb_id);
    assert.ok(byId.size > 0, 'the top titles have names in raw/tmdb_export');

    const entered = 'rank <= 1000 AND (is_new_joiner OR rank - rank_change > 1000)';
    const breakouts = await db.all(LIST(day, entered, 'rank'));
    assert.deepEqual(c.breakouts.map(mine), breakouts.map(row));
    const [{ n }] = await db.all(`SELECT count(*) AS n FROM catalog WHERE loadDate = ${q(day)} AND ${entered}`);
    assert.equal(c.breakouts_total, Number(n));
    const climbers = await db.all(LIST(day, 'rank <= 10000 AND NOT is_new_joiner AND rank_change < 0', 'rank_change, rank'));
    assert.deepEqual(c.climbers.map(mine), climbers.map(row));
    assert.ok(c.climbers.length > 0, 'the sandbox catalog moves every day');
  });
}

test('search folds case and finds titles in any script, best rank first', { timeout: 30_000 }, async () => {
  const latest = days.at(-1);
  for (const needle of ['AMÉLIE', 'the', '千と千尋']) {
    const hits = await db.all(`SELECT e.tmdb_id FROM export e LEFT JOIN catalog c ON c.tmdb_id = e.tmdb_id AND c.loadDate = e.loadDate
      WHERE e.loadDate = ${q(latest)} AND contains(lower(e.title), lower(${q(needle)})) ORDER BY c.rank NULLS LAST LIMIT 51`);
    assert.ok(hits.length > 0, `SQL finds '${needle}' in the latest export`);
    const s = await api(`/api/catalog/search?q=${encodeURIComponent(needle)}`);
    assert.equal(s.query, needle);
    // Titles of the latest day come first, by rank; titles named only by an
    // earlier export day (gone from the latest) follow, unranked.
    const ranked = s.titles.filter((t) => t.rank !== null);
    assert.deepEqual(ranked.map((t) => t.tmdb_id), hits.slice(0, Math.min(50, hits.length)).map((h) => h.tmdb_id), needle);
    assert.deepEqual(s.titles.slice(0, ranked.length), ranked);
    if (hits.length > 50) assert.equal(s.more, true, needle);
    for (const t of s.titles) assert.ok(t.title.toLowerCase().includes(needle.toLowerCase()), `${t.title} ~ ${needle}`);
    const ranks = s.titles.map((t) => t.rank).filter((r) => r !== null);
    assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b));
  }
  const none = await api('/api/catalog/search?q=zzqqxx-no-such-title');
  assert.deepEqual(none.titles, []);
});

test("a title's trend covers every kept day, as the fact states it", { timeout: 30_000 }, async () => {
  // A title that left or joined at some point, so the trend has gaps.
  const [{ tmdb_id: id }] = await db.all(`SELECT tmdb_id FROM catalog WHERE is_new_joiner AND loadDate > ${q(days[0])} ORDER BY loadDate, rank LIMIT 1`);
  const t = await api(`/api/catalog/trend?id=${encodeURIComponent(id)}`);
  assert.equal(t.tmdb_id, id);
  assert.deepEqual(t.dates, days);
  const rows = await db.all(`SELECT d.d AS day, c.rank, c.popularity FROM (SELECT DISTINCT loadDate AS d FROM catalog) d
    LEFT JOIN catalog c ON c.loadDate = d.d AND c.tmdb_id = ${q(id)} AND c.rank IS NOT NULL ORDER BY 1`);
  assert.deepEqual(t.ranks, rows.map((r) => (r.rank === null ? null : Number(r.rank))));
  assert.deepEqual(t.popularity, rows.map((r) => r.popularity));
  assert.ok(t.ranks.includes(null) && t.ranks.some((r) => r !== null));
});

test('detail pages show the catalog rank beside the IMDB-list rank', { timeout: 30_000 }, async () => {
  const latest = days.at(-1);
  const mapped = await db.all(`SELECT content_id, tmdb_id, rank, popularity FROM catalog
    WHERE loadDate = ${q(latest)} AND content_id IS NOT NULL AND rank IS NOT NULL ORDER BY rank LIMIT 3`);
  assert.ok(mapped.length > 0, 'some catalog titles are mapped to IMDB ids');
  const dates = await api('/api/dates');
  assert.ok(dates.dates.includes(latest), `a list snapshot on ${latest}`);
  const { ranked } = await api('/api/catalog');
  for (const m of mapped) {
    const d = await api(`/api/title/${m.content_id}?date=${latest}`);
    assert.deepEqual(d.catalog, { date: latest, tmdb_id: m.tmdb_id, rank: Number(m.rank), popularity: m.popularity, ranked });
  }
});

test('bad catalog parameters are 400 (or 404) naming the parameter', { timeout: 30_000 }, async () => {
  const cases = [
    ['/api/catalog?date=2026-13-40', 400, "'date'"],
    ['/api/catalog?date=yesterday', 400, "'date'"],
    ['/api/catalog?date=1999-01-01', 404, 'no catalog snapshot'],
    ['/api/catalog/search', 400, "'q'"],
    ['/api/catalog/search?q=', 400, "'q'"],
    [`/api/catalog/search?q=${'a'.repeat(101)}`, 400, "'q'"],
    ['/api/catalog/search?q=a%0Ab', 400, 'control characters'],
    ['/api/catalog/search?q=%00', 400, 'control characters'],
    ['/api/catalog/trend', 400, "'id'"],
    ['/api/catalog/trend?id=603', 400, 'movie/<n> or tv/<n>'],
    ['/api/catalog/trend?id=movie/abc', 400, "'id'"],
    ['/api/catalog/trend?id=movie/-1', 400, "'id'"],
    ['/api/catalog/trend?id=movie/99999999999', 400, "'id'"],
    ['/api/catalog/trend?id=%3Cscript%3E', 400, "'id'"],
    ['/api/catalog/trend?id=tv/4000000000', 404, 'not in the catalog'],
  ];
  for (const [p, status, text] of cases) {
    const r = await getJson(server.url, p);
    assert.equal(r.status, status, `${p}: ${r.body}`);
    assert.ok(r.json?.error?.includes(text), `${p}: ${r.body}`);
    assert.ok(!r.body.includes('<'), `${p}: the body is inert`);
  }
  const post = await raw(server.url, '/api/catalog', { method: 'POST' });
  assert.equal(post.status, 405);
});
