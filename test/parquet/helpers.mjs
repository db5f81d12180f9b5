// Shared by the Parquet interop tests: locating the binary and the oracle
// packages, running cinelake with a time limit, and turning DuckDB's and
// hyparquet's values into the exact `cinelake parquet cat --json` form, so
// every comparison is between plain JSON values (no float rounding, no
// special objects).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const oracleRequire = createRequire(path.join(ROOT, 'test/oracle/package.json'));
export async function importOracle(name) {
  return import(pathToFileURL(oracleRequire.resolve(name)).href);
}

export function cinelakeBin() {
  const bin = process.env.CINELAKE_BIN;
  if (!bin) throw new Error('CINELAKE_BIN is not set (path of the built cinelake)');
  return bin;
}

// The test-only generator binary (Parquet samples, fixture lakes).
export function testkitBin() {
  const bin = process.env.CINELAKE_TESTKIT;
  if (!bin) throw new Error('CINELAKE_TESTKIT is not set (path of the built cinelake-testkit)');
  return bin;
}

// Runs cinelake; never throws on a failed exit, so callers assert on it.
export function runCinelake(args, options = {}) {
  return runBinary(cinelakeBin(), args, options);
}

// Runs cinelake-testkit, like runCinelake.
export function runTestkit(args, options = {}) {
  return runBinary(testkitBin(), args, options);
}

function runBinary(bin, args, { timeoutMs = 30000 } = {}) {
  const r = spawnSync(bin, args, {
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 1 << 30,
  });
  return {
    status: r.status,
    signal: r.signal,
    timedOut: r.error?.code === 'ETIMEDOUT',
    error: r.error,
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? '',
  };
}

export function describeRun(args, r) {
  return `cinelake ${args.join(' ')} -> status=${r.status} signal=${r.signal}` +
    `${r.timedOut ? ' TIMED OUT' : ''}\nstderr: ${r.stderr.slice(0, 2000)}`;
}

// `cinelake parquet cat --json` output as an array of row objects.
export function parseJsonLines(text) {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((l, i) => {
    try {
      return JSON.parse(l);
    } catch (e) {
      throw new Error(`line ${i + 1} is not JSON (${e.message}): ${l.slice(0, 200)}`);
    }
  });
}

// ---- the cat --json value forms ------------------------------------------

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

export function jsonInt64(v) {
  const b = BigInt(v);
  return b > MAX_SAFE || b < -MAX_SAFE ? b.toString() : Number(b);
}

export function jsonDouble(v) {
  if (typeof v !== 'number') throw new Error(`expected a number, got ${typeof v} ${String(v)}`);
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  return v;
}

export function jsonDecimal(unscaled, scale) {
  let b = BigInt(unscaled);
  const neg = b < 0n;
  if (neg) b = -b;
  let digits = b.toString();
  if (scale === 0) return (neg ? '-' : '') + digits;
  digits = digits.padStart(scale + 1, '0');
  return `${neg ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

// Proleptic Gregorian, as Parquet, DuckDB and std::chrono count days; years
// outside 0..9999 in the ISO 8601 expanded form ("+10000-01-01",
// "-0001-12-31"), as cinelake prints them. Integer arithmetic only, so every
// int32 day count works (JS Date stops at year 275760).
export function jsonDate(days) {
  const z = Number(days) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const p = (n, w) => String(n).padStart(w, '0');
  const sign = y > 9999 ? '+' : y < 0 ? '-' : '';
  return `${sign}${p(Math.abs(y), 4)}-${p(m, 2)}-${p(d, 2)}`;
}

// DuckDB column type (as DESCRIBE prints it) for a cinelake type name.
export function duckdbTypeFor(cinelakeType, timestampAdjustedToUtc) {
  switch (cinelakeType) {
    case 'STRING': return 'VARCHAR';
    case 'INT': return 'INTEGER';
    case 'BIGINT': return 'BIGINT';
    case 'DOUBLE': return 'DOUBLE';
    case 'BOOLEAN': return 'BOOLEAN';
    case 'DATE': return 'DATE';
    case 'TIMESTAMP': return timestampAdjustedToUtc ? 'TIMESTAMP WITH TIME ZONE' : 'TIMESTAMP';
    case 'ARRAY<STRING>': return 'VARCHAR[]';
    default:
      if (/^DECIMAL\(\d+,\d+\)$/.test(cinelakeType)) return cinelakeType;
      throw new Error(`no DuckDB type for ${cinelakeType}`);
  }
}

// One DuckDB value (from reader.getRowObjects(), i.e. DuckDBValue objects)
// converted to the cat --json form, driven by the DuckDB column type.
export function fromDuckDB(value, duckType) {
  if (value === null || value === undefined) return null;
  if (duckType === 'VARCHAR') return assertType(value, 'string', duckType);
  if (duckType === 'INTEGER') return assertType(value, 'number', duckType);
  if (duckType === 'BIGINT') return jsonInt64(assertType(value, 'bigint', duckType));
  if (duckType === 'DOUBLE') return jsonDouble(value);
  if (duckType === 'BOOLEAN') return assertType(value, 'boolean', duckType);
  if (duckType === 'DATE') return jsonDate(value.days);
  if (duckType === 'TIMESTAMP' || duckType === 'TIMESTAMP WITH TIME ZONE') return jsonInt64(value.micros);
  if (duckType.startsWith('DECIMAL(')) return jsonDecimal(value.value, value.scale);
  if (duckType === 'VARCHAR[]') return value.items.map((x) => {
    if (typeof x !== 'string') throw new Error(`list item is ${x === null ? 'null' : typeof x}`);
    return x;
  });
  throw new Error(`unhandled DuckDB type ${duckType}`);
}

function assertType(v, t, duckType) {
  if (typeof v !== t) throw new Error(`DuckDB ${duckType} value is ${typeof v}, expected ${t}`);
  return v;
}

// ---- DuckDB --------------------------------------------------------------

export async function openDuckDB() {
  const { DuckDBInstance } = await importOracle('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  return {
    conn,
    async all(sql) {
      const reader = await conn.runAndReadAll(sql);
      return reader.getRowObjectsJS();
    },
    async rawRows(sql) {
      const reader = await conn.runAndReadAll(sql);
      return { names: reader.columnNames(), rows: reader.getRowObjects() };
    },
    close() {
      conn.closeSync?.();
      instance.closeSync?.();
    },
  };
}

export function sqlString(s) {
  return `'${String(s).replaceAll("'", "''")}'`;
}

