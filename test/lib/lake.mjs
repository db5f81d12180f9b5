// testLake({days}): a gold lake for the dashboard's node tests.
//
// Today it is the deterministic fixture written by the hidden
// `cinelake dev-fixture` command; later it may be a sandbox backfill. Either
// way the interface stays: an absolute lake folder, built once per build
// directory (rebuilt when the binary is newer) and shared by the suites.
// Concurrent callers are safe: each builds beside the target and renames.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const BIN = process.env.CINELAKE_BIN ?? path.resolve('build/cinelake');
const BUILD_DIR = process.env.CINELAKE_BUILD_DIR ?? path.resolve('build');

export async function testLake({ days = 30 } = {}) {
  if (!Number.isInteger(days) || days < 1 || days > 2000) throw new Error(`testLake: bad days ${days}`);
  const root = path.join(BUILD_DIR, 'test-lakes');
  const dir = path.join(root, `dashboard-fixture-${days}d`);
  const stamp = path.join(dir, '.complete');
  const binTime = fs.statSync(BIN).mtimeMs;
  if (fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= binTime) return dir;

  fs.mkdirSync(root, { recursive: true });
  const tmp = path.join(root, `.tmp-${days}d-${process.pid}-${Date.now()}`);
  const r = spawnSync(BIN, ['dev-fixture', '--lake', tmp, '--days', String(days)], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw new Error(`cinelake dev-fixture failed (${r.status ?? r.signal}): ${r.stderr}`);
  }
  fs.writeFileSync(path.join(tmp, '.complete'), new Date().toISOString());
  // Another process may have finished first; either copy is the same.
  if (fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= binTime) {
    fs.rmSync(tmp, { recursive: true, force: true });
    return dir;
  }
  const old = `${dir}.old-${process.pid}`;
  if (fs.existsSync(dir)) fs.renameSync(dir, old);
  try {
    fs.renameSync(tmp, dir);
  } catch (e) {
    if (!fs.existsSync(stamp)) throw e;
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  fs.rmSync(old, { recursive: true, force: true });
  return dir;
}
