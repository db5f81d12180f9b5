// `--glue-database NAME`: after each run, the gold tables and their loadDate
// partitions in the AWS Glue Data Catalog, through moto's Glue API (the same
// moto server as the S3 lake, checking every request's SigV4 signature):
//
//  - the database holds exactly the gold tables, each with the columns and
//    types of the generated athena.sql, loaddate DATE as partition key,
//    Parquet SerDe, EXTERNAL_TABLE at the table's s3:// location;
//  - each partitioned table has one partition per day in the lake, at its
//    loadDate=YYYY-MM-DD folder, and a later run adds its day (tables are
//    updated in place, not repeated);
//  - a bad database name is refused before anything runs.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { run } from '../lib/cinelake.mjs';
import { s3Suite } from './s3_suite.mjs';

const BUCKET = 'cinelake-glue';
const LAKE = `s3://${BUCKET}/glue/lake`;
const DATABASE = 'cinelake_gold';
const suite = s3Suite(BUCKET, 'glue');
const cinelake = (args) => suite.cinelake([...args, '--log-level', 'warn']);

// Each table's column list in the generated Athena DDL: [[name, type], ...].
function athenaColumns(ddl) {
  const out = {};
  for (const m of ddl.matchAll(/CREATE EXTERNAL TABLE IF NOT EXISTS `([^`]+)` \(\n([\s\S]*?)\n\)/g)) {
    out[m[1]] = m[2].split(',\n').map((line) => {
      const c = /^\s*`([^`]+)` (.+)$/.exec(line);
      return [c[1], c[2]];
    });
  }
  return out;
}

function lakeCatalog() {
  const dir = suite.download('glue/lake');
  const catalog = path.join(dir, 'gold/_catalog');
  const index = JSON.parse(fs.readFileSync(path.join(catalog, 'tables.json'), 'utf8'));
  const schemas = index.filter((t) => t.layer === 'gold')
    .map((t) => JSON.parse(fs.readFileSync(path.join(catalog, t.schema), 'utf8')));
  return { schemas, ddl: athenaColumns(fs.readFileSync(path.join(catalog, 'athena.sql'), 'utf8')) };
}

function glue() {
  return JSON.parse(suite.moto.tool(['glue', DATABASE]));
}

function assertGlueMatchesLake() {
  const { schemas, ddl } = lakeCatalog();
  const tables = glue();
  assert.deepEqual(Object.keys(tables).sort(), schemas.map((s) => s.table).sort(), 'Glue holds exactly the gold tables');
  for (const s of schemas) {
    const t = tables[s.table];
    assert.deepEqual(t.columns, ddl[s.table], `${s.table}: columns as athena.sql declares them`);
    assert.equal(t.location, `${LAKE}/gold/${s.table}/`);
    assert.equal(t.table_type, 'EXTERNAL_TABLE');
    assert.equal(t.serde, 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe');
    assert.match(t.input_format, /MapredParquetInputFormat$/);
    if (s.partition_keys.length === 0) {
      assert.deepEqual([t.partition_keys, t.partitions], [[], []], s.table);
      continue;
    }
    assert.deepEqual(t.partition_keys, [['loaddate', 'date']], s.table);
    assert.equal(t.partitions.length, s.partitions_count, `${s.table}: partitions`);
    assert.deepEqual(t.partitions.at(0), { values: [s.first_partition], location: `${LAKE}/gold/${s.table}/loadDate=${s.first_partition}/` });
    assert.deepEqual(t.partitions.at(-1).values, [s.last_partition]);
  }
  return tables;
}

test('a run with --glue-database creates the gold tables and partitions, as the DDL declares them', { timeout: 600_000 }, () => {
  const r = cinelake(['backfill', '--lake', LAKE, '--from', '2026-10-01', '--to', '2026-10-02', '--glue-database', DATABASE]);
  assert.equal(r.code, 0, r.stderr);
  const tables = assertGlueMatchesLake();
  assert.equal(tables.fact_popularity.partitions.length, 2);
  assert.ok(!r.stderr.includes(suite.moto.secret), 'the secret key is logged');
});

test('a later run adds its day and updates the tables in place', { timeout: 600_000 }, () => {
  const r = cinelake(['run', '--lake', LAKE, '--date', '2026-10-03', '--glue-database', DATABASE]);
  assert.equal(r.code, 0, r.stderr);
  const tables = assertGlueMatchesLake();
  assert.deepEqual(tables.fact_popularity.partitions.map((p) => p.values[0]), ['2026-10-01', '2026-10-02', '2026-10-03']);
});

test('a Glue database name Glue would refuse is refused before the run', () => {
  const r = cinelake(['run', '--lake', LAKE, '--date', '2026-10-04', '--glue-database', 'Not-A-Name']);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /--glue-database 'Not-A-Name'/);
  const st = run(['status', '--lake', LAKE, '--json'], { env: suite.moto.env });
  assert.ok(!JSON.parse(st.stdout).some((m) => m.load_date === '2026-10-04'), 'no run was started');
});
