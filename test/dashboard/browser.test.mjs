// The dashboard in a real browser (Debian's chromium through playwright-core):
// every landing visual has data, titles open their detail pages, seasons open
// their episodes, search works, and an HTML-looking title stays text. The lake
// is the shared 30-day sandbox backfill (test/lib/cinelake.mjs).
// Screenshots of each page go to $CINELAKE_BUILD_DIR/test-artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { sandboxLake } from '../lib/cinelake.mjs';
import { startServer, getJson, launchBrowser, builtWeb, BUILD_DIR } from './server.mjs';

const XSS = '<img src=x onerror=alert(1)>';
const ARTIFACTS = path.join(BUILD_DIR, 'test-artifacts');

let server;
let landing;  // today's /api/landing, to know what the page should show
let browser;
let page;
const dialogs = [];
const pageErrors = [];

before(async () => {
  const web = builtWeb();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const lake = await sandboxLake();
  server = await startServer(lake, ['--web', web]);
  landing = (await getJson(server.url, '/api/landing')).json;
  browser = await launchBrowser(server.url);
  page = browser.page;
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss().catch(() => {}); });
  page.on('pageerror', (e) => pageErrors.push(e.message));
}, { timeout: 600_000 });  // the first suite of a build backfills the shared lake

after(async () => {
  await browser?.close();
  await server?.stop();
});

const open = (hash, pageName) => browser.open(hash, pageName);

async function shot(name) {
  await page.waitForTimeout(300);  // let failed image loads settle into placeholders
  await page.screenshot({ path: path.join(ARTIFACTS, `dashboard-${name}.png`), fullPage: true });
}

// No <img> is left showing a broken image: each one loaded or was removed.
async function assertNoBrokenImages() {
  await page.waitForTimeout(500);
  const broken = await page.$$eval('img', (imgs) => imgs.filter((i) => i.complete && i.naturalWidth === 0 && getComputedStyle(i).opacity !== '0').length);
  assert.equal(broken, 0);
}

test('landing shows every visual with data', { timeout: 60_000 }, async () => {
  await open('#/', 'landing');
  assert.match(await page.textContent('.headline'), /Popular Content of/);
  assert.ok((await page.textContent('[data-testid=landing-date]')).trim().length > 4);
  assert.equal(await page.locator('.top10 tbody tr').count(), 10);
  assert.ok(await page.locator('.gems tbody tr').count() >= 20);
  assert.ok(await page.locator('[data-testid=networks] li').count() >= 3);
  assert.equal(await page.locator('.movers-up tbody tr').count(), 10);
  assert.equal(await page.locator('.movers-down tbody tr').count(), 10);
  for (const k of ['binge', 'quick', 'oncoming', 'global']) {
    const v = Number(await page.textContent(`[data-kpi=${k}] .kpi-value`));
    assert.ok(v > 0, `${k} KPI is ${v}`);
  }
  const trending = await page.locator('[data-testid=trending] .trend-num').allTextContents();
  assert.equal(trending.length, 4);
  assert.ok(trending.every((t) => Number(t) > 0));
  assert.match(await page.textContent('.movers-up tbody'), /\+\d+/);
  assert.match(await page.textContent('.movers-down tbody'), /\u2212\d+/);
  assert.ok(await page.locator('.top10 .pic').count() >= 10);
  await assertNoBrokenImages();
  await shot('landing');
});

test('an HTML-looking title renders as text and runs nothing', { timeout: 30_000 }, async () => {
  await open('#/', 'landing');
  await page.fill('.header-card .search-input', 'onerror');
  const hit = page.locator('.header-card .search-results a.search-hit', { hasText: XSS });
  await hit.waitFor();
  assert.equal(await hit.locator('.search-title').textContent(), XSS);
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  await page.waitForTimeout(300);
  assert.deepEqual(dialogs, []);
  await hit.click();
  await page.waitForSelector('#app[data-page="detail"]:not([aria-busy])');
  assert.equal(await page.textContent('[data-testid=detail-title]'), XSS);
  assert.ok(await page.locator('[data-testid=detail-title]').isVisible());
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  // Its placeholder poster (initials) is text too, and the page title.
  assert.equal(await page.title(), `cinelake \u00b7 ${XSS}`);
  await shot('detail-xss');
  await page.waitForTimeout(300);
  assert.deepEqual(dialogs, []);
});

