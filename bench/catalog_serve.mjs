// The Catalog page's server over a year of whole-catalog history (issue 13),
// run by scripts/bench.sh.
//
// The lake: --days (365) days of gold/fact_catalog_popularity and
// raw/tmdb_export, made from the sandbox's export files by the pipeline's own
// two catalog stages (`cinelake-testkit catalog-day`, one day after the
// other, as the daily run does). --movies 1200000 --series 200000 is TMDB's
// size; a day of it takes about ten seconds on a 2-core machine, so a year
// of it is an hour or more: the default catalog is --movies 30000 + --series
// 6000 titles a day (1/39 of TMDB's), and the figures say the scale they were
// measured at. --lake DIR keeps the lake there (and reuses the days it
// already has), so a large one is built once.
//
// Memory is O(titles), not O(titles x days): the history streams are in a
// temporary file (src/serve/catalog_index_history.h), and per day only the
// top lists stay in memory. So a run at TMDB's title count over fewer days
// shows the year's memory too: the model printed is the measured resident
// memory plus, per missing day, the day's lists (kTopKept rows of 12 bytes).
//
// Then `cinelake serve` on 127.0.0.1 over that lake, and, sequentially on one
// keep-alive connection: --requests GET /api/catalog/trend (a title's whole
// history, titles spread over the catalog), GET /api/catalog?date= (the page's
// lists, days cycled), GET /api/catalog/search?q= (pieces of names, a single
// letter and a miss, which scans every name). Resident memory (VmRSS, and the
// peak VmHWM of the load) is read from /proc.
//
// Targets (issue 13): resident memory <= 1 GB, trend p95 <= 50 ms, page API
// p95 <= 20 ms, search p95 <= 50 ms; printed as ratios (<= 1.0 meets it). A
// missed target is reported, not a failure; the run fails only when it cannot
// be made (a stage, the server, a non-200 answer).
//
//   node bench/catalog_serve.mjs [--days 365] [--movies 30000] [--series 6000] [--requests 400] [--lake DIR]
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const buildDir = process.env.CINELAKE_BUILD_DIR ?? path.resolve('build');
process.env.CINELAKE_BIN ??= path.join(buildDir, 'cinelake');
const testkit = process.env.CINELAKE_TESTKIT ??
  [path.join(buildDir, 'src/cli/testing/cinelake-testkit'), path.join(buildDir, 'cinelake-testkit')].find((p) => fs.existsSync(p));
const { startSandbox, runAsync, tempDir, FAST_SANDBOX } = await import('../test/lib/cinelake.mjs');
const { startServer } = await import('../test/dashboard/server.mjs');

const args = process.argv.slice(2);
const opt = (name, dflt, max) => {
  const i = args.indexOf(name);
  if (i < 0) return dflt;
  const v = Number(args[i + 1]);
  if (!Number.isInteger(v) || v < 1 || v > max) throw new Error(`${name}: give an integer 1..${max}`);
  return v;
};
const DAYS = opt('--days', 365, 1000);
const MOVIES = opt('--movies', 30000, 2000000);
const SERIES = opt('--series', 6000, 500000);
const REQUESTS = opt('--requests', 400, 100000);
const LAKE = args.includes('--lake') ? path.resolve(args[args.indexOf('--lake') + 1]) : null;
const YEAR = 365;
const TOP_KEPT_BYTES = 10000 * 12 + 64;  // a day's lists in the index (CatalogIndex::kTopKept rows)
const TARGET = { rss_mb: 1024, trend_ms: 50, page_ms: 20, search_ms: 50 };
const FIRST = '2025-10-01';

const log = (...a) => console.error(...a);
const out = (k, v) => console.log(`${k} ${v}`);
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const dayAfter = (iso, n) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);

function get(url, agent) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, timeout: 10000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`timeout ${url}`)));
    req.on('error', reject);
  });
}

// Sequential GETs of paths(i); sorted latencies in ms. Non-200 is fatal.
async function time(base, agent, n, paths) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const p = paths(i);
    const t0 = process.hrtime.bigint();
    const r = await get(`${base}${p}`, agent);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 200) throw new Error(`${p}: HTTP ${r.status} ${r.body.slice(0, 200)}`);
  }
  return times.sort((a, b) => a - b);
}

function procStatus(pid, key) {
  const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'));
  return m ? Number(m[1]) / 1024 : NaN;
}

