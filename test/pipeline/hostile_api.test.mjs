// The pipeline against a hostile API on loopback: a server that keeps the
// keys it is sent, echoes requests back, lists ids that are not ids, types
// every popularity as a string, drips its answers a byte a second, sends
// bodies over the size cap, or lists far too many titles. Keys go only where
// they were configured, never into the lake; bad ids never enter it; a
// failure names its cause; nothing holds a step past its budget.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { BIN, FAST_CLIENT, tempDir } from '../lib/cinelake.mjs';

const DATE = '2026-10-01';
const REAL_IMDB_KEY = 'real-imdb-key-7f3a9c21d4';
const REAL_TMDB_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.real-tmdb-token.c0ffee77';
const FILE_IMDB_KEY = 'file-imdb-key-5be1a0'; // keys a config file binds to this server
const FILE_TMDB_BEARER = 'eyJhbGciOiJIUzI1NiJ9.file-tmdb-bearer.d15ea5e';
const FILE_TMDB_V3 = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';

// cinelake must not inherit keys from the developer's shell.
const CLEAN_ENV = { CINELAKE_IMDB_API_KEY: '', CINELAKE_TMDB_TOKEN: '', CINELAKE_IMDB_BASE_URL: '',
  CINELAKE_TMDB_BASE_URL: '', CINELAKE_SANDBOX_IMDB_KEY: '', CINELAKE_SANDBOX_TMDB_TOKEN: '' };

