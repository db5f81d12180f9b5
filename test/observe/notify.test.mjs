// A day that goes wrong is told: the quality checks are recorded in every
// run's manifest and fail the run with exit 5 when set to "fail"; a
// notification command and a loopback webhook receive the JSON summary when
// a run fails, when a check warns, and when a run succeeds after a failure.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { FAST_CLIENT, run, runAsync, sandboxJson, startSandbox, tempDir } from '../lib/cinelake.mjs';

let sb;
let hook;
const received = [];  // webhook bodies, parsed
let dir;
let lake;
let commandOut;

before(async () => {
  sb = await startSandbox();
  hook = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d) => { body += d; });
    req.on('end', () => {
      received.push({ type: req.headers['content-type'], method: req.method, json: JSON.parse(body) });
      res.writeHead(204).end();
    });
  });
  await new Promise((resolve) => hook.listen(0, '127.0.0.1', resolve));
  dir = tempDir('notify');
  lake = path.join(dir, 'lake');
  commandOut = path.join(dir, 'notices.jsonl');
});
after(async () => {
  await sb?.stop();
  await new Promise((resolve) => (hook ? hook.close(resolve) : resolve()));
});

// The fast client config plus [quality] and [notify] tables.
function config(name, quality = '') {
  const file = path.join(dir, `${name}.toml`);
  const script = path.join(dir, 'notify.sh');
  fs.writeFileSync(script, `#!/bin/sh\n# appends the summary it gets on stdin\ncat >> '${commandOut}'\n`, { mode: 0o755 });
  fs.writeFileSync(file, `${fs.readFileSync(FAST_CLIENT, 'utf8')}
[quality]
${quality}

[notify]
command = "${script}"
webhook_url = "http://127.0.0.1:${hook.address().port}/hook"
timeout_ms = 5000
`);
  return file;
}
const setFaults = (faults) =>
  sandboxJson(sb.url, '/_sandbox/faults', { method: 'PUT', body: faults }).then((r) => assert.equal(r.status, 200));
