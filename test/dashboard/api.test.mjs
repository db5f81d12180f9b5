// The dashboard API against DuckDB: every number on the landing page and the
// detail pages recomputed in SQL from the same gold Parquet files, written
// from dashboard.md's definitions; plus the server's security rules. The lake
// is a 30-day backfill from `cinelake sandbox` (test/lib/cinelake.mjs), so the
// pipeline's real output is what the dashboard is checked against. Speed is
// the benchmark's business (bench/dashboard_bench.mjs), not these tests'.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sandboxLake } from '../lib/cinelake.mjs';
import { spawnSync } from 'node:child_process';
import { startServer, getJson, raw, openDuckDB, BIN } from './server.mjs';

let lake;
let server;
let db;
let today;
let yesterday;
let webDir;

const TODAY_ROWS = `(SELECT * FROM fact_popularity WHERE loadDate = (SELECT max(loadDate) FROM fact_popularity) AND rank IS NOT NULL AND NOT is_leaver)`;
// dashboard.md's two kinds over IMDB's types (apis.md: tvMiniSeries, tvMovie
// and others appear beside movie and tvSeries; the sandbox lists mini-series).
const SERIES = `('tvSeries', 'tvMiniSeries')`;
const MOVIES = `('movie', 'tvMovie', 'short', 'video', 'tvSpecial')`;
const KIND = `CASE WHEN c.content_type IN ${SERIES} THEN 'tvSeries' WHEN c.content_type IN ${MOVIES} THEN 'movie' END`;

before(async () => {
  lake = await sandboxLake();
  webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cinelake-web-'));
  fs.mkdirSync(path.join(webDir, 'assets'));
  fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(webDir, 'assets', 'app.js'), 'export {};');
  fs.writeFileSync(path.join(path.dirname(webDir), `${path.basename(webDir)}-secret.txt`), 'TOP-SECRET');
  server = await startServer(lake, ['--web', webDir]);
  db = await openDuckDB(lake);
  [{ today, yesterday }] = await db.all(`SELECT strftime(max(loadDate), '%Y-%m-%d') AS today,
    (SELECT strftime(max(loadDate), '%Y-%m-%d') FROM fact_popularity WHERE loadDate < (SELECT max(loadDate) FROM fact_popularity)) AS yesterday FROM fact_popularity`);
}, { timeout: 600_000 });  // the first suite of a build backfills the shared lake

after(async () => {
  await server?.stop();
  db?.close();
  if (webDir) {
    fs.rmSync(webDir, { recursive: true, force: true });
    fs.rmSync(`${webDir}-secret.txt`, { force: true });
  }
});

async function api(p, status = 200) {
  const r = await getJson(server.url, p);
  assert.equal(r.status, status, `${p}: ${r.body.slice(0, 300)}`);
  return r.json;
}

test('dates: today is the latest loadDate, yesterday the latest earlier one', { timeout: 20_000 }, async () => {
  const d = await api('/api/dates');
  const rows = await db.all(`SELECT DISTINCT strftime(loadDate, '%Y-%m-%d') AS d FROM fact_popularity ORDER BY 1`);
  assert.deepEqual(d.dates, rows.map((r) => r.d));
  assert.equal(d.latest, today);
  const l = await api('/api/landing');
  assert.equal(l.date, today);
  assert.equal(l.prev_date, yesterday);
});