test('a top-10 title opens its detail with a 30-point rank trend; back returns', { timeout: 40_000 }, async () => {
  await open('#/', 'landing');
  const first = landing.top10.find((r) => r.type === 'movie');
  assert.ok(first, 'a movie in the top 10');
  const row = page.locator('.top10 tbody tr').nth(landing.top10.indexOf(first));
  const title = (await row.locator('a.title-link').textContent()).trim();
  await row.locator('a.title-link').click();
  await page.waitForSelector('#app[data-page="detail"]:not([aria-busy])');
  assert.equal(title, first.title);
  assert.equal((await page.textContent('[data-testid=detail-title]')).trim(), title);
  assert.equal(await page.textContent('[data-testid=rank-today]'), String(first.rank));
  const trend = page.locator('[data-testid=rank-trend]');
  assert.equal(await trend.getAttribute('data-points'), '30');
  assert.ok(Number(await trend.getAttribute('data-known')) > 0);
  const box = await trend.locator('canvas').boundingBox();
  assert.ok(box && box.width > 100 && box.height > 100);
  assert.match(await page.textContent('[data-testid=rank-today]'), /^\d+$/);
  assert.match(await page.textContent('.stars-text'), /^(\d+\.\d{2}\/10|-)$/);
  await page.hover('.pop .gauge-box');
  assert.match(await page.textContent('.pop .tooltip'), /Popularity Yesterday/);
  await assertNoBrokenImages();
  await shot('detail-movie');
  await page.goBack();
  await page.waitForSelector('#app[data-page="landing"]:not([aria-busy])');
  assert.equal(await page.locator('.top10 tbody tr').count(), 10);
});

test('a series opens a season and lists its episodes with type labels', { timeout: 40_000 }, async () => {
  await open('#/', 'landing');
  // The top-10 series with the most seasons (a new one may have no episode
  // data yet; an established one shows more of the page).
  let first;
  let detail;
  for (const r of landing.top10.filter((x) => x.type === 'tvSeries')) {
    const d = (await getJson(server.url, `/api/title/${r.id}`)).json;
    if (!detail || d.series.season_count > detail.series.season_count) [first, detail] = [r, d];
  }
  assert.ok(first, 'a series in the top 10');
  assert.ok(detail.series.season_count >= 1);
  await page.locator('.top10 tbody tr').nth(landing.top10.indexOf(first)).locator('a.title-link').click();
  await page.waitForSelector('#app[data-page="detail"]:not([aria-busy])');
  assert.equal((await page.textContent('[data-testid=detail-title]')).trim(), first.title);
  assert.equal(await page.locator('.seasons-table tbody tr').count(), detail.series.seasons.length);
  assert.equal(await page.getAttribute('[data-testid=rank-trend]', 'data-points'), '30');
  await shot('detail-series');
  const season = detail.series.seasons.find((x) => x.number === 1);
  await page.locator(`.seasons-table a[href="#/title/${first.id}/season/1"]`).click();
  await page.waitForSelector('.season-panel');
  const rows = page.locator('.episodes-table tbody tr');
  assert.ok(season.episodes_listed >= 1);
  assert.equal(await rows.count(), season.episodes_listed);
  const labels = await page.locator('.episodes-table .ep-type').allTextContents();
  assert.ok(labels.length >= 1);
  for (const l of labels) assert.ok(['Normal', 'Mid-Season', 'Final', 'Season Final', '-'].includes(l), l);
  await shot('season-episodes');
  await page.goBack();
  await page.waitForSelector('#app[data-page="detail"]:not([aria-busy])');
  assert.equal(await page.locator('.season-panel').count(), 0);
});

