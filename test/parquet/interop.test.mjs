// Proves cinelake's Parquet codec against independent readers and writers.
//
// (a) `cinelake-testkit parquet-samples` writes tricky files with their expected rows;
//     DuckDB must report the right column types and nullability, read every
//     value exactly, and see statistics, the requested compression, the
//     requested row groups and key-value metadata naming cinelake.
// (b) hyparquet (with hyparquet-compressors) must read the same values.
//     cinelake's own reader (`cat --json`) must too.
// (c) DuckDB writes files (snappy/zstd/gzip/lz4_raw/brotli/none, page v1/v2, small row
//     groups, nulls, unicode, lists, decimals, dates, timestamps, ...);
//     `cinelake parquet cat --json` must return exactly DuckDB's values,
//     with and without --columns, and `schema --json` the right types.
// (d) Damaged files make cinelake fail cleanly: exit code 1, "corrupt:" and
//     the file named in the message, no signal, no hang. A valid file using
//     a feature cinelake lacks is told apart: exit code 4, "unsupported:".
//
// Every value is compared in the exact `cat --json` form (see helpers.mjs).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  describeRun,
  diffRows,
  duckDescribe,
  duckRowsAsJson,
  duckdbTypeFor,
  hyparquetRowsAsJson,
  openDuckDB,
  parseJsonLines,
  runCinelake,
  runTestkit,
  sqlString,
} from './helpers.mjs';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cinelake-interop-'));
let db;

before(async () => {
  db = await openDuckDB();
  await db.all("SET TimeZone = 'UTC'");
});

