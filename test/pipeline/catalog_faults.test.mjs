// The whole-catalog branch against the export host's realities: a file not
// published yet (404), a truncated gzip, a stalled download, files deleted
// after three months. The top-list part of every day completes; the catalog
// day lands on a later run, and a backfill says how far back files reached.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { duckdb, FAST_CLIENT, run, sandboxJson, startSandbox, tempDir } from '../lib/cinelake.mjs';

let sb;
let db;
let client;
before(async () => {
  sb = await startSandbox();
  db = await duckdb();
  // A stall is noticed after one second, and each file gets two tries.
  client = path.join(tempDir('catalog-client'), 'client.toml');
  fs.writeFileSync(client, `${fs.readFileSync(FAST_CLIENT, 'utf8')}\n[exports]\nattempts = 2\nstall_ms = 1000\n`);
});
after(async () => { await sb?.stop(); db?.close(); });

const rates = { imdb: { rate: 200, burst: 50 }, tmdb: { rate: 400, burst: 100 } };
const setFaults = (extra) => sandboxJson(sb.url, '/_sandbox/faults', { method: 'PUT', body: { rate_limits: rates, ...extra } })
  .then((r) => assert.equal(r.status, 200, JSON.stringify(r.body)));
const runDay = (lake, date) => {
  const r = run(['run', '--lake', lake, '--sandbox', sb.url, '--config', client, '--date', date, '--log-level', 'warn']);
  assert.equal(r.code, 0, `${date}: ${r.stderr.slice(-3000)}`);
  return r;
};
const has = (lake, table, date) => fs.existsSync(path.join(lake, table, `loadDate=${date}`, 'part-00000.parquet'));
const log = (lake) => db.all(`SELECT load_date::VARCHAR AS day, state, detail FROM
    read_parquet('${lake}/raw/tmdb_export_log/*.parquet') ORDER BY load_date`);
const prevOf = async (lake, date) => (await db.all(`SELECT DISTINCT prev_load_date::VARCHAR AS p FROM
    read_parquet('${lake}/gold/fact_catalog_popularity/loadDate=${date}/*.parquet')`)).map((r) => r.p);

test('not yet published: the day completes without it and a later run picks it up', { timeout: 300_000 }, async () => {
  const lake = path.join(tempDir('catalog-404'), 'lake');
  await setFaults({});
  runDay(lake, '2026-10-01');
  await setFaults({ exports: { published_through: '2026-10-01' } });
  const r = runDay(lake, '2026-10-02');
  assert.match(r.stderr, /not_published/);
  assert.ok(has(lake, 'gold/fact_popularity', '2026-10-02'), 'the top-list fact of the day is there');
  assert.ok(!has(lake, 'raw/tmdb_export', '2026-10-02'));
  assert.ok(!has(lake, 'gold/fact_catalog_popularity', '2026-10-02'));
  assert.equal((await log(lake))[1].state, 'not_published');

  await setFaults({});
  runDay(lake, '2026-10-03');
  assert.deepEqual((await log(lake)).map((d) => [d.day, d.state]),
    [['2026-10-01', 'loaded'], ['2026-10-02', 'loaded'], ['2026-10-03', 'loaded']]);
  assert.deepEqual(await prevOf(lake, '2026-10-02'), ['2026-10-01']);
  assert.deepEqual(await prevOf(lake, '2026-10-03'), ['2026-10-02']);
});

test('a truncated gzip and a stalled download fail only the catalog day, which lands later', { timeout: 300_000 }, async () => {
  const lake = path.join(tempDir('catalog-broken'), 'lake');
  await setFaults({});
  runDay(lake, '2026-10-01');
  await setFaults({ endpoints: { export: { p_truncate: 1 } } });
  runDay(lake, '2026-10-02');
  let days = await log(lake);
  assert.equal(days[1].state, 'failed');
  assert.match(days[1].detail, /truncated gzip/);
  // The next run tries 2026-10-02 again as well as its own day; both stall.
  await setFaults({ endpoints: { export: { p_stall: 1, stall_s: 30 } } });
  runDay(lake, '2026-10-03');
  days = await log(lake);
  assert.deepEqual(days.map((d) => d.state), ['loaded', 'failed', 'failed']);
  assert.match(days[1].detail, /stalled/);
  assert.match(days[2].detail, /stalled/);
  for (const d of ['2026-10-02', '2026-10-03']) assert.ok(has(lake, 'gold/fact_popularity', d), d);

  await setFaults({});
  runDay(lake, '2026-10-04');
  days = await log(lake);
  assert.deepEqual(days.map((d) => d.state), ['loaded', 'loaded', 'loaded', 'loaded']);
  assert.deepEqual(await prevOf(lake, '2026-10-04'), ['2026-10-03']);
});

test('a backfill reaches as far back as files exist and says where it stopped', { timeout: 300_000 }, async () => {
  const lake = path.join(tempDir('catalog-backfill'), 'lake');
  await setFaults({ exports: { kept_from: '2026-10-03' } });
  const r = run(['backfill', '--lake', lake, '--sandbox', sb.url, '--config', client, '--from', '2026-10-01',
                 '--to', '2026-10-04', '--log-level', 'info']);
  assert.equal(r.code, 0, r.stderr.slice(-3000));
  assert.match(r.stderr, /catalog: export files loaded for 2 of 4 days \(2026-10-03 to 2026-10-04\); the 2 days before 2026-10-03 are gone/);
  assert.deepEqual((await log(lake)).map((d) => [d.day, d.state]),
    [['2026-10-01', 'gone'], ['2026-10-02', 'gone'], ['2026-10-03', 'loaded'], ['2026-10-04', 'loaded']]);
  assert.deepEqual(await prevOf(lake, '2026-10-03'), [null]);
  await setFaults({});
});
