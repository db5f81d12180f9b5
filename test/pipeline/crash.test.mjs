// Crash safety: `cinelake run` is SIGKILLed in the middle of one of its
// atomic writes (CINELAKE_CRASH_AT_WRITE=N, spread over every stage), then
// run again; the lake must end byte-identical (gold) to a run that was never
// interrupted, hold no partial files, and the manifest must tell the story.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { FAST_CLIENT, run, startSandbox, tempDir } from '../lib/cinelake.mjs';

const DAY1 = '2026-10-01';
const DAY2 = '2026-10-02';

function goldFiles(lake) {
  const out = new Map();
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      // _catalog, and the commit marker and snapshots, which name the run.
      if (e.name.startsWith('_')) continue;
      if (e.isDirectory()) walk(p); else out.set(path.relative(lake, p), fs.readFileSync(p));
    }
  };
  walk(path.join(lake, 'gold'));
  return out;
}

function allFiles(dir) {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
}

test('killed at every second write across the stages, a resumed run equals a clean one', { timeout: 600_000 }, async (t) => {
  const sb = await startSandbox();
  try {
    const base = path.join(tempDir('crash'), 'base');
    assert.equal(run(['run', '--lake', base, '--sandbox', sb.url, '--config', FAST_CLIENT, '--date', DAY1]).code, 0);
    const clean = path.join(tempDir('crash'), 'clean');
    fs.cpSync(base, clean, { recursive: true });
    const cleanRun = run(['run', '--lake', clean, '--sandbox', sb.url, '--config', FAST_CLIENT, '--date', DAY2, '--log-level', 'warn']);
    assert.equal(cleanRun.code, 0, cleanRun.stderr);
    const expected = goldFiles(clean);
    assert.ok(expected.size >= 14, 'gold has every dim, bridge and the fact');

    // A day-2 run makes ~75 atomic writes (manifests, raw, stg, gold, catalog):
    // every second one is a crash point, until a run gets through them all.
    let crashes = 0;
    const stagesHit = new Set();
    for (let n = 1; crashes < 40; n += 2) {
      const lake = path.join(tempDir('crash'), `n${n}`);
      fs.cpSync(base, lake, { recursive: true });
      const killed = run(['run', '--lake', lake, '--sandbox', sb.url, '--config', FAST_CLIENT, '--date', DAY2, '--log-level', 'off'],
                         { env: { CINELAKE_CRASH_AT_WRITE: String(n) } });
      let hadManifest = false;
      if (killed.signal === 'SIGKILL') {
        crashes += 1;
        const runsDir = path.join(lake, '_runs', `loadDate=${DAY2}`);
        const manifests = fs.existsSync(runsDir) ? fs.readdirSync(runsDir).filter((f) => f.endsWith('.json')) : [];
        // Only a crash inside the very first manifest write leaves none.
        assert.ok(manifests.length === 1 || n === 1, `one manifest for the interrupted run (point ${n})`);
        if (manifests.length === 1) {
          hadManifest = true;
          const m = JSON.parse(fs.readFileSync(path.join(runsDir, manifests[0]), 'utf8'));
          assert.equal(m.state, 'running', 'a killed run never claims to have finished');
          for (const st of m.steps) if (st.state === 'running') stagesHit.add(st.name);
        }
      } else {
        assert.equal(killed.code, 0, `point ${n}: ${killed.stderr}`);
        break;  // past the last write: nothing left to interrupt
      }
      const resumed = run(['run', '--lake', lake, '--sandbox', sb.url, '--config', FAST_CLIENT, '--date', DAY2, '--log-level', 'warn']);
      assert.equal(resumed.code, 0, `resume after point ${n}: ${resumed.stderr}`);
      const got = goldFiles(lake);
      assert.deepEqual([...got.keys()].sort(), [...expected.keys()].sort(), `same gold files after point ${n}`);
      for (const [k, v] of expected) assert.ok(v.equals(got.get(k)), `${k} differs after a crash at write ${n}`);
      assert.ok(!allFiles(lake).some((f) => f.includes('.tmp.')), `no temporary files remain after point ${n}`);
      const manifests = fs.readdirSync(path.join(lake, '_runs', `loadDate=${DAY2}`)).filter((f) => f.endsWith('.json'));
      const states = manifests.map((f) => JSON.parse(fs.readFileSync(path.join(lake, '_runs', `loadDate=${DAY2}`, f), 'utf8')));
      assert.equal(states.length, 1, 'the resumed run continues the same manifest');
      assert.equal(states[0].state, 'succeeded');
      if (hadManifest) assert.equal(states[0].resumed, 1, 'the interrupted run was resumed, not restarted');
      fs.rmSync(path.dirname(lake), { recursive: true, force: true });
    }
    assert.ok(crashes >= 20, `at least 20 real crashes spread over the run (got ${crashes})`);
    // Steps that write several files are always hit; `fact` writes one file
    // while running beside enrich, so whether a crash lands inside it depends
    // on the interleaving of the day (reported, not required).
    for (const step of ['ingest', 'popularity', 'enrich_fetch', 'enrich', 'model', 'catalog']) {
      assert.ok(stagesHit.has(step), `a crash landed inside ${step} (hit: ${[...stagesHit].join(', ')})`);
    }
    t.diagnostic(`${crashes} crashes; steps hit: ${[...stagesHit].sort().join(', ')}`);
  } finally {
    await sb.stop();
  }
});