// DESCRIBE of a Parquet file: [{name, type}] in file order.
export async function duckDescribe(db, file) {
  const rows = await db.all(`DESCRIBE SELECT * FROM read_parquet(${sqlString(file)})`);
  return rows.map((r) => ({ name: r.column_name, type: r.column_type }));
}

// Every row of a Parquet file as read by DuckDB, in file order, converted to
// the cat --json form.
export async function duckRowsAsJson(db, file) {
  const cols = await duckDescribe(db, file);
  const { rows } = await db.rawRows(
    `SELECT * EXCLUDE (file_row_number) FROM read_parquet(${sqlString(file)}, file_row_number = true) ` +
    'ORDER BY file_row_number');
  return {
    cols,
    rows: rows.map((row) => {
      const out = {};
      for (const c of cols) out[c.name] = fromDuckDB(row[c.name], c.type);
      return out;
    }),
  };
}

// ---- hyparquet -----------------------------------------------------------

// Every row of a Parquet file as read by hyparquet (with
// hyparquet-compressors), converted to the cat --json form. Decimal columns
// are read as their raw unscaled integers (hyparquet would turn them into
// floats) and formatted exactly; strings are decoded as strict UTF-8.
export async function hyparquetRowsAsJson(bytes) {
  const hp = await importOracle('hyparquet');
  const { compressors } = await importOracle('hyparquet-compressors');
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const metadata = hp.parquetMetadata(file);
  const strict = new TextDecoder('utf-8', { fatal: true });
  const decimalScale = new Map();
  const kinds = new Map();  // top-level column name -> cat --json kind
  const elements = metadata.schema.map((e) => ({ ...e }));
  const top = topLevelColumns(elements);
  for (const { element, leaf } of top) {
    kinds.set(element.name, kindOf(element, leaf));
    if (element.converted_type === 'DECIMAL' || element.logical_type?.type === 'DECIMAL') {
      decimalScale.set(element.name, element.scale ?? element.logical_type?.scale ?? 0);
      delete element.converted_type;
      delete element.logical_type;
    }
  }
  const rows = await hp.parquetReadObjects({
    file,
    metadata: { ...metadata, schema: elements },
    compressors,
    utf8: true,
    parsers: {
      timestampFromMilliseconds: (v) => BigInt(v) * 1000n,
      timestampFromMicroseconds: (v) => BigInt(v),
      timestampFromNanoseconds: (v) => BigInt(v) / 1000n,
      dateFromDays: (d) => ({ days: d }),
      stringFromBytes: (b) => (b === undefined || b === null ? b : strict.decode(b)),
      jsonFromBytes: (b) => b,
      geometryFromBytes: (b) => b,
      geographyFromBytes: (b) => b,
      uuidFromBytes: (b) => b,
    },
  });
  return {
    kinds: Object.fromEntries(kinds),
    rows: rows.map((row) => {
      const out = {};
      for (const { element } of top) {
        const name = element.name;
        out[name] = fromHyparquet(row[name], kinds.get(name), decimalScale.get(name));
      }
      return out;
    }),
  };
}

