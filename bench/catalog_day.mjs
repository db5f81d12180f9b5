// Whole-catalog benchmark (issue 13), run by scripts/bench.sh: one catalog day
// at TMDB's size (1.2M movies + 200k series from the sandbox) — both export
// files gunzipped and parsed, raw Parquet written, ranked, diffed with the
// previous day, gold Parquet written — by cinelake (`cinelake-testkit
// catalog-day`, the pipeline's two catalog stages over file:// URLs) and by
// DuckDB (the same work in SQL, test/lib/catalog_sql.mjs, zstd Parquet), from
// the same files in the same run. Best of --runs for each; DuckDB gets its
// default thread count. The two gold files must hold the same rows.
// Prints "key value" lines:
//   catalog_cinelake_ms, catalog_duckdb_ms, catalog_time_ratio      (target <= 0.4)
//   catalog_peak_rss_mb                                            (target <= 400)
//   catalog_gold_bytes, catalog_duckdb_gold_bytes, catalog_gold_ratio (target <= 0.9)
//
//   node bench/catalog_day.mjs [--movies N] [--series N] [--runs R]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const buildDir = process.env.CINELAKE_BUILD_DIR ?? path.resolve('build');
process.env.CINELAKE_BIN ??= path.join(buildDir, 'cinelake');
const testkit = process.env.CINELAKE_TESTKIT ?? path.join(buildDir, 'cinelake-testkit');
const { duckdb, startSandbox, tempDir } = await import('../test/lib/cinelake.mjs');
const { catalogFactSql } = await import('../test/lib/catalog_sql.mjs');

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
};
const movies = Number(opt('--movies', 1200000));
const series = Number(opt('--series', 200000));
const runs = Math.max(1, Number(opt('--runs', 3)));
const out = (k, v) => console.log(`${k} ${v}`);

const PREV = '2026-10-01';
const DAY = '2026-10-02';
const exportName = (type, day) => {
  const [y, m, d] = day.split('-');
  return `${type === 'movie' ? 'movie_ids' : 'tv_series_ids'}_${m}_${d}_${y}.json.gz`;
};

const tmp = tempDir('catalog-bench');
const exportsDir = path.join(tmp, 'exports');
fs.mkdirSync(exportsDir);
const sb = await startSandbox(['--movie-catalog', String(movies), '--series-catalog', String(series)]);
try {
  for (const day of [PREV, DAY]) {
    for (const type of ['movie', 'tvSeries']) {
      const name = exportName(type, day);
      await new Promise((resolve, reject) => {
        http.get(`${sb.url}/p/exports/${name}`, { agent: false }, (res) => {
          if (res.statusCode !== 200) { reject(new Error(`${name}: HTTP ${res.statusCode}`)); return; }
          const f = fs.createWriteStream(path.join(exportsDir, name));
          res.pipe(f);
          f.on('finish', resolve);
        }).on('error', reject);
      });
    }
  }
} finally {
  await sb.stop();
}

