// What the S3 suites share: moto and a sandbox started before the suite and
// stopped after it, cinelake pointed at both, and the comparison of a lake
// on S3 with one in a folder.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before } from 'node:test';

import { FAST_CLIENT, run, startSandbox, tempDir } from '../lib/cinelake.mjs';
import { startMoto } from './moto.mjs';

// Registers the suite's before/after hooks; the returned object's moto, sb
// and work are set once before() has run (a test may replace moto).
export function s3Suite(bucket, name) {
  const suite = {
    moto: null,
    sb: null,
    work: null,
    s3: (prefix) => `s3://${bucket}/${prefix}`,
    cinelake(args, env = {}) {
      return run([...args, '--sandbox', suite.sb.url, '--config', FAST_CLIENT], { env: { ...suite.moto.env, ...env } });
    },
    backfill(lake, from, to, env) {
      return suite.cinelake(['backfill', '--lake', lake, '--from', from, '--to', to, '--log-level', 'warn'], env);
    },
    download(prefix) {
      const dir = path.join(suite.work, `dl-${prefix.replaceAll('/', '_')}-${Date.now()}`);
      suite.moto.tool(['download', bucket, prefix, dir]);
      return dir;
    },
  };
  before(async () => {
    suite.moto = await startMoto(bucket);
    suite.sb = await startSandbox();
    suite.work = tempDir(name);
  });
  after(async () => {
    await suite.sb?.stop();
    await suite.moto?.stop();
    if (suite.work) fs.rmSync(suite.work, { recursive: true, force: true });
  });
  return suite;
}

// Every gold file, by relative path: what must not depend on where the lake
// lives. raw/ and stg/ keep what each run was answered (the shared sandbox's
// fault and quota draws depend on the order of requests), so they may differ.
// Left out, as they differ by design: the catalog (names its location), the
// gold commit (names its run) and the export log (names the run and when it
// checked).
export function tableFiles(lake) {
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
export function assertSameFiles(expected, got, what) {
  assert.deepEqual([...got.keys()].sort(), [...expected.keys()].sort(), `${what}: same files`);
  for (const [k, v] of expected) assert.ok(v.equals(got.get(k)), `${what}: ${k} differs`);
}

