// The whole-catalog oracle: DuckDB SQL written from the rules
// (test/lib/catalog_sql.mjs) recomputes gold/fact_catalog_popularity from the
// export files themselves — fetched again from a sandbox of the same seed and
// size as the shared backfill — and cinelake's mapping of IMDB ids; every row
// must match.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { catalogFactSql, exportRowsSql } from '../lib/catalog_sql.mjs';
import { duckdb, FIRST_DAY, LAST_DAY, sandboxLake, startSandbox, tempDir } from '../lib/cinelake.mjs';

let db;
let lake;
const files = [];
const part = (t) => `read_parquet('${lake}/${t}/*/*.parquet', hive_partitioning = true, hive_types = {'loadDate': DATE})`;

function download(url, file) {
  return new Promise((resolve, reject) => {
    http.get(url, { agent: false }, (res) => {
      if (res.statusCode !== 200) { res.resume(); reject(new Error(`${url}: HTTP ${res.statusCode}`)); return; }
      const out = fs.createWriteStream(file);
      res.pipe(out);
      out.on('finish', resolve);
      out.on('error', reject);
    }).on('error', reject);
  });
}

const exportName = (type, day) => {
  const [y, m, d] = day.split('-');
  return `${type === 'movie' ? 'movie_ids' : 'tv_series_ids'}_${m}_${d}_${y}.json.gz`;
};

before(async () => {
  lake = await sandboxLake();
  db = await duckdb();
  const dir = tempDir('catalog-oracle');
  const sb = await startSandbox();  // the shared lake's seed and export sizes
  try {
    for (let t = Date.parse(`${FIRST_DAY}T00:00:00Z`); t <= Date.parse(`${LAST_DAY}T00:00:00Z`); t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      for (const type of ['movie', 'tvSeries']) {
        const file = path.join(dir, exportName(type, day));
        await download(`${sb.url}/p/exports/${exportName(type, day)}`, file);
        files.push({ path: file, loadDate: day, type });
      }
    }
  } finally {
    await sb.stop();
  }
});
after(() => db?.close());

test('fact_catalog_popularity equals the rules recomputed from the export files', async () => {
  const lists = `SELECT loadDate, id, tmdb_id FROM ${part('raw/stg_contentIDs')}`;
  const expected = `SELECT * EXCLUDE (_id) FROM (${catalogFactSql(exportRowsSql(files), lists)})`;
  const actual = `SELECT loadDate, tmdb_id, rank, popularity, rank_change, is_new_joiner, is_leaver, content_type,
                         rank_in_type, rank_change_in_type, prev_load_date, content_id
                  FROM ${part('gold/fact_catalog_popularity')}`;
  const missing = await db.all(`SELECT * FROM ((${expected}) EXCEPT ALL (${actual})) LIMIT 5`);
  const extra = await db.all(`SELECT * FROM ((${actual}) EXCEPT ALL (${expected})) LIMIT 5`);
  assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, 'gold differs from the oracle');
  const [s] = await db.all(`SELECT count(*)::INT AS n, count(DISTINCT loadDate)::INT AS days,
      count(content_id)::INT AS mapped FROM (${actual})`);
  assert.equal(s.days, 30);
  assert.ok(s.n >= 30 * 3000, `rows: ${s.n}`);
  // The IMDB lists' titles are in the exports, so the join to stg_contentIDs must find them.
  assert.ok(s.mapped >= 30 * 100, `rows with an IMDB id: ${s.mapped}`);
});

test('the raw export keeps every kept line as exported', async () => {
  const expected = `SELECT loadDate, content_type, id, popularity FROM (${exportRowsSql(files)})`;
  const actual = `SELECT loadDate, content_type, id, popularity FROM ${part('raw/tmdb_export')}`;
  const missing = await db.all(`SELECT * FROM ((${expected}) EXCEPT ALL (${actual})) LIMIT 5`);
  const extra = await db.all(`SELECT * FROM ((${actual}) EXCEPT ALL (${expected})) LIMIT 5`);
  assert.deepEqual({ missing, extra }, { missing: [], extra: [] });
  const log = await db.all(`SELECT state, count(*)::INT AS n, sum(malformed_lines)::INT AS malformed
                            FROM read_parquet('${lake}/raw/tmdb_export_log/*.parquet') GROUP BY state`);
  assert.deepEqual(log, [{ state: 'loaded', n: 30, malformed: 0 }]);
});