function topLevelColumns(elements) {
  // elements[0] is the root; walk its children, skipping over nested groups.
  const out = [];
  let i = 1;
  const skip = (idx) => {
    const n = elements[idx].num_children ?? 0;
    let next = idx + 1;
    for (let k = 0; k < n; k++) next = skip(next);
    return next;
  };
  const leafOf = (idx) => {
    let j = idx;
    while ((elements[j].num_children ?? 0) > 0) j++;
    return elements[j];
  };
  for (let c = 0; c < (elements[0].num_children ?? 0); c++) {
    out.push({ element: elements[i], leaf: leafOf(i) });
    i = skip(i);
  }
  return out;
}

function kindOf(element, leaf) {
  const ct = element.converted_type;
  const lt = element.logical_type?.type;
  if ((element.num_children ?? 0) > 0) {
    if (ct === 'LIST' || lt === 'LIST') return 'list';
    throw new Error(`unsupported group column ${element.name}`);
  }
  if (ct === 'DECIMAL' || lt === 'DECIMAL') return 'decimal';
  if (ct === 'DATE' || lt === 'DATE') return 'date';
  if (lt === 'TIMESTAMP' || ct === 'TIMESTAMP_MICROS' || ct === 'TIMESTAMP_MILLIS') return 'timestamp';
  switch (leaf.type) {
    case 'BOOLEAN': return 'bool';
    case 'INT32': return 'int32';
    case 'INT64': return 'int64';
    case 'DOUBLE': return 'double';
    case 'BYTE_ARRAY': return 'string';
    default: throw new Error(`unsupported physical type ${leaf.type} for ${element.name}`);
  }
}

function fromHyparquet(v, kind, scale) {
  if (v === null || v === undefined) return null;
  switch (kind) {
    case 'string':
      if (typeof v !== 'string') throw new Error(`string column gave ${typeof v}`);
      return v;
    case 'int32':
      if (typeof v !== 'number') throw new Error(`INT32 column gave ${typeof v}`);
      return v;
    case 'int64': return jsonInt64(v);
    case 'double': return jsonDouble(v);
    case 'bool':
      if (typeof v !== 'boolean') throw new Error(`BOOLEAN column gave ${typeof v}`);
      return v;
    case 'date': return jsonDate(v.days);
    case 'timestamp': return jsonInt64(v);
    case 'decimal':
      if (v instanceof Uint8Array) return jsonDecimal(bytesToSigned(v), scale);
      return jsonDecimal(BigInt(v), scale);
    case 'list':
      if (!Array.isArray(v)) throw new Error(`list column gave ${typeof v}`);
      return v.map((x) => {
        if (typeof x !== 'string') throw new Error(`list item is ${x === null ? 'null' : typeof x}`);
        return x;
      });
    default: throw new Error(`unknown kind ${kind}`);
  }
}

function bytesToSigned(bytes) {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  const bits = BigInt(bytes.length * 8);
  if (bytes.length && (bytes[0] & 0x80)) v -= 1n << bits;
  return v;
}

// A readable diff of two row arrays: the first few cells that differ.
export function diffRows(expected, got, { label, max = 8 } = {}) {
  const out = [];
  if (expected.length !== got.length) out.push(`${label}: ${got.length} rows, expected ${expected.length}`);
  const n = Math.min(expected.length, got.length);
  for (let r = 0; r < n && out.length < max; r++) {
    const e = expected[r];
    const g = got[r];
    const ek = Object.keys(e);
    const gk = Object.keys(g);
    if (ek.join('\u0000') !== gk.join('\u0000')) {
      out.push(`${label} row ${r}: columns ${JSON.stringify(gk)}, expected ${JSON.stringify(ek)}`);
      continue;
    }
    for (const k of ek) {
      if (!sameJson(e[k], g[k])) {
        out.push(`${label} row ${r} column ${k}: expected ${show(e[k])}, got ${show(g[k])}`);
        if (out.length >= max) break;
      }
    }
  }
  return out;
}

function show(v) {
  if (Object.is(v, -0)) return '-0';
  return JSON.stringify(v);
}

export function sameJson(a, b) {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  return Object.is(a, b);
}