test('search finds a title by part of its name', { timeout: 30_000 }, async () => {
  // A piece from inside a top-10 title, in other letter case, then a piece of a
  // non-Latin title.
  const target = landing.top10.map((r) => r.title).find((t) => /^[\x20-\x7e]{6,}$/.test(t));
  const cases = [[target.slice(2, 6).toUpperCase(), target], ['千尋', '千と千尋の神隠し']];
  for (const [q, want] of cases) {
    await open('#/', 'landing');
    await page.fill('.header-card .search-input', q);
    const exact = new RegExp(`^${want.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    const hit = page.locator('.header-card .search-results a.search-hit', { has: page.locator('.search-title', { hasText: exact }) }).first();
    await hit.waitFor();
    assert.equal((await hit.locator('.search-title').textContent()).trim(), want);
    if (q === cases[0][0]) await shot('search');
    await hit.click();
    await page.waitForSelector('#app[data-page="detail"]:not([aria-busy])');
    assert.equal((await page.textContent('[data-testid=detail-title]')).trim(), want);
  }
});

test('KPI cards open their tables; trends page draws both charts', { timeout: 40_000 }, async () => {
  await open('#/', 'landing');
  await page.click('[data-kpi=oncoming]');
  await page.waitForSelector('#app[data-page="kpi"]:not([aria-busy])');
  assert.ok(await page.locator('.kpi-table tbody tr').count() >= 1);
  assert.match(await page.textContent('.kpi-table tbody'), /\d+ yrs \d+ mths \d+ days/);
  await shot('kpi-oncoming');
  await open('#/kpi/binge', 'kpi');
  assert.ok(await page.locator('.kpi-table tbody tr').count() >= 1);
  await shot('kpi-binge');
  await open('#/trends', 'trends');
  assert.ok(await page.locator('.chip').count() >= 2);
  for (const id of ['trend-popularity', 'trend-rank']) {
    const box = await page.locator(`[data-testid=${id}] canvas`).boundingBox();
    assert.ok(box && box.width > 100 && box.height > 100, id);
  }
  await shot('trends');
  assert.deepEqual(dialogs, []);
  assert.deepEqual(pageErrors, []);
});

// Leaving a page destroys its charts: after rounds of landing -> detail ->
// trends, as many Chart.js instances are alive as the page shown draws
// (#app[data-charts] is Chart.js's own count after each render).
test('charts are destroyed when their page is left', { timeout: 60_000 }, async () => {
  await open('#/', 'landing');
  const id = landing.top10[0].id;
  const counts = [];
  for (let round = 0; round < 4; round++) {
    for (const [hash, name] of [[`#/title/${id}`, 'detail'], ['#/trends', 'trends'], ['#/', 'landing']]) {
      await page.evaluate((h) => { location.hash = h; }, hash);
      await page.waitForSelector(`#app[data-page="${name}"]:not([aria-busy])`);
      counts.push([name, Number(await page.getAttribute('#app', 'data-charts'))]);
    }
  }
  const want = { detail: 1, trends: 2, landing: 0 };
  for (const [name, n] of counts) assert.equal(n, want[name], `${name}: ${JSON.stringify(counts)}`);
  assert.deepEqual(pageErrors, []);
});

// TMDB's terms: the notice is on every page the dashboard has.
test('the TMDB attribution notice is on every page', { timeout: 60_000 }, async () => {
  const id = landing.top10[0].id;
  const series = landing.top10.find((r) => r.type === 'series' || r.content_type === 'tvSeries');
  const pages = [['#/', 'landing'], ['#/trends', 'trends'], ['#/charts', 'charts'], ['#/kpi/binge', 'kpi'], [`#/title/${encodeURIComponent(id)}`, 'detail'],
    ['#/catalog', 'catalog'], ['#/about', 'about']];
  if (series) pages.push([`#/title/${encodeURIComponent(series.id)}/season/1`, 'detail']);
  for (const [hash, name] of pages) {
    await open(hash, name);
    const text = await page.$eval('[data-role="attribution"]', (el) => el.textContent);
    assert.match(text, /This product uses the TMDB API but is not endorsed or certified by TMDB/, hash);
    assert.equal(await page.$eval('[data-role="attribution"] .tmdb-name', (el) => el.textContent), 'TMDB', hash);
  }
});

