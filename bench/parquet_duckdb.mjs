// DuckDB's side of the Parquet benchmark (bench/parquet_bench.cc is ours).
//
// Builds the same 1.2 million fact_popularity rows in SQL, by the rules in
// parquet_bench.cc, and times, best of 5, with threads=1 (the fair comparison
// with our single-threaded codec) and with DuckDB's default thread count:
//   write: COPY src TO file (FORMAT parquet, COMPRESSION snappy)
//   read:  CREATE TABLE back AS SELECT * FROM read_parquet(file)
//          -- decodes every column of every row and materializes it, as our
//             ReadParquet fills a Table; this is the figure we compare against
//   read_result: SELECT * FROM read_parquet(file), every chunk fetched into a
//          materialized result (DuckDB vectors, not converted to JS values);
//          the other materializing form, reported for context
//   scan:  one aggregate per column over read_parquet(file) (decodes every
//          column but materializes nothing; reported for context)
//   read of cinelake's file (CTAS), when --cinelake-file is given; with
//   --check the rows of that file must equal the SQL-built rows, so both
//   benches provably measure the same data.
// Output: one "key value" line per figure, for scripts/bench.sh.
//
//   node bench/parquet_duckdb.mjs [--rows N] [--runs R] [--cinelake-file F] [--check]
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const oracle = createRequire(path.join(root, 'test/oracle/package.json'));
const { DuckDBInstance } = await import(pathToFileURL(oracle.resolve('@duckdb/node-api')).href);

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
};
const rows = Number(opt('--rows', 1200000));
const runs = Math.max(1, Number(opt('--runs', 5)));
const cinelakeFile = opt('--cinelake-file', '');
const check = args.includes('--check');

const sq = (s) => `'${s.replaceAll("'", "''")}'`;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cinelake-duckdb-bench-'));
const file = path.join(tmp, 'duckdb.parquet');

const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();
const run = (sql) => conn.run(sql);
const one = async (sql) => (await conn.runAndReadAll(sql)).getRowObjectsJS()[0];

async function best(fn) {
  let min = Infinity;
  for (let r = 0; r < runs; r++) {
    const t = process.hrtime.bigint();
    await fn();
    min = Math.min(min, Number(process.hrtime.bigint() - t) / 1e6);
  }
  return min;
}

try {
  const defaultThreads = Number((await one("SELECT current_setting('threads') AS t")).t);
  await run(`CREATE TABLE src AS
    SELECT
      'tt' || lpad((1000000 + ((i * 7919) % 2000) * 37)::VARCHAR, 7, '0') AS content_id,
      ((i % 2000) + 1)::INTEGER AS rank,
      (((i * 2654435761) % 10000000)::DECIMAL(18, 0) / 100)::DECIMAL(10, 2) AS popularity,
      CASE WHEN i % 10 = 0 THEN NULL ELSE ((i * 31) % 401) - 200 END::INTEGER AS rank_change,
      i % 7 = 0 AS is_new_joiner,
      CASE WHEN i % 13 = 0 THEN NULL ELSE i % 11 = 0 END AS is_leaver,
      ['movie', 'tvSeries', 'tvMiniSeries', 'tvMovie', 'short'][i % 5 + 1] AS content_type,
      ((i % 400) + 1)::INTEGER AS rank_in_type,
      CASE WHEN i % 9 = 0 THEN NULL ELSE ((i * 17) % 201) - 100 END::INTEGER AS rank_change_in_type,
      CASE WHEN i % 20 = 0 THEN NULL ELSE DATE '2026-01-01' + (i // 2000)::INTEGER END AS prev_load_date,
      ((i % 30) + 1)::INTEGER AS days_on_list,
      ((i % 90) + 1)::INTEGER AS total_days_on_list,
      ((i % 2000) // 2 + 1)::INTEGER AS peak_rank,
      DATE '2026-01-01' + (i // 2000 - i % 5)::INTEGER AS peak_date,
      DATE '2026-01-01' + (i // 2000 - i % 30)::INTEGER AS debut_date,
      CASE WHEN i % 9 = 0 THEN NULL ELSE (i % 400) // 2 + 1 END::INTEGER AS peak_rank_in_type,
      CASE WHEN i % 9 = 0 THEN NULL ELSE DATE '2026-01-01' + (i // 2000 - i % 7)::INTEGER END AS peak_date_in_type
    FROM range(${rows}) t(i)`);

  if (cinelakeFile && check) {
    const diff = await one(`SELECT
      (SELECT count(*) FROM (SELECT * FROM src EXCEPT ALL SELECT * FROM read_parquet(${sq(cinelakeFile)}))) AS a,
      (SELECT count(*) FROM (SELECT * FROM read_parquet(${sq(cinelakeFile)}) EXCEPT ALL SELECT * FROM src)) AS b`);
    if (Number(diff.a) !== 0 || Number(diff.b) !== 0) {
      throw new Error(`cinelake's file ${cinelakeFile} holds different rows from the SQL-built ones ` +
        `(${diff.a} only in SQL, ${diff.b} only in the file)`);
    }
    console.log('duckdb_check_same_rows 1');
  }

  const scanSql = (f) => `SELECT count(content_id), sum(rank), sum(popularity), sum(rank_change),
      count_if(is_new_joiner), count_if(is_leaver), count(content_type), sum(rank_in_type),
      sum(rank_change_in_type), max(prev_load_date) FROM read_parquet(${sq(f)})`;

  console.log(`duckdb_rows ${rows}`);
  console.log(`duckdb_threads_default ${defaultThreads}`);
  for (const [label, threads] of [['t1', 1], ['tdefault', defaultThreads]]) {
    await run(`SET threads = ${threads}`);
    const write = await best(() => run(`COPY src TO ${sq(file)} (FORMAT parquet, COMPRESSION snappy)`));
    const read = await best(async () => {
      await run(`CREATE OR REPLACE TABLE back AS SELECT * FROM read_parquet(${sq(file)})`);
      await run('DROP TABLE back');
    });
    const result = await best(() => conn.runAndReadAll(`SELECT * FROM read_parquet(${sq(file)})`));
    const scan = await best(() => conn.runAndReadAll(scanSql(file)));
    console.log(`duckdb_${label}_write_ms ${write.toFixed(1)}`);
    console.log(`duckdb_${label}_read_ms ${read.toFixed(1)}`);
    console.log(`duckdb_${label}_read_result_ms ${result.toFixed(1)}`);
    console.log(`duckdb_${label}_scan_ms ${scan.toFixed(1)}`);
    if (cinelakeFile) {
      const readOurs = await best(async () => {
        await run(`CREATE OR REPLACE TABLE back AS SELECT * FROM read_parquet(${sq(cinelakeFile)})`);
        await run('DROP TABLE back');
      });
      console.log(`duckdb_${label}_read_cinelake_file_ms ${readOurs.toFixed(1)}`);
    }
  }
  console.log(`duckdb_file_bytes ${fs.statSync(file).size}`);
} finally {
  conn.closeSync?.();
  instance.closeSync?.();
  fs.rmSync(tmp, { recursive: true, force: true });
}
