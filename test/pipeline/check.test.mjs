// `cinelake check` (issue: the real APIs' quotas, item 9): one cheap request
// per API against the sandbox; exit 0 with the quota left when both answer,
// non-zero with a message naming the API and the cause on a refused key, an
// unreachable host, an exhausted plan, and 2 when no keys are configured.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { FAST_SANDBOX, run, sandboxJson, startSandbox, tempDir } from '../lib/cinelake.mjs';

const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;
const CLEAN_ENV = { CINELAKE_IMDB_API_KEY: '', CINELAKE_TMDB_TOKEN: '', CINELAKE_IMDB_BASE_URL: '',
  CINELAKE_TMDB_BASE_URL: '', CINELAKE_SANDBOX_IMDB_KEY: '', CINELAKE_SANDBOX_TMDB_TOKEN: '' };
const check = (args, env = {}) => run(['check', ...args], { env: { ...CLEAN_ENV, ...env }, timeoutMs: 60_000 });

let sb;
before(async () => { sb = await startSandbox(['--faults', FAST_SANDBOX]); });
after(async () => { await sb?.stop(); });

test('both keys accepted: exit 0, one request each, the IMDB quota left printed', async () => {
  await sandboxJson(sb.url, '/_sandbox/stats/reset', { method: 'POST' });
  const r = check(['--sandbox', sb.url]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^imdb: ok, .* accepted the key; quota: \d+ of 500000 requests left, resets in \d+ days?$/m);
  assert.match(r.stdout, /^tmdb: ok, /m);
  assert.match(r.stdout, /ready: both APIs answered/);
  const { body: stats } = await sandboxJson(sb.url, '/_sandbox/stats');
  assert.equal(stats.requests.by_api.imdb, 1);
  assert.equal(stats.requests.by_api.tmdb, 1);
});

test('a refused key names the API and the variable to set', () => {
  const r = check(['--sandbox', sb.url], { CINELAKE_SANDBOX_IMDB_KEY: 'not-the-key' });
  assert.equal(r.code, EXIT_FAILURE);
  assert.match(r.stderr, /imdb: the key was refused .*set CINELAKE_IMDB_API_KEY/);
  assert.match(r.stdout, /^tmdb: ok/m, 'the other API is still checked');
  assert.ok(!r.stderr.includes('not-the-key'), 'the key is never printed');
});

test('an unreachable host is named', async () => {
  // A port that was just free: nothing listens there.
  const port = await new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
  const r = check(['--sandbox', `http://127.0.0.1:${port}`]);
  assert.equal(r.code, EXIT_FAILURE);
  assert.match(r.stderr, /imdb: cannot reach http:\/\/127\.0\.0\.1:\d+/);
  assert.match(r.stderr, /tmdb: cannot reach/);
});

test('an exhausted plan is a failure that says so', async () => {
  const dir = tempDir('check');
  const faults = JSON.parse(fs.readFileSync(FAST_SANDBOX, 'utf8'));
  faults.imdb_monthly_quota = 0;
  fs.writeFileSync(path.join(dir, 'faults.json'), JSON.stringify(faults));
  const spent = await startSandbox(['--faults', path.join(dir, 'faults.json')]);
  try {
    const r = check(['--sandbox', spent.url]);
    assert.equal(r.code, EXIT_FAILURE);
    assert.match(r.stderr, /imdb: .*quota is used up/);
    assert.match(r.stderr, /quota: 0 of 0 requests left/);
  } finally {
    await spent.stop();
  }
});

test('no keys and no sandbox is a usage error naming the variables', () => {
  const r = check([]);
  assert.equal(r.code, EXIT_USAGE);
  assert.match(r.stderr, /CINELAKE_IMDB_API_KEY and CINELAKE_TMDB_TOKEN/);
});