test('the About panel, linked from every footer, names the sources and both services\' terms', { timeout: 30_000 }, async () => {
  await open('#/trends', 'trends');
  await page.click('[data-role="attribution"] .about-link');
  await page.waitForSelector('#app[data-page="about"]:not([aria-busy])');
  const about = page.locator('[data-role="about"]');
  assert.match(await about.locator('[data-source="imdb"]').textContent(), /IMDb.*imdb236 API on RapidAPI/);
  assert.match(await about.locator('[data-source="tmdb"]').textContent(), /TMDB.*popularity/);
  assert.match(await about.locator('[data-role="tmdb-notice"]').textContent(),
    /This product uses the TMDB API but is not endorsed or certified by TMDB\./);
  assert.equal(await about.locator('[data-role="tmdb-notice"] svg.mark-tmdb').count(), 1, 'with TMDB\'s logo');
  assert.match(await about.locator('[data-role="imdb-terms"]').textContent(), /personal and non-commercial use only/);
  await shot('about');
});

test('a detail page shows the streak, the peak and the debut from the fact', { timeout: 30_000 }, async () => {
  // A top-10 title whose history holds something: a streak over 1 day.
  const row = landing.top10.find((r) => r.days_on_list > 1) ?? landing.top10[0];
  const detail = (await getJson(server.url, `/api/title/${row.id}`)).json;
  assert.equal(detail.chart.days_on_list, row.days_on_list);
  assert.equal(detail.chart.peak_rank, row.peak_rank);
  assert.ok(detail.chart.peak_rank <= row.rank, 'the peak is no worse than today');
  await open('#/', 'landing');
  const cells = page.locator('.top10 tbody tr').nth(landing.top10.indexOf(row));
  assert.equal((await cells.locator('td.days-cell').textContent()).trim(), String(row.days_on_list));
  assert.equal((await cells.locator('td.peak-cell').textContent()).trim(), `#${row.peak_rank}`);
  await open(`#/title/${row.id}`, 'detail');
  assert.equal((await page.textContent('[data-testid=streak]')).trim(), String(detail.chart.days_on_list));
  assert.equal((await page.textContent('[data-testid=peak]')).trim(), `#${detail.chart.peak_rank}`);
  const peakLabel = await page.locator('.chart-card .stat-item', { has: page.locator('[data-testid=peak]') }).locator('.stat-label').textContent();
  const [y, m, d] = detail.chart.peak_date.split('-').map(Number);
  assert.ok(peakLabel.includes(String(y)) && peakLabel.includes(String(d)), `peak label ${peakLabel} dates ${detail.chart.peak_date} (${m})`);
  assert.notEqual((await page.textContent('[data-testid=debut]')).trim(), '-');
  await shot('detail-chart-measures');
});

test('the Charts view switches to the 7-day window and lists what the API computes', { timeout: 30_000 }, async () => {
  const week = (await getJson(server.url, '/api/charts?window=7')).json;
  assert.equal(week.window_days, 7);
  assert.ok(week.start_date, 'a snapshot a week old');
  assert.ok(week.climbers.length > 0, 'climbers over the week');
  await open('#/charts', 'charts');
  assert.equal(await page.getAttribute('.page.charts', 'data-window'), '1');
  await page.locator('[data-testid=chart-window] a', { hasText: '7 days' }).click();
  await page.waitForSelector('#app[data-page="charts"]:not([aria-busy]) .page.charts[data-window="7"]');
  assert.equal(await page.getAttribute('[data-testid=chart-window] a.active', 'aria-current'), 'true');
  assert.match(await page.textContent('[data-testid=climbers-since]'), /since /);
  const climbers = page.locator('.climbers tbody tr');
  assert.equal(await climbers.count(), week.climbers.length);
  assert.equal((await climbers.first().locator('a.title-link').textContent()).trim(), week.climbers[0].title);
  assert.equal((await climbers.first().locator('td').first().textContent()).trim(), week.climbers[0].climb_text);
  assert.equal(await page.locator('.longest-running tbody tr').count(), week.longest_running.length);
  assert.equal((await page.locator('.longest-running tbody tr').first().locator('a.title-link').textContent()).trim(), week.longest_running[0].title);
  await shot('charts-7-days');
  assert.deepEqual(pageErrors, []);
});

