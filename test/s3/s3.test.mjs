// The lake on an S3-compatible store: moto's server (test/python/.venv) on
// loopback, checking every request's SigV4 signature against an IAM user's
// key; cinelake pointed at it by AWS_ENDPOINT_URL and that key.
//
//  - a 3-day sandbox backfill into s3://… holds byte-identical raw, stg and
//    gold to the same backfill into a local folder, and no object nor any
//    output holds the secret key;
//  - SIGKILL in the middle of S3 writes (whole PUTs and multipart uploads),
//    then a resume, gives the clean run's gold and leaves no open upload;
//  - the lease lock: a live holder makes a run exit 3, naming it; an
//    expired lease or one of a dead process is taken over;
//  - listings of more than 1,000 keys page (status over 1,100 manifests);
//  - the server stopping mid-run is a clear error; a later run completes;
//  - the generated DDL points at the s3:// location.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { FAST_CLIENT, run, startSandbox, tempDir } from '../lib/cinelake.mjs';
import { startMoto } from './moto.mjs';

const BUCKET = 'cinelake-test';
const DAYS = ['2026-10-01', '2026-10-03'];
let moto;
let sb;
let work;

before(async () => {
  moto = await startMoto(BUCKET);
  sb = await startSandbox();
  work = tempDir('s3');
});
after(async () => {
  await sb?.stop();
  await moto?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

const s3 = (prefix) => `s3://${BUCKET}/${prefix}`;
function cinelake(args, env = {}) {
  return run([...args, '--sandbox', sb.url, '--config', FAST_CLIENT], { env: { ...moto.env, ...env } });
}
function backfill(lake, from, to, env) {
  return cinelake(['backfill', '--lake', lake, '--from', from, '--to', to, '--log-level', 'warn'], env);
}
function download(prefix) {
  const dir = path.join(work, `dl-${prefix.replaceAll('/', '_')}-${Date.now()}`);
  moto.tool(['download', BUCKET, prefix, dir]);
  return dir;
}
// Every gold file, by relative path: what must not depend on where the lake
// lives. raw/ and stg/ keep what each run was answered (the shared sandbox's
// fault and quota draws depend on the order of requests), so they may differ.
// Left out, as they differ by design: the catalog (names its location), the
// gold commit (names its run) and the export log (names the run and when it
// checked).
function tableFiles(lake) {
  const out = new Map();
  for (const layer of ['gold']) {
    const root = path.join(lake, layer);
    if (!fs.existsSync(root)) continue;
    for (const e of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
      const p = path.join(e.parentPath ?? e.path, e.name);
      if (e.isFile() && !/\/_catalog\/|\/_committed|tmdb_export_log/.test(p)) out.set(path.relative(lake, p), fs.readFileSync(p));
    }
  }
  return out;
}
function assertSameFiles(expected, got, what) {
  assert.deepEqual([...got.keys()].sort(), [...expected.keys()].sort(), `${what}: same files`);
  for (const [k, v] of expected) assert.ok(v.equals(got.get(k)), `${what}: ${k} differs`);
}

let localLake;
test('a backfill into S3 equals one into a local folder, byte for byte, and leaks no secret', { timeout: 600_000 }, () => {
  localLake = path.join(work, 'local');
  const local = backfill(localLake, ...DAYS);
  assert.equal(local.code, 0, local.stderr);
  const remote = backfill(s3('daily/lake'), ...DAYS);
  assert.equal(remote.code, 0, remote.stderr);
  const dir = download('daily/lake');
  const expected = tableFiles(localLake);
  assert.ok([...expected.keys()].filter((k) => k.startsWith('gold/fact_popularity/')).length === 3, 'three fact days');
  assertSameFiles(expected, tableFiles(dir), 'S3 lake');
  assert.ok(fs.existsSync(path.join(dir, '_lake.json')) && fs.existsSync(path.join(dir, '_runs/last_success.json')));
  const ddl = fs.readFileSync(path.join(dir, 'gold/_catalog/athena.sql'), 'utf8');
  assert.match(ddl, new RegExp(`LOCATION 's3://${BUCKET}/daily/lake/gold/fact_popularity/'`));
  for (const f of fs.readdirSync(dir, { recursive: true })) {
    const p = path.join(dir, f);
    if (fs.statSync(p).isFile()) assert.ok(!fs.readFileSync(p).includes(moto.secret), `${f} holds the secret`);
  }
  assert.ok(!remote.stderr.includes(moto.secret) && !remote.stdout.includes(moto.secret));
  const st = run(['status', '--lake', s3('daily/lake'), '--json'], { env: moto.env });
  assert.equal(st.code, 0, st.stderr);
  assert.equal(JSON.parse(st.stdout).filter((m) => m.state === 'succeeded').length, 3);
});

test('killed mid-write on S3 (whole and multipart PUTs), a resumed run gives the same gold', { timeout: 900_000 }, () => {
  const day1 = DAYS[0];
  const day2 = '2026-10-02';
  const clean = path.join(work, 'clean2');
  assert.equal(backfill(clean, day1, day2).code, 0);
  const expected = new Map([...tableFiles(clean)].filter(([k]) => k.startsWith('gold/')));
  assert.equal(backfill(s3('crash/base'), day1, day1).code, 0);
  // A day-2 run makes ~75 writes; points spread over every stage, the odd
  // ones with every write a multipart upload (the kill lands between its
  // parts and its completion).
  const points = [3, 16, 29, 42, 55, 68];
  let killed = 0;
  points.forEach((n, i) => {
    const prefix = `crash/n${n}`;
    moto.tool(['clone', BUCKET, 'crash/base', prefix]);
    const env = i % 2 ? { CINELAKE_S3_MULTIPART_BYTES: '1' } : {};
    const r = cinelake(['run', '--lake', s3(prefix), '--date', day2, '--log-level', 'off'], { ...env, CINELAKE_CRASH_AT_WRITE: String(n) });
    if (r.signal === 'SIGKILL') killed += 1;
    else assert.equal(r.code, 0, `point ${n}: ${r.stderr}`);
    const resumed = cinelake(['run', '--lake', s3(prefix), '--date', day2, '--log-level', 'warn'], env);
    assert.equal(resumed.code, 0, `resume after point ${n}: ${resumed.stderr}`);
    const got = new Map([...tableFiles(download(prefix))].filter(([k]) => k.startsWith('gold/')));
    assertSameFiles(expected, got, `after a kill at write ${n}`);
    assert.equal(moto.tool(['uploads', BUCKET, prefix]), '0', `no multipart upload left open after point ${n}`);
  });
  assert.ok(killed >= 5, `only ${killed} of ${points.length} points were reached`);
});

test('the lease: a live holder makes a run exit 3; an expired or dead one is taken over', { timeout: 300_000 }, () => {
  const prefix = 'lease/lake';
  assert.equal(backfill(s3(prefix), DAYS[0], DAYS[0]).code, 0);
  const lease = (fields) => moto.tool(['put', BUCKET, `${prefix}/_runs/lease.json`, JSON.stringify({
    holder: 'pid 4242 on other-host since 2026-12-01T00:00:00Z (run)', host: 'other-host', pid: 4242, token: 'abc', released: false, ...fields,
  })]);
  lease({ expires_at_micros: (Date.now() + 3_600_000) * 1000 });
  const busy = cinelake(['run', '--lake', s3(prefix), '--date', DAYS[0]]);
  assert.equal(busy.code, 3, busy.stderr);
  assert.match(busy.stderr, /locked by another cinelake process \(pid 4242 on other-host/);
  lease({ expires_at_micros: (Date.now() - 1000) * 1000 });
  const expired = cinelake(['run', '--lake', s3(prefix), '--date', DAYS[0]]);
  assert.equal(expired.code, 0, expired.stderr);
  assert.match(expired.stderr, /stale lake lock/);
  // Released by that run: the next one takes it without a warning.
  const next = cinelake(['run', '--lake', s3(prefix), '--date', DAYS[0]]);
  assert.equal(next.code, 0, next.stderr);
  assert.doesNotMatch(next.stderr, /stale/);
  // A holder on this host whose process is gone is stale at once.
  lease({ host: fs.readFileSync('/proc/sys/kernel/hostname', 'utf8').trim(), pid: 2 ** 22 + 7, expires_at_micros: (Date.now() + 3_600_000) * 1000 });
  const taken = cinelake(['run', '--lake', s3(prefix), '--date', DAYS[0]]);
  assert.equal(taken.code, 0, taken.stderr);
});

test('listings of more than 1,000 keys page through continuation tokens', { timeout: 300_000 }, () => {
  const prefix = 'paging/lake';
  assert.equal(backfill(s3(prefix), DAYS[0], DAYS[0]).code, 0);
  const dir = download(prefix);
  const manifest = fs.readdirSync(path.join(dir, `_runs/loadDate=${DAYS[0]}`)).find((f) => f.endsWith('.json'));
  // 1,100 more run folders, each with a copy of the manifest.
  moto.tool(['fan-out', BUCKET, `${prefix}/_runs/loadDate=${DAYS[0]}/${manifest}`,
    `${prefix}/_runs/loadDate=${DAYS[0]}x%04d/${manifest}`, '1100']);
  // The table, not --json: 1,101 manifests as JSON outgrow spawnSync's buffer.
  const st = run(['status', '--lake', s3(prefix), '--limit', '5000'], { env: moto.env });
  assert.equal(st.code, 0, st.stderr);
  const rows = st.stdout.split('\n').filter((l) => l.startsWith(`${DAYS[0]}  succeeded`));
  assert.equal(rows.length, 1101, 'every manifest, past the first page of 1,000');
});

test('the store going away mid-run is a clear error; a later run completes', { timeout: 300_000 }, async () => {
  const prefix = 'outage/lake';
  const { spawn } = await import('node:child_process');
  const { BIN } = await import('../lib/cinelake.mjs');
  const child = spawn(BIN, ['backfill', '--lake', s3(prefix), '--from', DAYS[0], '--to', DAYS[1], '--sandbox', sb.url,
    '--config', FAST_CLIENT, '--log-level', 'warn'], { env: { ...process.env, ...moto.env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  const exited = new Promise((r) => child.on('exit', (code) => r(code)));
  // Wait for the first day's gold, then stop the server.
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && moto.tool(['keys', BUCKET, `${prefix}/gold`]) === '0') await new Promise((r) => setTimeout(r, 100));
  const port = moto.port;
  await moto.stop();
  const code = await exited;
  assert.equal(code, 1, err);
  assert.match(err, /s3:\/\/cinelake-test\/outage\/lake\/.*127\.0\.0\.1:\d+.*after 5 attempts/s);
  assert.ok(!err.includes(moto.secret));
  moto = await startMoto(BUCKET, port);  // a fresh, empty store on the same port
  const later = backfill(s3(prefix), DAYS[0], DAYS[0]);
  assert.equal(later.code, 0, later.stderr);
});
