// The lake on an S3-compatible store: moto's server (test/python/.venv) on
// loopback, checking every request's SigV4 signature against an IAM user's
// key; cinelake pointed at it by AWS_ENDPOINT_URL and that key.
//
//  - a 3-day sandbox backfill into s3://… holds byte-identical raw, stg and
//    gold to the same backfill into a local folder, and no object nor any
//    output holds the secret key;
//  - (crash.test.mjs: SIGKILL in the middle of S3 writes, then a resume);
//  - the lease lock: a live holder makes a run exit 3, naming it; an
//    expired lease or one of a dead process is taken over;
//  - listings of more than 1,000 keys page (status over 1,100 manifests);
//  - the server stopping mid-run is a clear error; a later run completes;
//  - the generated DDL points at the s3:// location;
//  - every write a multipart upload: each object's stored checksum, the gold
//    commit's server-side copies included, matches its body.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { FAST_CLIENT, run } from '../lib/cinelake.mjs';
import { startMoto } from './moto.mjs';
import { assertSameFiles, s3Suite, tableFiles } from './s3_suite.mjs';

const BUCKET = 'cinelake-test';
const DAYS = ['2026-10-01', '2026-10-03'];
const suite = s3Suite(BUCKET, 's3');
const { backfill, cinelake, download, s3 } = suite;

let localLake;
test('a backfill into S3 equals one into a local folder, byte for byte, and leaks no secret', { timeout: 600_000 }, () => {
  localLake = path.join(suite.work, 'local');
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
    if (fs.statSync(p).isFile()) assert.ok(!fs.readFileSync(p).includes(suite.moto.secret), `${f} holds the secret`);
  }
  assert.ok(!remote.stderr.includes(suite.moto.secret) && !remote.stdout.includes(suite.moto.secret));
  const st = run(['status', '--lake', s3('daily/lake'), '--json'], { env: suite.moto.env });
  assert.equal(st.code, 0, st.stderr);
  assert.equal(JSON.parse(st.stdout).filter((m) => m.state === 'succeeded').length, 3);
});

test('the lease: a live holder makes a run exit 3; an expired or dead one is taken over', { timeout: 300_000 }, () => {
  const prefix = 'lease/lake';
  assert.equal(backfill(s3(prefix), DAYS[0], DAYS[0]).code, 0);
  const lease = (fields) => suite.moto.tool(['put', BUCKET, `${prefix}/_runs/lease.json`, JSON.stringify({
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
  suite.moto.tool(['fan-out', BUCKET, `${prefix}/_runs/loadDate=${DAYS[0]}/${manifest}`,
    `${prefix}/_runs/loadDate=${DAYS[0]}x%04d/${manifest}`, '1100']);
  // The table, not --json: 1,101 manifests as JSON outgrow spawnSync's buffer.
  const st = run(['status', '--lake', s3(prefix), '--limit', '5000'], { env: suite.moto.env });
  assert.equal(st.code, 0, st.stderr);
  const rows = st.stdout.split('\n').filter((l) => l.startsWith(`${DAYS[0]}  succeeded`));
  assert.equal(rows.length, 1101, 'every manifest, past the first page of 1,000');
});

test('the store going away mid-run is a clear error; a later run completes', { timeout: 300_000 }, async () => {
  const prefix = 'outage/lake';
  const { spawn } = await import('node:child_process');
  const { BIN } = await import('../lib/cinelake.mjs');
  const child = spawn(BIN, ['backfill', '--lake', s3(prefix), '--from', DAYS[0], '--to', DAYS[1], '--sandbox', suite.sb.url,
    '--config', FAST_CLIENT, '--log-level', 'warn'], { env: { ...process.env, ...suite.moto.env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  const exited = new Promise((r) => child.on('exit', (code) => r(code)));
  // Wait for the first day's gold, then stop the server.
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && suite.moto.tool(['keys', BUCKET, `${prefix}/gold`]) === '0') await new Promise((r) => setTimeout(r, 100));
  const port = suite.moto.port;
  await suite.moto.stop();
  const code = await exited;
  assert.equal(code, 1, err);
  assert.match(err, /s3:\/\/cinelake-test\/outage\/lake\/.*127\.0\.0\.1:\d+.*after 5 attempts/s);
  assert.ok(!err.includes(suite.moto.secret));
  suite.moto = await startMoto(BUCKET, port);  // a fresh, empty store on the same port
  const later = backfill(s3(prefix), DAYS[0], DAYS[0]);
  assert.equal(later.code, 0, later.stderr);
});

test('multipart uploads and their server-side copies keep checksums that match their bodies', { timeout: 300_000 }, () => {
  const prefix = 'multipart/lake';
  const r = backfill(s3(prefix), DAYS[0], DAYS[0], { CINELAKE_S3_MULTIPART_BYTES: '1' });
  assert.equal(r.code, 0, r.stderr);
  assert.ok(Number(suite.moto.tool(['keys', BUCKET, `${prefix}/gold/_committed`])) > 10, 'snapshot copies made');
  assert.equal(suite.moto.tool(['bad-checksums', BUCKET, prefix]), '', 'objects whose body does not match their checksum');
});
