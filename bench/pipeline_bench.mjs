// Pipeline benchmarks (issue: the daily pipeline), run by scripts/bench.sh:
//  (a) one steady-state sandbox day with 50 ms latency and the default rate
//      limits: wall time against the rate-limit floor (target <= 1.15x);
//  (b) API requests on steady-state days with incremental enrichment against
//      the original's scheme, everything re-fetched daily (target <= 15%);
//  (c) CPU time of a day with zero latency, ingest through catalog, ~200
//      titles (target < 1 s).
// Prints "key value" lines and a summary table.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const buildDir = process.env.CINELAKE_BENCH_RESULTS ? path.dirname(process.env.CINELAKE_BENCH_RESULTS)
                                                     : path.resolve('build');
process.env.CINELAKE_BIN ??= path.join(buildDir, 'cinelake');
process.env.CINELAKE_BUILD_DIR ??= buildDir;
const lib = await import('../test/lib/cinelake.mjs');
const { FAST_CLIENT, run, sandboxJson, sandboxLake, startSandbox, tempDir } = lib;

const out = (k, v) => console.log(`${k} ${v}`);
const manifestOf = (lake, date) => {
  const dir = path.join(lake, '_runs', `loadDate=${date}`);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  return JSON.parse(fs.readFileSync(path.join(dir, files.at(-1)), 'utf8'));
};
const requests = (m) => ({ imdb: m.requests.imdb ?? 0, tmdb: m.requests.tmdb ?? 0 });
// The client's default budgets (src/sources/api_config.h): IMDB 5/s, TMDB 35/s.
const IMDB_RATE = 5;
const TMDB_RATE = 35;

// (a) --------------------------------------------------------------------
{
  const sb = await startSandbox(['--faults', path.resolve('config/sandbox-fast.json')]);
  try {
    const lake = path.join(tempDir('bench'), 'lake');
    let r = run(['run', '--lake', lake, '--sandbox', sb.url, '--config', FAST_CLIENT, '--date', '2026-10-01', '--log-level', 'warn']);
    if (r.code !== 0) throw new Error(r.stderr);
    // Default sandbox limits (IMDB 10/s, TMDB 40/s) and client defaults, 50 ms per answer.
    await sandboxJson(sb.url, '/_sandbox/faults', { method: 'PUT', body: { endpoints: { '*': { latency: { fixed_ms: 50 } } } } });
    const t0 = performance.now();
    r = run(['run', '--lake', lake, '--sandbox', sb.url, '--date', '2026-10-02', '--log-level', 'warn'], { timeoutMs: 900_000 });
    const wall = (performance.now() - t0) / 1000;
    if (r.code !== 0) throw new Error(r.stderr);
    const q = requests(manifestOf(lake, '2026-10-02'));
    const floor = Math.max(q.imdb / IMDB_RATE, q.tmdb / TMDB_RATE);
    out('pipeline_day_wall_s', wall.toFixed(2));
    out('pipeline_day_requests_imdb', q.imdb);
    out('pipeline_day_requests_tmdb', q.tmdb);
    out('pipeline_day_floor_s', floor.toFixed(2));
    out('pipeline_day_ratio', (wall / floor).toFixed(3));
    fs.rmSync(path.dirname(lake), { recursive: true, force: true });
  } finally {
    await sb.stop();
  }
}

// (b) --------------------------------------------------------------------
{
  const lake = await sandboxLake();
  const { duckdb } = lib;
  const db = await duckdb();
  let ours = 0, original = 0, days = 0;
  for (const f of fs.readdirSync(path.join(lake, '_runs')).filter((d) => d.startsWith('loadDate=')).sort().slice(1)) {
    const date = f.slice('loadDate='.length);
    const q = requests(manifestOf(lake, date));
    ours += q.imdb + q.tmdb;
    // The original, per day: 2 lists, then for each of the N listed titles an
    // IMDB->TMDB mapping, a TMDB popularity call, the IMDB detail and the TMDB
    // detail again, and every season of every series.
    const [{ n }] = await db.all(`SELECT count(*)::INT AS n FROM '${lake}/raw/stg_contentIDs/loadDate=${date}/*.parquet'`);
    // Each listed series' seasons as its latest TMDB detail up to that day
    // lists them (we no longer ask every title's detail every day).
    const [{ seasons }] = await db.all(`SELECT coalesce(sum(json_array_length(d.details_json->'$.tv.seasons')), 0)::INT AS seasons
        FROM '${lake}/raw/stg_contentIDs/loadDate=${date}/*.parquet' c
        JOIN (SELECT id, arg_max(details_json, loadDate) AS details_json
                FROM read_parquet('${lake}/raw/stg_tmdb_details/*/*.parquet', hive_partitioning = true)
               WHERE details_json IS NOT NULL AND CAST(loadDate AS DATE) <= DATE '${date}' GROUP BY id) d
          ON d.id = c.id`);
    original += 2 + 4 * n + seasons;
    days += 1;
  }
  db.close();
  out('requests_days', days);
  out('requests_ours_per_day', (ours / days).toFixed(1));
  out('requests_original_per_day', (original / days).toFixed(1));
  out('requests_ratio', (ours / original).toFixed(3));
}

// (c) --------------------------------------------------------------------
{
  const sb = await startSandbox(['--faults', path.resolve('config/sandbox-fast.json')]);
  try {
    const lake = path.join(tempDir('bench'), 'lake');
    const bin = process.env.CINELAKE_BIN;
    // bash's `times` reports the children's user and system CPU seconds.
    const script = `"${bin}" run --lake "${lake}" --sandbox ${sb.url} --config "${FAST_CLIENT}" --date 2026-10-01 --log-level warn >/dev/null && times`;
    const r = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    const lines = r.stdout.trim().split('\n');
    const [user, sys] = lines.at(-1).split(/\s+/).map((t) => {
      const m = t.match(/(\d+)m([\d.]+)s/);
      return Number(m[1]) * 60 + Number(m[2]);
    });
    out('pipeline_cpu_s', (user + sys).toFixed(3));
    fs.rmSync(path.dirname(lake), { recursive: true, force: true });
  } finally {
    await sb.stop();
  }
}
