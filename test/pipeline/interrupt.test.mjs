// Ctrl-C and SIGTERM never lose data: `cinelake run` raises SIGTERM or SIGINT
// at its Nth API request (CINELAKE_SIGNAL_AT_REQUEST) or inside its Nth lake
// write (CINELAKE_SIGNAL_AT_WRITE), spread over every stage. It must exit
// 130 with the run and the stopped step "interrupted" in the manifest, and
// the same command must then resume it to gold byte-identical to a run that
// was never interrupted. A backfill stopped several times resumes to the
// gold of a clean backfill, skipping the dates that had already succeeded.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { BIN, FAST_CLIENT, startSandbox, tempDir } from '../lib/cinelake.mjs';

const EXIT_INTERRUPTED = 130;
const DAY = '2026-10-01';  // from an empty lake: every title is mapped, fetched and enriched
const BACKFILL = ['2026-10-01', '2026-10-03'];

function runAsync(args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(BIN, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('exit', (code, signal) => { clearTimeout(timer); resolve({ code, signal, stderr }); });
  });
}

// Runs fn over items with at most `limit` at once (the machine has 2 cores).
async function pool(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) { const i = next++; out[i] = await fn(items[i], i); }
  }));
  return out;
}

// Every gold file; the catalog's DDL names the lake's folder, which differs
// from lake to lake, so that is blanked out. The commit marker and its
// snapshots name the run (its id, its sequence) and hold the live files,
// which are compared themselves.
function goldFiles(lake) {
  const out = new Map();
  for (const e of fs.readdirSync(path.join(lake, 'gold'), { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const p = path.join(e.parentPath ?? e.path, e.name);
    const rel = path.relative(lake, p);
    if (rel.startsWith('gold/_committed')) continue;
    const bytes = fs.readFileSync(p);
    out.set(rel, rel.startsWith('gold/_catalog/') ? Buffer.from(bytes.toString('utf8').replaceAll(lake, '<lake>')) : bytes);
  }
  return out;
}

function assertSameGold(got, expected, what) {
  assert.deepEqual([...got.keys()].sort(), [...expected.keys()].sort(), `${what}: same gold files`);
  for (const [k, v] of expected) assert.ok(v.equals(got.get(k)), `${what}: ${k} differs from the clean run`);
}

function manifests(lake, date) {
  const dir = path.join(lake, '_runs', `loadDate=${date}`);
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
}

// The stage whose table a lake path belongs to (the hook names the path).
function stageOfWrite(p) {
  if (p.startsWith('_runs/')) return 'manifest';
  if (p.includes('stg_contentIDs')) return 'ingest';
  if (p.includes('stg_tmdb_details') || p.includes('stg_popularity')) return 'popularity';
  if (p.includes('stg_imdb_titles')) return 'enrich_fetch';
  if (p.startsWith('stg/')) return 'enrich';
  if (p.includes('fact_popularity')) return 'fact';
  if (p.includes('tmdb_export')) return 'tmdb_export';
  if (p.includes('fact_catalog_popularity')) return 'fact_catalog';
  if (p.startsWith('gold/_committed')) return 'publish';
  if (p.startsWith('gold/_catalog')) return 'catalog';
  if (p.startsWith('gold/')) return 'model';
  return 'other';
}

const hookLine = (stderr) => stderr.match(/test hook: (SIGTERM|SIGINT) at (write|request) (\d+): (.*)/);

test('SIGTERM and SIGINT at 24 points over every stage: exit 130, interrupted, resumed to identical gold',
  { timeout: 300_000 }, async (t) => {
    const sb = await startSandbox();
    try {
      const args = (lake) => ['run', '--lake', lake, '--sandbox', sb.url, '--config', FAST_CLIENT, '--date', DAY,
        '--log-level', 'warn'];
      const clean = path.join(tempDir('interrupt'), 'clean');
      const cleanRun = await runAsync(args(clean));
      assert.equal(cleanRun.code, 0, cleanRun.stderr);
      const expected = goldFiles(clean);
      assert.ok(expected.size >= 20, 'gold has every dim, bridge, the fact and the catalog');
      const requests = manifests(clean, DAY)[0].requests;
      const total = requests.imdb + requests.tmdb;
      assert.ok(total > 500, `a first day makes hundreds of requests (${total})`);

      // Requests: the lists and the mapping (ingest), then popularity beside
      // enrich_fetch, then enrich's seasons. Writes: manifests, raw, stg,
      // gold, the catalog's files, in step order.
      // On this day write 1 creates the lake, 4 is ingest's, 8-9 popularity's,
      // 12 the fact's, 14 enrich_fetch's, 17-26 enrich's (where-to-watch's
      // partition included), 28-43 the model's, 54 on the catalog's (the
      // others are manifests).
      const requestPoints = [1, 3, 40, 150, 300, 450, Math.floor(total * 0.9), total - 3];
      // Dense early on: the whole-catalog branch's writes interleave with the
      // others', so each of the first steps' writes is hit wherever it falls.
      const writePoints = [...Array.from({ length: 26 }, (_, i) => i + 1), 28, 31, 35, 40, 44, 52, 54, 58, 62];
      const cases = [
        ...requestPoints.map((n) => ({ kind: 'request', n })),
        ...writePoints.map((n) => ({ kind: 'write', n })),
      ].map((c, i) => ({ ...c, signal: i % 2 === 0 ? 'TERM' : 'INT' }));
      assert.ok(cases.length >= 20);

      const landed = new Set();        // stages a signal landed in
      const interrupted = new Set();   // steps the manifest says were interrupted
      // What the manifest of a stopped run must say.
      const checkStopped = (c, what, hook, m) => {
        if (m === undefined) return;
        assert.equal(m.state, 'interrupted', `${what}: run state`);
        const states = Object.fromEntries(m.steps.map((s) => [s.name, s.state]));
        for (const [name, state] of Object.entries(states)) {
          assert.ok(['succeeded', 'interrupted', 'pending'].includes(state), `${what}: step ${name} is ${state}`);
        }
        assert.ok(Object.values(states).some((s) => s !== 'succeeded'), `${what}: something is left to do`);
        for (const [name, state] of Object.entries(states)) if (state === 'interrupted') interrupted.add(name);
        if (c.kind === 'request') {
          // A request cut by the signal is never an answer: the step calling it stops.
          assert.ok(Object.values(states).includes('interrupted'), `${what}: a step is interrupted (${hook[4]})`);
        } else {
          const stage = stageOfWrite(hook[4]);
          landed.add(stage);
          if (stage !== 'manifest') {
            assert.ok(['interrupted', 'succeeded'].includes(states[stage]), `${what}: ${stage} is ${states[stage]}`);
          }
        }
        if (c.kind === 'request') landed.add(Object.keys(states).find((k) => states[k] === 'interrupted'));
      };
      await pool(cases, 3, async (c) => {
        const what = `${c.signal} at ${c.kind} ${c.n}`;
        const lake = path.join(tempDir('interrupt'), 'lake');
        const env = { CINELAKE_SIGNAL: c.signal, [`CINELAKE_SIGNAL_AT_${c.kind.toUpperCase()}`]: String(c.n) };
        const stopped = await runAsync(args(lake), env);
        assert.equal(stopped.code, EXIT_INTERRUPTED, `${what}: exit code (${stopped.stderr.slice(-2000)})`);
        const hook = hookLine(stopped.stderr);
        assert.ok(hook, `${what}: the hook fired`);
        assert.match(stopped.stderr, /interrupted/, `${what}: says it was interrupted`);
        const [m] = manifests(lake, DAY);
        if (m === undefined) {
          // Stopped while the lake itself was being created: no run began.
          assert.equal(hook[4], '_lake.json', `${what}: a manifest for the interrupted run`);
        }
        checkStopped(c, what, hook, m);
        const resumed = await runAsync(args(lake));
        assert.equal(resumed.code, 0, `resume after ${what}: ${resumed.stderr.slice(-2000)}`);
        assertSameGold(goldFiles(lake), expected, `after ${what}`);
        const after = manifests(lake, DAY);
        assert.equal(after.length, 1, `${what}: the resumed run continues the same manifest`);
        assert.equal(after[0].state, 'succeeded');
        assert.equal(after[0].resumed, m === undefined ? 0 : 1);
        fs.rmSync(path.dirname(lake), { recursive: true, force: true });
      });
      for (const step of ['ingest', 'popularity', 'enrich_fetch', 'enrich', 'catalog']) {
        assert.ok(interrupted.has(step), `a signal interrupted ${step} (interrupted: ${[...interrupted].join(', ')})`);
      }
      // model and fact finish the writes they started (see their stages), so
      // a signal landing in one of them stops the run after it.
      for (const stage of ['ingest', 'popularity', 'enrich_fetch', 'enrich', 'model', 'fact', 'catalog']) {
        assert.ok(landed.has(stage), `a signal landed in ${stage} (landed: ${[...landed].join(', ')})`);
      }
      t.diagnostic(`${cases.length} signals; landed in ${[...landed].sort().join(', ')}; ` +
        `steps interrupted: ${[...interrupted].sort().join(', ')}`);
    } finally {
      await sb.stop();
    }
  });

test('a backfill stopped four times resumes to the gold of a clean backfill, skipping finished dates',
  { timeout: 300_000 }, async () => {
    const sb = await startSandbox();
    try {
      const args = (lake) => ['backfill', '--lake', lake, '--sandbox', sb.url, '--config', FAST_CLIENT,
        '--from', BACKFILL[0], '--to', BACKFILL[1], '--log-level', 'info'];
      const clean = path.join(tempDir('interrupt-bf'), 'clean');
      const cleanRun = await runAsync(args(clean));
      assert.equal(cleanRun.code, 0, cleanRun.stderr);
      const lake = path.join(tempDir('interrupt-bf'), 'lake');
      // Each process counts from 1 again: the 2nd stop lands on day 2 once
      // day 1 is skipped, the 3rd inside day 2's requests, the 4th on day 3.
      const stops = [
        { CINELAKE_SIGNAL: 'TERM', CINELAKE_SIGNAL_AT_WRITE: '60' },
        { CINELAKE_SIGNAL: 'INT', CINELAKE_SIGNAL_AT_WRITE: '30' },
        { CINELAKE_SIGNAL: 'TERM', CINELAKE_SIGNAL_AT_REQUEST: '120' },
        { CINELAKE_SIGNAL: 'INT', CINELAKE_SIGNAL_AT_WRITE: '45' },
      ];
      let skipped = 0;
      for (const env of stops) {
        const r = await runAsync(args(lake), env);
        if (r.code === 0) break;  // fewer points than planned: the rest is checked below anyway
        assert.equal(r.code, EXIT_INTERRUPTED, r.stderr.slice(-2000));
        skipped += (r.stderr.match(/already succeeded; skipping/g) ?? []).length;
      }
      const last = await runAsync(args(lake));
      assert.equal(last.code, 0, last.stderr.slice(-2000));
      skipped += (last.stderr.match(/already succeeded; skipping/g) ?? []).length;
      assert.ok(skipped >= 2, `resumed backfills skipped the dates that had succeeded (${skipped})`);
      assertSameGold(goldFiles(lake), goldFiles(clean), 'interrupted backfill');
      for (const d of ['2026-10-01', '2026-10-02', '2026-10-03']) {
        const ms = manifests(lake, d);
        assert.equal(ms.length, 1, `${d}: one run, resumed rather than restarted or re-run`);
        assert.equal(ms[0].state, 'succeeded');
      }
      assert.ok(['2026-10-01', '2026-10-02', '2026-10-03'].some((d) => manifests(lake, d)[0].resumed > 0),
        'at least one date was resumed');
    } finally {
      await sb.stop();
    }
  });
