// Apache Spark (pyspark from test/python/.venv, on the machine's Java) reads
// the shared 30-day sandbox lake as it is, in one Spark session
// (spark_lake.py, spawned once: Spark's start-up is the suite's main cost):
//
//  - gold/_catalog/spark.sql runs statement by statement; every raw, stg and
//    gold table then reads with the declared types, row counts and loadDate
//    partitions (against the schema files and against pyarrow);
//  - gold/_catalog/athena.sql runs in Spark with Hive support (Hive's DDL
//    dialect, as Athena runs it), MSCK REPAIR TABLE finds the partitions,
//    and every table has the same rows;
//  - fact_popularity's rank, rank change, joiner and leaver columns equal a
//    recomputation from raw/stg_popularity in Spark SQL written from
//    data-model.md, and every bridge's keys are in their dimensions;
//  - the same lake uploaded to moto's S3-compatible server reads through
//    s3a:// (hadoop-aws from test/spark/.jars) with the same results.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { sandboxLake, tempDir } from '../lib/cinelake.mjs';
import { startMoto, VENV } from '../s3/moto.mjs';

const SCRIPT = path.resolve('test/spark/spark_lake.py');
const BUCKET = 'cinelake-spark';
let lake;
let report;
let scratch;
let moto;

before(async () => {
  assert.ok(fs.existsSync(path.join(VENV, 'bin/pyspark')), 'pyspark is missing: run scripts/install-deps.sh');
  lake = await sandboxLake();
  moto = await startMoto(BUCKET, undefined, { enforceAuth: false });
  scratch = tempDir('spark');
});
after(async () => {
  await moto?.stop();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

function schemaFiles() {
  const dir = path.join(lake, 'gold/_catalog');
  const index = JSON.parse(fs.readFileSync(path.join(dir, 'tables.json'), 'utf8'));
  return index.map((t) => JSON.parse(fs.readFileSync(path.join(dir, t.schema), 'utf8')));
}

// How Spark spells a declared column type (DataType.simpleString()).
function sparkType(column) {
  if (column.type === 'DECIMAL') return `decimal(${column.precision},${column.scale})`;
  return { STRING: 'string', INT: 'int', BIGINT: 'bigint', DOUBLE: 'double', BOOLEAN: 'boolean', DATE: 'date',
    TIMESTAMP: 'timestamp', 'ARRAY<STRING>': 'array<string>' }[column.type] ?? `unknown ${column.type}`;
}

function declaredColumns(schema) {
  return [...schema.columns, ...schema.partition_keys].map((c) => [c.name.toLowerCase(), sparkType(c)]);
}

function lowerNames(columns) {
  return columns.map(([name, type]) => [name.toLowerCase(), type]);
}

test('one Spark session runs the suite (the generated DDL, locally and through s3a://)', { timeout: 1_750_000 }, () => {
  const r = spawnSync(path.join(VENV, 'bin/python'), [SCRIPT, lake, '--s3', `${BUCKET}/lake`], {
    cwd: scratch, encoding: 'utf8', timeout: 1_700_000, maxBuffer: 1 << 28, env: { ...process.env, ...moto.env },
  });
  assert.equal(r.status, 0, `spark_lake.py exited ${r.status} ${r.signal ?? ''}: ${r.stderr.slice(-6000)}`);
  report = JSON.parse(r.stdout);
  assert.match(report.spark_version, /^3\.5\./);
});

test('spark.sql: every raw, stg and gold table reads with the declared types, rows and partitions', () => {
  assert.ok(report, 'no report');
  const schemas = schemaFiles();
  for (const layer of ['raw', 'stg', 'gold']) assert.ok(schemas.some((s) => s.layer === layer), `no ${layer} table`);
  assert.ok(report.statements.spark_ddl >= schemas.length, `${report.statements.spark_ddl} statements`);
  for (const s of schemas) {
    const got = report.databases.spark_ddl[s.table];
    assert.ok(got, `${s.table} is not in Spark`);
    assert.deepEqual(lowerNames(got.columns), declaredColumns(s), `${s.table}: columns and types`);
    assert.equal(got.rows, s.row_count, `${s.table}: rows`);
    assert.equal(got.rows, report.arrow[s.table].rows, `${s.table}: rows as pyarrow reads them`);
    for (const [column, n] of Object.entries(report.arrow[s.table].non_null)) {
      assert.equal(got.non_null[column], n, `${s.table}.${column}: non-null values, Spark vs pyarrow`);
    }
    if (s.partition_keys.length) {
      assert.equal(got.partitions, s.partitions_count, `${s.table}: partitions`);
      assert.equal(got.days, report.arrow[s.table].days, `${s.table}: distinct loadDate values, Spark vs pyarrow`);
    }
  }
  assert.equal(report.databases.spark_ddl.fact_popularity.days, 30);
});

test('athena.sql runs in Spark with Hive support; MSCK REPAIR TABLE finds every partition', () => {
  assert.ok(report, 'no report');
  for (const s of schemaFiles()) {
    const hive = report.databases.athena_ddl[s.table];
    const spark = report.databases.spark_ddl[s.table];
    assert.ok(hive, `${s.table} is not in the Hive metastore`);
    assert.deepEqual(lowerNames(hive.columns), declaredColumns(s), `${s.table}: columns and types`);
    assert.equal(hive.rows, spark.rows, `${s.table}: rows`);
    assert.deepEqual(hive.non_null, Object.fromEntries(Object.entries(spark.non_null).map(([k, v]) => [k.toLowerCase(), v])),
      `${s.table}: non-null values`);
    assert.equal(hive.partitions, spark.partitions, `${s.table}: partitions`);
  }
});

test("the fact's rank, rank change, joiner and leaver rules, recomputed in Spark SQL, equal the gold fact", () => {
  assert.ok(report, 'no report');
  const { fact } = report.rules.spark_ddl;
  assert.deepEqual({ missing: fact.missing, extra: fact.extra, sample: fact.sample }, { missing: 0, extra: 0, sample: [] });
  assert.equal(fact.expected_rows, fact.rows);
  assert.equal(fact.days, 30);
  // The comparison means something only if the lake has each kind of row.
  assert.ok(fact.leavers > 0 && fact.joiners > fact.leavers && fact.movers > 0, JSON.stringify(fact));
  assert.equal(fact.leaver_repeated_next_day, 0, 'a leaver is emitted once');
});

test("every bridge's keys (and the fact's content_id) are in their dimensions, and bridge rows are distinct", () => {
  assert.ok(report, 'no report');
  const { keys } = report.rules.spark_ddl;
  assert.equal(Object.keys(keys).length, 6);
  for (const [table, k] of Object.entries(keys)) {
    assert.ok(k.rows > 0, `${table} is empty`);
    if (k.distinct !== null) assert.equal(k.distinct, k.rows, `${table}: repeated rows`);
    for (const [edge, n] of Object.entries(k.orphans)) assert.equal(n, 0, `${table}: ${edge}: ${n} orphan(s)`);
  }
});

test('through s3a:// from the S3-compatible server, both DDLs give the same tables and rule results', () => {
  assert.ok(report, 'no report');
  assert.ok(report.uploaded > 100, `${report.uploaded} objects uploaded`);
  const tables = schemaFiles().length;
  assert.ok(report.moved_locations.spark >= tables && report.moved_locations.athena >= tables, JSON.stringify(report.moved_locations));
  for (const db of ['s3_spark', 's3_athena']) {
    assert.match(report.locations[db], new RegExp(`^s3a://${BUCKET}/lake/gold/fact_popularity/?$`), db);
  }
  assert.deepEqual(report.databases.s3_spark, report.databases.spark_ddl);
  assert.deepEqual(report.databases.s3_athena, report.databases.athena_ddl);
  assert.deepEqual(report.rules.s3_spark, report.rules.spark_ddl);
});