test('KPI counts and drill-through tables match SQL', { timeout: 20_000 }, async () => {
  const sql = {
    binge: `SELECT t.content_id FROM ${TODAY_ROWS} t JOIN dim_content c USING (content_id)
      JOIN (SELECT content_id, avg(runtime_minutes) a, sum(runtime_minutes) s FROM dim_episode WHERE runtime_minutes IS NOT NULL GROUP BY 1) e USING (content_id)
      WHERE c.content_type IN ${SERIES} AND c.average_rating >= 7 AND e.a <= 45 AND e.s <= 480`,
    quick: `SELECT t.content_id FROM ${TODAY_ROWS} t JOIN dim_content c USING (content_id)
      WHERE c.content_type IN ${MOVIES} AND c.average_rating >= 7 AND c.runtime_minutes IS NOT NULL AND c.runtime_minutes <= 90`,
    oncoming: `SELECT t.content_id FROM ${TODAY_ROWS} t JOIN dim_content c USING (content_id)
      WHERE try_cast(c.release_date AS DATE) > t.loadDate`,
    global: `SELECT t.content_id FROM ${TODAY_ROWS} t JOIN dim_content c USING (content_id)
      WHERE c.content_type IN ${MOVIES} AND c.revenue >= 500000000`,
  };
  const l = await api('/api/landing');
  for (const [k, q] of Object.entries(sql)) {
    const want = (await db.all(q)).map((r) => r.content_id).sort();
    assert.ok(want.length > 0, `${k}: the sandbox world guarantees a title`);
    assert.equal(l.kpis[k], want.length, k);
    const drill = await api(`/api/kpi/${k}`);
    assert.deepEqual(drill.titles.map((r) => r.id).sort(), want, k);
  }
});

test('trending / total per type match SQL', { timeout: 20_000 }, async () => {
  const rows = await db.all(`SELECT ${KIND} AS type, count(*)::INT AS total,
      count(*) FILTER (WHERE t.rank_change < 0 AND NOT t.is_new_joiner)::INT AS trending
    FROM ${TODAY_ROWS} t JOIN dim_content c USING (content_id) GROUP BY 1`);
  const l = await api('/api/landing');
  assert.deepEqual(l.trending.map((t) => t.type), ['movie', 'tvSeries']);
  for (const t of l.trending) {
    const want = rows.find((r) => r.type === t.type);
    assert.ok(want.total > 0 && want.trending > 0, t.type);
    assert.equal(t.total, want.total, t.type);
    assert.equal(t.trending, want.trending, t.type);
  }
  // Every ranked title of the day is in one of the two cards.
  const [{ n }] = await db.all(`SELECT count(*)::INT AS n FROM ${TODAY_ROWS}`);
  assert.equal(l.trending.reduce((a, t) => a + t.total, 0), n);
});

test('top 10: ranks, arrows, cast by billing order, runtime', { timeout: 20_000 }, async () => {
  const want = await db.all(`SELECT t.content_id, t.rank, t.rank_change, t.is_new_joiner, c.runtime_minutes, c.content_type,
      (SELECT list(p.person_name ORDER BY b.order_no) FROM bridge_content_person b JOIN dim_person p USING (person_id)
        WHERE b.content_id = t.content_id AND b.role_type NOT IN ('director', 'creator', 'writer')) AS cast_names,
      (SELECT round(avg(runtime_minutes)) FROM dim_episode e WHERE e.content_id = t.content_id) AS avg_ep,
      ${KIND} AS kind, c.primary_title
    FROM ${TODAY_ROWS} t JOIN dim_content c USING (content_id) ORDER BY t.rank LIMIT 10`);
  const l = await api('/api/landing');
  assert.equal(l.top10.length, 10);
  l.top10.forEach((r, i) => {
    const w = want[i];
    assert.equal(r.id, w.content_id);
    assert.equal(r.rank, w.rank);
    const arrow = w.is_new_joiner || w.rank_change === 0 ? 'flat' : w.rank_change < 0 ? 'up' : 'down';
    assert.equal(r.arrow, arrow, r.id);
    assert.deepEqual(r.cast, (w.cast_names || []).slice(0, 3));
    assert.equal(r.title, w.primary_title);
    assert.equal(r.type, w.content_type);
    assert.equal(r.runtime, w.kind === 'tvSeries' ? (w.avg_ep ?? w.runtime_minutes) : w.runtime_minutes);
  });
  assert.ok(want.some((w) => w.kind === 'movie') && want.some((w) => w.kind === 'tvSeries'), 'both kinds in the top 10');
});

