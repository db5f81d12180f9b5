// The real APIs only know today: a run of an earlier date against them would
// stamp today's popularity with that date. Such a run is refused before
// anything is written or sent, unless its answers come from a dated source
// (a sandbox, base URLs pinned with /@{date}, or --replay recordings), or it
// only resumes an unfinished run whose API steps all succeeded.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { BIN, FAST_CLIENT, startSandbox, tempDir } from '../lib/cinelake.mjs';

const EXIT_USAGE = 2;
const EXIT_INTERRUPTED = 130;
const CLEAN_ENV = { CINELAKE_IMDB_API_KEY: '', CINELAKE_TMDB_TOKEN: '', CINELAKE_IMDB_BASE_URL: '',
  CINELAKE_TMDB_BASE_URL: '', CINELAKE_REPLAY_DIR: '', CINELAKE_RECORD_DIR: '' };
const utcDay = (offsetDays) => new Date(Date.now() + offsetDays * 86400_000).toISOString().slice(0, 10);

function runAsync(args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(BIN, args, { env: { ...process.env, ...CLEAN_ENV, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('exit', (code) => { clearTimeout(timer); resolve({ code, stderr }); });
  });
}

// An undated stand-in for the real APIs: it answers nothing useful and
// counts every request it gets.
let server;
let requests = 0;
before(async () => {
  server = http.createServer((req, res) => { requests += 1; res.writeHead(500); res.end(); });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
});
after(() => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }));

function configFile(dir, base) {
  const file = path.join(dir, 'client.toml');
  const fast = fs.readFileSync(FAST_CLIENT, 'utf8').split('\n');
  fast.splice(fast.indexOf('[imdb]') + 1, 0, `base_url = "${base}/imdb236/api/imdb"`, 'key = "sandbox-imdb-key"');
  fast.splice(fast.indexOf('[tmdb]') + 1, 0, `base_url = "${base}/tmdb/3"`, 'token = "sandbox-tmdb-token"');
  fs.writeFileSync(file, fast.join('\n'));
  return file;
}
const undatedConfig = (dir) => configFile(dir, `http://127.0.0.1:${server.address().port}`);

test('a past date against undated APIs is refused, naming the date and what to do, with nothing written', async () => {
  const dir = tempDir('pastdate');
  const lake = path.join(dir, 'lake');
  const yesterday = utcDay(-1);
  requests = 0;
  let r = await runAsync(['run', '--lake', lake, '--config', undatedConfig(dir), '--date', yesterday]);
  assert.equal(r.code, EXIT_USAGE, r.stderr);
  assert.match(r.stderr, new RegExp(`refusing ${yesterday}: it is before today \\(${utcDay(0)} UTC\\)`));
  assert.match(r.stderr, /--sandbox URL/);
  assert.match(r.stderr, /--replay DIR/);
  r = await runAsync(['backfill', '--lake', lake, '--config', undatedConfig(dir), '--from', utcDay(-3), '--to', utcDay(0)]);
  assert.equal(r.code, EXIT_USAGE, r.stderr);
  assert.match(r.stderr, new RegExp(`refusing ${utcDay(-3)}`));
  assert.equal(fs.existsSync(lake), false, 'no lake is created');
  assert.equal(requests, 0, 'no API was called');
});

test('a past date runs from a sandbox pinned with /@{date}, and from --replay recordings', async () => {
  const sb = await startSandbox();
  const dir = tempDir('pastdate-ok');
  try {
    const r = await runAsync(['run', '--lake', path.join(dir, 'pinned'), '--config', configFile(dir, `${sb.url}/@{date}`),
      '--date', '2026-10-01', '--log-level', 'warn']);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(fs.existsSync(path.join(dir, 'pinned/gold/fact_popularity/loadDate=2026-10-01')));
  } finally {
    await sb.stop();
  }
  // Replayed answers are the recorded day's: accepted as dated (here the
  // folder is empty, so the run fails for want of a recording, not the date).
  const recordings = path.join(dir, 'recordings');
  fs.mkdirSync(recordings);
  const r = await runAsync(['run', '--lake', path.join(dir, 'replayed'), '--replay', recordings, '--date', '2026-10-01']);
  assert.notEqual(r.code, EXIT_USAGE, r.stderr);
  assert.doesNotMatch(r.stderr, /refusing/);
});

test('an interrupted past run resumes against undated APIs only if it needs no more answers', async () => {
  const sb = await startSandbox();
  const dir = tempDir('pastdate-resume');
  const sandboxArgs = ['--sandbox', sb.url, '--config', FAST_CLIENT, '--date', '2026-10-01', '--log-level', 'warn'];
  const early = path.join(dir, 'early');
  const late = path.join(dir, 'late');
  try {
    // Stopped at its 3rd request (ingest, which calls the APIs).
    let r = await runAsync(['run', '--lake', early, ...sandboxArgs], { CINELAKE_SIGNAL_AT_REQUEST: '3' });
    assert.equal(r.code, EXIT_INTERRUPTED, r.stderr);
    // Stopped after every API step: a finished run's manifest, with the
    // local steps put back as a signal during them leaves them.
    r = await runAsync(['run', '--lake', late, ...sandboxArgs]);
    assert.equal(r.code, 0, r.stderr);
    const runs = path.join(late, '_runs', 'loadDate=2026-10-01');
    const file = path.join(runs, fs.readdirSync(runs)[0]);
    const m = JSON.parse(fs.readFileSync(file, 'utf8'));
    m.state = 'interrupted';
    for (const st of m.steps) if (['model', 'fact', 'catalog'].includes(st.name)) st.state = 'interrupted';
    fs.writeFileSync(file, JSON.stringify(m));
  } finally {
    await sb.stop();
  }
  requests = 0;
  let r = await runAsync(['run', '--lake', early, '--config', undatedConfig(dir), '--date', '2026-10-01']);
  assert.equal(r.code, EXIT_USAGE, r.stderr);
  assert.match(r.stderr, /refusing 2026-10-01: .*its unfinished run still has steps that call the APIs/);
  r = await runAsync(['run', '--lake', late, '--config', undatedConfig(dir), '--date', '2026-10-01', '--log-level', 'warn']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(requests, 0, 'the resumed run called no API');
  const runs = path.join(late, '_runs', 'loadDate=2026-10-01');
  const [m] = fs.readdirSync(runs).map((f) => JSON.parse(fs.readFileSync(path.join(runs, f), 'utf8')));
  assert.equal(m.state, 'succeeded');
});

