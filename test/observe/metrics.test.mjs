// serve's /metrics, read by a real Prometheus text-format parser, against
// what it reports on: the run manifests (`cinelake status --json`) and the
// gold tables (DuckDB); and /api/runs against the same manifests. The lake is
// the shared 30-day sandbox backfill.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LAST_DAY, run, sandboxLake } from '../lib/cinelake.mjs';
import { getJson, importOracle, openDuckDB, raw, startServer } from '../dashboard/server.mjs';

let server;
let lake;
let manifests;  // newest first
let parse;

before(async () => {
  lake = await sandboxLake();
  server = await startServer(lake);
  manifests = JSON.parse(run(['status', '--lake', lake, '--json', '--limit', '1000']).stdout);
  const mod = await importOracle('parse-prometheus-text-format');
  parse = mod.default?.default ?? mod.default ?? mod;
}, { timeout: 600_000 });
after(async () => { await server?.stop(); });

async function scrape() {
  const r = await raw(server.url, '/metrics');
  assert.equal(r.status, 200);
  assert.equal(r.headers['content-type'], 'text/plain; version=0.0.4; charset=utf-8');
  const families = new Map(parse(r.body).map((f) => [f.name, f]));
  const value = (name, labels = {}) => {
    const f = families.get(name);
    assert.ok(f, `${name} is exposed`);
    const m = f.metrics.find((s) => Object.entries(labels).every(([k, v]) => s.labels?.[k] === v));
    assert.ok(m, `${name}${JSON.stringify(labels)} has a sample`);
    return Number(m.value);
  };
  return { families, value };
}

test('run, API and freshness figures equal the manifests', { timeout: 60_000 }, async () => {
  const { families, value } = await scrape();
  assert.equal(families.get('cinelake_runs').type, 'GAUGE');
  for (const state of ['succeeded', 'failed', 'running', 'interrupted']) {
    assert.equal(value('cinelake_runs', { state }), manifests.filter((m) => m.state === state).length, state);
  }
  const last = manifests[0];
  assert.equal(last.load_date, LAST_DAY);
  assert.equal(value('cinelake_run_last_start_timestamp_seconds', { state: 'succeeded' }), last.started_at_us / 1e6);
  assert.equal(value('cinelake_run_last_duration_seconds', { state: 'succeeded' }), (last.finished_at_us - last.started_at_us) / 1e6);
  assert.equal(value('cinelake_last_run_info', { run_id: last.run_id, load_date: LAST_DAY, state: 'succeeded' }), 1);
  for (const api of ['imdb', 'tmdb']) {
    assert.equal(value('cinelake_last_run_api_requests', { api }), last.requests[api], api);
    const issues = last.steps.flatMap((s) => s.issues ?? []).filter((i) => i.api === api).reduce((n, i) => n + i.count, 0);
    assert.equal(value('cinelake_last_run_api_errors', { api }), issues, api);
  }
  assert.ok(last.quota_remaining.imdb > 0);
  assert.equal(value('cinelake_last_run_api_quota_remaining', { api: 'imdb' }), last.quota_remaining.imdb);
  const checks = last.steps.find((s) => s.name === 'quality').checks;
  assert.equal(checks.length, 7);
  for (const c of checks) assert.equal(value('cinelake_last_run_quality_check', { check: c.name }), { pass: 0, warn: 1, fail: 2 }[c.status]);

  const midnight = Date.parse(`${LAST_DAY}T00:00:00Z`) / 1000;
  assert.equal(value('cinelake_latest_load_date_timestamp_seconds'), midnight);
  const age = value('cinelake_data_freshness_seconds');
  const expected = Date.now() / 1000 - midnight;
  assert.ok(Math.abs(age - expected) < 30, `freshness ${age} vs ${expected}`);
});