test('hidden gems: rated >= 7, dense rank by votes ascending, 20 ranks', { timeout: 20_000 }, async () => {
  const want = await db.all(`SELECT * FROM (SELECT t.content_id, dense_rank() OVER (ORDER BY c.vote_count) AS r
      FROM ${TODAY_ROWS} t JOIN dim_content c USING (content_id) WHERE c.average_rating >= 7 AND c.vote_count IS NOT NULL)
    WHERE r <= 20 ORDER BY content_id`);
  const l = await api('/api/landing');
  assert.deepEqual(l.hidden_gems.map((r) => [r.id, r.gem_rank]).sort(), want.map((w) => [w.content_id, w.r]));
  assert.equal(l.hidden_gems.at(-1).gem_rank, 20);
});

test('top networks by count of today\'s titles', { timeout: 20_000 }, async () => {
  const want = await db.all(`SELECT n.network_name AS name, count(*)::INT AS n FROM ${TODAY_ROWS} t
      JOIN bridge_content_network b USING (content_id) JOIN dim_network n USING (network_id)
    GROUP BY n.network_name ORDER BY n DESC, name LIMIT 10`);
  const l = await api('/api/landing');
  assert.deepEqual(l.networks.map((n) => [n.name, n.titles]), want.map((w) => [w.name, w.n]));
});

test('raises and falls: sign rules, joiners and leavers excluded', { timeout: 20_000 }, async () => {
  const raises = await db.all(`SELECT content_id, rank, rank_change FROM ${TODAY_ROWS}
    WHERE rank_change < 0 AND NOT is_new_joiner ORDER BY rank_change, rank LIMIT 10`);
  const falls = await db.all(`SELECT content_id, rank, rank_change FROM ${TODAY_ROWS}
    WHERE rank_change > 0 AND rank_change <> 999 AND NOT is_new_joiner ORDER BY rank_change DESC, rank LIMIT 10`);
  const l = await api('/api/landing');
  assert.ok(raises.length > 0 && falls.length > 0);
  assert.deepEqual(l.raises.map((r) => [r.id, r.rank, r.rank_change]), raises.map((w) => [w.content_id, w.rank, w.rank_change]));
  assert.deepEqual(l.falls.map((r) => [r.id, r.rank, r.rank_change]), falls.map((w) => [w.content_id, w.rank, w.rank_change]));
  for (const r of l.raises) assert.equal(r.change_text, `+${-r.rank_change}`);
  for (const r of l.falls) assert.equal(r.change_text, `\u2212${r.rank_change}`);
});

test('movie detail: ROI, popularity gauge, 30-day rank trend', { timeout: 20_000 }, async () => {
  const [m] = await db.all(`SELECT t.content_id, t.rank, t.popularity, c.revenue, c.budget FROM ${TODAY_ROWS} t
    JOIN dim_content c USING (content_id) WHERE c.content_type = 'movie' AND c.budget > 0 ORDER BY t.rank LIMIT 1`);
  const [g] = await db.all(`SELECT min(popularity) AS lo, max(popularity) AS hi FROM ${TODAY_ROWS}`);
  const y = await db.all(`SELECT popularity FROM fact_popularity WHERE content_id = '${m.content_id}'
    AND loadDate = DATE '${yesterday}' AND rank IS NOT NULL AND NOT is_leaver`);
  const trend = await db.all(`SELECT strftime(d.loadDate, '%Y-%m-%d') AS d, f.rank FROM
      (SELECT DISTINCT loadDate FROM fact_popularity ORDER BY loadDate DESC LIMIT 30) d
      LEFT JOIN fact_popularity f ON f.loadDate = d.loadDate AND f.content_id = '${m.content_id}' AND f.rank IS NOT NULL
    ORDER BY d.loadDate`);
  const d = await api(`/api/title/${m.content_id}`);
  assert.equal(d.rank, m.rank);
  assert.ok(Math.abs(d.roi - (m.revenue - m.budget) / m.budget) < 1e-9);
  assert.equal(d.popularity.today, m.popularity);
  assert.equal(d.popularity.min, g.lo);
  assert.equal(d.popularity.max, g.hi);
  assert.equal(d.popularity.yesterday, y.length ? y[0].popularity : null);
  assert.equal(d.trend.dates.length, 30);
  assert.deepEqual(d.trend.dates, trend.map((r) => r.d));
  assert.deepEqual(d.trend.ranks, trend.map((r) => r.rank ?? null));
  const known = trend.map((r) => r.rank).filter((r) => r !== null && r !== undefined);
  assert.ok(Math.abs(d.trend.average - known.reduce((a, b) => a + b, 0) / known.length) < 1e-9);
  assert.equal(d.trend.high.rank, Math.min(...known));
  assert.equal(d.trend.low.rank, Math.max(...known));
  assert.ok(d.trend.forecast.length > 0);
  for (const f of d.trend.forecast) assert.ok(f.low <= f.rank && f.rank <= f.high && f.low >= 1);
});