const rates = { imdb: { rate: 200, burst: 50 }, tmdb: { rate: 400, burst: 100 } };
const runDay = (date, cfg) => runAsync(['run', '--lake', lake, '--sandbox', sb.url, '--config', cfg, '--date', date, '--log-level', 'warn']);
const notices = () => (fs.existsSync(commandOut) ? fs.readFileSync(commandOut, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : []);
const latestRun = (date) => JSON.parse(run(['status', '--lake', lake, '--json', '--limit', '100']).stdout).find((m) => m.load_date === date);

test('a warning, a failure and the recovery each reach the command and the webhook', { timeout: 300_000 }, async () => {
  const plain = config('plain');
  await setFaults({ rate_limits: rates });
  let r = await runDay('2026-10-01', plain);
  assert.equal(r.code, 0, r.stderr.slice(-3000));
  const first = latestRun('2026-10-01');
  const quality = first.steps.find((s) => s.name === 'quality');
  assert.equal(quality.state, 'succeeded');
  assert.deepEqual(quality.checks.map((c) => c.name),
    ['fact_rows_band', 'dim_keys_unique', 'keys_in_dimensions', 'dimension_parents', 'key_null_rate', 'popularity_valid', 'joiners_plus_stayers']);
  for (const c of quality.checks) assert.equal(c.status, 'pass', `${c.name}: ${c.message}`);
  assert.ok(first.quota_remaining.imdb > 0 && first.quota_remaining.imdb < 500_000, 'the IMDB quota left is recorded');
  assert.equal(notices().length, 0, 'a clean first run is not worth a notice');
  assert.equal(received.length, 0);

  // No change in rows allowed, as a warning: day 2 has leavers, so it warns and tells.
  const lenient = config('lenient', 'fact_rows_max_change = 0.0');
  r = await runDay('2026-10-02', lenient);
  assert.equal(r.code, 0, r.stderr.slice(-3000));
  let got = notices();
  assert.equal(got.length, 1);
  assert.equal(got[0].event, 'breached');
  assert.equal(got[0].state, 'succeeded');
  assert.deepEqual(got[0].checks.map((c) => [c.name, c.status]), [['fact_rows_band', 'warn']]);
  assert.match(got[0].checks[0].message, /^fact_popularity has \d+ rows on 2026-10-02, \d+ on 2026-10-01 \(\+\d+\.\d%\), outside ±0\.0%$/);
  assert.equal(received.length, 1);
  assert.equal(received[0].method, 'POST');
  assert.equal(received[0].type, 'application/json');
  assert.deepEqual(received[0].json, got[0], 'the webhook gets the same summary');

  // IMDB's list answers 500 for good: ingest fails after its retries.
  await setFaults({ rate_limits: rates, endpoints: { imdb_list: { p_500: 1.0 } } });
  r = await runDay('2026-10-03', plain);
  assert.equal(r.code, 1, r.stderr.slice(-3000));
  got = notices();
  assert.equal(got.length, 2);
  assert.equal(got[1].event, 'failed');
  assert.equal(got[1].load_date, '2026-10-03');
  assert.equal(got[1].state, 'failed');
  assert.equal(got[1].failed_steps[0].name, 'ingest');
  assert.match(got[1].failed_steps[0].error, /HTTP 500/);
  assert.deepEqual(received.at(-1).json, got[1]);
  const text = fs.readFileSync(commandOut, 'utf8');
  assert.ok(!text.includes('sandbox-imdb-key') && !text.includes('sandbox-tmdb-token'), 'no key in the summary');

  // The same command once IMDB is back resumes the run: a recovery.
  await setFaults({ rate_limits: rates });
  r = await runDay('2026-10-03', plain);
  assert.equal(r.code, 0, r.stderr.slice(-3000));
  got = notices();
  assert.equal(got.length, 3);
  assert.equal(got[2].event, 'recovered');
  assert.equal(got[2].state, 'succeeded');
  assert.deepEqual(got[2].failed_steps, []);
  assert.equal(received.at(-1).json.event, 'recovered');
  assert.equal(received.length, got.length, 'every notice reached the webhook too');
});

test('a breached check set to fail fails the run with exit 5 and says which', { timeout: 120_000 }, async () => {
  const strict = config('strict', 'fact_rows_max_change = 0.0\nfact_rows_band = "fail"');
  const other = path.join(tempDir('notify-strict'), 'lake');
  const day = (date) => runAsync(['run', '--lake', other, '--sandbox', sb.url, '--config', strict, '--date', date, '--log-level', 'warn']);
  await setFaults({ rate_limits: rates });
  let r = await day('2026-10-01');
  assert.equal(r.code, 0, r.stderr.slice(-3000));
  const before = notices().length;
  r = await day('2026-10-02');
  assert.equal(r.code, 5, `a failed quality check exits 5: ${r.stderr.slice(-3000)}`);
  assert.match(r.stderr, /data-quality check failed for 2026-10-02: fact_rows_band: fact_popularity has \d+ rows/);
  const got = notices();
  assert.equal(got.length, before + 1);
  assert.equal(got.at(-1).event, 'failed');
  assert.equal(got.at(-1).failed_steps[0].name, 'quality');
  assert.deepEqual(got.at(-1).checks.map((c) => [c.name, c.status]), [['fact_rows_band', 'fail']]);
  const failedRun = JSON.parse(run(['status', '--lake', other, '--json']).stdout).find((m) => m.load_date === '2026-10-02');
  assert.equal(failedRun.state, 'failed');
  assert.equal(failedRun.steps.find((s) => s.name === 'model').state, 'succeeded', 'gold was written; only the check failed');
  assert.ok(fs.existsSync(path.join(other, 'gold/fact_popularity/loadDate=2026-10-02')));
});

test('a notification that cannot be delivered is logged and never fails the run', { timeout: 120_000 }, async () => {
  const file = path.join(dir, 'broken.toml');
  fs.writeFileSync(file, `${fs.readFileSync(FAST_CLIENT, 'utf8')}
[notify]
command = "exit 3"
webhook_url = "http://127.0.0.1:9/unreachable"
timeout_ms = 2000
`);
  await setFaults({ rate_limits: rates, endpoints: { imdb_list: { p_500: 1.0 } } });
  const broken = path.join(tempDir('notify-broken'), 'lake');
  const r = await runAsync(['run', '--lake', broken, '--sandbox', sb.url, '--config', file, '--date', '2026-10-01']);
  await setFaults({ rate_limits: rates });
  assert.equal(r.code, 1, 'the run fails for its own reason, not the notification\'s');
  assert.match(r.stderr, /notify command exited 3/);
  assert.match(r.stderr, /notify webhook: /);
  assert.ok(!r.stderr.includes('127.0.0.1:9/unreachable'), 'the webhook URL is never logged');
});

test('a config naming an unknown check is refused before anything runs', () => {
  const file = path.join(dir, 'typo.toml');
  fs.writeFileSync(file, '[quality]\nfact_rows_bnad = "fail"\n');
  const fresh = path.join(tempDir('notify-typo'), 'lake');
  const r = run(['run', '--lake', fresh, '--sandbox', sb.url, '--config', file, '--date', '2026-10-01']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /\[quality\] fact_rows_bnad is neither a setting nor a check/);
  assert.ok(!fs.existsSync(fresh), 'nothing was created');
});
