// Never mixed gold: a run that fails midway through the model's gold writes
// (a full disk, CINELAKE_FAIL_WRITE) leaves the live folders half new, half
// old. `serve`, started before or after the failure, must keep answering
// from the last committed gold (one run's dimensions, bridges and facts) and
// say so on /api/health; the next successful run commits the new gold.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { FAST_CLIENT, run, sandboxJson, startSandbox, tempDir } from '../lib/cinelake.mjs';
import { startServer } from '../dashboard/server.mjs';

const DAY1 = '2026-10-01';
const DAY2 = '2026-10-02';

// Polls `probe` (every 100 ms, at most 15 s) until it returns a truthy value.
async function waitFor(what, probe) {
  let last;
  for (let i = 0; i < 150; i += 1) {
    last = await probe();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

// What a dashboard user sees: the dates, the landing page, a title's page.
async function answers(url, titleId) {
  return {
    dates: (await sandboxJson(url, '/api/dates')).body,
    landing: (await sandboxJson(url, '/api/landing')).body,
    title: (await sandboxJson(url, `/api/title/${titleId}`)).body,
  };
}

const codes = (health) => health.reasons.map((r) => r.code).sort();

test('a run failing midway through its gold writes: serve keeps the last commit, says so, and the next run repairs it', { timeout: 300_000 }, async () => {
  const sb = await startSandbox();
  const lake = path.join(tempDir('gold-commit'), 'lake');
  const servers = [];
  try {
    const args = ['run', '--lake', lake, '--sandbox', sb.url, '--config', FAST_CLIENT, '--log-level', 'warn'];
    const first = run([...args, '--date', DAY1]);
    assert.equal(first.code, 0, first.stderr);
    const serveArgs = ['--poll-ms', '200', '--today', DAY2];
    const before = await startServer(lake, serveArgs);
    servers.push(before);
    const topId = (await sandboxJson(before.url, '/api/landing')).body.top10[0].id;
    const committed = await answers(before.url, topId);
    assert.equal(committed.dates.latest, DAY1);
    assert.equal((await sandboxJson(before.url, '/api/health')).body.status, 'ok');

    // The disk fills up at the first bridge: every dimension is already replaced.
    const failed = run([...args, '--date', DAY2], { env: { CINELAKE_FAIL_WRITE: 'gold/bridge_content_genre/part-00000.parquet' } });
    assert.equal(failed.code, 1, failed.stderr);
    assert.match(failed.stderr, /No space left on device/);
    const marker = JSON.parse(fs.readFileSync(path.join(lake, 'gold', '_committed.json'), 'utf8'));
    const live = fs.readFileSync(path.join(lake, 'gold/dim_content/part-00000.parquet'));
    const snap = fs.readFileSync(path.join(lake, 'gold/_committed', String(marker.sequence), 'dim_content/part-00000.parquet'));
    assert.ok(!live.equals(snap), 'the failed run replaced dim_content in the live folder');
    assert.ok(marker.run_id.startsWith(`run-${DAY1}`), 'the commit is still the first day\'s');

    // A server that reloaded while the run was writing catches up within a poll or two.
    const mixedHealth = async (url) => {
      const h = await sandboxJson(url, '/api/health');
      const mixed = h.body.reasons.find((r) => r.code === 'inconsistent_gold');
      return mixed?.files.includes('gold/dim_content/part-00000.parquet') ? h : null;
    };
    const h1 = await waitFor('the running server to notice the mixed live gold', () => mixedHealth(before.url));
    const after = await startServer(lake, serveArgs);
    servers.push(after);
    const h2 = await waitFor('a server started after the failure to load', () => mixedHealth(after.url));
    for (const h of [h1, h2]) {
      assert.equal(h.status, 200);
      assert.equal(h.body.status, 'degraded');
      assert.deepEqual(codes(h.body), ['inconsistent_gold', 'last_run_failed']);
      const mixed = h.body.reasons.find((r) => r.code === 'inconsistent_gold');
      assert.ok(mixed.files.includes('gold/dim_content/part-00000.parquet'), JSON.stringify(mixed));
      assert.equal(h.body.gold_commit.sequence, marker.sequence);
    }
    for (const s of [before, after]) {
      assert.deepEqual(await answers(s.url, topId), committed, 'only the committed (first day\'s) gold is served');
    }

    const repaired = run([...args, '--date', DAY2]);
    assert.equal(repaired.code, 0, repaired.stderr);
    for (const s of [before, after]) {
      const h = await waitFor('the new commit to be served', async () => {
        const got = await sandboxJson(s.url, '/api/health');
        return got.body.latest_date === DAY2 ? got : null;
      });
      assert.equal(h.body.status, 'ok', JSON.stringify(h.body));
      assert.deepEqual(h.body.reasons, []);
    }
  } finally {
    for (const s of servers) await s.stop();
    await sb.stop();
  }
});
