// Where to watch costs no request: the watch providers ride on the TMDB
// detail call popularity already makes (append_to_response). Two lakes run
// the same two days, each from a fresh sandbox, one with the default watch
// countries and one with none, paced well under the sandbox's limits so no
// 429 adds a retry: the manifests' request counts per API are equal, day by
// day, and only the first lake has provider rows.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { run, sandboxJson, startSandbox, tempDir } from '../lib/cinelake.mjs';

const DAYS = ['2026-10-01', '2026-10-02'];

function requestsOf(lake, date) {
  const dir = path.join(lake, '_runs', `loadDate=${date}`);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const m = JSON.parse(fs.readFileSync(path.join(dir, files.at(-1)), 'utf8'));
  return { imdb: m.requests.imdb ?? 0, tmdb: m.requests.tmdb ?? 0 };
}

test('watch providers add no request per day', async () => {
  const dir = tempDir('watch-requests');
  const paced = '[imdb]\nrate_per_sec = 60\nburst = 10\nconcurrency = 8\n[http]\nbackoff_base_ms = 50\n[tmdb]\nrate_per_sec = 120\nburst = 20\nconcurrency = 16\n';
  const configs = { with: path.join(dir, 'with.toml'), without: path.join(dir, 'without.toml') };
  fs.writeFileSync(configs.with, paced);
  fs.writeFileSync(configs.without, `${paced}watch_countries = []\n`);
  const counts = {};
  try {
    for (const [name, config] of Object.entries(configs)) {
      const lake = path.join(dir, name);
      const sb = await startSandbox();
      try {
        const r = run(['backfill', '--lake', lake, '--sandbox', sb.url, '--config', config, '--from', DAYS[0], '--to', DAYS[1]]);
        assert.equal(r.code, 0, r.stderr.slice(-2000));
        assert.equal((await sandboxJson(sb.url, '/_sandbox/stats')).body.sent_429, 0, `${name}: no 429, so no retry`);
      } finally {
        await sb.stop();
      }
      counts[name] = DAYS.map((d) => requestsOf(lake, d));
      const parts = fs.existsSync(path.join(lake, 'stg', 'content_watch_provider'))
        ? fs.readdirSync(path.join(lake, 'stg', 'content_watch_provider')).filter((p) => p.startsWith('loadDate=')) : [];
      counts[`${name}_partitions`] = parts.length;
    }
    assert.ok(counts.with[1].tmdb > 50, JSON.stringify(counts));
    assert.deepEqual(counts.with, counts.without);
    assert.equal(counts.with_partitions, 2);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
