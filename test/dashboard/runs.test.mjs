// The Runs page in a real browser, after a sandbox backfill in which one day
// failed (IMDB's list answered 500 for good): the page shows that day's
// failed step with its error, the other days' steps and checks, and the
// landing page points at the failed day.
// Screenshots go to $CINELAKE_BUILD_DIR/test-artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { FAST_CLIENT, run, sandboxJson, startSandbox, tempDir } from '../lib/cinelake.mjs';
import { startServer, launchBrowser, builtWeb, BUILD_DIR } from './server.mjs';

const ARTIFACTS = path.join(BUILD_DIR, 'test-artifacts');
const FAILED_DAY = '2026-10-04';
const rates = { imdb: { rate: 200, burst: 50 }, tmdb: { rate: 400, burst: 100 } };

let server;
let browser;
let page;

before(async () => {
  const web = builtWeb();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const lake = path.join(tempDir('runs-page'), 'lake');
  const sb = await startSandbox();
  try {
    const setFaults = (faults) =>
      sandboxJson(sb.url, '/_sandbox/faults', { method: 'PUT', body: faults }).then((r) => assert.equal(r.status, 200));
    const backfill = (from, to) => run(['backfill', '--lake', lake, '--sandbox', sb.url, '--config', FAST_CLIENT,
      '--from', from, '--to', to, '--log-level', 'error']);
    await setFaults({ rate_limits: rates });
    let r = backfill('2026-10-01', '2026-10-03');
    assert.equal(r.code, 0, r.stderr.slice(-3000));
    await setFaults({ rate_limits: rates, endpoints: { imdb_list: { p_500: 1.0 } } });
    r = backfill(FAILED_DAY, FAILED_DAY);
    assert.equal(r.code, 1, `the faulty day fails: ${r.stderr.slice(-3000)}`);
  } finally {
    await sb.stop();
  }
  server = await startServer(lake, ['--web', web]);
  browser = await launchBrowser(server.url);
  page = browser.page;
}, { timeout: 300_000 });

after(async () => {
  await browser?.close();
  await server?.stop();
});

const open = (hash, pageName) => browser.open(hash, pageName);

test('the Runs page shows the failed day\'s failed step and its error', { timeout: 60_000 }, async () => {
  await open('#/runs', 'runs');
  const runs = page.locator('[data-testid=run]');
  assert.equal(await runs.count(), 4);
  const failed = page.locator(`[data-testid=run][data-date="${FAILED_DAY}"]`);
  assert.equal(await failed.getAttribute('data-state'), 'failed');
  assert.equal((await failed.locator('.badge').textContent()).trim(), 'Failed');
  const ingest = failed.locator('.run-steps tbody tr', { hasText: 'ingest' });
  assert.equal((await ingest.locator('.step-state').textContent()).trim(), 'failed');
  assert.match(await ingest.locator('.run-error').textContent(), /HTTP 500/);
  assert.ok(Number((await ingest.locator('td.num').first().textContent()).trim()) >= 2, 'the step was retried');
  assert.match(await failed.locator('[data-testid=run-error]').textContent(), /step ingest: .*HTTP 500/);

  const good = page.locator('[data-testid=run][data-date="2026-10-03"]');
  assert.equal(await good.getAttribute('data-state'), 'succeeded');
  assert.equal(await good.locator('.run-steps tbody tr').count(), 11, 'one row per step of the daily run');
  assert.equal(await good.locator('.check-pass').count(), 7, 'every quality check passed and is shown');
  assert.match(await good.locator('.run-meta').textContent(), /requests: imdb \d+ · tmdb \d+/);
  assert.match(await good.locator('.run-meta').textContent(), /quota left: imdb \d/);
  await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-runs.png'), fullPage: true });
});

test('the landing page names the failed day and links to the runs', { timeout: 30_000 }, async () => {
  await open('#/', 'landing');
  const banner = page.locator('[data-testid=run-banner]');
  assert.match(await banner.textContent(), /A recent run failed/);
  assert.equal(await banner.locator(`li[data-date="${FAILED_DAY}"]`).count(), 1);
  assert.match(await banner.locator(`li[data-date="${FAILED_DAY}"]`).textContent(), /failed — .*HTTP 500/);
  await banner.locator('a', { hasText: 'See the runs' }).click();
  await page.waitForSelector('#app[data-page="runs"]:not([aria-busy])');
  await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-landing-failed-day.png'), fullPage: true });
});
