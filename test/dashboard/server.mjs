// Shared by the dashboard's node tests: start/stop `cinelake serve` on an
// ephemeral loopback port, raw HTTP requests, and DuckDB from test/oracle.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = process.env.CINELAKE_BIN ?? path.join(ROOT, 'build/cinelake');
export const BUILD_DIR = process.env.CINELAKE_BUILD_DIR ?? path.join(ROOT, 'build');

const oracleRequire = createRequire(path.join(ROOT, 'test/oracle/package.json'));
export async function importOracle(name) {
  return import(pathToFileURL(oracleRequire.resolve(name)).href);
}

// Starts the server; resolves {url, stop(), stderr(), pid} once it prints its
// address (within startMs: a large lake takes longer to load).
export async function startServer(lake, extra = [], { startMs = 20_000 } = {}) {
  const child = spawn(BIN, ['serve', '--lake', lake, '--listen', '127.0.0.1:0', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((resolve) => {
      const t = setTimeout(() => { child.kill('SIGKILL'); resolve(); }, 5000);
      child.on('exit', () => { clearTimeout(t); resolve(); });
    });
  };
  process.on('exit', () => { try { child.kill('SIGKILL'); } catch { /* gone */ } });
  try {
    const url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve did not start in ${startMs / 1000} s: ${err}`)), startMs);
      child.stdout.on('data', (d) => {
        out += d;
        const m = out.match(/http:\/\/127\.0\.0\.1:\d+/);
        if (m) { clearTimeout(timer); resolve(m[0]); }
      });
      child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve exited ${code}: ${err}`)); });
    });
    return { url, stop, stderr: () => err, pid: child.pid };
  } catch (e) {
    await stop();
    throw e;
  }
}

// A request with the path sent exactly as given (no URL normalisation).
export function raw(url, pathText, { method = 'GET', timeoutMs = 5000 } = {}) {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path: pathText, method, timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`timeout ${pathText}`)));
    req.on('error', reject);
    req.end();
  });
}

export async function getJson(url, p) {
  const r = await raw(url, p);
  let json = null;
  try { json = JSON.parse(r.body); } catch { /* not JSON */ }
  return { ...r, json };
}

export async function openDuckDB(lake) {
  const { DuckDBInstance } = await importOracle('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const q = (s) => `'${s.replaceAll("'", "''")}'`;
  const gold = (t) => q(path.join(lake, 'gold', t, '*.parquet'));
  for (const t of ['dim_content', 'dim_season', 'dim_episode', 'dim_person', 'dim_network', 'dim_production_company',
    'bridge_content_genre', 'bridge_content_person', 'bridge_content_network', 'bridge_content_company', 'bridge_content_interest']) {
    await conn.run(`CREATE VIEW ${t} AS SELECT * FROM read_parquet(${gold(t)})`);
  }
  await conn.run(`CREATE VIEW fact_popularity AS SELECT * REPLACE (CAST(popularity AS DOUBLE) AS popularity)
    FROM read_parquet(${q(path.join(lake, 'gold/fact_popularity/*/*.parquet'))}, hive_partitioning = true, hive_types = {'loadDate': DATE})`);
  return {
    async all(sql) {
      const reader = await conn.runAndReadAll(sql);
      return reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
    },
    close() { conn.closeSync?.(); instance.closeSync?.(); },
  };
}

// The built front end, built first if missing (a fresh checkout).
export function builtWeb() {
  const web = path.join(ROOT, 'web', 'dist');
  if (!fs.existsSync(path.join(web, 'index.html'))) {
    const r = spawnSync('npm', ['run', 'build'], { cwd: path.join(ROOT, 'web'), encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) throw new Error(`npm run build in web/: ${r.stderr}`);
  }
  return web;
}

// Debian's chromium through playwright-core, headless, in a throwaway
// profile, on the dashboard at `baseUrl`; resolves {context, page,
// open(hash, pageName) (navigates and waits for the page), close()}.
export async function launchBrowser(baseUrl) {
  const pw = await importOracle('playwright-core');
  const chromium = pw.chromium ?? pw.default.chromium;
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cinelake-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    timeout: 30_000,
    viewport: { width: 1500, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  context.setDefaultTimeout(10_000);
  const page = context.pages()[0] ?? await context.newPage();
  return {
    context,
    page,
    async open(hash, pageName) {
      await page.goto(`${baseUrl}/${hash}`);
      await page.waitForSelector(`#app[data-page="${pageName}"]:not([aria-busy])`);
    },
    async close() {
      await context.close().catch(() => {});
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