const tmp = tempDir('catalog-serve-bench');
let server;
try {
  const lake = LAKE ?? path.join(tmp, 'lake');
  // Days already in a kept lake (--lake) are not made again.
  const have = new Set();
  const factDir = path.join(lake, 'gold', 'fact_catalog_popularity');
  if (fs.existsSync(factDir)) {
    for (const e of fs.readdirSync(factDir)) if (e.startsWith('loadDate=')) have.add(e.slice(9));
  }
  // Without the sandbox's default faults (stalled and cut downloads are the
  // fault suites' business): every day's files arrive. The stages run
  // asynchronously: the sandbox logs a line per file it builds, and a
  // blocked event loop (spawnSync) would leave its pipes undrained until it
  // stalled on a full pipe (seen at ~280 files).
  const t0 = Date.now();
  const sb = await startSandbox(['--faults', FAST_SANDBOX, '--movie-catalog', String(MOVIES), '--series-catalog', String(SERIES)]);
  let made = 0;
  try {
    for (let d = 0; d < DAYS; d++) {
      const day = dayAfter(FIRST, d);
      if (have.has(day)) continue;
      const r = await runAsync(['catalog-day', '--lake', lake, '--exports', `${sb.url}/p/exports`, '--date', day],
                               { bin: testkit, timeoutMs: 300_000 });
      if (r.code !== 0) throw new Error(`catalog-day ${day}: ${r.stderr || r.signal}`);
      if (++made % 10 === 0) log(`lake: ${made} days made (${day}) in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
  } finally {
    await sb.stop();
  }
  const buildS = (Date.now() - t0) / 1000;
  log(`lake: ${DAYS} days of ${MOVIES + SERIES} titles (${made} made now) in ${buildS.toFixed(0)} s`);

  const web = path.join(tmp, 'web');
  fs.mkdirSync(web);
  fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>bench</title>');
  const s0 = Date.now();
  server = await startServer(lake, ['--web', web], { startMs: 600_000 });
  const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let page = null;
  for (let i = 0; i < 600 && !(page && page.days === DAYS); i++) {  // serve loads before it listens; bounded anyway
    const r = await get(`${server.url}/api/catalog`, keepAlive);
    page = r.status === 200 ? JSON.parse(r.body) : null;
    if (!(page && page.days === DAYS)) await new Promise((res) => setTimeout(res, 1000));
  }
  if (!page || page.days !== DAYS) throw new Error(`serve shows ${page?.days} catalog days, expected ${DAYS}`);
  const loadMs = Date.now() - s0;
  const dates = Array.from({ length: DAYS }, (_, i) => dayAfter(FIRST, i));

  // Titles across the catalog: the lists' titles and ids spread over the id
  // space (the export skips about one id in ten: those answer 404 and are dropped).
  const ids = new Set([...page.top, ...page.climbers, ...page.breakouts].map((r) => r.tmdb_id));
  for (let i = 1; ids.size < 300 && i < 2000; i++) {
    const id = i % 5 === 0 ? `tv/${1 + ((i * 7919) % SERIES)}` : `movie/${1 + ((i * 104729) % MOVIES)}`;
    if ((await get(`${server.url}/api/catalog/trend?id=${id}`, keepAlive)).status === 200) ids.add(id);
  }
  const titles = [...ids];
  const names = page.top.map((r) => r.title).filter(Boolean);
  const queries = [...names.flatMap((n) => [n.slice(0, 4), n.slice(-6)]), 'e', 'zzqx no such title'].map(encodeURIComponent);

  await time(server.url, keepAlive, 50, (i) => `/api/catalog/trend?id=${titles[i % titles.length]}`);  // warm-up
  const trend = await time(server.url, keepAlive, REQUESTS, (i) => `/api/catalog/trend?id=${titles[(i * 37) % titles.length]}`);
  const pageT = await time(server.url, keepAlive, REQUESTS, (i) => `/api/catalog?date=${dates[(i * 37) % dates.length]}`);
  const search = await time(server.url, keepAlive, REQUESTS, (i) => `/api/catalog/search?q=${queries[(i * 7) % queries.length]}`);
  keepAlive.destroy();
  const rss = procStatus(server.pid, 'VmRSS');
  const hwm = procStatus(server.pid, 'VmHWM');
  const index = server.stderr().match(/catalog: (\d+) days, (\d+) titles, index (\d+) bytes in memory, history (\d+) bytes/);
  const catalogTitles = index ? Number(index[2]) : NaN;
  const indexBytes = index ? Number(index[3]) : NaN;
  const historyBytes = index ? Number(index[4]) : NaN;
  // The year at this title count: what was measured, plus the missing days' lists.
  const yearRss = rss + (Math.max(0, YEAR - DAYS) * TOP_KEPT_BYTES) / 1048576;

  out('catalog_serve_days', DAYS);
  out('catalog_serve_titles_per_day', page.ranked);
  out('catalog_serve_titles', catalogTitles);
  out('catalog_serve_lake_build_s', buildS.toFixed(0));
  out('catalog_serve_load_ms', loadMs);
  out('catalog_serve_index_mb', (indexBytes / 1048576).toFixed(1));
  out('catalog_serve_index_bytes_per_title', (indexBytes / catalogTitles).toFixed(1));
  out('catalog_serve_history_file_mb', (historyBytes / 1048576).toFixed(1));
  out('catalog_serve_history_bytes_per_title_day', (historyBytes / (catalogTitles * DAYS)).toFixed(2));
  out('catalog_serve_rss_mb', rss.toFixed(0));
  out('catalog_serve_rss_bytes_per_title', ((rss * 1048576) / catalogTitles).toFixed(0));
  out('catalog_serve_rss_365_days_model_mb', yearRss.toFixed(0));
  out('catalog_serve_peak_rss_mb', hwm.toFixed(0));
  out('catalog_serve_trend_p95_ms', pct(trend, 95).toFixed(3));
  out('catalog_serve_page_p95_ms', pct(pageT, 95).toFixed(3));
  out('catalog_serve_search_p95_ms', pct(search, 95).toFixed(3));
  out('catalog_serve_rss_ratio', (rss / TARGET.rss_mb).toFixed(3));
  out('catalog_serve_rss_365_days_model_ratio', (yearRss / TARGET.rss_mb).toFixed(3));
  out('catalog_serve_trend_ratio', (pct(trend, 95) / TARGET.trend_ms).toFixed(3));
  out('catalog_serve_page_ratio', (pct(pageT, 95) / TARGET.page_ms).toFixed(3));
  out('catalog_serve_search_ratio', (pct(search, 95) / TARGET.search_ms).toFixed(3));

  const verdict = (v, t) => (v <= t ? 'met' : 'MISSED');
  console.log(`\nCatalog serve, ${DAYS} days x ${page.ranked} titles a day (${catalogTitles} titles in all; TMDB has ~1.4M a day)`);
  console.log(`  resident ${rss.toFixed(0)} MB (peak ${hwm.toFixed(0)} MB while loading; index ${(indexBytes / 1048576).toFixed(0)} MB in memory, ` +
      `${(indexBytes / catalogTitles).toFixed(0)} B per title; history file ${(historyBytes / 1048576).toFixed(0)} MB, ` +
      `${(historyBytes / (catalogTitles * DAYS)).toFixed(2)} B per title-day, in the page cache)  ${(rss / TARGET.rss_mb).toFixed(2)}x of ${TARGET.rss_mb} MB: ${verdict(rss, TARGET.rss_mb)}`);
  if (DAYS < YEAR) {
    console.log(`  ${YEAR} days at this title count (model: measured + ${YEAR - DAYS} days' lists of ${(TOP_KEPT_BYTES / 1024).toFixed(0)} KB): ` +
        `${yearRss.toFixed(0)} MB resident, ${(yearRss / TARGET.rss_mb).toFixed(2)}x: ${verdict(yearRss, TARGET.rss_mb)}`);
  }
  for (const [name, t, target] of [[`trend (${DAYS} days)`, trend, TARGET.trend_ms], ['page API', pageT, TARGET.page_ms], ['search', search, TARGET.search_ms]]) {
    console.log(`  ${name}: p50 ${pct(t, 50).toFixed(2)} ms, p95 ${pct(t, 95).toFixed(2)} ms  ${(pct(t, 95) / target).toFixed(3)}x of ${target} ms: ${verdict(pct(t, 95), target)}`);
  }
} catch (e) {
  log(`catalog_serve: ${e.message}`);
  process.exitCode = 1;
} finally {
  await server?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });  // a --lake is kept
}