test('rows per gold table equal the gold and the run that wrote it', { timeout: 60_000 }, async () => {
  const { value } = await scrape();
  const db = await openDuckDB(lake);
  try {
    for (const table of ['dim_content', 'dim_person', 'dim_season', 'dim_episode', 'bridge_content_person', 'bridge_content_genre', 'fact_popularity']) {
      const [{ n }] = await db.all(`SELECT count(*)::INT AS n FROM ${table}`);
      assert.equal(value('cinelake_gold_rows', { table }), n, table);
    }
    const [{ n }] = await db.all(`SELECT count(*)::INT AS n FROM fact_popularity WHERE loadDate = DATE '${LAST_DAY}'`);
    assert.equal(value('cinelake_gold_fact_rows_latest'), n);
    const fact = manifests[0].steps.find((s) => s.name === 'fact');
    assert.equal(n, fact.counters['rows.fact_popularity'], 'the latest run wrote what is there');
    const model = manifests[0].steps.find((s) => s.name === 'model');
    assert.equal(value('cinelake_gold_rows', { table: 'dim_content' }), model.counters['rows.dim_content']);
  } finally {
    db.close();
  }
});

test('dashboard requests are counted by route pattern and status, and timed in a histogram', { timeout: 60_000 }, async () => {
  const before = await scrape();
  const count = (s, route, code) => {
    const f = s.families.get('cinelake_http_requests_total');
    const m = f?.metrics.find((x) => x.labels.route === route && x.labels.code === code);
    return m ? Number(m.value) : 0;
  };
  for (let i = 0; i < 3; i++) assert.equal((await raw(server.url, '/api/landing')).status, 200);
  assert.equal((await raw(server.url, '/api/title/tt0000000')).status, 404);
  assert.equal((await raw(server.url, '/api/no-such-thing-' + Math.random())).status, 404);
  const afterwards = await scrape();
  assert.equal(count(afterwards, '/api/landing', '200') - count(before, '/api/landing', '200'), 3);
  assert.equal(count(afterwards, '/api/title/{id}', '404') - count(before, '/api/title/{id}', '404'), 1);
  assert.equal(count(afterwards, 'other', '404') - count(before, 'other', '404'), 1, 'unknown paths share one label');
  const hist = afterwards.families.get('cinelake_http_request_duration_seconds');
  assert.equal(hist.type, 'HISTOGRAM');
  assert.equal(hist.metrics.length, 1);
  const [all] = hist.metrics;
  const buckets = Object.entries(all.buckets).map(([le, n]) => [le === '+Inf' ? Infinity : Number(le), Number(n)]).sort((a, b) => a[0] - b[0]);
  assert.equal(buckets.at(-1)[0], Infinity);
  assert.equal(buckets.at(-1)[1], Number(all.count));
  for (let i = 1; i < buckets.length; i++) assert.ok(buckets[i][1] >= buckets[i - 1][1], 'buckets are cumulative');
  const requests = afterwards.families.get('cinelake_http_requests_total').metrics.reduce((n, m) => n + Number(m.value), 0);
  assert.equal(Number(all.count), requests, 'every counted request was timed');
  assert.ok(Number(all.sum) > 0);
});

test('/api/runs lists the latest runs from their manifests', { timeout: 30_000 }, async () => {
  const r = await getJson(server.url, '/api/runs');
  assert.equal(r.status, 200);
  assert.equal(r.json.total, manifests.length);
  assert.equal(r.json.runs.length, Math.min(30, manifests.length));
  assert.equal(r.json.unreadable, 0);
  const [first] = r.json.runs;
  assert.equal(first.run_id, manifests[0].run_id);
  assert.equal(first.verdict, 'ok');
  assert.deepEqual(first.requests, manifests[0].requests);
  assert.deepEqual(first.steps.map((s) => [s.name, s.state, s.attempts]), manifests[0].steps.map((s) => [s.name, s.state, s.attempts]));
  assert.equal(first.checks.length, 7);
  assert.equal((await getJson(server.url, '/api/runs?limit=2')).json.runs.length, 2);
  const bad = await getJson(server.url, '/api/runs?limit=0');
  assert.equal(bad.status, 400);
  assert.match(bad.json.error, /limit/);
});