test('the Catalog page lists the day, searches a catalog title and opens its trend', { timeout: 60_000 }, async () => {
  const catalog = (await getJson(server.url, '/api/catalog')).json;
  await open('#/catalog', 'catalog');
  assert.equal(await page.locator('.catalog-top tbody tr').count(), catalog.top.length);
  assert.equal((await page.locator('.catalog-top tbody tr').first().locator('.catalog-title a').first().textContent()).trim(),
    catalog.top[0].title ?? catalog.top[0].tmdb_id);
  assert.equal(await page.locator('.catalog-climbers tbody tr').count(), Math.max(1, catalog.climbers.length));
  // A catalog title (one the IMDB lists do not show, when the top has one),
  // found by its name without the first letter, in other letter case.
  const named = catalog.top.filter((r) => r.title && /^[\x20-\x7e]{8,}$/.test(r.title));
  const row = named.find((r) => !r.content_id) ?? named[0];
  const target = row.title;
  await page.fill('[data-testid=catalog-search]', target.slice(1).toUpperCase());
  const exact = new RegExp(`^${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const hit = page.locator('[data-testid=catalog-hits] a.search-hit', { has: page.locator('.search-title', { hasText: exact }) }).first();
  await hit.waitFor();
  await shot('catalog-search');
  await hit.click();
  await page.waitForSelector('#app[data-page="catalog"]:not([aria-busy])');
  await page.waitForFunction((t) => document.querySelector('[data-testid=catalog-trend-title]')?.textContent.startsWith(t), target);
  const trend = (await getJson(server.url, `/api/catalog/trend?id=${encodeURIComponent(row.tmdb_id)}`)).json;
  assert.equal(await page.getAttribute('[data-testid=catalog-trend-popularity]', 'data-points'), String(trend.dates.length));
  assert.equal(await page.getAttribute('[data-testid=catalog-trend-popularity]', 'data-known'), String(trend.ranks.filter((r) => r !== null).length));
  for (const id of ['catalog-trend-popularity', 'catalog-trend-rank']) {
    const box = await page.locator(`[data-testid=${id}] canvas`).boundingBox();
    assert.ok(box && box.width > 100 && box.height > 100, id);
  }
  assert.equal(Number(await page.getAttribute('#app', 'data-charts')), 2);
  await shot('catalog-trend');
  assert.deepEqual(pageErrors, []);
});

test('a detail page shows its catalog rank, linking to the catalog trend', { timeout: 30_000 }, async () => {
  const row = landing.top10[0];
  const detail = (await getJson(server.url, `/api/title/${row.id}`)).json;
  assert.ok(detail.catalog && detail.catalog.rank !== null, 'a top-10 title is in the catalog');
  await open(`#/title/${row.id}`, 'detail');
  assert.equal((await page.textContent('[data-testid=catalog-rank]')).trim(), `#${detail.catalog.rank.toLocaleString('en-US')}`);
  await page.click('[data-testid=catalog-rank] a');
  await page.waitForSelector('#app[data-page="catalog"]:not([aria-busy]) [data-testid=catalog-trend-title]');
  assert.match(await page.textContent('[data-testid=catalog-trend-title]'), new RegExp(detail.catalog.tmdb_id.replace('/', '\\/')));
});

// At 390 px (a phone) no element sticks out of the viewport, and no text is
// cut by its own box, except inside a table's scrolling wrapper.
test('every page fits a 390 px wide screen', { timeout: 90_000 }, async () => {
  const movie = landing.top10.find((r) => r.type === 'movie');
  const series = landing.top10.find((r) => r.type === 'tvSeries');
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    for (const [hash, name] of [['#/', 'landing'], ['#/kpi/binge', 'kpi'], [`#/title/${movie.id}`, 'detail'],
      [`#/title/${series.id}`, 'detail'], [`#/title/${series.id}/season/1`, 'detail'], ['#/trends', 'trends'],
      ['#/charts?window=7', 'charts'], ['#/catalog', 'catalog']]) {
      await open(hash, name);
      await page.waitForTimeout(200);
      const bad = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const out = [];
        for (const el of document.querySelectorAll('#app *')) {
          if (el.closest('.table-wrap') && !el.classList.contains('table-wrap')) continue;
          const r = el.getBoundingClientRect();
          if (r.width === 0 || r.height === 0) continue;
          const name = `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
          if (r.left < -0.5 || r.right > width + 0.5) out.push(`${name} spans ${Math.round(r.left)}..${Math.round(r.right)}`);
          const style = getComputedStyle(el);
          const clips = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
          if (clips && !el.closest('.pic') && el.scrollWidth > el.clientWidth + 1) out.push(`${name} cuts its text (${el.scrollWidth} > ${el.clientWidth})`);
        }
        if (document.documentElement.scrollWidth > width) out.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${width})`);
        return out;
      });
      assert.deepEqual(bad.slice(0, 8), [], `${hash} at 390 px`);
      await shot(`390-${name}-${hash.replace(/[^a-z0-9]+/gi, '-')}`);
    }
  } finally {
    await page.setViewportSize({ width: 1500, height: 900 });
  }
});

