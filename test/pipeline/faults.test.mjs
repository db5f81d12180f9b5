// The pipeline against a misbehaving sandbox: 429s, 5xx, resets, malformed
// and truncated bodies, latency, unknown TMDB ids. Runs complete, failures
// land in content_error, the client never exceeds the rate limits, and
// nothing already in the lake is lost.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { duckdb, FAST_CLIENT, run, sandboxJson, startSandbox, tempDir } from '../lib/cinelake.mjs';

let sb;
let db;
before(async () => { sb = await startSandbox(); db = await duckdb(); });
after(async () => { await sb?.stop(); db?.close(); });

const setFaults = (config) =>
  sandboxJson(sb.url, '/_sandbox/faults', { method: 'PUT', body: config }).then((r) => assert.equal(r.status, 200));
const runDay = (lake, date) =>
  run(['run', '--lake', lake, '--sandbox', sb.url, '--config', FAST_CLIENT, '--date', date, '--log-level', 'error']);
const rates = { imdb: { rate: 200, burst: 50 }, tmdb: { rate: 400, burst: 100 } };

test('transient faults everywhere: the runs complete and lose nothing', { timeout: 300_000 }, async () => {
  const lake = path.join(tempDir('faults'), 'lake');
  await setFaults({ rate_limits: rates });
  assert.equal(runDay(lake, '2026-10-01').code, 0);
  const day1Fact = path.join(lake, 'gold/fact_popularity/loadDate=2026-10-01/part-00000.parquet');
  const before1 = fs.readFileSync(day1Fact);
  const [{ n: titlesBefore }] = await db.all(`SELECT count(*)::INT AS n FROM '${lake}/gold/dim_content/*.parquet'`);

  await setFaults({
    rate_limits: rates,
    tmdb_not_found_fraction: 0.03,
    endpoints: {
      '*': { latency: { min_ms: 0, max_ms: 15 }, p_429: 0.04, retry_after_s: 1, p_500: 0.03, p_503: 0.02,
             p_reset: 0.02, p_truncate: 0.02, p_malformed: 0.02 },
    },
  });
  await sandboxJson(sb.url, '/_sandbox/stats/reset', { method: 'POST' });
  for (const date of ['2026-10-02', '2026-10-03']) {
    const r = runDay(lake, date);
    assert.equal(r.code, 0, `${date}: ${r.stderr.slice(-3000)}`);
  }
  const { body: stats } = await sandboxJson(sb.url, '/_sandbox/stats');
  assert.ok(stats.faults_total > 20, `faults were injected: ${JSON.stringify(stats.faults)}`);
  assert.equal(stats.rate_limit_violations.total, 0, 'the client stays within the rate limits');

  assert.ok(fs.readFileSync(day1Fact).equals(before1), 'day 1 gold is untouched');
  const [{ n: titlesAfter }] = await db.all(`SELECT count(*)::INT AS n FROM '${lake}/gold/dim_content/*.parquet'`);
  assert.ok(titlesAfter >= titlesBefore, 'dimensions only grow');
  const errors = await db.all(`SELECT stage, http_status, count(*)::INT AS n FROM
      read_parquet('${lake}/stg/content_error/*/*.parquet', hive_partitioning = true) GROUP BY ALL ORDER BY ALL`);
  const notFound = errors.filter((e) => e.stage === 'popularity' && e.http_status === 404);
  assert.ok(notFound.length === 1 && notFound[0].n >= 1, `404s recorded: ${JSON.stringify(errors)}`);
  const [{ n: facts }] = await db.all(`SELECT count(*)::INT AS n FROM
      read_parquet('${lake}/gold/fact_popularity/*/*.parquet', hive_partitioning = true) WHERE loadDate = '2026-10-03'`);
  assert.ok(facts >= 180, `day 3 fact has its titles (${facts})`);
});