test('series detail and season episodes with type labels', { timeout: 20_000 }, async () => {
  const [s] = await db.all(`SELECT c.content_id, c.status FROM dim_content c WHERE c.content_type = 'tvSeries'
    AND c.status = 'Ended' AND (SELECT count(DISTINCT season_number) FROM dim_episode e WHERE e.content_id = c.content_id AND season_number > 0) >= 2
    ORDER BY c.content_id LIMIT 1`);
  const [counts] = await db.all(`SELECT count(DISTINCT season_number) FILTER (WHERE season_number > 0)::INT AS seasons,
      count(*) FILTER (WHERE season_number > 0)::INT AS episodes,
      min(air_date) AS first_air, max(air_date) AS last_air, max(season_number)::INT AS last_season
    FROM dim_episode WHERE content_id = '${s.content_id}'`);
  const d = await api(`/api/title/${s.content_id}`);
  assert.equal(d.series.season_count, counts.seasons);
  assert.equal(d.series.episode_count, counts.episodes);
  assert.equal(d.series.first_air_date, counts.first_air);
  assert.equal(d.series.last_air_date, counts.last_air);
  for (const n of [1, counts.last_season]) {
    const eps = await db.all(`SELECT episode_number AS n, CASE episode_type WHEN 'standard' THEN 'Normal' WHEN 'mid_season' THEN 'Mid-Season'
        WHEN 'finale' THEN CASE WHEN season_number = ${counts.last_season} AND '${s.status}' = 'Ended' THEN 'Final' ELSE 'Season Final' END END AS label
      FROM dim_episode WHERE content_id = '${s.content_id}' AND season_number = ${n} ORDER BY episode_number`);
    const season = await api(`/api/title/${s.content_id}/season/${n}`);
    assert.deepEqual(season.episodes.map((e) => [e.number, e.type_label]), eps.map((e) => [e.n, e.label]));
  }
  await api(`/api/title/${s.content_id}/season/99`, 404);
});

test('search: substring of either title, case-insensitive, prefix then rank then title', { timeout: 20_000 }, async () => {
  const l = await api('/api/landing');
  const ascii = l.top10.map((r) => r.title).find((t) => /^[\x20-\x7e]{6,}$/.test(t));
  assert.ok(ascii, 'an ASCII title in the top 10');
  // A piece from inside the name, its letters' case flipped every other one.
  const piece = [...ascii.slice(2, 7)].map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join('');
  for (const q of [piece, '千尋', 'AMÉLIE', 'wÓjcik', 'onerror']) {
    const lit = `'${q.toLowerCase().replaceAll("'", "''")}'`;
    const want = await db.all(`SELECT c.content_id,
        (starts_with(lower(c.primary_title), ${lit}) OR starts_with(lower(c.original_title), ${lit})) AS prefix
      FROM dim_content c LEFT JOIN ${TODAY_ROWS} t USING (content_id)
      WHERE contains(lower(c.primary_title), ${lit}) OR contains(lower(c.original_title), ${lit})
      ORDER BY prefix DESC, t.rank NULLS LAST, c.primary_title`);
    assert.ok(want.length > 0, q);
    const s = await api(`/api/search?q=${encodeURIComponent(q)}`);
    assert.equal(s.q, q);
    assert.equal(s.total, want.length, q);
    assert.deepEqual(s.results.map((r) => r.id), want.slice(0, 20).map((w) => w.content_id), q);
  }
  const s = await api(`/api/search?q=${encodeURIComponent(piece)}`);
  assert.ok(s.results.some((r) => r.title === ascii));
  assert.equal((await api('/api/search?q=%E5%8D%83%E5%B0%8B')).results[0].title, '千と千尋の神隠し');
});

