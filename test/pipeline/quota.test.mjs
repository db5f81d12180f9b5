// RapidAPI's monthly quota (issue: the real APIs' quotas): a sandbox whose
// IMDB plan allows QUOTA requests a month, and a 30-day backfill of that
// month. The popular lists never meet a 429, every run records the plan's
// headers, and the daily IMDB budget goes to titles never enriched before
// any refresh of one already enriched.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { FAST_CLIENT, FAST_SANDBOX, duckdb, run, sandboxJson, startSandbox, tempDir } from '../lib/cinelake.mjs';

const FROM = '2026-09-01';
const TO = '2026-09-30';  // the whole of September: one plan period
const QUOTA = 1000;       // ~33 a day: the lists' 2, and far fewer details than 200 new titles want

let sb;
let lake;
let backfill;
before(async () => {
  const dir = tempDir('quota');
  const faults = JSON.parse(fs.readFileSync(FAST_SANDBOX, 'utf8'));
  faults.imdb_monthly_quota = QUOTA;
  const faultsFile = path.join(dir, 'faults.json');
  fs.writeFileSync(faultsFile, JSON.stringify(faults));
  sb = await startSandbox(['--faults', faultsFile]);
  lake = path.join(dir, 'lake');
  backfill = run(['backfill', '--lake', lake, '--sandbox', sb.url, '--config', FAST_CLIENT, '--from', FROM, '--to', TO,
                  '--log-level', 'warn'], { timeoutMs: 240_000 });
});
after(async () => { await sb?.stop(); });

const manifestOf = (date) => {
  const d = path.join(lake, '_runs', `loadDate=${date}`);
  const files = fs.readdirSync(d).filter((f) => f.endsWith('.json')).sort();
  return JSON.parse(fs.readFileSync(path.join(d, files.at(-1)), 'utf8'));
};
const days = () => fs.readdirSync(path.join(lake, '_runs')).filter((d) => d.startsWith('loadDate='))
  .map((d) => d.slice('loadDate='.length)).sort();

test('a month of runs on a small plan: IMDB never answers 429, the lists every day, the headers recorded', async () => {
  assert.equal(backfill.code, 0, backfill.stderr.slice(-3000));
  assert.equal(days().length, 30);
  const { body: stats } = await sandboxJson(sb.url, '/_sandbox/stats');
  assert.equal(stats.faults.monthly_quota ?? 0, 0, 'the plan was never exceeded');
  // IMDB never refused a request, neither past the plan nor past its rate.
  // TMDB's per-second limit may push back on a loaded machine (a retried 429
  // that costs no IMDB quota): those are the only 429s allowed.
  assert.equal(stats.rate_limit_violations.imdb, 0, 'IMDB was never asked faster than its plan allows');
  assert.equal(stats.responses_by_status['429'] ?? 0, stats.rate_limit_violations.tmdb, 'no other 429');
  assert.ok(stats.requests.by_api.imdb <= QUOTA, `IMDB requests ${stats.requests.by_api.imdb} within the plan`);
  assert.equal(stats.requests.by_kind.imdb_list, 60, 'both lists on each of the 30 days');
  let previous = QUOTA;
  for (const date of days()) {
    const m = manifestOf(date);
    assert.equal(m.state, 'succeeded', date);
    assert.equal(m.quota_limit.imdb, QUOTA, date);
    assert.ok(m.quota_remaining.imdb < previous && m.quota_remaining.imdb >= 0, `${date}: ${m.quota_remaining.imdb}`);
    const daysLeft = Math.ceil(m.quota_reset_seconds.imdb / 86_400);
    assert.equal(daysLeft, 30 - Number(date.slice(8)) + 1, `${date}: the plan resets on October 1st`);
    previous = m.quota_remaining.imdb;
  }
  // status shows the newest run's standing.
  const st = run(['status', '--lake', lake, '--limit', '3']);
  assert.equal(st.code, 0, st.stderr);
  assert.match(st.stdout, new RegExp(`imdb quota: ${previous} of ${QUOTA} requests left, resets in 1 day`));
});

test('the budget goes to new titles first, then to refreshes; deferred titles are still shown', async () => {
  assert.equal(backfill.code, 0);
  const db = await duckdb();
  try {
    const enriched = new Set();  // titles with an IMDB detail on an earlier day
    let refreshDays = 0;
    let deferredDays = 0;
    for (const date of days()) {
      const listed = (await db.all(`SELECT id FROM '${lake}/raw/stg_contentIDs/loadDate=${date}/*.parquet'`)).map((r) => r.id);
      const fetched = await db.all(`SELECT id, title_json IS NOT NULL AS ok FROM '${lake}/raw/stg_imdb_titles/loadDate=${date}/*.parquet'`);
      const asked = new Set(fetched.map((r) => r.id));
      const fresh = listed.filter((id) => !enriched.has(id));
      const refreshed = fetched.filter((r) => enriched.has(r.id));
      if (fresh.some((id) => !asked.has(id))) deferredDays += 1;
      if (refreshed.length > 0) {
        refreshDays += 1;
        const waiting = fresh.filter((id) => !asked.has(id));
        assert.deepEqual(waiting, [], `${date}: ${refreshed.length} refreshed while new titles waited`);
      }
      const counters = Object.assign({}, ...manifestOf(date).steps.map((s) => s.counters ?? {}));
      assert.ok(fetched.length <= counters['enrich.imdb_budget'], `${date}: ${fetched.length} within the budget`);
      for (const r of fetched) if (r.ok) enriched.add(r.id);
    }
    assert.ok(deferredDays >= 3, `the plan was small enough to defer new titles (${deferredDays} days)`);
    assert.ok(refreshDays >= 3, `and large enough to refresh once they were in (${refreshDays} days)`);
    // Every title on the last list is in the model, enriched or not yet.
    const [{ missing }] = await db.all(`SELECT count(*)::INT AS missing
        FROM '${lake}/raw/stg_contentIDs/loadDate=${TO}/*.parquet' c
        ANTI JOIN '${lake}/gold/dim_content/*.parquet' d ON d.content_id = c.id`);
    assert.equal(missing, 0);
  } finally {
    db.close();
  }
});
