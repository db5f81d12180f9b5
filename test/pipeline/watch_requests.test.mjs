// Where to watch costs no request: the watch providers ride on the TMDB
// detail call popularity already makes (append_to_response). Two lakes run
// the same two days from a sandbox without faults, one with the default
// watch countries and one with none: the manifests' request counts per API
// are equal, day by day, and only the first lake has provider rows.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { FAST_CLIENT, run, startSandbox, tempDir } from '../lib/cinelake.mjs';

const DAYS = ['2026-10-01', '2026-10-02'];

function requestsOf(lake, date) {
  const dir = path.join(lake, '_runs', `loadDate=${date}`);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const m = JSON.parse(fs.readFileSync(path.join(dir, files.at(-1)), 'utf8'));
  return { imdb: m.requests.imdb ?? 0, tmdb: m.requests.tmdb ?? 0 };
}

test('watch providers add no request per day', async () => {
  const dir = tempDir('watch-requests');
  const without = path.join(dir, 'no-countries.toml');
  fs.writeFileSync(without, fs.readFileSync(FAST_CLIENT, 'utf8').replace('[tmdb]\n', '[tmdb]\nwatch_countries = []\n'));
  const sb = await startSandbox([]);
  try {
    const counts = {};
    for (const [name, config] of [['with', FAST_CLIENT], ['without', without]]) {
      const lake = path.join(dir, name);
      const r = run(['backfill', '--lake', lake, '--sandbox', sb.url, '--config', config, '--from', DAYS[0], '--to', DAYS[1]]);
      assert.equal(r.code, 0, r.stderr.slice(-2000));
      counts[name] = DAYS.map((d) => requestsOf(lake, d));
      const parts = fs.existsSync(path.join(lake, 'stg', 'content_watch_provider'))
        ? fs.readdirSync(path.join(lake, 'stg', 'content_watch_provider')).filter((p) => p.startsWith('loadDate=')) : [];
      counts[`${name}_partitions`] = parts.length;
    }
    assert.ok(counts.with[1].tmdb > 50, JSON.stringify(counts));
    assert.deepEqual(counts.with, counts.without);
    assert.equal(counts.with_partitions, 2);
  } finally {
    await sb.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