// A 1x1 PNG for TMDB's image host, which a test has no network to reach.
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

test('a detail page shows where to watch: provider logos by offer type, with the JustWatch credit', { timeout: 40_000 }, async () => {
  const asked = [];
  await page.route('https://image.tmdb.org/**', (route) => { asked.push(route.request().url()); route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL }); });
  try {
    let pick = null;
    for (const row of landing.top10) {
      const d = (await getJson(server.url, `/api/title/${row.id}`)).json;
      const us = d.watch.offers.US || {};
      if (Object.keys(us).length >= 2) { pick = { row, us }; break; }
    }
    assert.ok(pick, 'a top-10 title offered two ways in the US');
    await open(`#/title/${pick.row.id}`, 'detail');
    const types = await page.$$eval('.watch-card [data-offer-type]', (els) => els.map((e) => e.getAttribute('data-offer-type')));
    const order = ['subscription', 'free', 'ads', 'rent', 'buy'];
    assert.deepEqual(types, order.filter((t) => pick.us[t]));
    for (const t of types) {
      const ids = await page.$$eval(`.watch-card [data-offer-type="${t}"] .watch-provider`, (els) => els.map((e) => Number(e.getAttribute('data-provider-id'))));
      assert.deepEqual(ids, pick.us[t].map((p) => p.id), t);
    }
    // Logos at the size the slot draws (w92 for 40 px), loaded.
    await page.waitForFunction(() => [...document.querySelectorAll('.watch-card img')].every((i) => i.complete));
    const srcs = await page.$$eval('.watch-card .watch-provider img', (imgs) => imgs.map((i) => [i.getAttribute('src'), i.naturalWidth]));
    const offers = Object.values(pick.us).flat().filter((p) => p.logo);
    assert.equal(srcs.length, offers.length);
    for (const [src, w] of srcs) {
      assert.match(src, /^https:\/\/image\.tmdb\.org\/t\/p\/w92\//);
      assert.equal(w, 1, src);
    }
    assert.ok(asked.some((u) => u.includes('/t/p/w92/')));
    assert.match(await page.textContent('.watch-card [data-role=justwatch]'), /Streaming data by JustWatch/);
    assert.equal(await page.$eval('[data-testid=country-picker]', (s) => s.value), 'US');
    await shot('detail-where-to-watch');
  } finally {
    await page.unroute('https://image.tmdb.org/**');
  }
});

test('the landing page lists new on streaming and leaving for the chosen country', { timeout: 30_000 }, async () => {
  const s = (await getJson(server.url, '/api/streaming?country=US')).json;
  assert.equal(s.country, 'US');
  assert.ok(s.added.length > 0 && s.leaving.length > 0, `added ${s.added.length}, leaving ${s.leaving.length}`);
  await open('#/', 'landing');
  await page.waitForSelector('[data-testid=streaming]');
  assert.equal(await page.locator('.streaming-new .streaming-list li').count(), s.added.length);
  assert.equal(await page.locator('.streaming-left .streaming-list li').count(), s.leaving.length);
  assert.equal((await page.locator('.streaming-new .streaming-list li').first().locator('a.title-link').textContent()).trim(), s.added[0].title);
  assert.equal(await page.locator('[data-testid=streaming] [data-role=justwatch]').count(), 2);
  assert.equal(await page.$eval('[data-testid=streaming] [data-testid=country-picker]', (el) => el.value), 'US');
  assert.deepEqual(pageErrors, []);
});