test('IMDB down for a day: errors recorded, previous enrichment kept, retried the next day', { timeout: 300_000 }, async () => {
  const lake = path.join(tempDir('imdbdown'), 'lake');
  await setFaults({ rate_limits: rates });
  assert.equal(runDay(lake, '2026-10-01').code, 0);
  const q = (sql) => db.all(sql);
  const detail = `'${lake}/stg/content_detail/*.parquet'`;
  const enrichedDay1 = await q(`SELECT content_id, primary_title FROM ${detail} ORDER BY 1`);

  await setFaults({ rate_limits: rates, endpoints: { imdb_title: { p_500: 1.0 } } });
  const r = runDay(lake, '2026-10-02');
  assert.equal(r.code, 0, r.stderr.slice(-3000));
  const errs = await q(`SELECT content_id, stage, http_status, attempts FROM
      '${lake}/stg/content_error/loadDate=2026-10-02/*.parquet' WHERE stage = 'enrich.imdb'`);
  assert.ok(errs.length > 0, 'new titles of day 2 could not be enriched');
  for (const e of errs) {
    assert.equal(e.http_status, 500);
    assert.ok(e.attempts >= 2, 'retried before giving up');
  }
  const keptDay1 = await q(`SELECT content_id, primary_title FROM ${detail}
      WHERE content_id IN (SELECT content_id FROM ${detail} WHERE primary_title IS NOT NULL) ORDER BY 1`);
  for (const row of enrichedDay1) {
    assert.ok(keptDay1.some((k) => k.content_id === row.content_id && k.primary_title === row.primary_title),
              `${row.content_id} keeps its enrichment`);
  }
  const failedIds = errs.map((e) => `'${e.content_id}'`).join(',');
  const [{ n: placeholders }] = await q(`SELECT count(*)::INT AS n FROM '${lake}/gold/dim_content/*.parquet'
      WHERE content_id IN (${failedIds})`);
  assert.equal(placeholders, errs.length, 'a title that failed still has its dim_content row');

  await setFaults({ rate_limits: rates });
  assert.equal(runDay(lake, '2026-10-03').code, 0);
  const [{ n: stillMissing }] = await q(`SELECT count(*)::INT AS n FROM ${detail}
      WHERE content_id IN (${failedIds}) AND primary_title IS NULL AND content_id IN (
        SELECT id FROM '${lake}/raw/stg_contentIDs/loadDate=2026-10-03/*.parquet')`);
  assert.equal(stillMissing, 0, 'the next day enriches them');
});

test('TMDB down: the run fails without writing a partial snapshot, and the lake keeps the day before', { timeout: 300_000 }, async () => {
  const lake = path.join(tempDir('tmdbdown'), 'lake');
  await setFaults({ rate_limits: rates });
  assert.equal(runDay(lake, '2026-10-01').code, 0);
  // The API down and the day's export file not out yet: no popularity at all
  // (with the file, the day's popularity would come from it).
  await setFaults({ rate_limits: rates, exports: { published_through: '2026-10-01' },
    endpoints: { tmdb_movie: { p_503: 1.0 }, tmdb_tv: { p_503: 1.0 } } });
  const r = runDay(lake, '2026-10-02');
  assert.equal(r.code, 1, r.stderr.slice(-2000));
  assert.match(r.stderr, /answered popularity for only 0 of/);
  assert.equal(fs.existsSync(path.join(lake, 'raw/stg_popularity/loadDate=2026-10-02')), false);
  assert.equal(fs.existsSync(path.join(lake, 'gold/fact_popularity/loadDate=2026-10-02')), false);
  assert.ok(fs.existsSync(path.join(lake, 'gold/fact_popularity/loadDate=2026-10-01/part-00000.parquet')));
  await setFaults({ rate_limits: rates });
  const again = runDay(lake, '2026-10-02');
  assert.equal(again.code, 0, 'once TMDB is back, the same command resumes and completes');
  const status = JSON.parse(run(['status', '--lake', lake, '--json']).stdout);
  assert.equal(status[0].state, 'succeeded');
  assert.ok(status[0].resumed >= 1, 'the failed run was resumed');
});
