// SIGKILL in the middle of S3 writes at 24 points of a day's run (whole PUTs,
// and multipart uploads killed between their parts and their completion),
// then a resume: every time the gold equals a clean run's, byte for byte, and
// no multipart upload is left open. moto's server, as in s3.test.mjs.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';

import { assertSameFiles, s3Suite, tableFiles } from './s3_suite.mjs';

const BUCKET = 'cinelake-crash';
const suite = s3Suite(BUCKET, 's3-crash');
const { backfill, cinelake, download, s3 } = suite;

test('killed mid-write on S3 at 24 points, a resumed run gives the same gold', { timeout: 900_000 }, () => {
  const day1 = '2026-10-01';
  const day2 = '2026-10-02';
  const clean = path.join(suite.work, 'clean2');
  assert.equal(backfill(clean, day1, day2).code, 0);
  const gold = (lake) => new Map([...tableFiles(lake)].filter(([k]) => k.startsWith('gold/')));
  const expected = gold(clean);
  assert.equal(backfill(s3('crash/base'), day1, day1).code, 0);
  // A day-2 run makes ~75 writes; the points spread over every stage, every
  // other one with each write a multipart upload.
  const points = [1, 3, 5, 8, 12, 16, 19, 23, 26, 29, 33, 36, 39, 42, 46, 49, 52, 55, 59, 62, 65, 68, 71, 74];
  let killed = 0;
  points.forEach((n, i) => {
    const prefix = `crash/n${n}`;
    suite.moto.tool(['clone', BUCKET, 'crash/base', prefix]);
    const env = i % 2 ? { CINELAKE_S3_MULTIPART_BYTES: '1' } : {};
    const r = cinelake(['run', '--lake', s3(prefix), '--date', day2, '--log-level', 'off'], { ...env, CINELAKE_CRASH_AT_WRITE: String(n) });
    if (r.signal === 'SIGKILL') killed += 1;
    else assert.equal(r.code, 0, `point ${n}: ${r.stderr}`);
    const resumed = cinelake(['run', '--lake', s3(prefix), '--date', day2, '--log-level', 'warn'], env);
    assert.equal(resumed.code, 0, `resume after point ${n}: ${resumed.stderr}`);
    assertSameFiles(expected, gold(download(prefix)), `after a kill at write ${n}`);
    assert.equal(suite.moto.tool(['uploads', BUCKET, prefix]), '0', `no multipart upload left open after point ${n}`);
  });
  assert.ok(killed >= 20, `only ${killed} of ${points.length} points were reached`);
});
