// `cmake --install` from the build: the layout, DESTDIR staging, and an
// installed cinelake that runs a sandbox day and serves the dashboard from
// its own share/cinelake/web, not from the source tree's web/dist.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { BUILD_DIR, FAST_CLIENT, FIRST_DAY, run, startListening, startSandbox, tempDir } from '../lib/cinelake.mjs';
import { UNITS, checkUnitKeys, hasSystemdAnalyze, verifyUnits } from './units.mjs';

const EXIT_USAGE = 2;
const SOURCE_WEB = path.resolve('web/dist');

function cmakeInstall(prefix, env = {}) {
  const r = spawnSync('cmake', ['--install', BUILD_DIR, '--prefix', prefix],
                      { encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
  assert.equal(r.status, 0, `cmake --install failed: ${r.stdout}\n${r.stderr}`);
}

// Every file under dir, relative to it.
function listFiles(dir) {
  return fs.readdirSync(dir, { recursive: true })
    .filter((f) => !fs.statSync(path.join(dir, f)).isDirectory()).sort();
}

function get(url) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, timeout: 10_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'] ?? '', body }));
    });
    req.on('timeout', () => req.destroy(new Error(`${url}: timed out`)));
    req.on('error', reject);
  });
}

// Logs reach stderr on their own pipe, so a line may trail the URL on stdout.
async function waitForLog(server, text) {
  for (let i = 0; i < 100 && !server.stderr().includes(text); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(server.stderr().includes(text), `expected "${text}" in: ${server.stderr()}`);
}

let prefix;
let bin;
let lake;
before(async () => {
  prefix = tempDir('install');
  cmakeInstall(prefix);
  bin = path.join(prefix, 'bin/cinelake');
  // A sandbox day, every process from the installed tree.
  const sb = await startSandbox(undefined, { bin });
  try {
    lake = path.join(tempDir('install-lake'), 'lake');
    const r = run(['run', '--sandbox', sb.url, '--config', FAST_CLIENT, '--lake', lake, '--date', FIRST_DAY], { bin });
    assert.equal(r.code, 0, r.stderr);
  } finally {
    await sb.stop();
  }
});
after(() => fs.rmSync(prefix, { recursive: true, force: true }));

test('the prefix holds the binary, the front end, the example config and the units, and no test tools', () => {
  const files = listFiles(prefix);
  for (const f of ['bin/cinelake', 'share/cinelake/web/index.html', 'share/cinelake/cinelake.example.toml',
    'share/cinelake/cinelake.env.example', 'share/doc/cinelake/README.md', ...UNITS.map((u) => `lib/systemd/system/${u}`)]) {
    assert.ok(files.includes(f), `${f} is installed (got ${files.join(', ')})`);
  }
  assert.ok(fs.statSync(bin).mode & 0o111, 'the binary is executable');
  assert.deepEqual(files.filter((f) => /testkit|_tests$|_bench$/.test(f)), [], 'no test-only binaries');
  assert.deepEqual(listFiles(path.join(prefix, 'share/cinelake/web')), listFiles(SOURCE_WEB),
                   'the whole built front end is installed');
});

test('the installed units run the installed binary and are valid', () => {
  const unitDir = path.join(prefix, 'lib/systemd/system');
  for (const u of UNITS) {
    assert.doesNotMatch(fs.readFileSync(path.join(unitDir, u), 'utf8'), /@[A-Z_]+@/, `${u} has no unfilled placeholder`);
  }
  checkUnitKeys(unitDir, bin);
  if (hasSystemdAnalyze()) verifyUnits(unitDir);
});

test('DESTDIR stages the install: units name the final prefix, nothing lands outside DESTDIR', () => {
  const stage = tempDir('destdir');
  try {
    cmakeInstall('/opt/cinelake-test', { DESTDIR: stage });
    assert.equal(fs.existsSync('/opt/cinelake-test'), false, 'nothing written to the real prefix');
    assert.deepEqual(fs.readdirSync(stage), ['opt'], 'only the prefix is created (no /etc outside the package)');
    const staged = path.join(stage, 'opt/cinelake-test');
    assert.ok(fs.existsSync(path.join(staged, 'bin/cinelake')));
    assert.ok(fs.existsSync(path.join(staged, 'share/cinelake/web/index.html')));
    const unit = fs.readFileSync(path.join(staged, 'lib/systemd/system/cinelake-run.service'), 'utf8');
    assert.match(unit, /^ExecStart=\/opt\/cinelake-test\/bin\/cinelake run /m);
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
});

test('the installed serve answers / from its own share/cinelake/web and /api/landing with JSON', async () => {
  // A marker only the installed copy has proves which front end is served.
  const index = path.join(prefix, 'share/cinelake/web/index.html');
  const marker = `<!-- installed copy ${process.pid} -->`;
  fs.appendFileSync(index, marker);
  assert.ok(!fs.readFileSync(path.join(SOURCE_WEB, 'index.html'), 'utf8').includes(marker));
  const server = await startListening(bin, ['serve', '--lake', lake, '--listen', '127.0.0.1:0']);
  try {
    const page = await get(`${server.url}/`);
    assert.equal(page.status, 200);
    assert.match(page.type, /^text\/html/);
    assert.ok(page.body.includes(marker), 'served the installed index.html');
    const landing = await get(`${server.url}/api/landing`);
    assert.equal(landing.status, 200, landing.body);
    assert.match(landing.type, /^application\/json/);
    assert.equal(typeof JSON.parse(landing.body), 'object');
    await waitForLog(server, `front end from ${path.join(prefix, 'share/cinelake/web')}`);
  } finally {
    await server.stop();
  }
});

test('serve with --web at a folder without a front end stops at start, naming it and --web', () => {
  const empty = tempDir('noweb');
  const r = run(['serve', '--lake', lake, '--listen', '127.0.0.1:0', '--web', empty], { bin, timeoutMs: 20_000 });
  assert.equal(r.code, EXIT_USAGE, r.stderr);
  assert.ok(r.stderr.includes(empty), r.stderr);
  assert.match(r.stderr, /--web/);
  assert.match(r.stderr, /no dashboard front end/);
  assert.doesNotMatch(r.stdout, /listening/);
});

test('without an installed front end, serve falls back to the build tree web/dist', async () => {
  const other = tempDir('install-noweb');
  try {
    cmakeInstall(other);
    fs.rmSync(path.join(other, 'share/cinelake/web'), { recursive: true });
    const server = await startListening(path.join(other, 'bin/cinelake'),
                                        ['serve', '--lake', lake, '--listen', '127.0.0.1:0']);
    try {
      await waitForLog(server, `front end from ${SOURCE_WEB}`);
      const page = await get(`${server.url}/`);
      assert.equal(page.status, 200);
      assert.equal(page.body, fs.readFileSync(path.join(SOURCE_WEB, 'index.html'), 'utf8'));
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(other, { recursive: true, force: true });
  }
});
