// Bad input to `cinelake run` and friends: a clear error naming the problem,
// a meaningful non-zero exit code, and nothing lost from the lake.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { FAST_CLIENT, run, startSandbox, tempDir } from '../lib/cinelake.mjs';

const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;
const EXIT_BUSY = 3;

test('an unknown date format is a usage error naming the flag', () => {
  const r = run(['run', '--lake', tempDir('cli'), '--sandbox', 'http://127.0.0.1:9', '--date', '23/11/2026']);
  assert.equal(r.code, EXIT_USAGE);
  assert.match(r.stderr, /--date: invalid date '23\/11\/2026': expected YYYY-MM-DD/);
});

test('a date in the future is refused', () => {
  const future = new Date(Date.now() + 3 * 86400_000).toISOString().slice(0, 10);
  const r = run(['run', '--lake', tempDir('cli'), '--sandbox', 'http://127.0.0.1:9', '--date', future]);
  assert.equal(r.code, EXIT_USAGE);
  assert.match(r.stderr, /is in the future/);
});

test('a folder that is not a lake is left untouched', () => {
  const dir = tempDir('notalake');
  fs.writeFileSync(path.join(dir, 'thesis.docx'), 'precious');
  const r = run(['run', '--lake', dir, '--sandbox', 'http://127.0.0.1:9', '--date', '2026-10-01']);
  assert.equal(r.code, EXIT_USAGE);
  assert.match(r.stderr, /not a cinelake lake/);
  assert.deepEqual(fs.readdirSync(dir), ['thesis.docx']);
  const s = run(['status', '--lake', dir]);
  assert.equal(s.code, EXIT_USAGE);
  assert.match(s.stderr, /not a cinelake lake/);
});

test('a missing config file and missing keys are usage errors', () => {
  const lake = path.join(tempDir('cfg'), 'lake');
  let r = run(['run', '--lake', lake, '--date', '2026-10-01', '--config', '/nonexistent/cinelake.toml']);
  assert.equal(r.code, EXIT_USAGE);
  assert.match(r.stderr, /\/nonexistent\/cinelake\.toml/);
  r = run(['run', '--lake', lake, '--date', '2026-10-01'],
          { env: { CINELAKE_IMDB_API_KEY: '', CINELAKE_TMDB_TOKEN: '' } });
  assert.equal(r.code, EXIT_USAGE);
  assert.match(r.stderr, /no API keys/);
  assert.equal(fs.existsSync(lake), false, 'nothing is created before the configuration is valid');
});

test('a corrupt stg Parquet file fails the run with its path, and the lake keeps the rest', async () => {
  const sb = await startSandbox();
  try {
    const lake = path.join(tempDir('corrupt'), 'lake');
    let r = run(['run', '--lake', lake, '--sandbox', sb.url, '--config', FAST_CLIENT, '--date', '2026-10-01']);
    assert.equal(r.code, 0, r.stderr);
    const victim = path.join(lake, 'stg/content_detail/part-00000.parquet');
    fs.writeFileSync(victim, Buffer.from('PAR1garbagegarbagePAR1'));
    const factBefore = fs.readFileSync(path.join(lake, 'gold/fact_popularity/loadDate=2026-10-01/part-00000.parquet'));
    r = run(['run', '--lake', lake, '--sandbox', sb.url, '--config', FAST_CLIENT, '--date', '2026-10-02']);
    assert.equal(r.code, EXIT_FAILURE);
    assert.match(r.stderr, /stg\/content_detail\/part-00000\.parquet/);
    const factAfter = fs.readFileSync(path.join(lake, 'gold/fact_popularity/loadDate=2026-10-01/part-00000.parquet'));
    assert.ok(factBefore.equals(factAfter), 'an earlier gold partition is untouched');
    const status = run(['status', '--lake', lake, '--json']);
    assert.equal(status.code, 0, status.stderr);
    const runs = JSON.parse(status.stdout);
    assert.equal(runs[0].load_date, '2026-10-02');
    assert.equal(runs[0].state, 'failed');
    assert.equal(runs[1].state, 'succeeded');
  } finally {
    await sb.stop();
  }
});

test('a second run on a locked lake exits busy, naming the holder', async () => {
  const sb = await startSandbox();
  try {
    const lake = path.join(tempDir('lock'), 'lake');
    assert.equal(run(['run', '--lake', lake, '--sandbox', sb.url, '--config', FAST_CLIENT, '--date', '2026-10-01']).code, 0);
    // Hold the lock with flock(1) the way a running cinelake would.
    const holder = (await import('node:child_process')).spawn(
      'flock', ['-x', path.join(lake, '_runs/lock'), 'sleep', '30'], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 300));
    try {
      const r = run(['run', '--lake', lake, '--sandbox', sb.url, '--config', FAST_CLIENT, '--date', '2026-10-02']);
      assert.equal(r.code, EXIT_BUSY, r.stderr);
      assert.match(r.stderr, /locked by another cinelake process/);
    } finally {
      holder.kill('SIGKILL');
    }
  } finally {
    await sb.stop();
  }
});

test('--record then --replay: a recorded day replays offline into identical gold, with no key recorded', async () => {
  const sb = await startSandbox();
  const root = tempDir('replay');
  const recordings = path.join(root, 'recordings');
  const live = path.join(root, 'live');
  try {
    const r = run(['run', '--lake', live, '--sandbox', sb.url, '--config', FAST_CLIENT, '--date', '2026-10-01',
                   '--record', recordings]);
    assert.equal(r.code, 0, r.stderr);
  } finally {
    await sb.stop();
  }
  const files = fs.readdirSync(recordings, { recursive: true }).filter((f) => fs.statSync(path.join(recordings, f)).isFile());
  assert.ok(files.length > 300, `every response recorded (${files.length})`);
  for (const f of files) {
    const text = fs.readFileSync(path.join(recordings, f), 'utf8');
    assert.ok(!text.includes('sandbox-imdb-key') && !text.includes('sandbox-tmdb-token'), `${f} holds a key`);
  }
  // The sandbox is gone: every answer must come from the recordings.
  const replayed = path.join(root, 'replayed');
  const r = run(['run', '--lake', replayed, '--sandbox', sb.url, '--config', FAST_CLIENT, '--date', '2026-10-01',
                 '--replay', recordings]);
  assert.equal(r.code, 0, r.stderr);
  for (const table of ['gold/fact_popularity/loadDate=2026-10-01', 'gold/dim_content', 'gold/bridge_content_person']) {
    const a = fs.readFileSync(path.join(live, table, 'part-00000.parquet'));
    const b = fs.readFileSync(path.join(replayed, table, 'part-00000.parquet'));
    assert.ok(a.equals(b), `${table} is identical when replayed`);
  }
});