// ---- cinelake ----------------------------------------------------------
const catalogDay = (lake, day) => {
  const r = spawnSync(testkit, ['catalog-day', '--lake', lake, '--exports', `file://${exportsDir}`, '--date', day],
                      { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`catalog-day ${day}: ${r.stderr}`);
  return Object.fromEntries(r.stdout.trim().split('\n').map((l) => l.split(' ')).map(([k, v]) => [k, Number(v)]));
};
const setupLake = path.join(tmp, 'setup-lake');
catalogDay(setupLake, PREV);
let oursMs = Infinity;
let peakKb = 0;
let goldFile = '';
let metrics = {};
for (let r = 0; r < runs; r++) {
  const lake = path.join(tmp, `lake-${r}`);
  fs.cpSync(setupLake, lake, { recursive: true });
  const t = performance.now();
  metrics = catalogDay(lake, DAY);
  oursMs = Math.min(oursMs, performance.now() - t);
  peakKb = Math.max(peakKb, metrics.catalog_peak_rss_kb);
  goldFile = path.join(lake, `gold/fact_catalog_popularity/loadDate=${DAY}/part-00000.parquet`);
}

// ---- DuckDB ------------------------------------------------------------
const db = await duckdb();
const file = (type, day) => path.join(exportsDir, exportName(type, day));
// Raw as exported, a repeated id keeping its highest popularity (the export has none).
const rawSql = (day) => `
  SELECT id, content_type, arg_max(title, popularity) AS title, max(popularity) AS popularity,
         arg_max(adult, popularity) AS adult, arg_max(video, popularity) AS video FROM (
    SELECT id, 'movie' AS content_type, original_title AS title, popularity, adult, video
    FROM read_json('${file('movie', day)}', format = 'newline_delimited', ignore_errors = true,
                   columns = {adult: 'BOOLEAN', id: 'BIGINT', original_title: 'VARCHAR', popularity: 'DOUBLE', video: 'BOOLEAN'})
    UNION ALL
    SELECT id, 'tvSeries', original_name, popularity, NULL::BOOLEAN, NULL::BOOLEAN
    FROM read_json('${file('tvSeries', day)}', format = 'newline_delimited', ignore_errors = true,
                   columns = {id: 'BIGINT', original_name: 'VARCHAR', popularity: 'DOUBLE'}))
  WHERE id > 0 AND popularity >= 0 AND popularity < 1e8
  GROUP BY id, content_type ORDER BY content_type, id`;
const duckDir = path.join(tmp, 'duckdb');
fs.mkdirSync(duckDir);
const prevRaw = path.join(duckDir, 'raw-prev.parquet');
await db.all(`COPY (${rawSql(PREV)}) TO '${prevRaw}' (FORMAT parquet, COMPRESSION zstd)`);
const duckGold = path.join(duckDir, 'gold.parquet');
let duckMs = Infinity;
for (let r = 0; r < runs; r++) {
  const raw = path.join(duckDir, `raw-${r}.parquet`);
  const t = performance.now();
  await db.all(`COPY (${rawSql(DAY)}) TO '${raw}' (FORMAT parquet, COMPRESSION zstd)`);
  const both = `SELECT DATE '${PREV}' AS loadDate, content_type, id, popularity FROM read_parquet('${prevRaw}')
                UNION ALL SELECT DATE '${DAY}', content_type, id, popularity FROM read_parquet('${raw}')`;
  await db.all(`COPY (SELECT * EXCLUDE (loadDate, _id) FROM (${catalogFactSql(both)}) WHERE loadDate = DATE '${DAY}'
                      ORDER BY rank NULLS LAST, content_type, _id)
                TO '${duckGold}' (FORMAT parquet, COMPRESSION zstd)`);
  duckMs = Math.min(duckMs, performance.now() - t);
}
const cols = 'tmdb_id, rank, popularity, rank_change, is_new_joiner, is_leaver, content_type, rank_in_type, rank_change_in_type, prev_load_date, content_id';
const [{ n: differ }] = await db.all(`SELECT count(*)::INT AS n FROM (
  (SELECT ${cols} FROM read_parquet('${goldFile}') EXCEPT ALL SELECT ${cols} FROM read_parquet('${duckGold}'))
  UNION ALL
  (SELECT ${cols} FROM read_parquet('${duckGold}') EXCEPT ALL SELECT ${cols} FROM read_parquet('${goldFile}')))`);
const [{ n: rows }] = await db.all(`SELECT count(*)::INT AS n FROM read_parquet('${goldFile}')`);
db.close();
if (differ !== 0) throw new Error(`the two gold files differ in ${differ} rows`);

const goldBytes = fs.statSync(goldFile).size;
const duckBytes = fs.statSync(duckGold).size;
out('catalog_rows', rows);
out('catalog_cinelake_ms', oursMs.toFixed(0));
out('catalog_duckdb_ms', duckMs.toFixed(0));
out('catalog_time_ratio', (oursMs / duckMs).toFixed(2));
out('catalog_peak_rss_mb', (peakKb / 1024).toFixed(0));
out('catalog_gold_bytes', goldBytes);
out('catalog_duckdb_gold_bytes', duckBytes);
out('catalog_gold_ratio', (goldBytes / duckBytes).toFixed(2));
fs.rmSync(tmp, { recursive: true, force: true });