after(() => {
  db?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function readExpected(file) {
  return parseJsonLines(fs.readFileSync(file, 'utf8'));
}

function assertNoDiff(diffs, what) {
  assert.equal(diffs.length, 0, `${what}:\n  ${diffs.join('\n  ')}`);
}

function catJson(file, extra = []) {
  const args = ['parquet', 'cat', file, '--json', ...extra];
  const r = runCinelake(args);
  assert.equal(r.status, 0, describeRun(args, r));
  return parseJsonLines(r.stdout);
}

function schemaJson(file) {
  const args = ['parquet', 'schema', file, '--json'];
  const r = runCinelake(args);
  assert.equal(r.status, 0, describeRun(args, r));
  return JSON.parse(r.stdout);
}

// How to order cat --json values of each type as DuckDB orders them, and how
// to write one as a SQL literal. DOUBLE: NaN sorts above everything (as in
// DuckDB) and -0 equals 0. STRING: byte order of the UTF-8.
const asDouble = (v) => (v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : v === 'NaN' ? NaN : v);
const cmpBig = (a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0);
const PROBES = {
  STRING: { cmp: (a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')), literal: (v) => sqlString(v) },
  INT: { cmp: cmpBig, literal: (v) => `CAST(${sqlString(v)} AS INTEGER)` },
  BIGINT: { cmp: cmpBig, literal: (v) => `CAST(${sqlString(v)} AS BIGINT)` },
  DATE: { cmp: (a, b) => (a < b ? -1 : a > b ? 1 : 0), literal: (v) => `DATE ${sqlString(v)}` },
  DECIMAL: { cmp: (a, b) => cmpBig(a.replace('.', ''), b.replace('.', '')), literal: (v) => `CAST(${sqlString(v)} AS DECIMAL(10,2))` },
  BOOLEAN: { cmp: (a, b) => Number(a) - Number(b), literal: (v) => String(v) },
  DOUBLE: {
    cmp: (a, b) => {
      const x = asDouble(a);
      const y = asDouble(b);
      if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) - Number.isNaN(y);
      return x < y ? -1 : x > y ? 1 : 0;
    },
    literal: (v) => `CAST(${sqlString(String(v))} AS DOUBLE)`,
  },
};

function compareWith(probe, x, v, op) {
  const c = probe.cmp(x, v);
  return op === '=' ? c === 0 : op === '>=' ? c >= 0 : c < 0;
}

// ---------------------------------------------------------------------------
// (a) + (b): cinelake writes, others read

describe('files cinelake writes', () => {
  const dir = path.join(tmp, 'samples');
  let manifest = [];
  let version = '';

  before(() => {
    const args = ['parquet-samples', dir, '--rows', '64'];
    const r = runTestkit(args, { timeoutMs: 60000 });
    assert.equal(r.status, 0, describeRun(args, r));
    manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    const v = runCinelake(['--version']);
    assert.equal(v.status, 0, describeRun(['--version'], v));
    version = v.stdout.trim().split(/\s+/).at(-1);
  });

  test('samples cover every table and every writer option', () => {
    const names = new Set(manifest.map((m) => m.name));
    for (const t of ['fact_popularity', 'content_person', 'dim_content', 'stg_contentIDs', 'bridge_content_person']) {
      assert.ok(names.has(t), `samples lack ${t}`);
    }
    for (const v of ['zstd', 'gzip', 'lz4_raw', 'brotli', 'uncompressed', 'tiny_pages', 'row_groups', 'no_dictionary',
      'dictionary_overflow', 'everything', 'extreme', 'empty', 'one_row']) {
      assert.ok(names.has(`types.${v}`), `samples lack types.${v}`);
    }
    assert.ok(manifest.length >= 25 + 13, `only ${manifest.length} sample files`);
    // The expected rows really contain the edge cases this suite is about.
    const all = fs.readFileSync(path.join(dir, 'types.snappy.expected.jsonl'), 'utf8');
    for (const needle of ['"NaN"', '"Infinity"', '"-Infinity"', '-0,', '4.9406564584124654e-324', '"99999999.99"', '"-99999999.99"',
      '"0001-01-01"', '"9999-12-31"', '-2147483648', '"-9223372036854775808"', '[]', '[""]', '\u{1F3AC}', 'e\u0301']) {
      assert.ok(all.includes(needle), `types.snappy.expected.jsonl lacks ${needle}`);
    }
  });

  test('DuckDB reads every sample with the right types, nullability and values', async () => {
    const failures = [];
    for (const m of manifest) {
      const file = path.join(dir, m.file);
      try {
        const schema = await db.all(
          `SELECT name, type, repetition_type, converted_type, logical_type FROM parquet_schema(${sqlString(file)})`);
        const byName = new Map(schema.map((s) => [s.name, s]));
        const cols = await duckDescribe(db, file);
        assert.deepEqual(cols.map((c) => c.name), m.columns.map((c) => c.name), `${m.file}: column names`);
        for (let i = 0; i < cols.length; i++) {
          const want = m.columns[i];
          const el = byName.get(want.name);
          let utc = false;
          if (want.type === 'TIMESTAMP') {
            assert.match(el.logical_type ?? '', /TimestampType\(isAdjustedToUTC=[01], unit=TimeUnit\(.*MICROS=MicroSeconds/,
              `${m.file}: ${want.name} logical type`);
            utc = /isAdjustedToUTC=1/.test(el.logical_type);
          }
          assert.equal(cols[i].type, duckdbTypeFor(want.type, utc), `${m.file}: DuckDB type of ${want.name}`);
          assert.equal(el.repetition_type, want.nullable ? 'OPTIONAL' : 'REQUIRED',
            `${m.file}: repetition of ${want.name}`);
          if (want.type === 'ARRAY<STRING>') assert.equal(el.converted_type, 'LIST', `${m.file}: ${want.name} is a LIST`);
          if (want.type === 'STRING') {
            assert.ok(el.converted_type === 'UTF8' || /StringType/.test(el.logical_type ?? ''),
              `${m.file}: ${want.name} is annotated as a UTF-8 string`);
          }
        }
        const { rows } = await duckRowsAsJson(db, file);
        const expected = readExpected(path.join(dir, m.expected));
        assert.equal(expected.length, m.rows, `${m.expected}: row count`);
        assertNoDiff(diffRows(expected, rows, { label: m.file }), `DuckDB values of ${m.file}`);
      } catch (e) {
        failures.push(`${m.file}: ${e.message}`);
      }
    }
    assert.equal(failures.length, 0, failures.join('\n'));
  });

  test('DuckDB sees statistics, compression, row groups and key-value metadata naming cinelake', async () => {
    const failures = [];
    for (const m of manifest) {
      const file = path.join(dir, m.file);
      try {
        const fm = (await db.all(`SELECT * FROM parquet_file_metadata(${sqlString(file)})`))[0];
        assert.match(fm.created_by, /cinelake/, `${m.file}: created_by`);
        assert.equal(Number(fm.num_rows), m.rows, `${m.file}: num_rows`);
        const wantGroups = Math.ceil(m.rows / m.row_group_rows);
        if (m.rows > 0) assert.equal(Number(fm.num_row_groups), wantGroups, `${m.file}: row groups`);
        else assert.ok(Number(fm.num_row_groups) <= 1, `${m.file}: row groups of an empty file`);

        const kv = new Map((await db.all(`SELECT key, value FROM parquet_kv_metadata(${sqlString(file)})`))
          .map((r) => [Buffer.from(r.key).toString('utf8'), Buffer.from(r.value).toString('utf8')]));
        assert.equal(kv.get('cinelake.version'), version, `${m.file}: cinelake.version key-value metadata`);
        for (const [k, v] of Object.entries(m.metadata)) {
          assert.equal(kv.get(k), v, `${m.file}: key-value metadata ${k}`);
        }

        const meta = await db.all(
          `SELECT row_group_id, row_group_num_rows, path_in_schema, type, compression, encodings, dictionary_page_offset, ` +
          `stats_null_count, ` +
          `stats_min_value, stats_max_value FROM parquet_metadata(${sqlString(file)}) ORDER BY row_group_id, column_id`);
        const expected = readExpected(path.join(dir, m.expected));
        let start = 0;
        let lastGroup = -1;
        let groupRows = 0;
        for (const c of meta) {
          const g = Number(c.row_group_id);
          if (g !== lastGroup) {
            start += groupRows;
            groupRows = Number(c.row_group_num_rows);
            lastGroup = g;
          }
          assert.equal(c.compression, m.codec, `${m.file}: compression of ${c.path_in_schema} in row group ${g}`);
          const top = c.path_in_schema.split(',')[0].trim();
          const col = m.columns.find((x) => x.name === top);
          // The dictionary options took effect.
          const dict = c.dictionary_page_offset !== null;
          const where = `${m.file}: ${top} in row group ${g} (encodings ${c.encodings})`;
          if (!m.dictionary) {
            assert.ok(!dict && !/DICTIONARY/.test(c.encodings), `${where}: dictionary written though disabled`);
          } else if (top === 'low_card') {
            assert.ok(dict && /RLE_DICTIONARY/.test(c.encodings), `${where}: 5 distinct values not dictionary-encoded`);
          } else if (top === 'high_card') {
            // All distinct, so the dictionary would hold every value.
            const bytes = expected.slice(start, start + groupRows)
              .reduce((n, r) => n + 4 + Buffer.byteLength(r.high_card, 'utf8'), 0);
            if (bytes > 2 * m.dictionary_max_bytes) {
              assert.ok(!dict, `${where}: dictionary of ${bytes} bytes kept beyond dictionary_max_bytes ${m.dictionary_max_bytes}`);
            }
          }
          if (!col || col.type === 'ARRAY<STRING>') continue;
          const values = expected.slice(start, start + groupRows).map((r) => r[top]);
          const nulls = values.filter((v) => v === null).length;
          assert.equal(c.stats_null_count === null ? null : Number(c.stats_null_count), nulls,
            `${m.file}: null_count of ${top} in row group ${g}`);
          if (col.type === 'INT' || col.type === 'BIGINT') {
            const nonNull = values.filter((v) => v !== null).map((v) => BigInt(v));
            if (nonNull.length === 0) continue;
            const min = nonNull.reduce((a, b) => (b < a ? b : a));
            const max = nonNull.reduce((a, b) => (b > a ? b : a));
            assert.equal(c.stats_min_value, min.toString(), `${m.file}: min of ${top} in row group ${g}`);
            assert.equal(c.stats_max_value, max.toString(), `${m.file}: max of ${top} in row group ${g}`);
          }
        }
        if (m.rows > 0) assert.equal(start + groupRows, m.rows, `${m.file}: rows over all row groups`);
      } catch (e) {
        failures.push(`${m.file}: ${e.message}`);
      }
    }
    assert.equal(failures.length, 0, failures.join('\n'));
  });

  // Statistics are only as good as the queries that trust them: DuckDB skips
  // row groups whose min/max exclude a filter, so a wrong bound shows up as a
  // wrong count. Probe every flat column of the multi-row-group samples.
  test('DuckDB filters that prune by statistics count the right rows', async () => {
    const failures = [];
    for (const m of manifest.filter((x) => Math.ceil(x.rows / x.row_group_rows) > 1)) {
      const file = path.join(dir, m.file);
      const expected = readExpected(path.join(dir, m.expected));
      for (const col of m.columns) {
        const probe = PROBES[col.type.startsWith('DECIMAL') ? 'DECIMAL' : col.type];
        if (!probe) continue;
        const values = expected.map((r) => r[col.name]);
        const nonNull = values.filter((v) => v !== null && !(col.type === 'DOUBLE' && v === 'NaN'));
        if (nonNull.length === 0) continue;
        const sorted = [...nonNull].sort(probe.cmp);
        const picks = new Set([sorted[0], sorted.at(-1), sorted[sorted.length >> 1]]);
        for (let g = 0; g < m.rows; g += m.row_group_rows) {
          const first = values.slice(g, g + m.row_group_rows).find((v) => v !== null && v !== 'NaN');
          if (first !== undefined) picks.add(first);
          if (picks.size >= 8) break;
        }
        // DuckDB orders NaN above +Infinity and prunes on min/max, so a chunk
        // holding NaN must not claim a max below it.
        if (values.includes('NaN')) picks.add('NaN');
        for (const v of picks) {
          for (const op of ['=', '>=', '<']) {
            const want = values.filter((x) => x !== null && compareWith(probe, x, v, op)).length;
            const sql = `SELECT count(*) AS n FROM read_parquet(${sqlString(file)}) ` +
              `WHERE ${JSON.stringify(col.name)} ${op} ${probe.literal(v)}`;
            try {
              const got = Number((await db.all(sql))[0].n);
              if (got !== want) failures.push(`${m.file}: ${col.name} ${op} ${JSON.stringify(v)}: ${got} rows, expected ${want}`);
            } catch (e) {
              failures.push(`${m.file}: ${col.name} ${op} ${JSON.stringify(v)}: ${e.message}`);
            }
          }
        }
      }
    }
    assert.equal(failures.length, 0, failures.slice(0, 40).join('\n'));
  });

  test('hyparquet reads every sample with the same values', async () => {
    const failures = [];
    for (const m of manifest) {
      try {
        const { rows } = await hyparquetRowsAsJson(fs.readFileSync(path.join(dir, m.file)));
        const expected = readExpected(path.join(dir, m.expected));
        assertNoDiff(diffRows(expected, rows, { label: m.file }), `hyparquet values of ${m.file}`);
      } catch (e) {
        failures.push(`${m.file}: ${e.message}`);
      }
    }
    assert.equal(failures.length, 0, failures.join('\n'));
  });

  test('cinelake reads back every sample exactly, and reports its schema', () => {
    const failures = [];
    for (const m of manifest) {
      try {
        const file = path.join(dir, m.file);
        const expected = readExpected(path.join(dir, m.expected));
        assertNoDiff(diffRows(expected, catJson(file), { label: m.file }), `cinelake values of ${m.file}`);
        const s = schemaJson(file);
        assert.equal(s.rows, m.rows, `${m.file}: schema rows`);
        assert.deepEqual(s.columns, m.columns, `${m.file}: schema columns`);
        assert.match(s.created_by, /cinelake/, `${m.file}: created_by`);
      } catch (e) {
        failures.push(`${m.file}: ${e.message}`);
      }
    }
    assert.equal(failures.length, 0, failures.join('\n'));
  });
});

// ---------------------------------------------------------------------------
// (c): DuckDB writes, cinelake reads

const DUCK_ROWS = 10000;

// Deterministic rows in SQL; the expected values are whatever DuckDB reads
// back from its own file, so the formulas only need to be varied.
const DUCK_SELECT = `
SELECT
  i::INTEGER AS id,
  CASE WHEN i % 7 = 3 THEN NULL
       ELSE ['', 'plain', 'caf' || chr(233), 'cafe' || chr(769), chr(127916) || chr(127871), chr(26085) || chr(26412),
             'quote " back \\ slash', 'tab' || chr(9) || 'nl' || chr(10) || 'cr' || chr(13),
             chr(128105) || chr(8205) || chr(128105) || chr(8205) || chr(128103), repeat('long ', 400)][i % 10 + 1]
  END AS text,
  'tt' || lpad(((i * 7919) % 1000003)::VARCHAR, 7, '0') AS high_card,
  CASE WHEN i % 13 = 6 THEN NULL ELSE ['movie', 'tvSeries', 'tvMiniSeries', 'short'][i % 4 + 1] END AS low_card,
  CASE i % 10 WHEN 0 THEN -2147483648 WHEN 1 THEN 2147483647 WHEN 2 THEN NULL
       ELSE (i * 31337) % 100000 - 50000 END::INTEGER AS small,
  CASE WHEN i % 11 = 5 THEN NULL WHEN i % 13 = 0 THEN 9223372036854775807 WHEN i % 13 = 1 THEN -9223372036854775808
       WHEN i % 13 = 2 THEN 9007199254740993 ELSE (i * 1000003)::BIGINT * 1000 - 5000000000 END::BIGINT AS big,
  CASE i % 17 WHEN 0 THEN 'NaN'::DOUBLE WHEN 1 THEN 'Infinity'::DOUBLE WHEN 2 THEN '-Infinity'::DOUBLE
       WHEN 3 THEN -0.0::DOUBLE WHEN 4 THEN 5e-324::DOUBLE WHEN 5 THEN 1e308::DOUBLE WHEN 6 THEN NULL
       ELSE i::DOUBLE / 7 END AS dbl,
  CASE WHEN i % 5 = 2 THEN NULL ELSE i % 3 = 0 END AS flag,
  CASE WHEN i % 9 = 4 THEN NULL WHEN i % 23 = 0 THEN 99999999.99 WHEN i % 23 = 1 THEN -99999999.99
       ELSE (CASE WHEN i % 2 = 0 THEN '-' ELSE '' END || ((i * 7919) % 100000000)::VARCHAR || '.' ||
             lpad((i % 100)::VARCHAR, 2, '0'))::DECIMAL(10, 2) END::DECIMAL(10, 2) AS amount,
  CASE WHEN i % 8 = 1 THEN NULL WHEN i % 31 = 0 THEN DATE '0001-01-01' WHEN i % 31 = 1 THEN DATE '9999-12-31'
       ELSE DATE '1900-01-01' + ((i * 977) % 120000)::INTEGER END AS day,
  CASE WHEN i % 6 = 5 THEN NULL
       ELSE make_timestamp(((i * 1234567891234) % 4000000000000000) - 500000000000000) END AS ts,
  CASE WHEN i % 6 = 4 THEN NULL
       ELSE make_timestamp(((i * 987654321987) % 4000000000000000) - 2000000000000000)::TIMESTAMPTZ END AS ts_utc,
  CASE i % 6 WHEN 0 THEN NULL WHEN 1 THEN []::VARCHAR[] WHEN 2 THEN [''] WHEN 3 THEN ['a', 'b', 'c']
       WHEN 4 THEN ['caf' || chr(233) || ' ' || chr(127916), 'x' || i::VARCHAR] ELSE ['', 'z'] END AS tags,
  i::BIGINT * 3 AS dense
FROM range(${DUCK_ROWS}) t(i)`;

const DUCK_TO_CINELAKE = {
  VARCHAR: 'STRING',
  INTEGER: 'INT',
  BIGINT: 'BIGINT',
  DOUBLE: 'DOUBLE',
  BOOLEAN: 'BOOLEAN',
  DATE: 'DATE',
  TIMESTAMP: 'TIMESTAMP',
  'TIMESTAMP WITH TIME ZONE': 'TIMESTAMP',
  'VARCHAR[]': 'ARRAY<STRING>',
  'DECIMAL(10,2)': 'DECIMAL(10,2)',
};

const DUCK_VARIANTS = [
  { name: 'snappy_v1', compression: 'snappy', version: 'V1' },
  { name: 'zstd_v2', compression: 'zstd', version: 'V2' },
  { name: 'gzip_v1', compression: 'gzip', version: 'V1' },
  { name: 'uncompressed_v2', compression: 'uncompressed', version: 'V2' },
  { name: 'snappy_v2', compression: 'snappy', version: 'V2' },
  { name: 'zstd_v1', compression: 'zstd', version: 'V1' },
  { name: 'lz4_raw_v1', compression: 'lz4_raw', version: 'V1' },
  { name: 'brotli_v2', compression: 'brotli', version: 'V2' },
];

describe('files DuckDB writes', () => {
  const dir = path.join(tmp, 'duckdb');

  before(async () => {
    fs.mkdirSync(dir, { recursive: true });
    for (const v of DUCK_VARIANTS) {
      const file = path.join(dir, `${v.name}.parquet`);
      await db.all(`COPY (${DUCK_SELECT}) TO ${sqlString(file)} (FORMAT parquet, COMPRESSION ${v.compression}, ` +
        `ROW_GROUP_SIZE 2048, PARQUET_VERSION ${v.version})`);
    }
  });

  for (const v of DUCK_VARIANTS) {
    test(`cinelake cat --json equals DuckDB on ${v.name}`, async () => {
      const file = path.join(dir, `${v.name}.parquet`);
      const groups = await db.all(`SELECT count(DISTINCT row_group_id) AS n FROM parquet_metadata(${sqlString(file)})`);
      assert.ok(Number(groups[0].n) >= 3, `fixture has ${groups[0].n} row groups, want >= 3`);

      const { cols, rows } = await duckRowsAsJson(db, file);
      assert.equal(rows.length, DUCK_ROWS);
      // The fixture exercises what it claims to.
      assert.ok(rows.some((r) => r.tags === null) && rows.some((r) => Array.isArray(r.tags) && r.tags.length === 0));
      assert.ok(rows.some((r) => r.dbl === 'NaN') && rows.some((r) => Object.is(r.dbl, -0)));

      assertNoDiff(diffRows(rows, catJson(file), { label: `${v.name}.parquet` }), `cinelake values of ${v.name}`);

      const s = schemaJson(file);
      assert.equal(s.rows, DUCK_ROWS);
      assert.equal(s.row_groups, Number(groups[0].n));
      assert.deepEqual(s.columns.map((c) => [c.name, c.type]), cols.map((c) => [c.name, DUCK_TO_CINELAKE[c.type]]),
        `${v.name}: schema --json types`);
    });
  }

  test('dates far outside 0001..9999 print exactly', async () => {
    const file = path.join(dir, 'far_dates.parquet');
    await db.all(`COPY (SELECT * FROM (VALUES (1, DATE '0001-01-01' - 1), (2, DATE '0001-01-01' - 40000),
      (3, DATE '9999-12-31' + 1), (4, DATE '9999-12-31' + 1000000), (5, 'infinity'::DATE), (6, '-infinity'::DATE),
      (7, DATE '1582-10-15'), (8, NULL)) t(id, d) ORDER BY id) TO ${sqlString(file)} (FORMAT parquet)`);
    // The raw day numbers DuckDB stored, read as integers so no date logic is involved.
    const raw = await db.all(`SELECT d::VARCHAR AS s, CASE WHEN d IS NULL THEN NULL ELSE ` +
      `(SELECT d - DATE '1970-01-01') END AS days FROM read_parquet(${sqlString(file)}) ORDER BY id`);
    const got = catJson(file, ['--columns', 'd']);
    const { rows } = await duckRowsAsJson(db, file);
    assert.deepEqual(got, rows.map((r) => ({ d: r.d })));
    assert.equal(got[2].d, '+10000-01-01', `DuckDB says ${raw[2].s}`);
    assert.equal(got[0].d, '0000-12-31', `DuckDB says ${raw[0].s}`);
  });

  // A Table has no unsigned 64-bit type and no null list items. Such a file
  // must either come back exactly or be refused (exit 1/2, column named);
  // silently different values are the one wrong answer.
  test('values cinelake cannot hold are refused, never altered', async () => {
    const cases = {
      ubigint_max: `SELECT * FROM (VALUES (1, 18446744073709551615::UBIGINT), (2, 9223372036854775808::UBIGINT),
        (3, 7::UBIGINT)) t(id, v) ORDER BY id`,
      null_list_item: `SELECT * FROM (VALUES (1, ['a', NULL, 'b']), (2, [NULL]::VARCHAR[]), (3, ['c'])) t(id, v) ORDER BY id`,
    };
    const failures = [];
    for (const [name, sql] of Object.entries(cases)) {
      const file = path.join(dir, `${name}.parquet`);
      await db.all(`COPY (${sql}) TO ${sqlString(file)} (FORMAT parquet)`);
      const args = ['parquet', 'cat', file, '--json'];
      const r = runCinelake(args);
      if (r.signal || r.timedOut) {
        failures.push(`${name}: ${describeRun(args, r)}`);
      } else if (r.status === 0) {
        const want = (await db.all(`SELECT id, v::VARCHAR AS v FROM read_parquet(${sqlString(file)}) ORDER BY id`))
          .map((x) => x.v);
        failures.push(`${name}: exit 0 with ${r.stdout.trim().replaceAll('\n', ' ')}; DuckDB reads v as ${JSON.stringify(want)}`);
      } else if (!(r.status === 1 || r.status === 2) || !r.stderr.includes(file) || !/'v'|\bv\b/.test(r.stderr)) {
        failures.push(`${name}: want exit 1 or 2 naming the file and column v; ${describeRun(args, r)}`);
      }
    }
    assert.equal(failures.length, 0, failures.join('\n'));
  });

  test('--columns projects and orders; --limit stops early', async () => {
    const file = path.join(dir, 'zstd_v2.parquet');
    const { rows } = await duckRowsAsJson(db, file);
    const pick = ['tags', 'id', 'amount', 'ts_utc', 'text'];
    const want = rows.map((r) => Object.fromEntries(pick.map((k) => [k, r[k]])));
    assertNoDiff(diffRows(want, catJson(file, ['--columns', pick.join(',')]), { label: 'projection' }),
      'cinelake --columns values');
    const limited = catJson(file, ['--columns', 'high_card', '--limit', '7']);
    assert.deepEqual(limited, rows.slice(0, 7).map((r) => ({ high_card: r.high_card })));
    assert.deepEqual(catJson(file, ['--limit', '0']), []);

    // An unknown column is a usage error naming the column.
    const args = ['parquet', 'cat', file, '--columns', 'id,no_such_column'];
    const r = runCinelake(args);
    assert.equal(r.status, 2, describeRun(args, r));
    assert.match(r.stderr, /no_such_column/, describeRun(args, r));
  });
});

// ---------------------------------------------------------------------------
// (d): damaged files

describe('damaged files', () => {
  const dir = path.join(tmp, 'bad');
  const cases = [];

  before(async () => {
    fs.mkdirSync(dir, { recursive: true });
    const good = path.join(dir, 'good.parquet');
    await db.all(`COPY (SELECT * FROM (${DUCK_SELECT}) LIMIT 3000) TO ${sqlString(good)} (FORMAT parquet)`);
    const bytes = fs.readFileSync(good);
    const n = bytes.length;
    const footerLen = bytes.readUInt32LE(n - 8);
    const put = (name, buf) => {
      const p = path.join(dir, name);
      fs.writeFileSync(p, buf);
      cases.push(p);
    };
    put('empty.parquet', Buffer.alloc(0));
    put('only-magic.parquet', Buffer.from('PAR1PAR1'));
    put('wrong-head-magic.parquet', Buffer.concat([Buffer.from('PAR2'), bytes.subarray(4)]));
    put('wrong-tail-magic.parquet', Buffer.concat([bytes.subarray(0, n - 4), Buffer.from('PARX')]));
    put('truncated-half.parquet', bytes.subarray(0, n >> 1));
    put('truncated-1.parquet', bytes.subarray(0, n - 1));
    put('truncated-footer.parquet', Buffer.concat([bytes.subarray(0, n - 8 - (footerLen >> 1)), bytes.subarray(n - 8)]));
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) & 0xff;
    put('random.parquet', Buffer.from(Array.from({ length: 4096 }, rand)));
    put('random-with-magic.parquet', Buffer.concat([Buffer.from('PAR1'), Buffer.from(Array.from({ length: 4096 }, rand)),
      Buffer.from([0x10, 0, 0, 0]), Buffer.from('PAR1')]));
    for (const [label, len] of [['huge', 0x7fffffff], ['zero', 0], ['past-start', n], ['all-ones', 0xffffffff]]) {
      const b = Buffer.from(bytes);
      b.writeUInt32LE(len >>> 0, n - 8);
      put(`footer-length-${label}.parquet`, b);
    }
    // The footer itself garbled (thrift fields overwritten).
    const garbled = Buffer.from(bytes);
    for (let i = n - 8 - footerLen; i < n - 8; i += 7) garbled[i] = 0xff;
    put('garbled-footer.parquet', garbled);
    // Page data garbled behind a valid footer.
    const pages = Buffer.from(bytes);
    for (let i = 4; i < Math.min(n - 8 - footerLen, 4000); i += 3) pages[i] ^= 0x5a;
    put('garbled-pages.parquet', pages);
  });

  // The required cases must fail; garbled-* ones (no checksum in Parquet
  // can catch every flipped byte) may also succeed, but never crash or hang.
  test('each makes cat and schema fail with exit code 1 naming the file, promptly', () => {
    const failures = [];
    const missing = path.join(dir, 'does-not-exist.parquet');
    for (const file of [...cases, missing, dir]) {
      const mayPass = path.basename(file).startsWith('garbled-');
      for (const cmd of [['cat'], ['schema'], ['cat', '--json']]) {
        const args = ['parquet', cmd[0], file, ...cmd.slice(1)];
        const started = Date.now();
        const r = runCinelake(args, { timeoutMs: 10000 });
        const problems = [];
        if (r.timedOut) problems.push('did not finish in 10 s');
        if (r.signal) problems.push(`killed by ${r.signal}`);
        if (!r.timedOut && !r.signal) {
          if (file === dir) {
            if (r.status !== 1) problems.push(`exit ${r.status} for a folder, want 1`);
          } else if (!(r.status === 1 || (mayPass && r.status === 0))) {
            problems.push(`exit ${r.status}, want 1`);
          }
          if (r.status !== 0 && !r.stderr.includes(file)) {
            problems.push(`stderr does not name the file: ${JSON.stringify(r.stderr.slice(0, 300))}`);
          }
          if (r.status !== 0 && cases.includes(file) && !mayPass && !r.stderr.includes(`${file}: corrupt: `)) {
            problems.push(`stderr does not say corrupt: ${JSON.stringify(r.stderr.slice(0, 300))}`);
          }
        }
        if (problems.length) {
          failures.push(`${path.basename(file)} (${cmd.join(' ')}, ${Date.now() - started} ms): ${problems.join('; ')}`);
        }
      }
    }
    assert.equal(failures.length, 0, failures.join('\n'));
  });

  test('a file using a feature cinelake lacks exits 4 saying unsupported, not corrupt', () => {
    const good = fs.readFileSync(path.join(dir, 'good.parquet'));
    // An encrypted footer ends in PARE; cinelake reads no encrypted files.
    const file = path.join(dir, 'encrypted-footer.parquet');
    fs.writeFileSync(file, Buffer.concat([good.subarray(0, good.length - 4), Buffer.from('PARE')]));
    for (const cmd of ['cat', 'schema']) {
      const args = ['parquet', cmd, file];
      const r = runCinelake(args, { timeoutMs: 10000 });
      assert.equal(r.status, 4, describeRun(args, r));
      assert.ok(r.stderr.includes(`${file}: unsupported: `), describeRun(args, r));
      assert.ok(!r.stderr.includes('corrupt'), describeRun(args, r));
    }
  });
});