test('trends over a date range for several titles', { timeout: 20_000 }, async () => {
  const l = await api('/api/landing');
  const ids = [l.top10[0].id, l.raises[0].id, l.falls[0].id];
  const from = (await api('/api/dates')).dates.at(-10);
  const t = await api(`/api/trends?ids=${ids.join(',')}&from=${from}&to=${today}`);
  assert.equal(t.dates.length, 10);
  assert.deepEqual(t.series.map((x) => x.id), ids);
  for (const [k, id] of ids.entries()) {
    const want = await db.all(`SELECT strftime(d.loadDate, '%Y-%m-%d') AS d, f.rank, f.popularity FROM
        (SELECT DISTINCT loadDate FROM fact_popularity WHERE loadDate >= DATE '${from}') d
        LEFT JOIN fact_popularity f ON f.loadDate = d.loadDate AND f.content_id = '${id}' AND f.rank IS NOT NULL ORDER BY d.loadDate`);
    assert.deepEqual(t.dates, want.map((w) => w.d));
    assert.deepEqual(t.series[k].ranks, want.map((w) => w.rank ?? null), id);
    assert.deepEqual(t.series[k].popularity, want.map((w) => w.popularity ?? null), id);
  }
});

test('bad parameters: 400 naming the parameter; unknown title 404', { timeout: 20_000 }, async () => {
  const id = (await api('/api/landing')).top10[0].id;
  for (const p of ['/api/landing?date=2026-02-30', '/api/landing?date=abc', '/api/kpi/binge?date=1', `/api/title/${id}?date=x`]) {
    const r = await getJson(server.url, p);
    assert.equal(r.status, 400, p);
    assert.match(r.json.error, /'date'/);
  }
  assert.equal((await getJson(server.url, '/api/title/tt0000000')).status, 404);
  assert.equal((await getJson(server.url, '/api/landing?date=1999-01-01')).status, 404);
  assert.equal((await getJson(server.url, '/api/trends?ids=')).status, 400);
});

// The docs allow up to 10 ids; 11 (distinct, or with a repeat) are refused.
test('trends refuses more than 10 ids with 400 naming the parameter', { timeout: 20_000 }, async () => {
  const l = await api('/api/landing');
  const ten = l.top10.map((r) => r.id);
  assert.equal(ten.length, 10);
  const other = l.hidden_gems.map((r) => r.id).find((id) => !ten.includes(id));
  assert.ok(other, 'a hidden gem outside the top 10');
  for (const ids of [[...ten, other], [...ten, ten[0]]]) {
    const r = await getJson(server.url, `/api/trends?ids=${ids.join(',')}`);
    assert.equal(r.status, 400, ids.join(','));
    assert.match(r.json.error, /parameter 'ids'/);
  }
  assert.equal((await api(`/api/trends?ids=${ten.join(',')}`)).series.length, 10);
});

// A value's own '=' belongs to the value: the query splits on the first '=' only.
test('search for "Mirror=x" searches for "Mirror=x"', { timeout: 20_000 }, async () => {
  assert.equal((await api('/api/search?q=Mirror=x')).q, 'Mirror=x');
  assert.equal((await api('/api/search?q=a%3Db')).q, 'a=b');
});

