// One bad file must not take the dashboard or the daily run down: a damaged
// fact partition (old or latest), dimension or run manifest. `serve` starts
// and serves what it can read, names the rest on /api/health and never skips
// a day silently; a run rebuilds a damaged fact partition from its raw
// snapshot, names a damaged dimension, and a damaged manifest neither breaks
// `status` nor blocks re-running its date.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { FAST_CLIENT, LAST_DAY, run, sandboxJson, sandboxLake, startSandbox, tempDir } from '../lib/cinelake.mjs';
import { startServer } from '../dashboard/server.mjs';

const OLD_DAY = '2026-10-10';
const NEXT_DAY = '2026-10-31';
const factFile = (day) => `gold/fact_popularity/loadDate=${day}/part-00000.parquet`;
const DIM_FILE = 'gold/dim_genre/part-00000.parquet';

// Damages a gold file in place, as a bad disk would: its first half, then a
// footer length pointing before the file's start and the PAR1 magic. In a
// lake the committed snapshot is a hard link to the same file, so it is
// damaged too (a copied lake has two files: both are damaged).
function corrupt(lake, rel) {
  const marker = JSON.parse(fs.readFileSync(path.join(lake, 'gold/_committed.json'), 'utf8'));
  const snapshot = path.join(lake, 'gold/_committed', String(marker.sequence), rel.replace(/^gold\//, ''));
  const bytes = fs.readFileSync(path.join(lake, rel));
  const damaged = Buffer.concat([bytes.subarray(0, bytes.length >> 1), Buffer.from([0xff, 0xff, 0xff, 0x7f]), Buffer.from('PAR1')]);
  for (const p of [path.join(lake, rel), snapshot]) fs.writeFileSync(p, damaged);
  return bytes;
}

async function copyOfTheSandboxLake(name) {
  const lake = path.join(tempDir(name), 'lake');
  fs.cpSync(await sandboxLake(), lake, { recursive: true });
  return lake;
}

function manifestsOf(lake, day) {
  const dir = path.join(lake, '_runs', `loadDate=${day}`);
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f));
}

test('serve starts over corrupt facts and a corrupt dimension, serves the rest and names them', { timeout: 600_000 }, async () => {
  const lake = await copyOfTheSandboxLake('corrupt-serve');
  corrupt(lake, factFile(OLD_DAY));
  corrupt(lake, factFile(LAST_DAY));
  corrupt(lake, DIM_FILE);
  const server = await startServer(lake, ['--today', NEXT_DAY]);
  try {
    const health = await sandboxJson(server.url, '/api/health');
    assert.equal(health.status, 200);
    assert.equal(health.body.status, 'degraded');
    const unreadable = health.body.reasons.find((r) => r.code === 'unreadable_files');
    assert.ok(unreadable, JSON.stringify(health.body));
    assert.deepEqual(unreadable.files.map((f) => f.path).sort(), [DIM_FILE, factFile(OLD_DAY), factFile(LAST_DAY)].sort());
    assert.deepEqual(unreadable.dates, [OLD_DAY, LAST_DAY]);
    assert.match(server.stderr(), /not serving gold\/dim_genre\/part-00000\.parquet/);

    const dates = (await sandboxJson(server.url, '/api/dates')).body;
    assert.equal(dates.latest, '2026-10-29');
    assert.ok(!dates.dates.includes(OLD_DAY));
    assert.equal(dates.dates.length, 28);
    // The day after the unreadable one still names it as its yesterday.
    const after = (await sandboxJson(server.url, '/api/landing?date=2026-10-11')).body;
    assert.equal(after.prev_date, OLD_DAY);
    const top = after.top10[0];
    const detail = (await sandboxJson(server.url, `/api/title/${top.id}?date=2026-10-11`)).body;
    assert.equal(detail.popularity.yesterday, null, 'no popularity is made up for the unreadable day');
    assert.equal((await sandboxJson(server.url, '/api/landing?date=2026-10-09')).body.prev_date, '2026-10-08');
  } finally {
    await server.stop();
  }
});

test('a run rebuilds corrupt old and latest fact partitions, and names a corrupt dimension', { timeout: 600_000 }, async () => {
  const lake = await copyOfTheSandboxLake('corrupt-run');
  const dimLake = path.join(path.dirname(lake), 'dim-lake');
  fs.cpSync(lake, dimLake, { recursive: true });
  const oldBytes = corrupt(lake, factFile(OLD_DAY));
  const latestBytes = corrupt(lake, factFile(LAST_DAY));
  corrupt(dimLake, DIM_FILE);
  const sb = await startSandbox();
  try {
    const args = ['run', '--sandbox', sb.url, '--config', FAST_CLIENT, '--date', NEXT_DAY, '--log-level', 'warn'];
    const r = run([...args, '--lake', lake]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /rebuilding an unreadable partition/);
    assert.ok(fs.readFileSync(path.join(lake, factFile(OLD_DAY))).equals(oldBytes), 'the old partition is rebuilt as it was');
    assert.ok(fs.readFileSync(path.join(lake, factFile(LAST_DAY))).equals(latestBytes), 'the latest partition is rebuilt as it was');
    const server = await startServer(lake, ['--today', NEXT_DAY]);
    try {
      const health = (await sandboxJson(server.url, '/api/health')).body;
      assert.equal(health.status, 'ok', JSON.stringify(health));
      assert.equal(health.latest_date, NEXT_DAY);
    } finally {
      await server.stop();
    }

    const d = run([...args, '--lake', dimLake]);
    assert.equal(d.code, 1, d.stderr);
    assert.match(d.stderr, /gold\/dim_genre\/part-00000\.parquet/);
    assert.match(d.stderr, /step model/);
  } finally {
    await sb.stop();
  }
});

test('a corrupt run manifest: status lists the others and names it; its date runs again', { timeout: 600_000 }, async () => {
  const lake = await copyOfTheSandboxLake('corrupt-manifest');
  const [manifest] = manifestsOf(lake, LAST_DAY);
  fs.writeFileSync(manifest, '{"run_id": "run-2026-10-30');
  const status = run(['status', '--lake', lake, '--limit', '5']);
  assert.equal(status.code, 0, status.stderr);
  assert.match(status.stderr, new RegExp(`unreadable run manifest: .*${path.basename(manifest).replace(/[.]/g, '[.]')}`));
  assert.match(status.stdout, /2026-10-29\s+succeeded/);
  const json = run(['status', '--lake', lake, '--json']);
  assert.equal(json.code, 0, json.stderr);
  assert.equal(JSON.parse(json.stdout).length, 20);

  const server = await startServer(lake, ['--today', LAST_DAY]);
  try {
    const health = (await sandboxJson(server.url, '/api/health')).body;
    assert.equal(health.status, 'degraded');
    assert.deepEqual(health.reasons.map((x) => x.code), ['unreadable_manifests']);
  } finally {
    await server.stop();
  }

  const sb = await startSandbox();
  try {
    const again = run(['run', '--lake', lake, '--sandbox', sb.url, '--config', FAST_CLIENT, '--date', LAST_DAY, '--log-level', 'warn']);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /skipping an unreadable run manifest/);
    assert.equal(manifestsOf(lake, LAST_DAY).length, 2, 'a new run of the date, beside the damaged manifest');
  } finally {
    await sb.stop();
  }
});
