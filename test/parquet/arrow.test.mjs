// pyarrow (Arrow C++, the reference Parquet implementation) reads what
// cinelake writes: the tricky sample files (against their expected rows) and
// every raw, stg and gold file of the shared 30-day sandbox lake (against
// DuckDB), each column with the declared type and nullability; partitioned
// tables also read as Hive datasets with loadDate typed DATE.
// pyarrow comes from test/python/.venv (scripts/install-deps.sh).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { sandboxLake } from '../lib/cinelake.mjs';
import {
  describeRun, diffRows, duckRowsAsJson, jsonDate, jsonInt64, openDuckDB, parseJsonLines, ROOT, runCinelake, runTestkit,
} from './helpers.mjs';

const PYTHON = path.join(ROOT, 'test/python/.venv/bin/python');
const SCRIPT = path.join(ROOT, 'test/parquet/arrow_rows.py');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cinelake-arrow-'));
let db;

before(async () => {
  assert.ok(fs.existsSync(PYTHON), `${PYTHON} is missing: run scripts/install-deps.sh`);
  db = await openDuckDB();
  await db.all("SET TimeZone = 'UTC'");
});
after(() => {
  db?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function arrowRead(args) {
  const r = spawnSync(PYTHON, [SCRIPT, ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 30 });
  assert.equal(r.status, 0, `arrow_rows.py ${args.slice(0, 3).join(' ')}...: ${r.stderr}`);
  return parseJsonLines(r.stdout);
}

// The Arrow type pyarrow must infer from a cinelake column type.
function arrowTypeOk(cinelakeType, arrowType) {
  const decimal = /^DECIMAL\((\d+),(\d+)\)$/.exec(cinelakeType);
  if (decimal) return arrowType === `decimal128(${decimal[1]}, ${decimal[2]})`;
  const want = {
    STRING: ['string'], INT: ['int32'], BIGINT: ['int64'], DOUBLE: ['double'], BOOLEAN: ['bool'], DATE: ['date32[day]'],
    TIMESTAMP: ['timestamp[us]', 'timestamp[us, tz=UTC]'], 'ARRAY<STRING>': ['list<element: string>', 'list<item: string>'],
  }[cinelakeType];
  return want !== undefined && want.includes(arrowType);
}

// pyarrow's rows in the cat --json form (the script leaves DATE as days and
// int64 that fit a double as numbers, which is that form already).
function catForm(file) {
  return file.rows.map((row) => {
    const out = {};
    for (const c of file.columns) {
      const v = row[c.name];
      out[c.name] = v === null ? null : c.type === 'date32[day]' ? jsonDate(v) : c.type === 'int64' ? jsonInt64(v) : v;
    }
    return out;
  });
}

function checkColumns(file, declared, failures) {
  const names = file.columns.map((c) => c.name);
  if (names.join() !== declared.map((c) => c.name).join()) {
    failures.push(`${file.file}: columns ${names}, declared ${declared.map((c) => c.name)}`);
    return;
  }
  declared.forEach((want, i) => {
    const got = file.columns[i];
    if (!arrowTypeOk(want.type, got.type)) failures.push(`${file.file}: ${want.name} is ${got.type} in Arrow, declared ${want.type}`);
    if (got.nullable !== want.nullable) failures.push(`${file.file}: ${want.name} nullable=${got.nullable} in Arrow`);
  });
}

test('pyarrow reads every sample file with its types and exact values', () => {
  const dir = path.join(tmp, 'samples');
  const args = ['parquet-samples', dir, '--rows', '64'];
  const r = runTestkit(args, { timeoutMs: 60000 });
  assert.equal(r.status, 0, describeRun(args, r));
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const files = arrowRead(manifest.map((m) => path.join(dir, m.file)));
  assert.equal(files.length, manifest.length);
  const failures = [];
  manifest.forEach((m, i) => {
    checkColumns(files[i], m.columns, failures);
    const expected = parseJsonLines(fs.readFileSync(path.join(dir, m.expected), 'utf8'));
    failures.push(...diffRows(expected, catForm(files[i]), { label: m.file, max: 4 }));
  });
  assert.deepEqual(failures, []);
});

test('pyarrow reads every table of a 30-day lake as DuckDB does, with the declared types', async () => {
  const lake = await sandboxLake();
  const paths = fs.readdirSync(lake, { recursive: true })
    .filter((p) => p.endsWith('.parquet')).map((p) => path.join(lake, p)).sort();
  assert.ok(paths.length > 100, `only ${paths.length} Parquet files in the lake`);
  for (const layer of ['raw/', 'stg/', 'gold/']) assert.ok(paths.some((p) => p.includes(`/${layer}`)), `no ${layer} files`);
  const files = arrowRead(paths);
  const failures = [];
  let rows = 0;
  for (let i = 0; i < paths.length; i++) {
    const s = runCinelake(['parquet', 'schema', paths[i], '--json']);
    assert.equal(s.status, 0, describeRun(['parquet', 'schema', paths[i]], s));
    checkColumns(files[i], JSON.parse(s.stdout).columns, failures);
    // DuckDB adds the partition folder's loadDate to a file's columns; the file has none.
    const duck = await duckRowsAsJson(db, paths[i]);
    const declared = new Set(JSON.parse(s.stdout).columns.map((c) => c.name));
    if (!declared.has('loadDate')) duck.rows = duck.rows.map(({ loadDate, ...rest }) => rest);
    failures.push(...diffRows(duck.rows, catForm(files[i]), { label: path.relative(lake, paths[i]), max: 4 }));
    rows += files[i].rows.length;
  }
  assert.deepEqual(failures, []);
  assert.ok(rows > 10000, `only ${rows} rows compared`);
});

test('pyarrow reads each partitioned table as a Hive dataset with loadDate as DATE', async () => {
  const lake = await sandboxLake();
  for (const table of ['raw/stg_popularity', 'raw/stg_contentIDs', 'raw/stg_tmdb_details', 'gold/fact_popularity']) {
    const [got] = arrowRead(['--dataset', lake, table]);
    const [duck] = await db.all(`SELECT count(*)::INT AS n, count(DISTINCT loadDate)::INT AS days,
      min(loadDate)::VARCHAR AS first, max(loadDate)::VARCHAR AS last FROM read_parquet(
      '${lake}/${table}/*/*.parquet', hive_partitioning = true, hive_types = {'loadDate': DATE})`);
    assert.equal(got.loadDate_type, 'date32[day]', table);
    assert.deepEqual({ rows: got.rows, days: got.days, first: got.first, last: got.last },
      { rows: duck.n, days: duck.days, first: duck.first, last: duck.last }, table);
    assert.ok(got.rows > 0 && got.days > 1, `${table}: ${got.rows} rows over ${got.days} days`);
  }
});