test('security: headers, methods, traversal, escaping', { timeout: 20_000 }, async () => {
  for (const p of ['/', '/api/landing', '/api/nope', '/nope.js']) {
    const r = await raw(server.url, p);
    const csp = r.headers['content-security-policy'] || '';
    assert.match(csp, /default-src 'self'/, p);
    assert.match(csp, /img-src 'self' data: https:/, p);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, p);
    assert.equal(r.headers['x-content-type-options'], 'nosniff', p);
  }
  assert.equal((await raw(server.url, '/')).status, 200);
  assert.equal((await raw(server.url, '/assets/app.js')).status, 200);
  const secret = `${path.basename(webDir)}-secret.txt`;
  for (const p of [`/../${secret}`, `/%2e%2e/${secret}`, `/%2E%2E/${secret}`, `/.%2e/${secret}`, `/assets/..%2f..%2f${secret}`,
    `/..%5c${secret}`, `/assets\\..\\..\\${secret}`, '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '//etc/passwd', '/index.html%00.js',
    `/%252e%252e/${secret}`]) {
    const r = await raw(server.url, p);
    assert.ok(r.status >= 400 && r.status < 500, `${p} -> ${r.status}`);
    assert.doesNotMatch(r.body, /TOP-SECRET|root:/, p);
  }
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
    const r = await raw(server.url, '/api/landing', { method });
    assert.equal(r.status, 405, method);
  }
  const head = await raw(server.url, '/api/dates', { method: 'HEAD' });
  assert.equal(head.status, 200);
  const s = await raw(server.url, '/api/search?q=onerror');
  assert.equal(s.status, 200);
  assert.ok(!s.body.includes('<'), 'no raw < in JSON');
  assert.equal(JSON.parse(s.body).results[0].title, '<img src=x onerror=alert(1)>');
  const long = await raw(server.url, `/api/search?q=${'a'.repeat(9000)}`);
  assert.ok(long.status >= 400 && long.status < 500, `long URI -> ${long.status}`);
});

test('a newly committed day is served without a restart', { timeout: 60_000 }, async () => {
  // The lake without its last day and the commit that made it; the server is
  // started, then the day lands and is committed.
  const parts = path.join(lake, 'gold/fact_popularity');
  const last = `loadDate=${today}`;
  assert.ok(fs.existsSync(path.join(parts, last)));
  const marker = path.join(lake, 'gold/_committed.json');
  const snapshot = path.join(lake, 'gold/_committed', String(JSON.parse(fs.readFileSync(marker, 'utf8')).sequence));
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'cinelake-reload-'));
  fs.cpSync(lake, copy, { recursive: true, filter: (src) => ![path.join(parts, last), marker, snapshot].includes(src) });
  const s = await startServer(copy, ['--web', webDir, '--poll-ms', '200']);
  try {
    const before = (await getJson(s.url, '/api/dates')).json;
    assert.equal(before.latest, yesterday);
    assert.ok(!before.dates.includes(today));
    // Land it as a run would: the partition, then the snapshot, then the
    // marker, each copied beside and renamed into place.
    const land = (from, to) => {
      const staging = path.join(path.dirname(to), `.landing-${path.basename(to)}`);
      fs.cpSync(from, staging, { recursive: true });
      fs.renameSync(staging, to);
    };
    land(path.join(parts, last), path.join(copy, 'gold/fact_popularity', last));
    land(snapshot, path.join(copy, 'gold/_committed', path.basename(snapshot)));
    land(marker, path.join(copy, 'gold/_committed.json'));
    const t0 = Date.now();
    let after = before;
    while (after.latest !== today && Date.now() - t0 < 5000) {
      await new Promise((r) => setTimeout(r, 100));
      after = (await getJson(s.url, '/api/dates')).json;
    }
    assert.equal(after.latest, today, `not served within ${Date.now() - t0} ms`);
    assert.deepEqual(after.dates, [...before.dates, today]);
    const l = (await getJson(s.url, '/api/landing')).json;
    assert.equal(l.date, today);
    assert.equal(l.prev_date, yesterday);
    assert.deepEqual(l, (await getJson(server.url, '/api/landing')).json);
  } finally {
    await s.stop();
    fs.rmSync(copy, { recursive: true, force: true });
  }
});

test('bad command lines are usage errors', { timeout: 20_000 }, () => {
  const missing = path.join(os.tmpdir(), 'cinelake-no-such-lake-dir');
  for (const args of [['--lake', lake, '--listen', 'nonsense'], ['--lake', lake, '--listen', '127.0.0.1:99999'], ['--lake', missing]]) {
    const r = spawnSync(BIN, ['serve', ...args], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /cinelake: /);
  }
});