// cinelake without blocking the event loop (the server lives in this process).
function runAsync(args, { env = {}, timeoutMs = 240_000 } = {}) {
  return new Promise((resolve) => {
    const child = spawn(BIN, args, { env: { ...process.env, ...CLEAN_ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code, signal) => { clearTimeout(timer); resolve({ code, signal, stdout, stderr }); });
  });
}

const titleIds = (n) => Array.from({ length: n }, (_, i) => `tt${String(1000001 + i)}`);

// The hostile server: `mode` decides how it answers; every request is kept.
let server;
let url;
let mode = {};
const seen = [];
before(async () => {
  server = http.createServer((req, res) => {
    seen.push({ url: req.url, headers: req.headers });
    const pathname = new URL(req.url, 'http://x').pathname;
    const echo = JSON.stringify({ url: req.url, headers: req.headers });
    const text = (plain) => (mode.echo ? echo : plain);
    const send = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    let m;
    if (/\/most-popular-movies$/.test(pathname)) {
      if (mode.drip) {
        // One byte a second, for at most 120 s (bounded even if never cut off).
        res.writeHead(200, { 'content-type': 'application/json' });
        let sent = 0;
        const timer = setInterval(() => {
          if (res.destroyed || ++sent > 120) { clearInterval(timer); res.end(); return; }
          res.write(' ');
        }, 1000);
        res.on('close', () => clearInterval(timer));
        return;
      }
      if (mode.oversize) return send(200, `[${' '.repeat(200 * 1024)}]`);
      const ids = [...(mode.badIds ?? []), ...titleIds(mode.listLength ?? 12)];
      return send(200, ids.map((id) => ({ id, type: 'movie', primaryTitle: text(`Title ${id}`) })));
    }
    if (/\/most-popular-tv$/.test(pathname)) return send(200, []);
    if ((m = pathname.match(/\/find\/(tt\d+)$/))) {
      return send(200, { movie_results: [{ id: Number(m[1].slice(2)) }], tv_results: [] });
    }
    if ((m = pathname.match(/\/(tt\d+)\/tmdb-id$/))) return send(200, { tmdbId: `movie/${Number(m[1].slice(2))}` });
    if ((m = pathname.match(/\/movie\/(\d+)$/))) {
      const id = Number(m[1]);
      return send(200, {
        id, imdb_id: `tt${id}`, title: text('A film'), overview: text('A plot.'), tagline: text('A tagline'),
        homepage: text('https://example.org'), status: 'Released', original_language: 'en',
        popularity: mode.popularityString ? String(10 + (id % 50)) : 10 + (id % 50),
        production_companies: [{ id: 1, name: text('A studio'), logo_path: null }],
      });
    }
    if ((m = pathname.match(/\/(tt\d+)$/))) {
      const id = m[1];
      return send(200, {
        id, type: 'movie', primaryTitle: text(`Title ${id}`), originalTitle: text('Original'), startYear: 2020,
        runtimeMinutes: 100, averageRating: 7.5, numVotes: 1000, genres: [text('Drama')], interests: [text('Epic')],
        directors: [{ id: 'nm0000001', fullName: text('A director'), url: text('https://example.org/d') }],
        cast: [{ id: 'nm0000002', fullName: text('An actor'), job: 'actor', characters: [text('Someone')] }],
      });
    }
    send(404, { status_message: 'not here' });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${server.address().port}`;
});
after(() => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }));

function reset(next) {
  mode = next;
  seen.length = 0;
}

// A client config whose base URLs point at the hostile server, with fast
// pacing and whatever else the test adds.
function configFile(dir, { imdbKey, tmdbToken, http: httpExtra = '' } = {}) {
  const file = path.join(dir, 'client.toml');
  const fast = fs.readFileSync(FAST_CLIENT, 'utf8');
  const lines = fast.split('\n');
  const at = (section, extra) => {
    const i = lines.indexOf(`[${section}]`);
    lines.splice(i + 1, 0, ...extra.filter(Boolean));
  };
  // /@{date} pins both to the run's day: this server plays a dated source (a sandbox).
  at('imdb', [`base_url = "${url}/@{date}/imdb"`, imdbKey && `key = "${imdbKey}"`]);
  at('tmdb', [`base_url = "${url}/@{date}/tmdb"`, tmdbToken && `token = "${tmdbToken}"`]);
  at('http', ['max_attempts = 3', ...httpExtra.split('\n')]);
  fs.writeFileSync(file, lines.join('\n'));
  return file;
}

const sentAnywhere = (needle) => seen.some((r) => r.url.includes(needle) || JSON.stringify(r.headers).includes(needle));

function manifestOf(lake) {
  const dir = path.join(lake, '_runs', `loadDate=${DATE}`);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  return JSON.parse(fs.readFileSync(path.join(dir, files.at(-1)), 'utf8'));
}

function filesUnder(dir) {
  return fs.readdirSync(dir, { recursive: true }).map((f) => path.join(dir, f)).filter((f) => fs.statSync(f).isFile());
}

// Every value the lake holds, as text: raw bytes of every file, and the
// decompressed rows of every Parquet file.
async function lakeText(lake) {
  let all = '';
  for (const f of filesUnder(lake)) {
    all += fs.readFileSync(f, 'latin1');
    if (f.endsWith('.parquet')) {
      const r = await runAsync(['parquet', 'cat', f, '--json']);
      assert.equal(r.code, 0, `parquet cat ${f}: ${r.stderr}`);
      all += r.stdout;
    }
  }
  return all;
}

test('--sandbox sends only the sandbox keys, never the real ones', { timeout: 300_000 }, async () => {
  reset({});
  const lake = path.join(tempDir('hostile-sandbox'), 'lake');
  const r = await runAsync(['run', '--lake', lake, '--sandbox', url, '--config', FAST_CLIENT, '--date', DATE],
    { env: { CINELAKE_IMDB_API_KEY: REAL_IMDB_KEY, CINELAKE_TMDB_TOKEN: REAL_TMDB_TOKEN } });
  console.log(`sandbox: real keys seen by the server: ${sentAnywhere(REAL_IMDB_KEY) || sentAnywhere(REAL_TMDB_TOKEN)}`);
  assert.ok(seen.length > 0, `the server saw no request: ${r.stderr.slice(-2000)}`);
  assert.equal(sentAnywhere(REAL_IMDB_KEY), false, 'the real IMDB key reached the sandbox URL');
  assert.equal(sentAnywhere(REAL_TMDB_TOKEN), false, 'the real TMDB token reached the sandbox URL');
  assert.ok(sentAnywhere('sandbox-imdb-key'), 'the sandbox key was sent instead');
});

test('a base URL pointed elsewhere gets no key from the environment', { timeout: 300_000 }, async () => {
  reset({});
  const dir = tempDir('hostile-override');
  const r = await runAsync(['run', '--lake', path.join(dir, 'lake'), '--config', configFile(dir), '--date', DATE],
    { env: { CINELAKE_IMDB_API_KEY: REAL_IMDB_KEY, CINELAKE_TMDB_TOKEN: REAL_TMDB_TOKEN } });
  console.log(`override: real keys seen by the server: ${sentAnywhere(REAL_IMDB_KEY) || sentAnywhere(REAL_TMDB_TOKEN)}`);
  assert.equal(sentAnywhere(REAL_IMDB_KEY), false, 'the real IMDB key reached an overridden base URL');
  assert.equal(sentAnywhere(REAL_TMDB_TOKEN), false, 'the real TMDB token reached an overridden base URL');
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /configured for https:\/\/imdb236\.p\.rapidapi\.com, not for http:\/\/127\.0\.0\.1/);
  assert.equal(r.stderr.includes(REAL_IMDB_KEY) || r.stderr.includes(REAL_TMDB_TOKEN), false);
});

for (const [kind, token] of [['Bearer token', FILE_TMDB_BEARER], ['v3 api_key', FILE_TMDB_V3]]) {
  test(`an API echoing the request writes no ${kind} into the lake`, { timeout: 300_000 }, async () => {
    reset({ echo: true });
    const dir = tempDir('hostile-echo');
    const lake = path.join(dir, 'lake');
    const r = await runAsync(['run', '--lake', lake, '--config', configFile(dir, { imdbKey: FILE_IMDB_KEY, tmdbToken: token }),
      '--date', DATE]);
    assert.equal(r.code, 0, r.stderr.slice(-3000));
    assert.ok(sentAnywhere(token) && sentAnywhere(FILE_IMDB_KEY), 'the keys bound to this server were sent');
    assert.ok(fs.existsSync(path.join(lake, 'gold/dim_content')), 'the run reached gold');
    const text = await lakeText(lake);
    const files = filesUnder(lake).filter((f) => fs.readFileSync(f, 'latin1').includes(token)).length;
    console.log(`echo (${kind}): key in the lake: ${text.includes(token)}; files with the raw bytes: ${files}`);
    assert.ok(text.includes('x-rapidapi-host'), 'the echoed requests are in the lake (so the check means something)');
    assert.equal(text.includes(token), false, `the TMDB ${kind} is in the lake`);
    assert.equal(text.includes(FILE_IMDB_KEY), false, 'the IMDB key is in the lake');
    assert.equal(r.stderr.includes(token) || r.stderr.includes(FILE_IMDB_KEY), false, 'a key is in the log');
  });
}

test('ids that are not ids are dropped at the boundary, counted, and cannot forge a log line', { timeout: 300_000 }, async () => {
  const forged = 'tt1234567\n2026-10-01T00:00:00.000 error FORGED LINE';
  const badIds = [forged, '../../etc/passwd', '<script>alert(1)</script>', 'nm0000001', ' tt0678506', 'tt\u0000123'];
  reset({ badIds });
  const dir = tempDir('hostile-ids');
  const lake = path.join(dir, 'lake');
  const r = await runAsync(['run', '--lake', lake, '--config', configFile(dir, { imdbKey: FILE_IMDB_KEY, tmdbToken: FILE_TMDB_BEARER }),
    '--date', DATE]);
  const dims = filesUnder(path.join(lake, 'gold/dim_content')).filter((f) => f.endsWith('.parquet'));
  let ids = [];
  for (const f of dims) {
    const out = await runAsync(['parquet', 'cat', f, '--json', '--columns', 'content_id']);
    ids = ids.concat(out.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l).content_id));
  }
  const forgedLines = r.stderr.split('\n').filter((l) => l.startsWith('2026-10-01T00:00:00.000 error FORGED')).length;
  console.log(`ids: ${ids.filter((id) => !/^tt\d{7,10}$/.test(id)).length} non-ids in dim_content, ${forgedLines} forged log lines`);
  assert.equal(r.code, 0, r.stderr.slice(-3000));
  assert.equal(ids.length, 12);
  assert.deepEqual(ids.filter((id) => !/^tt\d{7,10}$/.test(id)), []);
  assert.equal(seen.some((q) => q.url.includes('passwd') || q.url.includes('script') || q.url.includes('%00')), false);
  const ingest = manifestOf(lake).steps.find((s) => s.name === 'ingest');
  assert.equal(ingest.counters['dropped_ids.most-popular-movies'], badIds.length);
  const dropped = ingest.issues.find((i) => i.cause === 'not an IMDB title id');
  assert.equal(dropped.count, badIds.length);
  const escaped = "tt1234567\\n2026-10-01T00:00:00.000 error FORGED LINE";
  assert.equal(dropped.example, `'${escaped}'`);
  assert.equal(r.stderr.split('\n').some((l) => l.startsWith('2026-10-01T00:00:00.000 error FORGED')), false);
  const logged = r.stderr.split('\n').filter((l) => l.includes('not IMDB title ids'));
  assert.equal(logged.length, 1);
  assert.ok(logged[0].includes(`e.g. '${escaped}'`), logged[0]);
});

test('popularity typed as a string: the failure names the cause', { timeout: 300_000 }, async () => {
  reset({ popularityString: true });
  const dir = tempDir('hostile-popularity');
  const lake = path.join(dir, 'lake');
  const r = await runAsync(['run', '--lake', lake, '--config', configFile(dir, { imdbKey: FILE_IMDB_KEY, tmdbToken: FILE_TMDB_BEARER }),
    '--date', DATE]);
  const step = manifestOf(lake).steps.find((s) => s.name === 'popularity');
  console.log(`popularity: cause named in the step error: ${/'popularity' is string/.test(step.error)}`);
  assert.notEqual(r.code, 0);
  assert.equal(step.state, 'failed');
  assert.match(step.error, /only 0 of 12 .*'popularity' is string, expected number \(12x, e\.g\. tmdb \/movie\/1000001/);
  const issue = step.issues.find((i) => i.endpoint === '/movie/{id}');
  assert.equal(issue.api, 'tmdb');
  assert.equal(issue.cause, "field 'popularity' is string, expected number");
  assert.equal(issue.count, 12 * step.attempts);  // every attempt of the step fetched all 12
  assert.match(r.stderr, /'popularity' is string/);
});

test('a server dripping a byte a second is cut off by the step budget', { timeout: 300_000 }, async () => {
  reset({ drip: true });
  const dir = tempDir('hostile-drip');
  const lake = path.join(dir, 'lake');
  const config = configFile(dir, { imdbKey: FILE_IMDB_KEY, tmdbToken: FILE_TMDB_BEARER,
    http: 'timeout_ms = 600000\nstep_budget_ms = 2000' });
  const started = Date.now();
  const r = await runAsync(['run', '--lake', lake, '--config', config, '--date', DATE]);
  console.log(`drip: the run ended after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  assert.notEqual(r.code, 0);
  const ingest = manifestOf(lake).steps.find((s) => s.name === 'ingest');
  assert.equal(ingest.state, 'failed');
  assert.match(ingest.error, /step budget used up/);
});

test('a body over the size cap is downloaded once, not again on retry', { timeout: 300_000 }, async () => {
  reset({ oversize: true });
  const dir = tempDir('hostile-oversize');
  const lake = path.join(dir, 'lake');
  const config = configFile(dir, { imdbKey: FILE_IMDB_KEY, tmdbToken: FILE_TMDB_BEARER, http: 'max_response_bytes = 65536' });
  const r = await runAsync(['run', '--lake', lake, '--config', config, '--date', DATE]);
  const fetched = seen.filter((q) => q.url.endsWith('/most-popular-movies')).length;
  console.log(`oversize: /most-popular-movies was fetched ${fetched} times`);
  assert.notEqual(r.code, 0);
  assert.equal(fetched, 1);
  assert.match(manifestOf(lake).steps.find((s) => s.name === 'ingest').error, /larger than 65536 bytes/);
});

test('a popular list longer than the cap is refused, not fetched title by title', { timeout: 300_000 }, async () => {
  reset({ listLength: 1001 });
  const dir = tempDir('hostile-long');
  const lake = path.join(dir, 'lake');
  const r = await runAsync(['run', '--lake', lake, '--config', configFile(dir, { imdbKey: FILE_IMDB_KEY, tmdbToken: FILE_TMDB_BEARER }),
    '--date', DATE]);
  const finds = seen.filter((q) => q.url.includes('/find/')).length;
  console.log(`long list: ${finds} titles were mapped`);
  assert.notEqual(r.code, 0);
  assert.equal(finds, 0);
  assert.match(r.stderr, /list of 1001 titles refused \(more than 1000, imdb\.max_list_titles\)/);
});
